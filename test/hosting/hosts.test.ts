import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createRoleUsers, createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import {
  ACCEPT,
  ADD_ADDRESS,
  APPLY,
  REFUSE_HOST,
  REQUEST,
  SUSPEND,
  UPDATE_ADDRESS,
  UPDATE_SETTINGS,
  VERIFY,
  addAddress,
  addressInput,
  codes,
  hostInput,
  mutate,
  nothingWritten,
  ok,
  verifiedHost,
} from './helpers.js';

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
beforeAll(async () => {
  app = await TestApp.start();
  users = await createRoleUsers(app);
});
afterAll(async () => app?.stop());

async function newAgent(kind: 'LAW_FIRM' | 'ACCOUNTING_FIRM' = 'LAW_FIRM'): Promise<TestUser> {
  return createUser(app, { role: 'HOST_AGENT', organisation: await createOrganisation(app, kind) });
}

describe('a firm applies to become a host', () => {
  it('a host agent applies; an official verifies it; the agent is notified and the audit trail has both', async () => {
    const agent = await newAgent();
    const applied = await ok(app, APPLY, hostInput(), agent.token);
    expect(applied.host).toMatchObject({
      status: 'PENDING',
      kind: 'LAW_FIRM',
      officeFloorArea: 300,
      fullTimeSecretaries: 2,
    });
    const verified = await ok(app, VERIFY, { id: applied.host.id }, users.official.token);
    expect(verified.host.status).toBe('VERIFIED');
    const audit = await app
      .em()
      .getConnection()
      .execute(`select action from audit_events where subject_type = 'Host' order by at, seq`);
    expect(audit.map((a) => (a as { action: string }).action)).toEqual(
      expect.arrayContaining(['hosting.host.apply', 'hosting.host.verified']),
    );
    const [n] = await app
      .em()
      .getConnection()
      .execute(`select count(*)::int as n from notifications where user_id = ? and kind = 'HOSTING_HOST_DECIDED'`, [
        agent.user.id,
      ]);
    expect(n.n).toBe(1);
  });

  it('a credit code failing its check character is refused, naming the field, and nothing is written', async () => {
    const agent = await newAgent();
    const payload = await nothingWritten(app, () =>
      mutate(app, APPLY, hostInput({ uscc: '914403001922038217' }), agent.token),
    );
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_FORMAT', field: ['input', 'uscc'] })]);
  });

  it('every bad field is reported at once: licence number, floor area, secretaries, a kind unlike the firm', async () => {
    const agent = await newAgent('LAW_FIRM');
    const payload = await nothingWritten(app, () =>
      mutate(
        app,
        APPLY,
        hostInput({ licenceNumber: '许可证', officeFloorArea: 0, fullTimeSecretaries: -1, kind: 'ACCOUNTING_FIRM' }),
        agent.token,
      ),
    );
    expect(payload.userErrors.map((e) => e.field?.join('.'))).toEqual(
      expect.arrayContaining([
        'input.licenceNumber',
        'input.officeFloorArea',
        'input.fullTimeSecretaries',
        'input.kind',
      ]),
    );
  });

  it('a refusal and a suspension each tell the agent, with the reason, and are in the audit trail', async () => {
    const agent = await newAgent();
    const { host } = await ok(app, APPLY, hostInput(), agent.token);
    await ok(app, REFUSE_HOST, { id: host.id, reason: '执业许可证已过期' }, users.official.token);
    await ok(app, APPLY, hostInput(), agent.token);
    await ok(app, VERIFY, { id: host.id }, users.official.token);
    await ok(app, SUSPEND, { id: host.id, reason: '未履行转递义务' }, users.official.token);
    const db = app.em().getConnection();
    const audit = await db.execute(
      `select action, from_state, to_state from audit_events where subject_type = 'Host' and subject_id = ? order by at, seq`,
      [fromGlobalId(host.id)!.id],
    );
    expect(audit.map((a) => `${a.action} ${a.from_state ?? '-'}→${a.to_state}`)).toEqual([
      'hosting.host.apply -→PENDING',
      'hosting.host.refused PENDING→REFUSED',
      'hosting.host.apply REFUSED→PENDING',
      'hosting.host.verified PENDING→VERIFIED',
      'hosting.host.suspended VERIFIED→SUSPENDED',
    ]);
    const told = await db.execute(
      `select params from notifications where user_id = ? and kind = 'HOSTING_HOST_DECIDED' order by created_at, id`,
      [agent.user.id],
    );
    expect(told).toHaveLength(3);
    expect(told.map((n) => (n.params as { reason: string }).reason).sort()).toEqual(
      ['', '执业许可证已过期', '未履行转递义务'].sort(),
    );
  });

  it('a second application while one is pending is ALREADY_EXISTS; after a refusal the firm may apply again', async () => {
    const agent = await newAgent();
    const first = await ok(app, APPLY, hostInput(), agent.token);
    expect(codes(await nothingWritten(app, () => mutate(app, APPLY, hostInput(), agent.token)))).toEqual([
      'ALREADY_EXISTS',
    ]);
    const refused = await ok(app, REFUSE_HOST, { id: first.host.id, reason: '执业许可证已过期' }, users.official.token);
    expect(refused.host).toMatchObject({ status: 'REFUSED', decisionReason: '执业许可证已过期' });
    const again = await ok(app, APPLY, hostInput({ licenceNumber: '13702201010999999' }), agent.token);
    expect(again.host).toMatchObject({ id: first.host.id, status: 'PENDING', licenceNumber: '13702201010999999' });
  });

  it('a refusal needs a reason; verifying a refused host is INVALID_STATE', async () => {
    const agent = await newAgent();
    const { host } = await ok(app, APPLY, hostInput(), agent.token);
    expect(
      codes(
        await nothingWritten(app, () => mutate(app, REFUSE_HOST, { id: host.id, reason: '  ' }, users.official.token)),
      ),
    ).toEqual(['REQUIRED']);
    await ok(app, REFUSE_HOST, { id: host.id, reason: '材料不全' }, users.official.token);
    expect(codes(await nothingWritten(app, () => mutate(app, VERIFY, { id: host.id }, users.official.token)))).toEqual([
      'INVALID_STATE',
    ]);
  });

  it('an unknown host id is NOT_FOUND', async () => {
    const payload = await nothingWritten(app, () =>
      mutate(app, VERIFY, { id: 'SG9zdDpub3BlCg' }, users.official.token),
    );
    expect(codes(payload)).toEqual(['NOT_FOUND']);
  });

  it('an official of another department may not verify (FORBIDDEN)', async () => {
    const agent = await newAgent();
    const { host } = await ok(app, APPLY, hostInput(), agent.token);
    const result = await app.execute(VERIFY, { input: { id: host.id } }, { token: users.taxOfficial.token });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('hosted addresses under the host rules', () => {
  it('a verified host adds an address; it appears with its live occupancy', async () => {
    const host = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, { capacity: 20, floorArea: 40 });
    expect(address).toMatchObject({
      capacity: 20,
      occupied: 0,
      available: 20,
      status: 'ACTIVE',
      host: { status: 'VERIFIED' },
    });
  });

  it('a pending host may not add addresses', async () => {
    const agent = await newAgent();
    await ok(app, APPLY, hostInput(), agent.token);
    expect(codes(await nothingWritten(app, () => mutate(app, ADD_ADDRESS, addressInput(), agent.token)))).toEqual([
      'INVALID_STATE',
    ]);
  });

  it('a capacity needing more floor area than 2 m² each is refused naming the rule', async () => {
    const host = await verifiedHost(app, users.official);
    const payload = await nothingWritten(app, () =>
      mutate(app, ADD_ADDRESS, addressInput({ floorArea: 39, capacity: 20 }), host.agent.token, 'en'),
    );
    expect(payload.userErrors).toEqual([
      expect.objectContaining({
        code: 'OUT_OF_RANGE',
        field: ['input', 'capacity'],
        message: expect.stringContaining('at least 2 m² of office per hosted enterprise'),
      }),
    ]);
  });

  it('the secretary rule counts all of the host’s addresses: 2 secretaries host at most 100', async () => {
    const host = await verifiedHost(app, users.official, { secretaries: 2 });
    await addAddress(app, host.agent, { capacity: 60, floorArea: 200 });
    const payload = await nothingWritten(app, () =>
      mutate(app, ADD_ADDRESS, addressInput({ capacity: 41, floorArea: 200 }), host.agent.token, 'en'),
    );
    expect(payload.userErrors[0]).toMatchObject({
      code: 'OUT_OF_RANGE',
      message: expect.stringContaining('one full-time secretary per 50'),
    });
    await addAddress(app, host.agent, { capacity: 40, floorArea: 200 });
  });

  it('a zone outside the district is refused', async () => {
    const host = await verifiedHost(app, users.official);
    const payload = await nothingWritten(app, () =>
      mutate(app, ADD_ADDRESS, addressInput({ district: 'SHINAN', zone: 'QINGDAO_FTZ' }), host.agent.token),
    );
    expect(payload.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'zone'] });
  });

  it('the rules are settings an administrator changes: 5 m² each then refuses what 2 m² allowed', async () => {
    const host = await verifiedHost(app, users.official);
    const changed = await ok(app, UPDATE_SETTINGS, { floorAreaPerEnterprise: 5 }, users.admin.token);
    expect(changed.settings).toMatchObject({ floorAreaPerEnterprise: 5, enterprisesPerSecretary: 50 });
    try {
      const payload = await nothingWritten(app, () =>
        mutate(app, ADD_ADDRESS, addressInput({ floorArea: 40, capacity: 10 }), host.agent.token, 'en'),
      );
      expect(payload.userErrors[0]!.message).toContain('at least 5 m²');
    } finally {
      await ok(app, UPDATE_SETTINGS, { floorAreaPerEnterprise: 2 }, users.admin.token);
    }
  });

  it('settings out of range are refused and only an administrator may change them', async () => {
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, UPDATE_SETTINGS, { enterprisesPerSecretary: 0 }, users.admin.token),
        ),
      ),
    ).toEqual(['OUT_OF_RANGE']);
    const result = await app.execute(
      UPDATE_SETTINGS,
      { input: { floorAreaPerEnterprise: 3 } },
      { token: users.official.token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a capacity below the current occupancy is refused; the address is unchanged', async () => {
    const host = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, { capacity: 3, floorArea: 10 });
    for (let i = 0; i < 2; i++) {
      const applicant = await createUser(app);
      const enterprise = await createEnterprise(app, applicant);
      const { agreement } = await ok(
        app,
        REQUEST,
        { addressId: address.id, enterpriseId: `${toEnterpriseId(enterprise.id)}` },
        applicant.token,
      );
      await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
    }
    const payload = await nothingWritten(app, () =>
      mutate(app, UPDATE_ADDRESS, { id: address.id, capacity: 1 }, host.agent.token),
    );
    expect(payload.userErrors[0]).toMatchObject({ code: 'OUT_OF_RANGE', field: ['input', 'capacity'] });
    const lowered = await ok(app, UPDATE_ADDRESS, { id: address.id, capacity: 2 }, host.agent.token);
    expect(lowered.address).toMatchObject({ capacity: 2, occupied: 2, available: 0 });
  });

  it('another firm’s address is NOT_FOUND to the agent', async () => {
    const a = await verifiedHost(app, users.official);
    const b = await verifiedHost(app, users.official);
    const address = await addAddress(app, a.agent);
    expect(
      codes(
        await nothingWritten(app, () => mutate(app, UPDATE_ADDRESS, { id: address.id, capacity: 5 }, b.agent.token)),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('a suspended host’s addresses take no new requests; its active agreements stay', async () => {
    const host = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, { capacity: 5, floorArea: 20 });
    const applicant = await createUser(app);
    const enterprise = await createEnterprise(app, applicant);
    const { agreement } = await ok(
      app,
      REQUEST,
      { addressId: address.id, enterpriseId: toEnterpriseId(enterprise.id) },
      applicant.token,
    );
    await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
    await ok(app, SUSPEND, { id: host.hostId, reason: '未履行转递义务' }, users.official.token);
    const other = await createUser(app);
    const otherEnterprise = await createEnterprise(app, other);
    const refused = await nothingWritten(app, () =>
      mutate(app, REQUEST, { addressId: address.id, enterpriseId: toEnterpriseId(otherEnterprise.id) }, other.token),
    );
    expect(codes(refused)).toEqual(['INVALID_STATE']);
    const still = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on HostingAgreement { status } } }`,
      { id: agreement.id },
      { token: applicant.token },
    );
    expect(still.data!.node.status).toBe('ACTIVE');
  });
});

function toEnterpriseId(id: string): string {
  return toGlobalId('Enterprise', id);
}
