import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { NameReservation } from '../../src/modules/names/index.js';
import type { ApiScope } from '../../src/shared/viewer.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import {
  COMMITMENT,
  CONFIRM,
  SAVE,
  SUBMIT,
  declaration,
  establish,
  gid,
  payloadOf,
  run,
  tradeName,
} from './helpers.js';

// A special name found to rest on a false commitment (domain-rules §2): until the enterprise changes
// it, whoever is not acting for it nor the registry sees the credit code instead, on every path:
// the enterprise's fields, its licence (and the licence check), its history, the list by name and
// its cursors, and the name checks and reservations of other applicants.

let app: TestApp;
let agent: TestUser;
let registrar: TestUser;
let stranger: TestUser;
let taxOfficial: TestUser;
let partner: string;
let name: string;
let trade: string;
let enterprise: { id: string; uscc: string };
let verificationCode: string;

const ENTERPRISE = /* GraphQL */ `
  query ($id: ID!) {
    enterprise(id: $id) {
      id
      uscc
      name
      nameParts {
        tradeName
      }
      declaration {
        name
      }
      licence {
        verificationCode
        facts {
          name
        }
      }
      changes(first: 10) {
        edges {
          cursor
          node {
            kind
            items {
              item
              before
              after
            }
          }
        }
      }
    }
  }
`;

const LIST = /* GraphQL */ `
  query ($after: String) {
    enterprises(first: 100, after: $after, filter: { district: HUANGDAO }) {
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        endCursor
      }
    }
  }
`;

const VERIFY = /* GraphQL */ `
  query ($code: String!) {
    verifyBusinessLicence(verificationCode: $code) {
      genuine
      current
      nameWithheld
      licence {
        facts {
          name
          uscc
        }
      }
      enterprise {
        name
      }
    }
  }
`;

const CHECK = /* GraphQL */ `
  query ($input: CheckEnterpriseNameInput!) {
    checkEnterpriseName(input: $input) {
      available
      conflicts {
        name
        nameWithheld
        kind
        rule
        message
        source
        enterprise {
          id
          uscc
          name
        }
      }
    }
  }
`;

