import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { User } from '../../src/modules/accounts/index.js';
import { NameReservation } from '../../src/modules/names/index.js';
import {
  BusinessLicence,
  Enterprise,
  RegistrationApplication,
} from '../../src/modules/registration/registration.entity.js';
import { signLicence } from '../../src/modules/registration/licence-signature.js';
import { establish, run } from './helpers.js';

// Lists cost a fixed number of SQL statements whatever their length (DataLoaders, no N+1), and the
// public enterprise search shows public facts only.

let app: TestApp;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

const DISTRICTS = ['SHINAN', 'SHIBEI', 'HUANGDAO', 'LAOSHAN', 'LICANG'] as const;

/** `count` submitted change-of-name applications, each by its own applicant for its own enterprise. */
async function seedApplications(count: number, kind: 'CHANGE' | 'DEREGISTRATION' = 'CHANGE'): Promise<void> {
  const em = app.em();
  const now = app.clock.now();
  for (let i = 0; i < count; i++) {
    const applicant = (await createUser(app)).user;
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const enterprise = em.create(Enterprise, {
      uscc: null,
      name: `青岛批量${i}号科技有限公司`,
      kind: 'LIMITED_LIABILITY_COMPANY',
      district,
      agentIds: [applicant.id],
      declaration: { name: `青岛批量${i}号科技有限公司`, industry: 'I65' },
      industry: 'I65',
      registeredAddress: `青岛市某路 ${i} 号`,
      establishedOn: '2025-01-02',
      createdAt: now,
      updatedAt: now,
    });
    const licenceId = randomUUID();
    const facts = { v: 1 } as BusinessLicence['facts'];
    em.create(BusinessLicence, {
      id: licenceId,
      enterprise,
      number: `L${i}-${randomUUID().slice(0, 8)}`,
      issuedAt: now,
      facts,
      verificationCode: signLicence(app.deps.signingKey, licenceId, facts),
    });
    const reservation = em.create(NameReservation, {
      name: `青岛新名${i}号科技有限公司-${randomUUID().slice(0, 4)}`,
      applicantId: applicant.id,
      special: false,
      district,
      kind: 'LIMITED_LIABILITY_COMPANY',
      industry: 'I65',
      foreignInvested: false,
      reservedAt: now,
      expiresAt: new Date(now.getTime() + 60 * 86_400_000),
    });
    em.create(RegistrationApplication, {
      number: `DJTEST${randomUUID().slice(0, 10)}`,
      kind,
      status: 'SUBMITTED',
      applicant: em.getReference(User, applicant.id),
      enterprise,
      nameReservationId: kind === 'CHANGE' ? reservation.id : null,
      declaration: { name: reservation.name, industry: 'I65' },
      firstSubmittedAt: new Date(now.getTime() + i * 1000),
      submittedAt: new Date(now.getTime() + i * 1000),
      receivedOn: '2026-11-26',
      decideBy: '2026-11-26',
      createdAt: now,
      updatedAt: now,
    });
  }
  await em.flush();
}

const QUEUE = /* GraphQL */ `
  query ($first: Int!, $kind: RegistrationKind) {
    registrationReviewQueue(first: $first, filter: { kind: $kind }) {
      edges {
        node {
          id
          number
          kind
          status
          decideBy
          complete
          overdue
          applicant {
            id
            displayName
          }
          enterprise {
            id
            name
            uscc
            industry {
              code
              name
            }
            licence {
              number
              status
            }
            registeredAddress {
              address
            }
          }
          nameReservation {
            id
            name
            status
          }
          declaration {
            name
            industry {
              code
              name
            }
          }
          clearances {
            department
            status
            recordedByName
          }
          history {
            action
            actorName
          }
        }
      }
    }
  }
`;

async function statements(query: string, variables: Record<string, unknown>, user: TestUser | null): Promise<number> {
  let rows = 0;
  const sql = await app.countQueries(async () => {
    const result = await app.execute(query, variables, { token: user?.token ?? null });
    expect(result.errors).toBeUndefined();
    rows = (Object.values(result.data ?? {})[0] as { edges: unknown[] }).edges.length;
  });
  return rows ? sql.length : -1;
}

