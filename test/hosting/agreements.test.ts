import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createRoleUsers, createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import { reserve } from '../registration/helpers.js';
import {
  ACCEPT,
  REFUSE,
  REQUEST,
  TERMINATE,
  addAddress,
  codes,
  mutate,
  nothingWritten,
  ok,
  verifiedHost,
  type VerifiedHost,
} from './helpers.js';

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
let host: VerifiedHost;
beforeAll(async () => {
  app = await TestApp.start();
  users = await createRoleUsers(app);
  host = await verifiedHost(app, users.official);
});
afterAll(async () => app?.stop());

async function enterpriseOf(applicant: TestUser): Promise<string> {
  return toGlobalId('Enterprise', (await createEnterprise(app, applicant)).id);
}

async function notificationsOf(
  userId: string,
  kind: string,
): Promise<{ body_key: string; params: Record<string, string> }[]> {
  return app
    .em()
    .getConnection()
    .execute(`select body_key, params from notifications where user_id = ? and kind = ? order by created_at`, [
      userId,
      kind,
    ]);
}

describe('an applicant asks to be hosted', () => {
  it('for a name it reserved: the host is told, accepts, the slot is taken and the applicant is told', async () => {
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const applicant = await createUser(app);
    const reservation = await reserve(app, applicant);
    const requested = await ok(
      app,
      REQUEST,
      { addressId: address.id, reservationId: toGlobalId('NameReservation', reservation.id) },
      applicant.token,
    );
    expect(requested.agreement).toMatchObject({
      status: 'REQUESTED',
      enterpriseName: reservation.name,
      enterprise: null,
      address: { occupied: 0 },
    });
    expect(await notificationsOf(host.agent.user.id, 'HOSTING_REQUESTED')).toHaveLength(1);
    const accepted = await ok(app, ACCEPT, { id: requested.agreement.id }, host.agent.token);
    expect(accepted.agreement).toMatchObject({
      status: 'ACTIVE',
      startsOn: '2026-11-26',
      address: { occupied: 1, available: 1 },
    });
    expect(await notificationsOf(applicant.user.id, 'HOSTING_REQUEST_DECIDED')).toHaveLength(1);
  });

  it('for a name another applicant reserved: NOT_FOUND, nothing written', async () => {
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const owner = await createUser(app);
    const reservation = await reserve(app, owner);
    const payload = await nothingWritten(app, () =>
      mutate(
        app,
        REQUEST,
        { addressId: address.id, reservationId: toGlobalId('NameReservation', reservation.id) },
        users.otherApplicant.token,
      ),
    );
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'reservationId'] }),
    ]);
  });

  it('for an enterprise it does not act for: NOT_FOUND, nothing written', async () => {
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const enterpriseId = await enterpriseOf(users.applicant);
    const payload = await nothingWritten(app, () =>
      mutate(app, REQUEST, { addressId: address.id, enterpriseId }, users.otherApplicant.token),
    );
    expect(payload.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'enterpriseId'] });
  });

  it('at an unknown address: NOT_FOUND, nothing written', async () => {
    const enterpriseId = await enterpriseOf(users.applicant);
    const payload = await nothingWritten(app, () =>
      mutate(
        app,
        REQUEST,
        { addressId: toGlobalId('HostedAddress', crypto.randomUUID()), enterpriseId },
        users.applicant.token,
      ),
    );
    expect(payload.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'addressId'] });
  });

  it('with both a name and an enterprise, or neither: INVALID_INPUT', async () => {
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const payload = await nothingWritten(app, () =>
      mutate(app, REQUEST, { addressId: address.id }, users.applicant.token),
    );
    expect(codes(payload)).toEqual(['INVALID_INPUT']);
  });

  it('twice for one enterprise: ALREADY_EXISTS', async () => {
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const enterpriseId = await enterpriseOf(users.applicant);
    await ok(app, REQUEST, { addressId: address.id, enterpriseId }, users.applicant.token);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, REQUEST, { addressId: address.id, enterpriseId }, users.applicant.token),
        ),
      ),
    ).toEqual(['ALREADY_EXISTS']);
  });

  it('at a full address: CAPACITY_REACHED; accepting a request once the address filled up: CAPACITY_REACHED', async () => {
    const address = await addAddress(app, host.agent, { capacity: 1, floorArea: 10 });
    const a = await ok(
      app,
      REQUEST,
      { addressId: address.id, enterpriseId: await enterpriseOf(users.applicant) },
      users.applicant.token,
    );
    const b = await ok(
      app,
      REQUEST,
      { addressId: address.id, enterpriseId: await enterpriseOf(users.applicant) },
      users.applicant.token,
    );
    await ok(app, ACCEPT, { id: a.agreement.id }, host.agent.token);
    const late = await nothingWritten(app, () => mutate(app, ACCEPT, { id: b.agreement.id }, host.agent.token));
    expect(codes(late)).toEqual(['CAPACITY_REACHED']);
    const full = await nothingWritten(app, () =>
      mutate(
        app,
        REQUEST,
        { addressId: address.id, enterpriseId: toGlobalId('Enterprise', crypto.randomUUID()) },
        users.applicant.token,
      ),
    );
    expect(codes(full)).toEqual(['NOT_FOUND']);
    const own = await enterpriseOf(users.applicant);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, REQUEST, { addressId: address.id, enterpriseId: own }, users.applicant.token),
        ),
      ),
    ).toEqual(['CAPACITY_REACHED']);
  });
});

