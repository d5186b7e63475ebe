import fc from 'fast-check';
import { toGlobalId } from '../../../src/shared/ids.js';

// Argument values for the fuzzer: for each scalar a mix of valid values, boundaries and hostile ones.
// Hostile strings never spell what the response checks look for (SQL, stack frames, paths), so an
// input echoed back in a validation message cannot pass for a leak.

/** What the fuzzer knows of the database it runs against: real global IDs by type, real cursors. */
export interface FuzzWorld {
  /** Global IDs of rows that exist, by GraphQL type name. */
  ids: Map<string, string[]>;
  /** Types that implement Node: forged IDs name them with UUIDs that exist nowhere. */
  nodeTypes: string[];
}

const INT_MAX = 2 ** 31 - 1;

const hostileText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202eevil\u202c',
  '\u200b\u200d',
  '\ufeff',
  '\r\n\t',
  '\u0007\u001b[31m',
  '👩‍👩‍👧‍👦🇨🇳',
  '青岛市\u0301\u0301\u0301',
  "' OR '1'='1",
  '"; DROP TABLE x; --',
  '%s%n%x',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '\\',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x7fffffff',
  'ÿ'.repeat(10),
);

/** Long strings around the lengths the inputs declare as maxima (10 … 2,000) and far past them. */
const longText = fc
  .tuple(
    fc.constantFrom(10, 11, 40, 41, 50, 51, 100, 101, 200, 500, 501, 1000, 1001, 2000, 2001, 100_000),
    fc.constantFrom('a', '青', '😀', ' '),
  )
  .map(([length, unit]) => unit.repeat(length));

const plainText = fc.oneof(
  fc.constantFrom('青岛海尔科技有限公司', '青岛', '科技', 'Qingdao Tech Co., Ltd.', 'test', '测试'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const emailText = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('official@demo.local', 'no-at-sign', '@', 'a@b', 'A@B.CN ', `${'x'.repeat(250)}@x.cn`),
);

export const stringValue = fc.oneof(
  { weight: 4, arbitrary: plainText },
  { weight: 3, arbitrary: hostileText },
  { weight: 1, arbitrary: longText },
);

export const intValue = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 120 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      99,
      100,
      101,
      1000,
      INT_MAX,
      -INT_MAX - 1,
      INT_MAX + 1,
      -INT_MAX - 2,
      2 ** 53,
      1e20,
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(1.5, -0.5, Number.NaN, '1', '', true, [1]) },
);

const floatValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, '1.5', Number.NaN),
);

const dateValue = fc.oneof(
  fc.constantFrom('2026-11-26', '2026-02-28', '2024-02-29', '2026-10-01', '1970-01-01', '9999-12-31'),
  fc.constantFrom(
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '26-11-26',
    '2026/11/26',
    '2026-11-26T00:00:00Z',
    '0000-00-00',
    '',
  ),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

const dateTimeValue = fc.oneof(
  fc.constantFrom('2026-11-26T09:00:00+08:00', '2026-11-26T01:00:00.000Z', '1970-01-01T00:00:00Z'),
  fc.constantFrom(
    '2026-11-26',
    '2026-11-26T25:00:00Z',
    '2026-11-26T09:00:00+99:00',
    'yesterday',
    '+275760-09-13T00:00:00Z',
    '',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const decimalValue = fc.oneof(
  fc.constantFrom('1500000.00', '0', '0.00', '1', '0.01', '99999999999.99'),
  fc.constantFrom('-1', '0.001', '1e3', '1,000', ' 1', 'NaN', 'Infinity', '', '9'.repeat(40), '1.2.3', '１２３'),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)),
  intValue,
);

/** Cursors: MikroORM's encoding is base64url of a JSON array of the sort key values. */
const cursorValue = fc.oneof(
  fc.constantFrom('', 'not-a-cursor', '====', 'W10', '\u0000'),
  fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.integer(),
        fc.constant(null),
        fc.constantFrom(
          true,
          { $gt: 1 },
          [1, 2],
          '2026-11-26T01:00:00.000Z',
          '00000000-0000-0000-0000-000000000000',
          'x'.repeat(300),
        ),
      ),
      { maxLength: 4 },
    )
    .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
  fc.json().map((json) => Buffer.from(json).toString('base64url')),
);

function idValue(world: FuzzWorld): fc.Arbitrary<unknown> {
  const real = [...world.ids.values()].flat();
  return fc.oneof(
    { weight: 3, arbitrary: real.length > 0 ? fc.constantFrom(...real) : fc.constant('') },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...world.nodeTypes), fc.uuid()).map(([type, uuid]) => toGlobalId(type, uuid)),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom('', 'abc', '0', 'VXNlcjo=', 'x'.repeat(201)),
        fc
          .tuple(fc.constantFrom('User', 'Nope', 'user', '', '__proto__'), fc.string({ maxLength: 40 }))
          .map(([type, id]) => toGlobalId(type, id)),
        fc.string({ maxLength: 40 }).map((text) => Buffer.from(text).toString('base64url')),
        intValue,
      ),
    },
  );
}

/** A value for a scalar argument, chosen by its type and, for strings, by the argument's name. */
export function scalarValue(typeName: string, argumentName: string, world: FuzzWorld): fc.Arbitrary<unknown> {
  const wrongType = fc.constantFrom(42, true, { a: 1 }, ['x'], 'x');
  const pick = (arbitrary: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: wrongType });
  switch (typeName) {
    case 'Int':
      return pick(intValue);
    case 'Float':
      return pick(floatValue);
    case 'Boolean':
      return pick(fc.boolean());
    case 'ID':
      return pick(idValue(world));
    case 'Date':
      return pick(dateValue);
    case 'DateTime':
      return pick(dateTimeValue);
    case 'Decimal':
      return pick(decimalValue);
    case 'String':
      if (/^(after|before|cursor)$/i.test(argumentName)) return pick(cursorValue);
      if (/email/i.test(argumentName)) return pick(emailText);
      if (/password/i.test(argumentName)) return pick(fc.oneof(fc.constant('Correct-horse-9'), stringValue));
      if (/uscc|creditCode/i.test(argumentName)) {
        return pick(
          fc.oneof(fc.constantFrom('91370200MA3C12345X', '91370212MA3CXXXXXX', '913702000000000000'), stringValue),
        );
      }
      return pick(stringValue);
    default:
      return pick(stringValue);
  }
}
