import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { uniqueEmail } from '../helpers/accounts.js';
import { createEnterprise, demandInput, MAKE_OFFER, offerInput, PUBLISH, publishDemand } from '../financing/helpers.js';
import { RESERVE } from '../names/helpers.js';
import { COMMITMENT, draftEstablishment, SUBMIT, tradeName } from '../registration/helpers.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { forgetExpiredIdempotencyKeys } from '../../src/shared/idempotency/idempotency.js';
import { IdempotencyKey } from '../../src/shared/idempotency/idempotency.entity.js';

// Create-type mutations under an idempotency key: a retry (same viewer, same key, same input) answers
// with the first result and writes nothing; concurrent duplicates create one object; the same key
// with another input is refused; keys are per viewer and expire after 24 hours.

let app: TestApp;
let applicant: TestUser;
let bank: TestUser;
let enterpriseId: string;
beforeAll(async () => {
  app = await TestApp.start();
  applicant = await createUser(app);
  bank = await createUser(app, {
    role: 'BANK_OFFICER',
    organisation: await createOrganisation(app, 'BANK', '幂等测试银行'),
  });
  enterpriseId = toGlobalId('Enterprise', (await createEnterprise(app, applicant)).id);
});
afterAll(async () => app?.stop());

const TABLES = [
  'users',
  'sessions',
  'name_reservations',
  'registration_applications',
  'financing_demands',
  'financing_demand_contacts',
  'financing_offers',
  'notifications',
  'audit_events',
  'idempotency_keys',
];

/** Row counts of every table the five mutations write, and the applications' versions (submit changes a row). */
async function rowCounts(): Promise<Record<string, number>> {
  const em = app.em();
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    counts[table] = row!.n;
  }
  const [versions] = await em.execute<{ n: number }[]>(
    'select coalesce(sum(version), 0)::int as n from registration_applications',
  );
  counts.application_versions = versions!.n;
  return counts;
}

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
      }
      token
      expiresAt
      userErrors {
        code
        field
        message
      }
    }
  }
