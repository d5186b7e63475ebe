import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// Scalars of the public API. Instants are shown in Asia/Shanghai time with their offset; calendar
// days and decimals are strings so that no client ever rounds through a float.

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
    throw new GraphQLError('DateTime must be an ISO 8601 instant with an offset, e.g. 2026-11-26T09:30:00+08:00');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime is not a real instant');
  return date;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has kept UTC+8 without daylight saving since 1991
/** The API's own text of an instant, as the read models have PostgreSQL write it (financing.view.ts instant()). */
const SHANGHAI_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/;

/**
 * An instant as the API writes it: Asia/Shanghai time with milliseconds. Text already in that shape
 * (written by SQL) passes through; a Date (an entity's), or other ISO 8601 text with an offset, is
 * converted. Anything else is refused.
 */
export function serializeInstant(value: unknown): string {
  if (typeof value === 'string' && SHANGHAI_INSTANT.test(value)) return value;
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string' && ISO_INSTANT.test(value)
        ? Date.parse(value)
        : NaN;
  if (Number.isNaN(ms)) throw new GraphQLError('DateTime cannot represent this value as an instant');
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant: ISO 8601 with offset. The API writes them in Asia/Shanghai time, e.g. "2026-11-26T09:30:00.000+08:00".',
  serialize: serializeInstant,
  parseValue: parseInstant,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseInstant(ast.value);
  },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError('Date must be a calendar day written YYYY-MM-DD, e.g. 2026-10-08');
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day in Asia/Shanghai, written YYYY-MM-DD.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string');
    return parseDate(ast.value);
  },
});

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new GraphQLError('Decimal must be a string of digits with an optional fraction, e.g. "4.35"');
  }
  return value;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number written as a string, e.g. "4.35". Never a float.',
  serialize: (value) => (typeof value === 'number' ? String(value) : parseDecimal(String(value))),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be a string, e.g. "4.35"');
    return parseDecimal(ast.value);
  },
});
