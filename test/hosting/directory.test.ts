import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createRoleUsers } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import {
  ACCEPT,
  REQUEST,
  SUSPEND,
  addAddress,
  hostInput,
  APPLY,
  ok,
  verifiedHost,
  type VerifiedHost,
} from './helpers.js';
import { createOrganisation, createUser } from '../helpers/factories.js';

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
let law: VerifiedHost;
let accounting: VerifiedHost;
const ids: Record<string, string> = {};

const DIRECTORY = `query($first: Int, $after: String, $filter: HostedAddressFilter) {
  hostedAddresses(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id address district zone capacity occupied available host { id name kind status } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

beforeAll(async () => {
  app = await TestApp.start();
  users = await createRoleUsers(app);
  law = await verifiedHost(app, users.official, { kind: 'LAW_FIRM', secretaries: 10 });
  accounting = await verifiedHost(app, users.official, { kind: 'ACCOUNTING_FIRM', secretaries: 10 });
  ids.shinan = (await addAddress(app, law.agent, { district: 'SHINAN', capacity: 2, floorArea: 10 })).id;
  ids.ftz = (
    await addAddress(app, law.agent, { district: 'HUANGDAO', zone: 'QINGDAO_FTZ', capacity: 1, floorArea: 10 })
  ).id;
  ids.sco = (
    await addAddress(app, accounting.agent, { district: 'JIAOZHOU', zone: 'SCO_DEMO_ZONE', capacity: 3, floorArea: 10 })
  ).id;
  // The FTZ address is full.
  const enterpriseId = toGlobalId('Enterprise', (await createEnterprise(app, users.applicant)).id);
  const { agreement } = await ok(app, REQUEST, { addressId: ids.ftz, enterpriseId }, users.applicant.token);
  await ok(app, ACCEPT, { id: agreement.id }, law.agent.token);
});
afterAll(async () => app?.stop());

async function directory(filter: Record<string, unknown> | null, first = 100, token?: string) {
  const result = await app.execute(DIRECTORY, { filter, first }, { token });
  expect(result.errors).toBeUndefined();
  return result.data!.hostedAddresses;
}

// Added at one instant (the test clock): the directory orders them by id, so compare as sets.
const names = (page: any): string[] =>
  page.edges
    .map((e: any) => e.node.id)
    .filter((id: string) => Object.values(ids).includes(id))
    .sort();
const sorted = (...list: string[]) => [...list].sort();

describe('the public directory', () => {
  it('anyone sees the open addresses of verified hosts with live occupancy', async () => {
    const page = await directory(null);
    expect(names(page)).toEqual(sorted(ids.shinan, ids.ftz, ids.sco));
    const ftz = page.edges.find((e: any) => e.node.id === ids.ftz).node;
    expect(ftz).toMatchObject({
      capacity: 1,
      occupied: 1,
      available: 0,
      zone: 'QINGDAO_FTZ',
      host: { kind: 'LAW_FIRM' },
    });
  });

  it('filters by district, zone, host kind and vacancy', async () => {
    expect(names(await directory({ district: 'SHINAN' }))).toEqual([ids.shinan]);
    expect(names(await directory({ zone: 'SCO_DEMO_ZONE' }))).toEqual([ids.sco]);
    expect(names(await directory({ hostKind: 'ACCOUNTING_FIRM' }))).toEqual([ids.sco]);
    expect(names(await directory({ hasVacancy: true }))).toEqual(sorted(ids.shinan, ids.sco));
    expect(names(await directory({ hasVacancy: false }))).toEqual([ids.ftz]);
    expect(names(await directory({ district: 'HUANGDAO', hasVacancy: true }))).toEqual([]);
  });

  it('pages with cursors: two pages of one and two', async () => {
    const first = await directory({ hostKind: 'LAW_FIRM' }, 1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await app.execute(DIRECTORY, {
      filter: { hostKind: 'LAW_FIRM' },
      first: 5,
      after: first.pageInfo.endCursor,
    });
    expect([...names(first), ...names(second.data!.hostedAddresses)].sort()).toEqual(sorted(ids.shinan, ids.ftz));
    expect(second.data!.hostedAddresses.pageInfo.hasNextPage).toBe(false);
  });

  it('a suspended host’s addresses leave the directory', async () => {
    const other = await verifiedHost(app, users.official);
    const address = await addAddress(app, other.agent);
    expect(names({ edges: (await directory(null)).edges }).length).toBeGreaterThan(0);
    await ok(app, SUSPEND, { id: other.hostId, reason: '暂停' }, users.official.token);
    const page = await directory(null);
    expect(page.edges.some((e: any) => e.node.id === address.id)).toBe(false);
  });

  it('costs the same number of SQL statements for 1 address as for 50', async () => {
    for (let i = 0; i < 5; i++) {
      const host = await verifiedHost(app, users.official, { secretaries: 10 });
      for (let j = 0; j < 10; j++) await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    }
    let one: any;
    let fifty: any;
    const forOne = await app.countQueries(async () => {
      one = await app.execute(DIRECTORY, { first: 1 });
    });
    const forFifty = await app.countQueries(async () => {
      fifty = await app.execute(DIRECTORY, { first: 50 });
    });
    expect(one.data.hostedAddresses.edges).toHaveLength(1);
    expect(fifty.data.hostedAddresses.edges).toHaveLength(50);
    expect(new Set(fifty.data.hostedAddresses.edges.map((e: any) => e.node.host.id)).size).toBeGreaterThan(5);
    expect(forFifty.length).toBe(forOne.length);
    // The page, the hosts of the page, the total.
    expect(forFifty.length).toBeLessThanOrEqual(3);
  });
});

describe('hosts', () => {
  const HOSTS = `query($filter: HostFilter) { hosts(first: 100, filter: $filter) { edges { node { id kind status officeFloorArea } } } }`;

  it('the public sees verified hosts without their office figures; pending ones are not listed', async () => {
    const organisation = await createOrganisation(app, 'LAW_FIRM');
    const agent = await createUser(app, { role: 'HOST_AGENT', organisation });
    const pending = (await ok(app, APPLY, hostInput({ name: organisation.name }), agent.token)).host.id;
    const result = await app.execute(HOSTS, { filter: { kind: 'ACCOUNTING_FIRM' } });
    const found = result.data!.hosts.edges.find((e: any) => e.node.id === accounting.hostId).node;
    expect(found).toMatchObject({ status: 'VERIFIED', officeFloorArea: null });
    const asked = await app.execute(HOSTS, { filter: { status: 'PENDING' } });
    expect(asked.data!.hosts.edges).toEqual([]);
    const official = await app.execute(HOSTS, { filter: { status: 'PENDING' } }, { token: users.official.token });
    expect(official.data!.hosts.edges.map((e: any) => e.node.id)).toContain(pending);
  });

  it('a HOSTING_READ partner key reads pending hosts and office figures; a key without it does not', async () => {
    const withScope = await createApiKeyRow(app, { scopes: ['HOSTING_READ'] });
    const without = await createApiKeyRow(app, { scopes: ['FINANCING_READ'] });
    const readAll = await app.execute(HOSTS, { filter: { kind: 'ACCOUNTING_FIRM' } }, { token: withScope.secret });
    expect(readAll.data!.hosts.edges.find((e: any) => e.node.id === accounting.hostId).node.officeFloorArea).toBe(300);
    expect(
      (await app.execute(HOSTS, { filter: { status: 'PENDING' } }, { token: withScope.secret })).data!.hosts.edges
        .length,
    ).toBeGreaterThan(0);
    expect(
      (await app.execute(HOSTS, { filter: { status: 'PENDING' } }, { token: without.secret })).data!.hosts.edges,
    ).toEqual([]);
  });

  it('a host node shows its addresses', async () => {
    const result = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on Host { name addresses(first: 10) { totalCount edges { node { id } } } } } }`,
      { id: law.hostId },
    );
    expect(result.data!.node.addresses.totalCount).toBe(2);
  });
});