describe('the number of SQL statements does not grow with the list', () => {
  it('the review queue with applicant, enterprise, licence, name reservation, clearances and history: 1 row vs 100 rows', async () => {
    await seedApplications(100);
    const one = await statements(QUEUE, { first: 1, kind: 'CHANGE' }, official);
    const hundred = await statements(QUEUE, { first: 100, kind: 'CHANGE' }, official);
    console.info(`registrationReviewQueue: ${one} statements for 1 row, ${hundred} for 100 rows`);
    expect(hundred).toBe(one);
    expect(one).toBeLessThanOrEqual(10);
  });

  it('deregistrations with their clearances: 1 row vs 30 rows', async () => {
    await seedApplications(30, 'DEREGISTRATION');
    const one = await statements(QUEUE, { first: 1, kind: 'DEREGISTRATION' }, official);
    const thirty = await statements(QUEUE, { first: 30, kind: 'DEREGISTRATION' }, official);
    console.info(`registrationReviewQueue (deregistrations): ${one} statements for 1 row, ${thirty} for 30 rows`);
    expect(thirty).toBe(one);
  });

  it('the public enterprise search: 1 row vs 100 rows', async () => {
    const query = `query($first: Int!) { enterprises(first: $first, filter: { search: "批量" }) { edges { node { id name uscc industry { name } licence { number } registeredAddress { district address } status } } } }`;
    const one = await statements(query, { first: 1 }, null);
    const hundred = await statements(query, { first: 100 }, null);
    console.info(`enterprises: ${one} statements for 1 row, ${hundred} for 100 rows`);
    expect(hundred).toBe(one);
  });
});

describe('public enterprise facts', () => {
  it("searches by part of the name, district, zone and status, and never shows the legal representative's ID number or investors", async () => {
    const applicant = await createUser(app);
    const confirmed = await establish(app, applicant, official);
    const result = await app.execute(
      `query($s: String!) { enterprises(filter: { search: $s, district: HUANGDAO, zone: QINGDAO_FTZ, status: ACTIVE }) {
        totalCount edges { node { id name uscc kind legalRepresentative registeredCapital { amount } declaration { legalRepresentative { idNumber } } } } } }`,
      { s: confirmed.enterprise.name.slice(2, 5) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.enterprises.totalCount).toBe(1);
    expect(result.data?.enterprises.edges[0].node).toEqual({
      id: confirmed.enterprise.id,
      name: confirmed.enterprise.name,
      uscc: confirmed.enterprise.uscc,
      kind: 'LIMITED_LIABILITY_COMPANY',
      legalRepresentative: '王海川',
      registeredCapital: { amount: '1000000.00' },
      declaration: null,
    });
    const byCode = await run(app, `query($s: String!) { enterprises(filter: { search: $s }) { totalCount } }`, {
      s: confirmed.enterprise.uscc,
    });
    expect(byCode.enterprises.totalCount).toBe(1);
    const elsewhere = await run(
      app,
      `query($s: String!) { enterprises(filter: { search: $s, district: SHINAN }) { totalCount } }`,
      {
        s: confirmed.enterprise.name.slice(2, 5),
      },
    );
    expect(elsewhere.enterprises.totalCount).toBe(0);
    const mine = await run(
      app,
      `{ myEnterprises { edges { node { id declaration { investors { name idNumber } } } } } }`,
      {},
      applicant,
    );
    expect(mine.myEnterprises.edges).toHaveLength(1);
    expect(mine.myEnterprises.edges[0].node.declaration.investors[0].name).toBe('王海川');
  });

  it('a search string with LIKE wildcards matches them literally', async () => {
    const result = await run(app, `{ enterprises(filter: { search: "%_%" }) { totalCount } }`, {});
    expect(result.enterprises.totalCount).toBe(0);
  });
});
