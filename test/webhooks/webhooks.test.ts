import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemContext } from '../../src/app/context.js';
import { recordRegisterEvent } from '../../src/modules/registration/enterprise.service.js';
import { runWebhooks } from '../../src/modules/webhooks/index.js';
import { MAX_ATTEMPTS } from '../../src/modules/webhooks/webhook-delivery.js';
import { isPublicAddress } from '../../src/modules/webhooks/webhook-url.js';
import { loadConfig } from '../../src/config.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type TestUser } from '../helpers/factories.js';
import { createCast, makeOffer, publishDemand, type Cast } from '../financing/helpers.js';
import { Receiver, verifySignature } from './receiver.js';

// Signed webhooks (issue 18): an organisation's endpoint receives exactly one signed delivery per event
// it may read, retried after failures and never after a 2xx, disabled after a day of failures; private
// addresses are refused; only the organisation's administrator sees or changes anything.

const START = '2026-11-26T09:00:00+08:00';
const MINUTE = 60_000;
const ERRORS = 'userErrors { code field message }';
const ENDPOINT_FIELDS = 'id url description eventTypes enabled disabledReason secretPrefix failingSince';
const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) { endpoint { ${ENDPOINT_FIELDS} demandFilter { districts } } ${ERRORS} } }`;
const DELETE = `mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedEndpointId ${ERRORS} } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret endpoint { secretPrefix } ${ERRORS} } }`;
const REDELIVER = `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { id status redelivery } ${ERRORS} } }`;
const LOG = `query($first: Int) { webhookEndpoints(first: 50) { edges { node { id url
  deliveries(first: $first) { edges { node { id eventType status attempts responseStatus durationMs error nextAttemptAt redelivery } } } } } } }`;

let app: TestApp;
let receiver: Receiver;
let cast: Cast;
let bankAAdmin: TestUser;
let bankBAdmin: TestUser;
let firmAdmin: TestUser;

beforeAll(async () => {
  app = await TestApp.start({ now: START, config: { webhooksAllowPrivate: true } });
  receiver = await Receiver.start();
  cast = await createCast(app);
  const em = app.em();
  const bankA = await em.findOneOrFail('Organisation', { id: cast.bankAId });
  const bankB = await em.findOneOrFail('Organisation', { id: cast.bankBId });
  bankAAdmin = await createUser(app, { role: 'BANK_OFFICER', organisation: bankA as never, organisationAdmin: true });
  bankBAdmin = await createUser(app, { role: 'BANK_OFFICER', organisation: bankB as never, organisationAdmin: true });
  firmAdmin = await createUser(app, {
    role: 'HOST_AGENT',
    organisation: await createOrganisation(app, 'LAW_FIRM'),
    organisationAdmin: true,
  });
});
afterAll(async () => {
  await receiver?.stop();
  await app?.stop();
});

function allowPrivate(allowed: boolean): void {
  (app.deps.config as { webhooksAllowPrivate: boolean }).webhooksAllowPrivate = allowed;
}

/** Waits until every committed event is below the feed's horizon (other databases' transactions may hold it). */
async function settled(): Promise<void> {
  await expect
    .poll(async () => {
      const [row] = await app
        .em()
        .execute(
          `select coalesce(max(xact_id) < pg_snapshot_xmin(pg_current_snapshot()), true) as ok from domain_events`,
        );
      return row.ok;
    })
    .toBe(true);
}

/** One run of the scheduled job, once the events are readable. */
async function runJob(): Promise<number> {
  await settled();
  return runWebhooks(createSystemContext(app.orm, app.deps));
}

/** A public register event (every organisation may read it); returns the enterprise's global ID. */
async function registerEvent(): Promise<string> {
  const enterpriseId = randomUUID();
  await inTransaction(createSystemContext(app.orm, app.deps), async (tx) => {
    recordRegisterEvent(tx, enterpriseId, 'ENTERPRISE_REGISTERED');
  });
  return toGlobalId('Enterprise', enterpriseId);
}

async function createEndpoint(as: TestUser, input: Record<string, unknown>) {
  const result = await app.execute(CREATE, { input }, { token: as.token, language: 'en' });
  expect(result.errors).toBeUndefined();
  return result.data!.createWebhookEndpoint;
}

/** An endpoint at a fresh path of the receiver; its id, path and secret. */
async function endpointAt(as: TestUser, input: Record<string, unknown> = {}) {
  const path = `/hooks/${randomUUID()}`;
  const created = await createEndpoint(as, { url: `${receiver.origin}${path}`, ...input });
  expect(created.userErrors).toEqual([]);
  return { id: created.endpoint.id as string, path, secret: created.secret as string };
}

async function deliveryRows(endpointGlobalId: string): Promise<any[]> {
  const id = endpointGlobalId ? Buffer.from(endpointGlobalId, 'base64url').toString('utf8').split(':')[1] : '';
  return app.em().execute(`select * from webhook_deliveries where endpoint_id = ? order by created_at, id`, [id]);
}

async function tableCounts() {
  const [row] = await app
    .em()
    .execute(
      `select (select count(*)::int from webhook_endpoints) as endpoints, (select count(*)::int from webhook_deliveries) as deliveries`,
    );
  return row;
}

function subjectsAt(path: string): string[] {
  return receiver.at(path).map((request) => JSON.parse(request.body).subject.id);
}

describe('delivery', () => {
  it('sends exactly one signed delivery per event, with the documented headers and body', async () => {
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    const subjects = [await registerEvent(), await registerEvent(), await registerEvent()];

    await runJob();
    await runJob();

    expect(subjectsAt(endpoint.path).sort()).toEqual([...subjects].sort());
    const now = Math.floor(app.clock.now().getTime() / 1000);
    for (const request of receiver.at(endpoint.path)) {
      const body = JSON.parse(request.body);
      expect(body).toMatchObject({ type: 'ENTERPRISE_REGISTERED', subject: { type: 'Enterprise' } });
      expect(typeof body.id).toBe('string');
      expect(body.occurredAt).toBe(app.clock.now().toISOString());
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-qes-event']).toBe('ENTERPRISE_REGISTERED');
      expect(request.headers['x-qes-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      const signature = request.headers['x-qes-signature'] as string;
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(signature, request.body, endpoint.secret, now)).toBe(true);
      expect(verifySignature(signature, request.body.replace('}', ' }'), endpoint.secret, now)).toBe(false);
      expect(verifySignature(signature, request.body, endpoint.secret, now + 301)).toBe(false);
    }
    const rows = await deliveryRows(endpoint.id);
    expect(rows.map((row: { status: string; attempts: number }) => [row.status, row.attempts])).toEqual([
      ['SUCCEEDED', 1],
      ['SUCCEEDED', 1],
      ['SUCCEEDED', 1],
    ]);
  });

  it('resolves a host name and sends to the address it resolved (localhost, allowed in tests)', async () => {
    const path = `/hooks/${randomUUID()}`;
    const admin = await createUser(app, {
      role: 'BANK_OFFICER',
      organisation: await createOrganisation(app, 'BANK'),
      organisationAdmin: true,
    });
    const created = await createEndpoint(admin, {
      url: `${receiver.origin.replace('127.0.0.1', 'localhost')}${path}`,
      eventTypes: ['ENTERPRISE_REGISTERED'],
    });
    expect(created.userErrors).toEqual([]);
    const subject = await registerEvent();

    await runJob();

    expect(subjectsAt(path)).toEqual([subject]);
    expect(receiver.at(path)[0]!.headers.host).toBe(new URL(created.endpoint.url).host);
  });

  it('receives only events of its types, and only those from after its creation', async () => {
    const before = await registerEvent();
    await runJob();
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['FINANCING_OFFER_RECEIVED'] });
    await registerEvent();

    await runJob();

    expect(receiver.at(endpoint.path)).toEqual([]);
    const all = await endpointAt(bankAAdmin);
    const after = await registerEvent();
    await runJob();
    expect(subjectsAt(all.path)).toEqual([after]);
    expect(subjectsAt(all.path)).not.toContain(before);
  });

  it('retries after a 500 with backoff, and stops after the 2xx', async () => {
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    receiver.answer(endpoint.path, 500);
    await registerEvent();

    await runJob();
    expect(receiver.at(endpoint.path)).toHaveLength(1);
    const [failed] = await deliveryRows(endpoint.id);
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, response_status: 500 });
    expect(new Date(failed.next_attempt_at).getTime()).toBe(app.clock.now().getTime() + MINUTE);

    // Not yet due: nothing is sent.
    await runJob();
    expect(receiver.at(endpoint.path)).toHaveLength(1);

    app.clock.advance(MINUTE);
    await runJob();
    expect(receiver.at(endpoint.path)).toHaveLength(2);
    const [second] = await deliveryRows(endpoint.id);
    expect(new Date(second.next_attempt_at).getTime()).toBe(app.clock.now().getTime() + 2 * MINUTE);

    receiver.answer(endpoint.path, 204);
    app.clock.advance(2 * MINUTE);
    await runJob();
    expect(receiver.at(endpoint.path)).toHaveLength(3);
    const [succeeded] = await deliveryRows(endpoint.id);
    expect(succeeded).toMatchObject({ status: 'SUCCEEDED', attempts: 3, response_status: 204, next_attempt_at: null });

    app.clock.advance(24 * 60 * MINUTE);
    await runJob();
    expect(receiver.at(endpoint.path)).toHaveLength(3);
    const [{ failing_since }] = await app
      .em()
      .execute(`select failing_since from webhook_endpoints where id = ?`, [succeeded.endpoint_id]);
    expect(failing_since).toBeNull();
  });

  it(`gives a delivery up after ${MAX_ATTEMPTS} attempts, and a redelivery sends the same event again as a new delivery`, async () => {
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    receiver.answer(endpoint.path, 503);
    await registerEvent();
    await runJob();
    // To each retry as it falls due, and once more after the last.
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [row] = await deliveryRows(endpoint.id);
      app.clock.set(row.next_attempt_at ?? new Date(app.clock.now().getTime() + 6 * 60 * MINUTE));
      await runJob();
    }
    expect(receiver.at(endpoint.path)).toHaveLength(MAX_ATTEMPTS);
    const [given] = await deliveryRows(endpoint.id);
    expect(given).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS });

    receiver.answer(endpoint.path, 200);
    const redelivered = await app.execute(
      REDELIVER,
      { input: { deliveryId: toGlobalId('WebhookDelivery', given.id) } },
      { token: bankAAdmin.token },
    );
    expect(redelivered.data!.redeliverWebhook).toMatchObject({
      userErrors: [],
      delivery: { status: 'PENDING', redelivery: true },
    });
    await runJob();

    const requests = receiver.at(endpoint.path);
    expect(requests).toHaveLength(MAX_ATTEMPTS + 1);
    const [first, last] = [requests[0]!, requests.at(-1)!];
    expect(last.body).toBe(first.body);
    expect(last.headers['x-qes-delivery']).not.toBe(first.headers['x-qes-delivery']);
    const rows = await deliveryRows(endpoint.id);
    expect(rows.map((row: { status: string }) => row.status)).toEqual(['FAILED', 'SUCCEEDED']);
  });

  it("disables an endpoint that failed for 24 hours and notifies its organisation's administrators", async () => {
    const org = await createOrganisation(app, 'BANK');
    const admin = await createUser(app, { role: 'BANK_OFFICER', organisation: org, organisationAdmin: true });
    const secondAdmin = await createUser(app, { role: 'BANK_OFFICER', organisation: org, organisationAdmin: true });
    const officer = await createUser(app, { role: 'BANK_OFFICER', organisation: org });
    const endpoint = await endpointAt(admin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    receiver.answer(endpoint.path, 500);
    await registerEvent();
    await runJob();

    app.clock.advance(23 * 60 * MINUTE);
    await runJob();
    const still = await app.execute(LOG, {}, { token: admin.token });
    expect(still.data!.webhookEndpoints.edges[0].node.id).toBe(endpoint.id);
    let [row] = await app.em().execute(`select enabled from webhook_endpoints where url like ?`, [`%${endpoint.path}`]);
    expect(row.enabled).toBe(true);

    app.clock.advance(61 * MINUTE);
    await runJob();

    [row] = await app
      .em()
      .execute(`select enabled, disabled_reason from webhook_endpoints where url like ?`, [`%${endpoint.path}`]);
    expect(row).toEqual({ enabled: false, disabled_reason: 'FAILING' });
    const inbox = async (user: TestUser) =>
      (
        await app.em().execute<{ kind: string }[]>(`select kind from notifications where user_id = ?`, [user.user.id])
      ).map((n) => n.kind);
    expect(await inbox(admin)).toContain('WEBHOOK_ENDPOINT_DISABLED');
    expect(await inbox(secondAdmin)).toContain('WEBHOOK_ENDPOINT_DISABLED');
    expect(await inbox(officer)).not.toContain('WEBHOOK_ENDPOINT_DISABLED');
    // Disabled: nothing more is sent, and new events are not dispatched to it.
    const sent = receiver.at(endpoint.path).length;
    await registerEvent();
    app.clock.advance(6 * 60 * MINUTE);
    await runJob();
    expect(receiver.at(endpoint.path)).toHaveLength(sent);
  });
});

describe('visibility', () => {
  it("never gives a second bank the first bank's offer events, and a bank filter keeps only matching demands", async () => {
    const bankAHook = await endpointAt(bankAAdmin, {
      eventTypes: ['FINANCING_DEMAND_PUBLISHED', 'FINANCING_OFFER_RECEIVED'],
    });
    const bankBHook = await endpointAt(bankBAdmin, {
      eventTypes: ['FINANCING_DEMAND_PUBLISHED', 'FINANCING_OFFER_RECEIVED'],
    });
    const filtered = await endpointAt(bankBAdmin, {
      eventTypes: ['FINANCING_DEMAND_PUBLISHED'],
      demandFilter: { amountMin: { amount: '5000000.00' } },
    });

    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerId = await makeOffer(app, cast.bankA, demandId);
    const bigDemandId = await publishDemand(app, cast.other, toGlobalId('Enterprise', cast.otherEnterprise.id), {
      amount: { amount: '8000000.00' },
    });
    await runJob();

    expect(subjectsAt(bankAHook.path).sort()).toEqual([demandId, offerId, bigDemandId].sort());
    expect(subjectsAt(bankBHook.path).sort()).toEqual([demandId, bigDemandId].sort());
    expect(subjectsAt(filtered.path)).toEqual([bigDemandId]);
  });

  it('refuses a demand filter for an organisation that is not a bank, and nothing is created', async () => {
    const before = await tableCounts();

    const created = await createEndpoint(firmAdmin, {
      url: `${receiver.origin}/hooks/firm`,
      demandFilter: { districts: ['SHINAN'] },
    });

    expect(created.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_ALLOWED', field: ['input', 'demandFilter'] }),
    ]);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('addresses (WEBHOOKS_ALLOW_PRIVATE off)', () => {
  beforeAll(() => allowPrivate(false));
  afterAll(() => allowPrivate(true));

  it.each([
    ['http://partner.example.cn/hook', 'INVALID_FORMAT', 'https'],
    ['https://127.0.0.1/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://10.1.2.3/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://169.254.169.254/latest/meta-data', 'NOT_ALLOWED', 'non-public'],
    ['https://100.64.0.1/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://[::1]/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://[fc00::1]/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://[fd12:3456::1]/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://[fe80::1]/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://[::ffff:127.0.0.1]/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://[::ffff:a00:1]/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://[::]/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://0.0.0.0/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://224.0.0.1/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://localhost/hook', 'NOT_ALLOWED', 'non-public'],
    ['https://user:pw@partner.example.cn/hook', 'INVALID_FORMAT', 'user name'],
    ['not a url', 'INVALID_FORMAT', 'full URL'],
  ])('refuses %s at registration, and nothing is created', async (url, code, words) => {
    const before = await tableCounts();

    const created = await createEndpoint(bankAAdmin, { url });

    expect(created.endpoint).toBeNull();
    expect(created.secret).toBeNull();
    expect(created.userErrors).toEqual([
      expect.objectContaining({ code, field: ['input', 'url'], message: expect.stringContaining(words) }),
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('is the default: WEBHOOKS_ALLOW_PRIVATE is off unless set to true', () => {
    expect(loadConfig({}).webhooksAllowPrivate).toBe(false);
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'true' }).webhooksAllowPrivate).toBe(true);
  });

  it('tells public addresses from the others, IPv4-mapped IPv6 read as the IPv4 it carries', () => {
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('2606:4700:4700::1111')).toBe(true);
    expect(isPublicAddress('::ffff:93.184.216.34')).toBe(true);
    expect(isPublicAddress('::ffff:127.0.0.1')).toBe(false);
    expect(isPublicAddress('::ffff:7f00:1')).toBe(false);
    expect(isPublicAddress('172.31.255.255')).toBe(false);
    expect(isPublicAddress('192.168.1.1')).toBe(false);
    expect(isPublicAddress('ff02::1')).toBe(false);
  });

  it('checks the address again at delivery: an endpoint that now resolves to a private address gets nothing', async () => {
    allowPrivate(true);
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    allowPrivate(false);
    await registerEvent();

    await runJob();

    expect(receiver.at(endpoint.path)).toEqual([]);
    const [row] = await deliveryRows(endpoint.id);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, error: 'REFUSED_ADDRESS', response_status: null });
  });
});

describe('management', () => {
  it('shows the secret once and stores it only encrypted; rotation changes the signing secret', async () => {
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const [row] = await app.em().execute(`select * from webhook_endpoints where url like ?`, [`%${endpoint.path}`]);
    expect(JSON.stringify(row)).not.toContain(endpoint.secret.slice(6));

    const rotated = await app.execute(ROTATE, { input: { id: endpoint.id } }, { token: bankAAdmin.token });
    const secret = rotated.data!.rotateWebhookSecret.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(endpoint.secret);
    await registerEvent();
    await runJob();
    const [request] = receiver.at(endpoint.path);
    const now = Math.floor(app.clock.now().getTime() / 1000);
    expect(verifySignature(request!.headers['x-qes-signature'] as string, request!.body, secret, now)).toBe(true);
    expect(verifySignature(request!.headers['x-qes-signature'] as string, request!.body, endpoint.secret, now)).toBe(
      false,
    );
  });

  it('updates types, description and enabled; deletes an endpoint with its log', async () => {
    const endpoint = await endpointAt(bankAAdmin);
    const updated = await app.execute(
      UPDATE,
      {
        input: {
          id: endpoint.id,
          description: ' 信贷系统 ',
          eventTypes: ['FINANCING_DEMAND_PUBLISHED'],
          demandFilter: { districts: ['SHINAN'] },
          enabled: false,
        },
      },
      { token: bankAAdmin.token },
    );
    expect(updated.data!.updateWebhookEndpoint).toMatchObject({
      userErrors: [],
      endpoint: {
        description: '信贷系统',
        eventTypes: ['FINANCING_DEMAND_PUBLISHED'],
        enabled: false,
        disabledReason: 'BY_ADMIN',
        demandFilter: { districts: ['SHINAN'] },
      },
    });

    const deleted = await app.execute(DELETE, { input: { id: endpoint.id } }, { token: bankAAdmin.token });
    expect(deleted.data!.deleteWebhookEndpoint).toEqual({ deletedEndpointId: endpoint.id, userErrors: [] });
    expect(await deliveryRows(endpoint.id)).toEqual([]);
    const node = await app.execute(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: endpoint.id },
      { token: bankAAdmin.token },
    );
    expect(node.data!.node).toBeNull();
  });

  it('refuses bad input at each field, all at once, and changes nothing', async () => {
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    const [before] = await app.em().execute(`select * from webhook_endpoints where url like ?`, [`%${endpoint.path}`]);
    const counts = await tableCounts();

    const updated = await app.execute(
      UPDATE,
      {
        input: {
          id: endpoint.id,
          url: 'ftp://partner.example.cn/',
          eventTypes: ['NO_SUCH_EVENT', 'ENTERPRISE_CHANGED'],
          demandFilter: { industries: ['Z99'] },
        },
      },
      { token: bankAAdmin.token, language: 'zh-CN' },
    );
    const created = await createEndpoint(bankAAdmin, { url: '   ', eventTypes: ['bad type'] });

    expect(updated.data!.updateWebhookEndpoint.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
      'input.url',
      'input.eventTypes.0',
      'input.demandFilter.industries.0',
    ]);
    expect(updated.data!.updateWebhookEndpoint.userErrors[0].message).toContain('https');
    expect(created.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
      'input.url',
      'input.eventTypes.0',
    ]);
    const [after] = await app.em().execute(`select * from webhook_endpoints where url like ?`, [`%${endpoint.path}`]);
    expect(after).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  });

  it('reads the delivery logs of many endpoints in as many statements as of one', async () => {
    const org = await createOrganisation(app, 'BANK');
    const admin = await createUser(app, { role: 'BANK_OFFICER', organisation: org, organisationAdmin: true });
    await endpointAt(admin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    await registerEvent();
    await runJob();
    const one = await app.countQueries(() => app.execute(LOG, { first: 10 }, { token: admin.token }));
    for (let i = 0; i < 5; i++) await endpointAt(admin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    await registerEvent();
    await runJob();

    let result: { data: any } | undefined;
    const six = await app.countQueries(async () => {
      result = await app.execute(LOG, { first: 10 }, { token: admin.token });
    });

    expect(result!.data!.webhookEndpoints.edges).toHaveLength(6);
    expect(six.length).toBe(one.length);
    const logs = result!.data!.webhookEndpoints.edges.map(
      (edge: { node: { deliveries: { edges: unknown[] } } }) => edge.node.deliveries.edges.length,
    );
    expect(logs.sort()).toEqual([1, 1, 1, 1, 1, 2]);
  });
});

describe('authorisation', () => {
  it("gives another organisation's administrator, a bank officer and an anonymous caller nothing", async () => {
    const endpoint = await endpointAt(bankAAdmin, { eventTypes: ['ENTERPRISE_REGISTERED'] });
    await registerEvent();
    await runJob();
    const [delivery] = await deliveryRows(endpoint.id);
    const deliveryId = toGlobalId('WebhookDelivery', delivery.id);
    const [before] = await app.em().execute(`select * from webhook_endpoints where url like ?`, [`%${endpoint.path}`]);
    const counts = await tableCounts();

    // Another organisation's administrator: as if none of it existed.
    const list = await app.execute(LOG, {}, { token: bankBAdmin.token });
    const ids = list.data!.webhookEndpoints.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).not.toContain(endpoint.id);
    for (const [query, input, field] of [
      [UPDATE, { id: endpoint.id, enabled: false }, 'updateWebhookEndpoint'],
      [DELETE, { id: endpoint.id }, 'deleteWebhookEndpoint'],
      [ROTATE, { id: endpoint.id }, 'rotateWebhookSecret'],
      [REDELIVER, { deliveryId }, 'redeliverWebhook'],
    ] as const) {
      const result = await app.execute(query, { input }, { token: bankBAdmin.token });
      expect(result.data![field].userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    }
    for (const id of [endpoint.id, deliveryId]) {
      const node = await app.execute(`query($id: ID!) { node(id: $id) { id } }`, { id }, { token: bankBAdmin.token });
      expect(node.data!.node).toBeNull();
    }

    // A bank officer of the same bank who does not administer it, and an anonymous caller: refused.
    for (const [token, code] of [
      [cast.bankA.token, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const read = await app.execute(LOG, {}, { token });
      expect(read.errors?.[0]?.extensions?.code).toBe(code);
      const write = await app.execute(UPDATE, { input: { id: endpoint.id, enabled: false } }, { token });
      expect(write.errors?.[0]?.extensions?.code).toBe(code);
      const node = await app.execute(`query($id: ID!) { node(id: $id) { id } }`, { id: endpoint.id }, { token });
      expect(node.data?.node ?? null).toBeNull();
    }

    const [after] = await app.em().execute(`select * from webhook_endpoints where url like ?`, [`%${endpoint.path}`]);
    expect(after).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  });
});
