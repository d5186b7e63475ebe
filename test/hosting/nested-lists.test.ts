import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createRoleUsers, createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import {
  ACCEPT,
  LIST_ABNORMAL,
  LOG_FORWARDING,
  REPORT,
  REQUEST,
  addAddress,
  ok,
  verifiedHost,
  type VerifiedHost,
} from './helpers.js';
import { pendingHost } from './fixtures.js';

// Lists below lists (a host's addresses, an agreement's forwarded items) and the objects below list
// items come from batched loaders: a page of many parents costs the statements a page of one does.

const PARENTS = 12;

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
/** Verified hosts with three addresses each, the first of them `busy`. */
const hosts: VerifiedHost[] = [];
let busy: VerifiedHost;
/** The busy host's agreements' enterprises (global ids), each with two forwarded items, and their applicant. */
const enterprises: string[] = [];
let applicant: TestUser;

const FORWARDED_ON = ['2026-11-20', '2026-11-24'];

beforeAll(async () => {
  app = await TestApp.start();
  users = await createRoleUsers(app);
  for (let i = 0; i < 4; i++) {
    const host = await verifiedHost(app, users.official, { secretaries: 10 });
    for (let j = 0; j < 3; j++) await addAddress(app, host.agent, { capacity: PARENTS + 5, floorArea: 100 });
    hosts.push(host);
  }
  busy = hosts[0]!;
  applicant = await createUser(app);
  const addresses = await app.execute(
    `{ myHost { addresses(first: 3) { edges { node { id } } } } }`,
    {},
    {
      token: busy.agent.token,
    },
  );
  const addressIds: string[] = addresses.data!.myHost.addresses.edges.map((e: any) => e.node.id);
  for (let i = 0; i < PARENTS; i++) {
    const enterpriseId = toGlobalId('Enterprise', (await createEnterprise(app, applicant)).id);
    const addressId = addressIds[i % addressIds.length]!;
    const { agreement } = await ok(app, REQUEST, { addressId, enterpriseId }, applicant.token);
    await ok(app, ACCEPT, { id: agreement.id }, busy.agent.token);
    for (const forwardedOn of FORWARDED_ON) {
      await ok(
        app,
        LOG_FORWARDING,
        { enterpriseId, sender: '青岛市税务局', kind: 'OFFICIAL_DOCUMENT', receivedOn: '2026-11-20', forwardedOn },
        busy.agent.token,
      );
    }
    enterprises.push(enterpriseId);
  }
}, 120_000);
afterAll(async () => app?.stop());

/**
 * The statements `query` issues with `first: 1` and with `first: many` for its outer list, each counted
 * after a first run of the same operation (so caches filled on first use count in neither); and both results.
 */
async function statementsFor(
  query: string,
  token: string | null,
  many: number,
  variables: Record<string, unknown> = {},
) {
  const run = async (first: number) => {
    await app.execute(query, { ...variables, first }, { token });
    let result: any;
    const statements = await app.countQueries(async () => {
      result = await app.execute(query, { ...variables, first }, { token });
    });
    expect(result.errors).toBeUndefined();
    return { statements, data: result.data };
  };
  return { one: await run(1), many: await run(many) };
}

const AGREEMENTS = `query($first: Int) {
  myHostingAgreements(first: $first) {
    edges { node {
      id status
      address { id host { id name } }
      host { id }
      enterprise { id name }
      applicant { id }
      forwardings(first: 20) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id forwardedOn overdue enterprise { id } } }
      }
    } }
  }
}`;

