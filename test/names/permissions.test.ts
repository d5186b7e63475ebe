import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type ExecuteResult } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { CommitmentTerms, ProhibitedNameWord, SpecialNameWord } from '../../src/modules/names/names.entity.js';
import { currentTerms } from '../../src/modules/names/reference.service.js';
import { namesRowCounts, reserveViaApi } from './helpers.js';

// The permission matrix of every names operation: each row is the reviewed contract of who may call
// it; changing it is a diff of this table. Every cell runs the real operation with a caller of its
// own, against a reservation owned by the OWNER caller.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

const CALLERS = [
  'anonymous',
  'OWNER',
  'APPLICANT',
  'BANK_OFFICER',
  'HOST_AGENT',
  'OFFICIAL_MARKET_REGULATION',
  'OFFICIAL_TAX',
  'ADMIN',
  'PARTNER',
] as const;
type CallerName = (typeof CALLERS)[number];

/** OK: allowed and done; HIDDEN: allowed but the object is reported as not existing; or a top-level error code. */
type Outcome = 'OK' | 'HIDDEN' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type Row = Record<CallerName, Outcome>;

const PUBLIC: Row = {
  anonymous: 'OK',
  OWNER: 'OK',
  APPLICANT: 'OK',
  BANK_OFFICER: 'OK',
  HOST_AGENT: 'OK',
  OFFICIAL_MARKET_REGULATION: 'OK',
  OFFICIAL_TAX: 'OK',
  ADMIN: 'OK',
  PARTNER: 'OK',
};
const ONLY = (...allowed: CallerName[]): Row =>
  Object.fromEntries(
    CALLERS.map((c) => [c, allowed.includes(c) ? 'OK' : c === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']),
  ) as Row;

const MATRIX: Record<string, Row> = {
  checkEnterpriseName: PUBLIC,
  nameCommitmentTerms: PUBLIC,
  myNameReservations: ONLY('OWNER', 'APPLICANT'),
  nameVerificationQueue: ONLY('OFFICIAL_MARKET_REGULATION'),
  prohibitedWords: ONLY('OFFICIAL_MARKET_REGULATION', 'ADMIN'),
  specialWords: ONLY('OFFICIAL_MARKET_REGULATION', 'ADMIN'),
  nameSettings: ONLY('OFFICIAL_MARKET_REGULATION', 'ADMIN'),
  // node(id:) answers every caller; what it may not see is null, as if it did not exist.
  node: {
    anonymous: 'HIDDEN',
    OWNER: 'OK',
    APPLICANT: 'HIDDEN',
    BANK_OFFICER: 'HIDDEN',
    HOST_AGENT: 'HIDDEN',
    OFFICIAL_MARKET_REGULATION: 'OK',
    OFFICIAL_TAX: 'HIDDEN',
    ADMIN: 'OK',
    PARTNER: 'HIDDEN',
  },
  reserveEnterpriseName: ONLY('OWNER', 'APPLICANT'),
  recordNameVerification: ONLY('OFFICIAL_MARKET_REGULATION'),
  addProhibitedWord: ONLY('ADMIN'),
  removeProhibitedWord: ONLY('ADMIN'),
  addSpecialWord: ONLY('ADMIN'),
  removeSpecialWord: ONLY('ADMIN'),
  publishCommitmentTerms: ONLY('ADMIN'),
  updateNameSettings: ONLY('ADMIN'),
};

interface Fixture {
  owner: TestUser;
  /** Global ID of a special name reservation of the owner, pending verification. */
  reservationId: string;
}

interface Operation {
  document: string;
  variables: (fixture: Fixture) => Promise<Record<string, unknown>>;
}

let counter = 0;
/** A word no other case uses: two rare characters and a counter spelled in Chinese numerals. */
function uniqueWord(): string {
  counter += 1;
  return `龘靐${[...String(counter)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('')}`;
}

function uniqueName(): string {
  return `青岛${uniqueWord()}科技有限公司`;
}

const OPERATIONS: Record<string, Operation> = {
  checkEnterpriseName: {
    document: `query($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { available } }`,
    variables: async () => ({ input: { name: '青岛海川智能科技有限公司' } }),
  },
  nameCommitmentTerms: {
    document: `{ nameCommitmentTerms { version } }`,
    variables: async () => ({}),
  },
  myNameReservations: {
    document: `{ myNameReservations(first: 5) { totalCount } }`,
    variables: async () => ({}),
  },
  nameVerificationQueue: {
    document: `{ nameVerificationQueue(first: 5) { totalCount } }`,
    variables: async () => ({}),
  },
  prohibitedWords: {
    document: `{ prohibitedWords(first: 5) { totalCount } }`,
    variables: async () => ({}),
  },
  specialWords: {
    document: `{ specialWords { word } }`,
    variables: async () => ({}),
  },
  nameSettings: {
    document: `{ nameSettings { verificationWindowWorkingDays } }`,
    variables: async () => ({}),
  },
  node: {
    document: `query($id: ID!) { node(id: $id) { id } }`,
    variables: async (fixture) => ({ id: fixture.reservationId }),
  },
  reserveEnterpriseName: {
    document: `mutation($input: ReserveEnterpriseNameInput!) { reserveEnterpriseName(input: $input) { reservation { id } userErrors { code } } }`,
    variables: async () => ({
      input: { name: uniqueName(), district: 'SHINAN', kind: 'LIMITED_LIABILITY_COMPANY', industry: 'I65' },
    }),
  },
  recordNameVerification: {
    document: `mutation($input: RecordNameVerificationInput!) { recordNameVerification(input: $input) { reservation { id } userErrors { code } } }`,
    variables: async (fixture) => ({ input: { id: fixture.reservationId, outcome: 'COMPLIANT', note: '属实' } }),
  },
  addProhibitedWord: {
    document: `mutation($input: AddProhibitedWordInput!) { addProhibitedWord(input: $input) { prohibitedWord { word } userErrors { code } } }`,
    variables: async () => ({ input: { word: uniqueWord(), category: 'MISLEADING' } }),
  },
  removeProhibitedWord: {
    document: `mutation($input: RemoveProhibitedWordInput!) { removeProhibitedWord(input: $input) { prohibitedWord { word } userErrors { code } } }`,
    variables: async () => {
      const em = app.em();
      const word = uniqueWord();
      em.create(ProhibitedNameWord, { word, category: 'MISLEADING', createdAt: app.clock.now() });
      await em.flush();
      return { input: { word } };
    },
  },
  addSpecialWord: {
    document: `mutation($input: AddSpecialWordInput!) { addSpecialWord(input: $input) { specialWord { word } userErrors { code } } }`,
    variables: async () => ({ input: { word: uniqueWord(), scope: 'ANYWHERE' } }),
  },
  removeSpecialWord: {
    document: `mutation($input: RemoveSpecialWordInput!) { removeSpecialWord(input: $input) { specialWord { word } userErrors { code } } }`,
    variables: async () => {
      const em = app.em();
      const word = uniqueWord();
      em.create(SpecialNameWord, { word, scope: 'ANYWHERE', qualifierOnlyInside: false, createdAt: app.clock.now() });
      await em.flush();
      return { input: { word } };
    },
  },
  publishCommitmentTerms: {
    document: `mutation($input: PublishCommitmentTermsInput!) { publishCommitmentTerms(input: $input) { commitmentTerms { version } userErrors { code } } }`,
    variables: async () => ({ input: { textZh: '承诺书（测试版）', textEn: 'Commitment terms (test version)' } }),
  },
  updateNameSettings: {
    document: `mutation($input: UpdateNameSettingsInput!) { updateNameSettings(input: $input) { settings { verificationWindowWorkingDays } userErrors { code } } }`,
    variables: async () => ({ input: { verificationWindowWorkingDays: 20 } }),
  },
};

async function fixture(): Promise<Fixture> {
  const owner = await createUser(app);
  const terms = (await currentTerms(app.em())) as CommitmentTerms;
  const payload = await reserveViaApi(app, owner.token, `${uniqueWord()}科技有限公司`, {
    commitment: { termsVersion: terms.version, accepted: true, signatoryName: '王海川' },
  });
  expect(payload.userErrors).toEqual([]);
  return { owner, reservationId: payload.reservation!.id };
}

async function tokenOf(name: CallerName, owner: TestUser): Promise<string | null> {
  switch (name) {
    case 'anonymous':
      return null;
    case 'OWNER':
      return owner.token;
    case 'PARTNER':
      return (await createApiKeyRow(app, { scopes: ['NAMES_READ'] })).secret;
    case 'OFFICIAL_MARKET_REGULATION':
      return (await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' })).token;
    case 'OFFICIAL_TAX':
      return (await createUser(app, { role: 'OFFICIAL', department: 'TAX' })).token;
    default:
      return (await createUser(app, { role: name })).token;
  }
}

function outcomeOf(result: ExecuteResult, field: string): Outcome | string {
  if (result.errors?.length) return result.errors[0]!.extensions?.code as string;
  const value = result.data?.[field];
  if (value === null) return 'HIDDEN';
  const userErrors = (value as { userErrors?: { code: string }[] }).userErrors ?? [];
  return userErrors.length ? `userError:${userErrors[0]!.code}` : 'OK';
}

const cases = Object.entries(MATRIX).flatMap(([operation, row]) =>
  CALLERS.map((caller) => ({ operation, caller, expected: row[caller] })),
);

describe('the permission matrix of the names operations', () => {
  it('covers every caller for every operation', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(cases)('$operation called by $caller: $expected', async ({ operation, caller, expected }) => {
    const given = await fixture();
    const token = await tokenOf(caller, given.owner);
    const variables = await OPERATIONS[operation]!.variables(given);
    const before = await namesRowCounts(app);

    const result = await app.execute(OPERATIONS[operation]!.document, variables, { token });

    expect(outcomeOf(result, operation)).toBe(expected);
    if (expected !== 'OK') {
      expect(result.data?.[operation] ?? null).toBeNull();
      expect(await namesRowCounts(app)).toEqual(before);
    }
  });
});

describe('what each applicant sees', () => {
  it('lists only the viewer’s own reservations', async () => {
    const given = await fixture();
    const stranger = await createUser(app);
    const own = await app.execute(`{ myNameReservations { edges { node { id } } } }`, {}, { token: given.owner.token });
    const theirs = await app.execute(`{ myNameReservations { edges { node { id } } } }`, {}, { token: stranger.token });

    expect(own.data?.myNameReservations.edges).toEqual([{ node: { id: given.reservationId } }]);
    expect(theirs.data?.myNameReservations.edges).toEqual([]);
  });
});