`;

interface Mutation {
  name: string;
  /** Runs the mutation with `key` (the same input every time for one `case`); returns the payload. */
  prepare(): Promise<(key: string | null) => Promise<Record<string, any>>>;
  /** The id of the object the payload names. */
  idOf(payload: Record<string, any>): string;
}

async function payload(query: string, input: Record<string, unknown>, token: string | null) {
  const result = await app.execute(query, { input }, { token });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data!)[0] as Record<string, any>;
}

const MUTATIONS: Mutation[] = [
  {
    name: 'signUp',
    async prepare() {
      const input = { email: uniqueEmail('idem'), password: TEST_PASSWORD, displayName: '幂等' };
      return (key) => payload(SIGN_UP, { ...input, idempotencyKey: key }, null);
    },
    idOf: (p) => p.user.id,
  },
  {
    name: 'reserveEnterpriseName',
    async prepare() {
      const input = {
        name: `青岛${tradeName()}信息技术有限公司`,
        district: 'SHINAN',
        kind: 'LIMITED_LIABILITY_COMPANY',
        industry: 'I65',
        similarNameUndertaking: { termsVersion: 1, accepted: true, signatoryName: '王海川' },
      };
      return (key) => payload(RESERVE, { ...input, idempotencyKey: key }, applicant.token);
    },
    idOf: (p) => p.reservation.id,
  },
  {
    name: 'submitRegistrationApplication',
    async prepare() {
      const { id } = await draftEstablishment(app, applicant);
      return (key) => payload(SUBMIT, { id, commitment: COMMITMENT, idempotencyKey: key }, applicant.token);
    },
    idOf: (p) => p.application.id,
  },
  {
    name: 'publishFinancingDemand',
    async prepare() {
      return (key) => payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);
    },
    idOf: (p) => p.demand.id,
  },
  {
    name: 'makeFinancingOffer',
    async prepare() {
      const demandId = await publishDemand(app, applicant, enterpriseId);
      return (key) => payload(MAKE_OFFER, { ...offerInput(demandId), idempotencyKey: key }, bank.token);
    },
    idOf: (p) => p.offer.id,
  },
];

describe.each(MUTATIONS)('$name with an idempotency key', (mutation) => {
  it('answers a retry with the first result and writes nothing more', async () => {
    const send = await mutation.prepare();
    const key = randomUUID();
    const first = await send(key);
    expect(first.userErrors).toEqual([]);
    const before = await rowCounts();

    const retry = await send(key);

    expect(retry.userErrors).toEqual([]);
    expect(mutation.idOf(retry)).toBe(mutation.idOf(first));
    expect(await rowCounts()).toEqual(before);
  });

  it('creates one object when the same request arrives several times at once', async () => {
    const send = await mutation.prepare();
    const key = randomUUID();
    const before = await rowCounts();

    const results = await Promise.all(Array.from({ length: 4 }, () => send(key)));

    for (const result of results) expect(result.userErrors).toEqual([]);
    expect(new Set(results.map((r) => mutation.idOf(r))).size).toBe(1);
    const single = await send(key);
    expect(mutation.idOf(single)).toBe(mutation.idOf(results[0]!));
    const after = await rowCounts();
    expect(after.idempotency_keys).toBe(before.idempotency_keys + 1);
  });
});

describe('an idempotency key', () => {
  it('gives a signed-up retry the same session token, without a second session', async () => {
    const input = {
      email: uniqueEmail('idem'),
      password: TEST_PASSWORD,
      displayName: '幂等',
      idempotencyKey: randomUUID(),
    };
    const first = await payload(SIGN_UP, input, null);
    const before = await rowCounts();

    const retry = await payload(SIGN_UP, input, null);

    expect(retry.token).toBe(first.token);
    expect(retry.expiresAt).toBe(first.expiresAt);
    expect(await rowCounts()).toEqual(before);
    const viewer = await app.execute('{ viewer { user { id } } }', {}, { token: retry.token });
    expect(viewer.data?.viewer.user.id).toBe(first.user.id);
  });

  it('used again with a different input is refused with CONFLICT, and nothing is written', async () => {
    const key = randomUUID();
    const first = await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);
    expect(first.userErrors).toEqual([]);
    const before = await rowCounts();

    const other = await app.execute(
      PUBLISH,
      { input: { ...demandInput(enterpriseId, { termMonths: 36 }), idempotencyKey: key } },
      { token: applicant.token, language: 'en' },
    );

    expect(other.data?.publishFinancingDemand).toEqual({
      demand: null,
      userErrors: [
        {
          code: 'CONFLICT',
          field: ['input', 'idempotencyKey'],
          message: expect.stringMatching(/already used for a different request/),
        },
      ],
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('used with another mutation is refused with CONFLICT', async () => {
    const key = randomUUID();
    const demand = await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);
    expect(demand.userErrors).toEqual([]);

    const reservation = await payload(
      RESERVE,
      {
        name: `青岛${tradeName()}科技有限公司`,
        district: 'SHINAN',
        kind: 'LIMITED_LIABILITY_COMPANY',
        industry: 'I65',
        similarNameUndertaking: { termsVersion: 1, accepted: true, signatoryName: '王海川' },
        idempotencyKey: key,
      },
      applicant.token,
    );

    expect(reservation.userErrors.map((e: { code: string }) => e.code)).toEqual(['CONFLICT']);
  });

  it('belongs to its viewer: another applicant with the same key gets its own object', async () => {
    const other = await createUser(app);
    const otherEnterprise = toGlobalId('Enterprise', (await createEnterprise(app, other)).id);
    const key = randomUUID();

    const mine = await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);
    const theirs = await payload(PUBLISH, { ...demandInput(otherEnterprise), idempotencyKey: key }, other.token);

    expect(mine.userErrors).toEqual([]);
    expect(theirs.userErrors).toEqual([]);
    expect(theirs.demand.id).not.toBe(mine.demand.id);
  });

  it('is forgotten after 24 hours: the same key then creates a new object', async () => {
    const key = randomUUID();
    const first = await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);
    app.clock.advance(24 * 3600_000 + 1000);
    try {
      const later = await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);

      expect(later.userErrors).toEqual([]);
      expect(later.demand.id).not.toBe(first.demand.id);
    } finally {
      app.clock.advance(-(24 * 3600_000 + 1000));
    }
  });

  it('past 24 hours is removed by the scheduled sweep, younger ones are kept', async () => {
    const old = randomUUID();
    await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: old }, applicant.token);
    app.clock.advance(3600_000);
    const young = randomUUID();
    await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: young }, applicant.token);
    app.clock.advance(23 * 3600_000);
    try {
      await forgetExpiredIdempotencyKeys(app.em(), app.clock);

      const keys = await app.em().find(IdempotencyKey, { key: { $in: [old, young] } });
      expect(keys.map((k) => k.key)).toEqual([young]);
    } finally {
      app.clock.advance(-24 * 3600_000);
    }
  });

  it('is not used up by a refused request: the corrected retry with it creates', async () => {
    const key = randomUUID();
    const refused = await payload(
      PUBLISH,
      { ...demandInput(enterpriseId, { termMonths: 0 }), idempotencyKey: key },
      applicant.token,
    );
    expect(refused.userErrors.length).toBeGreaterThan(0);
    const before = await rowCounts();

    const corrected = await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);

    expect(corrected.userErrors).toEqual([]);
    expect((await rowCounts()).financing_demands).toBe(before.financing_demands + 1);
  });

  it.each([
    ['too long', 'k'.repeat(101), 'TOO_LONG'],
    ['with a space', 'my key', 'INVALID_FORMAT'],
    ['with a control character', 'key\u0007', 'INVALID_CHARACTERS'],
  ])('%s is refused at validation and nothing is written', async (_what, key, code) => {
    const before = await rowCounts();

    const result = await payload(PUBLISH, { ...demandInput(enterpriseId), idempotencyKey: key }, applicant.token);

    expect(result.userErrors).toEqual([expect.objectContaining({ code, field: ['input', 'idempotencyKey'] })]);
    expect(await rowCounts()).toEqual(before);
  });

  it('is optional: without one, each request creates', async () => {
    const first = await payload(PUBLISH, demandInput(enterpriseId), applicant.token);
    const second = await payload(PUBLISH, demandInput(enterpriseId), applicant.token);

    expect(second.demand.id).not.toBe(first.demand.id);
  });
});