describe('the host decides and either side ends it', () => {
  it('a refusal needs a reason and tells the applicant why', async () => {
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const applicant = await createUser(app);
    const { agreement } = await ok(
      app,
      REQUEST,
      { addressId: address.id, enterpriseId: await enterpriseOf(applicant) },
      applicant.token,
    );
    expect(
      codes(await nothingWritten(app, () => mutate(app, REFUSE, { id: agreement.id, reason: ' ' }, host.agent.token))),
    ).toEqual(['REQUIRED']);
    const refused = await ok(app, REFUSE, { id: agreement.id, reason: '经营范围不适合托管' }, host.agent.token);
    expect(refused.agreement).toMatchObject({ status: 'REFUSED', refusalReason: '经营范围不适合托管' });
    const [note] = await notificationsOf(applicant.user.id, 'HOSTING_REQUEST_DECIDED');
    expect(note!.params.reason).toBe('经营范围不适合托管');
    expect(codes(await nothingWritten(app, () => mutate(app, ACCEPT, { id: agreement.id }, host.agent.token)))).toEqual(
      ['INVALID_STATE'],
    );
  });

  it('another firm’s agent cannot decide the request (NOT_FOUND)', async () => {
    const other = await verifiedHost(app, users.official);
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const { agreement } = await ok(
      app,
      REQUEST,
      { addressId: address.id, enterpriseId: await enterpriseOf(users.applicant) },
      users.applicant.token,
    );
    expect(
      codes(await nothingWritten(app, () => mutate(app, ACCEPT, { id: agreement.id }, other.agent.token))),
    ).toEqual(['NOT_FOUND']);
  });

  it('the host terminates: the slot is freed and the enterprise is told to register a new address', async () => {
    const address = await addAddress(app, host.agent, { capacity: 1, floorArea: 10 });
    const applicant = await createUser(app);
    const { agreement } = await ok(
      app,
      REQUEST,
      { addressId: address.id, enterpriseId: await enterpriseOf(applicant) },
      applicant.token,
    );
    await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
    const ended = await ok(app, TERMINATE, { id: agreement.id, reason: '企业长期未领取文书' }, host.agent.token);
    expect(ended.agreement).toMatchObject({
      status: 'TERMINATED',
      terminatedBy: 'HOST',
      endsOn: '2026-11-26',
      address: { occupied: 0, available: 1 },
    });
    const [note] = await notificationsOf(applicant.user.id, 'HOSTING_TERMINATED');
    expect(note!.body_key).toBe('hosting.notify.terminatedByHost.body');
    const en = await app.execute(
      `{ notifications(first: 5) { edges { node { kind body } } } }`,
      {},
      { token: applicant.token, language: 'en' },
    );
    const body = en.data!.notifications.edges.find((e: any) => e.node.kind === 'HOSTING_TERMINATED').node.body;
    expect(body).toContain('must file a change registration of its address');
  });

  it('the enterprise terminates: the host is told; a second termination is INVALID_STATE; a stranger gets NOT_FOUND', async () => {
    const address = await addAddress(app, host.agent, { capacity: 1, floorArea: 10 });
    const applicant = await createUser(app);
    const { agreement } = await ok(
      app,
      REQUEST,
      { addressId: address.id, enterpriseId: await enterpriseOf(applicant) },
      applicant.token,
    );
    await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, TERMINATE, { id: agreement.id, reason: '迁址' }, users.otherApplicant.token),
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const before = (await notificationsOf(host.agent.user.id, 'HOSTING_TERMINATED')).length;
    const ended = await ok(app, TERMINATE, { id: agreement.id, reason: '迁至自有办公场所' }, applicant.token);
    expect(ended.agreement).toMatchObject({ terminatedBy: 'ENTERPRISE', terminationReason: '迁至自有办公场所' });
    expect(await notificationsOf(host.agent.user.id, 'HOSTING_TERMINATED')).toHaveLength(before + 1);
    expect(
      codes(
        await nothingWritten(app, () => mutate(app, TERMINATE, { id: agreement.id, reason: '再次' }, applicant.token)),
      ),
    ).toEqual(['INVALID_STATE']);
  });

  it('every decision is in the audit trail', async () => {
    const rows = await app
      .em()
      .getConnection()
      .execute(`select distinct action from audit_events where subject_type = 'HostingAgreement'`);
    expect(rows.map((r) => (r as { action: string }).action).sort()).toEqual([
      'hosting.agreement.accept',
      'hosting.agreement.refuse',
      'hosting.agreement.request',
      'hosting.agreement.terminate',
    ]);
  });
});