describe('statement counts of nested lists', () => {
  it("the host's agreements with their forwarded items: the same statements for 1 agreement as for many", async () => {
    const { one, many } = await statementsFor(AGREEMENTS, busy.agent.token, 50);
    const agreements = many.data.myHostingAgreements.edges.map((e: any) => e.node);
    expect(agreements).toHaveLength(PARENTS);
    for (const agreement of agreements) {
      // Each agreement gets its own items, newest first, counted.
      expect(agreement.forwardings.edges.map((e: any) => e.node.forwardedOn)).toEqual([...FORWARDED_ON].reverse());
      expect(agreement.forwardings.edges.every((e: any) => e.node.enterprise.id === agreement.enterprise.id)).toBe(
        true,
      );
      expect(agreement.forwardings.totalCount).toBe(2);
      expect(agreement.address.host.id).toBe(busy.hostId);
    }
    expect(many.statements.length).toBe(one.statements.length);
  });

  it("the applicant's agreements with their forwarded items: the same statements for 1 agreement as for many", async () => {
    const { one, many } = await statementsFor(AGREEMENTS, applicant.token, 50);
    expect(many.data.myHostingAgreements.edges).toHaveLength(PARENTS);
    expect(
      many.data.myHostingAgreements.edges.every((e: any) => e.node.forwardings.edges.length === FORWARDED_ON.length),
    ).toBe(true);
    expect(many.statements.length).toBe(one.statements.length);
  });

  it('the host desk (its addresses, agreements with items, reports): the same statements for 1 of each as for many', async () => {
    const DESK = `query($first: Int) {
      myHost { id addresses(first: $first) { totalCount edges { node { id occupied available host { id } } } } }
      myHostingAgreements(first: $first) { edges { node { id address { id } enterprise { id } forwardings(first: 20) { edges { node { id overdue } } } } } }
      unreachableReports(first: $first) { edges { node { id enterprise { id } host { id } } } }
    }`;
    const { one, many } = await statementsFor(DESK, busy.agent.token, 50);
    expect(many.data.myHost.addresses.edges).toHaveLength(3);
    expect(many.data.myHost.addresses.totalCount).toBe(3);
    expect(one.data.myHost.addresses.edges).toHaveLength(1);
    expect(many.statements.length).toBe(one.statements.length);
  });

  it("the official's host lists with their addresses: the same statements for 1 host as for many", async () => {
    const HOSTS = `query($first: Int) {
      hosts(first: $first) { edges { node {
        id officeFloorArea
        addresses(first: 10) {
          totalCount
          pageInfo { hasNextPage }
          edges { node { id capacity available host { id name } } }
        }
      } } }
    }`;
    const { one, many } = await statementsFor(HOSTS, users.official.token, 50);
    const listed = many.data.hosts.edges.map((e: any) => e.node);
    expect(listed.length).toBeGreaterThanOrEqual(hosts.length);
    for (const host of listed) {
      // Every host gets its own addresses only.
      expect(host.addresses.totalCount).toBe(3);
      expect(host.addresses.edges.every((e: any) => e.node.host.id === host.id)).toBe(true);
    }
    expect(one.data.hosts.edges[0].node.addresses.edges).toHaveLength(3);
    expect(many.statements.length).toBe(one.statements.length);
    // The pending queue asks the same with another filter: no statement more per host either.
    for (let i = 0; i < 3; i++) await pendingHost(app);
    const pending = await statementsFor(
      HOSTS.replace('hosts(first: $first)', 'hosts(first: $first, filter: { status: PENDING })'),
      users.official.token,
      50,
    );
    expect(pending.many.data.hosts.edges.length).toBeGreaterThanOrEqual(3);
    expect(pending.many.statements.length).toBe(pending.one.statements.length);
  });

  it('unreachable reports and the abnormal list with their enterprises: the same statements for 1 as for many', async () => {
    for (const enterpriseId of enterprises.slice(0, 4)) {
      const { report } = await ok(app, REPORT, { enterpriseId, attempts: '电话三次未接通。' }, busy.agent.token);
      if (enterprises.indexOf(enterpriseId) < 3) {
        await ok(
          app,
          LIST_ABNORMAL,
          { reportId: report.id, reason: '无法联系', authority: '青岛市市场监督管理局' },
          users.official.token,
        );
      }
    }
    const REPORTS = `query($first: Int) {
      unreachableReports(first: $first) { edges { node {
        id status host { id name }
        enterprise { id name abnormalOperations(first: 5) { edges { node { reason } } } hostedAddress { id host { id } } }
      } } }
    }`;
    const reports = await statementsFor(REPORTS, users.official.token, 50);
    expect(reports.many.data.unreachableReports.edges).toHaveLength(4);
    expect(
      reports.many.data.unreachableReports.edges.every(
        (e: any) => e.node.enterprise.hostedAddress.host.id === busy.hostId,
      ),
    ).toBe(true);
    expect(reports.many.statements.length).toBe(reports.one.statements.length);

    const LISTED = `query($first: Int) {
      abnormalOperationsList(first: $first) { edges { node {
        reason listedOn
        enterprise { id name abnormalOperations(first: 5) { edges { node { reason listedOn } } } hostedAddress { id address host { id name } } }
      } } }
    }`;
    const listed = await statementsFor(LISTED, null, 50);
    expect(listed.many.data.abnormalOperationsList.edges).toHaveLength(3);
    expect(
      listed.many.data.abnormalOperationsList.edges.every(
        (e: any) => e.node.enterprise.abnormalOperations.edges.length === 1,
      ),
    ).toBe(true);
    expect(listed.many.statements.length).toBe(listed.one.statements.length);
  });

  it("agreements and forwarded items by id, for the enterprise's agent: the same statements for 1 as for many", async () => {
    // Another person now acts for the enterprises: their visibility is checked through the enterprise.
    const agent = await createUser(app);
    const localIds = enterprises.map((id) => fromGlobalId(id)!.id);
    await app
      .em()
      .getConnection()
      .execute(`update enterprises set agent_ids = array[?]::uuid[] where id in (?)`, [agent.user.id, localIds]);
    const agreements = await app.execute(AGREEMENTS, { first: 50 }, { token: agent.token });
    const agreementIds: string[] = agreements.data!.myHostingAgreements.edges.map((e: any) => e.node.id);
    const forwardingIds: string[] = agreements.data!.myHostingAgreements.edges.flatMap((e: any) =>
      e.node.forwardings.edges.map((f: any) => f.node.id),
    );
    expect(agreementIds).toHaveLength(PARENTS);
    const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) {
      ... on HostingAgreement { id status }
      ... on DocumentForwarding { id sender }
    } }`;
    const count = async (ids: string[]) => {
      await app.execute(NODES, { ids }, { token: agent.token });
      let result: any;
      const statements = await app.countQueries(async () => {
        result = await app.execute(NODES, { ids }, { token: agent.token });
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.nodes.map((n: any) => n?.id)).toEqual(ids);
      return statements.length;
    };
    const one = await count([agreementIds[0]!, forwardingIds[0]!]);
    const many = await count([...agreementIds, ...forwardingIds]);
    expect(many).toBe(one);
  });
});

describe('pages of nested lists', () => {
  const ADDRESSES = `query($first: Int, $after: String) {
    myHost { addresses(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id } }
    } }
  }`;

  it("a host's addresses turn page by page through the cursors, oldest first, none twice", async () => {
    const all = await app.execute(ADDRESSES, { first: 10 }, { token: busy.agent.token });
    const ids = all.data!.myHost.addresses.edges.map((e: any) => e.node.id);
    expect(ids).toHaveLength(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: any = await app.execute(ADDRESSES, { first: 1, after }, { token: busy.agent.token });
      const connection: any = result.data!.myHost.addresses;
      expect(connection.totalCount).toBe(3);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(connection.pageInfo.hasNextPage).toBe(page < 2);
      seen.push(...connection.edges.map((e: any) => e.node.id));
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it("an agreement's items turn page by page, newest first; a cursor of another list is refused", async () => {
    const FORWARDINGS = `query($first: Int, $after: String) {
      myHostingAgreements(first: 1) { edges { node { forwardings(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { forwardedOn } }
      } } } }
    }`;
    const first = await app.execute(FORWARDINGS, { first: 1 }, { token: busy.agent.token });
    const page1 = first.data!.myHostingAgreements.edges[0].node.forwardings;
    expect(page1.edges.map((e: any) => e.node.forwardedOn)).toEqual([FORWARDED_ON[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await app.execute(
      FORWARDINGS,
      { first: 5, after: page1.pageInfo.endCursor },
      { token: busy.agent.token },
    );
    const page2 = second.data!.myHostingAgreements.edges[0].node.forwardings;
    expect(page2.edges.map((e: any) => e.node.forwardedOn)).toEqual([FORWARDED_ON[0]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const addresses = await app.execute(ADDRESSES, { first: 1 }, { token: busy.agent.token });
    const wrong = await app.execute(
      FORWARDINGS,
      { first: 1, after: addresses.data!.myHost.addresses.pageInfo.endCursor },
      { token: busy.agent.token },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('first: 0 gives an empty page that still counts the list', async () => {
    const result = await app.execute(ADDRESSES, { first: 0 }, { token: busy.agent.token });
    expect(result.data!.myHost.addresses).toMatchObject({ totalCount: 3, edges: [] });
  });
});