const RESERVE = /* GraphQL */ `
  mutation ($input: ReserveEnterpriseNameInput!) {
    reserveEnterpriseName(input: $input) {
      reservation {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

/** Everything a response gives a client: its JSON and what its cursors decode to. */
function exposed(result: unknown): string {
  const json = JSON.stringify(result);
  const cursors = [...json.matchAll(/"(?:cursor|endCursor)":"([^"]+)"/g)].map((m) =>
    Buffer.from(m[1]!, 'base64url').toString('utf8'),
  );
  return [json, ...cursors].join('\n');
}

async function execute(query: string, variables: Record<string, unknown>, token: string | null) {
  const result = await app.execute(query, variables, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as Record<string, any>;
}

/** Every read path of the enterprise, as the holder of `token`. */
async function readEverything(token: string | null) {
  const one = await execute(ENTERPRISE, { id: enterprise.id }, token);
  const list = await execute(LIST, {}, token);
  const verified = await execute(VERIFY, { code: verificationCode }, token);
  const next = await execute(LIST, { after: list.enterprises.pageInfo.endCursor }, token);
  return { one, list, verified, next };
}

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  agent = await createUser(app);
  registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  stranger = await createUser(app);
  taxOfficial = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });
  const admin = await createUser(app, { role: 'ADMIN' });
  partner = (
    await createApiKeyRow(app, {
      scopes: ['REGISTRATION_READ', 'NAMES_READ', 'FINANCING_READ'] as ApiScope[],
      createdBy: admin.user,
    })
  ).secret;
  // A neighbour in the list by name, so the withheld one is not alone on its page.
  await establish(app, stranger, registrar);
  trade = tradeName();
  name = `青岛${trade}国际贸易有限公司`;
  const established = await establish(
    app,
    agent,
    registrar,
    { industry: 'F51' },
    { name, industry: 'F51', commitment: true },
  );
  enterprise = { id: established.enterprise.id, uscc: established.enterprise.uscc };
  verificationCode = (await execute(ENTERPRISE, { id: enterprise.id }, agent.token)).enterprise.licence
    .verificationCode;
  const reservation = await app.em().findOneOrFail(NameReservation, { name });
  const verified = await execute(
    `mutation($input: RecordNameVerificationInput!) { recordNameVerification(input: $input) { userErrors { code } } }`,
    {
      input: { id: gid('NameReservation', reservation.id), outcome: 'FALSE_COMMITMENT', note: '承诺的授权文件不实。' },
    },
    registrar.token,
  );
  expect(verified.recordNameVerification.userErrors).toEqual([]);
});
afterAll(async () => app?.stop());

describe('a withheld enterprise name', () => {
  it.each([
    ['an anonymous caller', () => null],
    ['another applicant', () => stranger.token],
    ['an official of another department', () => taxOfficial.token],
    ['a partner API key', () => partner],
  ])('never reaches %s: not in a field, the licence, the history, the list or a cursor', async (_who, token) => {
    const { one, list, verified, next } = await readEverything(token());

    expect(one.enterprise.name).toBe(enterprise.uscc);
    expect(one.enterprise.licence.facts.name).toBe(enterprise.uscc);
    const nameItem = one.enterprise.changes.edges[0].node.items.find((i: { item: string }) => i.item === 'name');
    expect(nameItem).toEqual({ item: 'name', before: null, after: enterprise.uscc });
    expect(list.enterprises.edges.map((e: any) => e.node.id)).toContain(enterprise.id);
    expect(verified.verifyBusinessLicence).toEqual({
      genuine: true,
      current: true,
      nameWithheld: true,
      licence: { facts: { name: enterprise.uscc, uscc: enterprise.uscc } },
      enterprise: { name: enterprise.uscc },
    });
    for (const response of [one, list, verified, next]) {
      expect(exposed(response)).not.toContain(trade);
    }
  });

  it('is still read by the applicant acting for the enterprise and by the registry', async () => {
    for (const reader of [agent, registrar]) {
      const { one, list, verified } = await readEverything(reader.token);
      expect(one.enterprise.name).toBe(name);
      expect(one.enterprise.nameParts.tradeName).toBe(trade);
      expect(one.enterprise.declaration.name).toBe(name);
      expect(one.enterprise.licence.facts.name).toBe(name);
      expect(one.enterprise.changes.edges[0].node.items).toContainEqual({ item: 'name', before: null, after: name });
      const edge = list.enterprises.edges.find((e: any) => e.node.id === enterprise.id);
      expect(edge.node.name).toBe(name);
      // Its cursor sorts by the public name even here: passed on, it gives nothing away.
      expect(Buffer.from(edge.cursor, 'base64url').toString('utf8')).not.toContain(trade);
      expect(verified.verifyBusinessLicence).toMatchObject({
        genuine: true,
        nameWithheld: false,
        licence: { facts: { name } },
        enterprise: { name },
      });
    }
  });

  it('still blocks an identical name, but a name check does not tell which enterprise holds it', async () => {
    for (const guess of [name, `青岛${trade}国际贸易股份有限公司`]) {
      const answer = (await execute(CHECK, { input: { name: guess, industry: 'F51' } }, null)).checkEnterpriseName;
      expect(answer.available).toBe(false);
      const withheld = answer.conflicts.filter((c: { nameWithheld: boolean }) => c.nameWithheld);
      expect(withheld).toEqual([
        expect.objectContaining({ kind: 'IDENTICAL', rule: 'IDENTICAL_WITHHELD_NAME', enterprise: null }),
      ]);
      const text = exposed(answer);
      expect(text).not.toContain(enterprise.uscc);
      expect(text).not.toContain(enterprise.id);
      if (guess !== name) expect(text).not.toContain(name);
    }
  });

  it('the registry still sees which enterprise holds the name in a name check', async () => {
    const answer = (await execute(CHECK, { input: { name, industry: 'F51' } }, registrar.token)).checkEnterpriseName;
    expect(answer.conflicts).toContainEqual(
      expect.objectContaining({
        name,
        nameWithheld: false,
        kind: 'IDENTICAL',
        enterprise: { id: enterprise.id, uscc: enterprise.uscc, name },
      }),
    );
  });

  it('refuses another applicant a reservation of a name like it without naming it', async () => {
    const variant = `青岛${trade}国际贸易股份有限公司`;
    const payload = (
      await execute(
        RESERVE,
        {
          input: {
            name: variant,
            district: 'HUANGDAO',
            kind: 'JOINT_STOCK_COMPANY',
            industry: 'F51',
            commitment: { termsVersion: 1, accepted: true, signatoryName: '王海川' },
            similarNameUndertaking: { termsVersion: 1, accepted: true, signatoryName: '王海川' },
          },
        },
        stranger.token,
      )
    ).reserveEnterpriseName;
    expect(payload.reservation).toBeNull();
    expect(payload.userErrors.map((e: { code: string }) => e.code)).toContain('NAME_UNAVAILABLE');
    const text = exposed(payload);
    expect(text).not.toContain(name);
    expect(text).not.toContain(enterprise.uscc);
  });
});

describe('the change history', () => {
  it('shows an operating term as LONG_TERM or its last day, never as "[object Object]"', async () => {
    const established = await establish(app, agent, registrar);
    app.clock.advance(3600_000); // the history is ordered by time
    const draft = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            kind: 'CHANGE',
            enterpriseId: established.enterprise.id,
            changeDecidedOn: '2026-11-20',
            declaration: declaration({ operatingTerm: { longTerm: false, endsOn: '2046-11-25' } }),
          },
        },
        agent,
      ),
    );
    expect(draft.userErrors).toEqual([]);
    const id = draft.application.id;
    expect(payloadOf(await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, agent)).userErrors).toEqual([]);
    expect(payloadOf(await run(app, CONFIRM, { input: { id } }, registrar)).userErrors).toEqual([]);

    const history = (await execute(ENTERPRISE, { id: established.enterprise.id }, null)).enterprise.changes.edges;
    const termItems = history.map((e: any) => e.node.items.find((i: { item: string }) => i.item === 'operatingTerm'));
    expect(termItems).toEqual([
      { item: 'operatingTerm', before: null, after: 'LONG_TERM' },
      { item: 'operatingTerm', before: 'LONG_TERM', after: '2046-11-25' },
    ]);
  });
});
