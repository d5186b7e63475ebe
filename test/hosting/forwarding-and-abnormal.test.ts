import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createRoleUsers, createUser } from '../helpers/factories.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';
import { isOnAbnormalOperationsList } from '../../src/modules/hosting/index.js';
import { HOSTING_AGREEMENT_UPDATED } from '../../src/modules/hosting/hosting.events.js';
import { contextFor } from '../names/helpers.js';
import { agreementFixture, reportFixture } from './fixtures.js';
import {
  ACCEPT,
  ACKNOWLEDGE,
  DISMISS,
  LIST_ABNORMAL,
  LOG_FORWARDING,
  REMOVE_ABNORMAL,
  REPORT,
  REQUEST,
  UPDATE_SETTINGS,
  addAddress,
  codes,
  mutate,
  nothingWritten,
  ok,
  verifiedHost,
  type VerifiedHost,
} from './helpers.js';
import { createEnterprise } from '../financing/helpers.js';
import { fromGlobalId } from '../../src/shared/ids.js';

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
let host: VerifiedHost;
let agent: { id: string; token: string };
beforeAll(async () => {
  app = await TestApp.start();
  users = await createRoleUsers(app);
  host = await verifiedHost(app, users.official, { secretaries: 10 });
  agent = { id: host.agent.user.id, token: host.agent.token };
});
afterAll(async () => app?.stop());

const forwarding = (enterpriseId: string, overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  sender: '青岛市市场监督管理局',
  kind: 'OFFICIAL_DOCUMENT',
  receivedOn: '2026-11-20',
  forwardedOn: '2026-11-20',
  trackingNumber: 'EMS1234567890',
  ...overrides,
});

describe('the forwarding log', () => {
  it('the host logs an item; the enterprise is told, acknowledges it, and the host sees it acknowledged', async () => {
    const applicant = await createUser(app);
    const { enterpriseId } = await agreementFixture(app, agent, applicant);
    const logged = await ok(app, LOG_FORWARDING, forwarding(enterpriseId, { forwardedOn: '2026-11-25' }), agent.token);
    // Five working days after Wednesday 25 November: Wednesday 2 December.
    expect(logged.forwarding).toMatchObject({ acknowledgeBy: '2026-12-02', acknowledgedAt: null, overdue: false });
    const [n] = await app
      .em()
      .getConnection()
      .execute(
        `select count(*)::int as n from notifications where user_id = ? and kind = 'HOSTING_DOCUMENT_FORWARDED'`,
        [applicant.user.id],
      );
    expect(n.n).toBe(1);
    const acknowledged = await ok(app, ACKNOWLEDGE, { id: logged.forwarding.id }, applicant.token);
    expect(acknowledged.forwarding.acknowledgedAt).not.toBeNull();
    expect(
      codes(await nothingWritten(app, () => mutate(app, ACKNOWLEDGE, { id: logged.forwarding.id }, applicant.token))),
    ).toEqual(['INVALID_STATE']);
  });

  it('unacknowledged past the configured working days it shows overdue to the host', async () => {
    const applicant = await createUser(app);
    const { agreementId, enterpriseId } = await agreementFixture(app, agent, applicant);
    // Forwarded Friday 13 November: 5 working days end Friday 20 November; today is 26 November.
    await ok(
      app,
      LOG_FORWARDING,
      forwarding(enterpriseId, { receivedOn: '2026-11-12', forwardedOn: '2026-11-13' }),
      agent.token,
    );
    const result = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on HostingAgreement { forwardings(first: 5) { edges { node { acknowledgeBy overdue } } } } } }`,
      { id: agreementId },
      { token: agent.token },
    );
    expect(result.data!.node.forwardings.edges[0].node).toEqual({ acknowledgeBy: '2026-11-20', overdue: true });
  });

  it('the deadline follows the working days an administrator sets: 10 instead of 5 and the item is not overdue yet', async () => {
    const applicant = await createUser(app);
    const { enterpriseId } = await agreementFixture(app, agent, applicant);
    await ok(app, UPDATE_SETTINGS, { acknowledgeWithinWorkingDays: 10 }, users.admin.token);
    try {
      // Forwarded Friday 13 November: 10 working days end Friday 27 November; today is 26 November.
      const logged = await ok(
        app,
        LOG_FORWARDING,
        forwarding(enterpriseId, { receivedOn: '2026-11-12', forwardedOn: '2026-11-13' }),
        agent.token,
      );
      expect(logged.forwarding).toMatchObject({ acknowledgeBy: '2026-11-27', overdue: false });
    } finally {
      await ok(app, UPDATE_SETTINGS, { acknowledgeWithinWorkingDays: 5 }, users.admin.token);
    }
  });

  it('for an enterprise the host does not host: NOT_FOUND naming it, nothing written', async () => {
    const enterprise = await createEnterprise(app, users.applicant);
    const payload = await nothingWritten(app, () =>
      mutate(app, LOG_FORWARDING, forwarding(toGlobalId('Enterprise', enterprise.id)), agent.token, 'en'),
    );
    expect(payload.userErrors).toEqual([
      expect.objectContaining({
        code: 'NOT_FOUND',
        field: ['input', 'enterpriseId'],
        message: expect.stringContaining('not hosted by your firm'),
      }),
    ]);
  });

  it('dates out of order or in the future are refused; a stranger cannot acknowledge', async () => {
    const applicant = await createUser(app);
    const { enterpriseId } = await agreementFixture(app, agent, applicant);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(
            app,
            LOG_FORWARDING,
            forwarding(enterpriseId, { receivedOn: '2026-11-21', forwardedOn: '2026-11-20' }),
            agent.token,
          ),
        ),
      ),
    ).toEqual(['INVALID_INPUT']);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, LOG_FORWARDING, forwarding(enterpriseId, { forwardedOn: '2026-11-27' }), agent.token),
        ),
      ),
    ).toEqual(['INVALID_INPUT']);
    const logged = await ok(app, LOG_FORWARDING, forwarding(enterpriseId), agent.token);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, ACKNOWLEDGE, { id: logged.forwarding.id }, users.otherApplicant.token),
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });
});

describe('unreachable enterprises and the abnormal-operations list', () => {
  it('a report goes to an official who lists the enterprise; the list and the profile show it; it is removed once cured', async () => {
    const applicant = await createUser(app);
    const { reportId, enterpriseId } = await reportFixture(app, agent, applicant);
    const queue = await app.execute(
      `{ unreachableReports(first: 50, filter: { status: PENDING }) { edges { node { id attempts } } } }`,
      {},
      { token: users.official.token },
    );
    expect(queue.data!.unreachableReports.edges.map((e: any) => e.node.id)).toContain(reportId);
    const listed = await ok(
      app,
      LIST_ABNORMAL,
      { reportId, reason: '通过登记的住所无法联系', authority: '青岛市市场监督管理局' },
      users.official.token,
    );
    expect(listed).toMatchObject({
      report: { status: 'LISTED' },
      listing: {
        listedOn: '2026-11-26',
        authority: '青岛市市场监督管理局',
        removedOn: null,
        enterprise: { id: enterpriseId },
      },
    });
    const list = await app.execute(
      `{ abnormalOperationsList(first: 50) { edges { node { reason enterprise { id } } } } }`,
    );
    expect(list.data!.abnormalOperationsList.edges.map((e: any) => e.node.enterprise.id)).toContain(enterpriseId);
    const profile = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on Enterprise { abnormalOperations(first: 10) { edges { node { reason listedOn removedOn } } } } } }`,
      { id: enterpriseId },
    );
    expect(profile.data!.node.abnormalOperations.edges.map((e: any) => e.node)).toEqual([
      { reason: '通过登记的住所无法联系', listedOn: '2026-11-26', removedOn: null },
    ]);
    const ctx = await contextFor(app);
    const localId = fromGlobalId(enterpriseId)!.id;
    expect((await isOnAbnormalOperationsList(ctx, [localId])).get(localId)).toBe(true);
    await ok(app, REMOVE_ABNORMAL, { enterpriseId, reason: '已恢复联系并变更住所' }, users.official.token);
    expect((await isOnAbnormalOperationsList(await contextFor(app), [localId])).get(localId)).toBe(false);
    const after = await app.execute(`{ abnormalOperationsList(first: 50) { edges { node { enterprise { id } } } } }`);
    expect(after.data!.abnormalOperationsList.edges.map((e: any) => e.node.enterprise.id)).not.toContain(enterpriseId);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, REMOVE_ABNORMAL, { enterpriseId, reason: '再次' }, users.official.token),
        ),
      ),
    ).toEqual(['INVALID_STATE']);
  });

  it('实施细则 Art. 48: an enterprise on the abnormal-operations list may not start a simplified deregistration; once removed it may', async () => {
    const applicant = await createUser(app);
    const { reportId, enterpriseId } = await reportFixture(app, agent, applicant);
    await ok(
      app,
      LIST_ABNORMAL,
      { reportId, reason: '通过登记的住所无法联系', authority: '青岛市市场监督管理局' },
      users.official.token,
    );
    const startNotice = () =>
      app.execute(
        `mutation($input: StartSimplifiedDeregistrationNoticeInput!) { startSimplifiedDeregistrationNotice(input: $input) { notice { id } userErrors { code message } } }`,
        {
          input: {
            enterpriseId,
            commitment: { termsVersion: 'SIMPLE-DEREG-2026.1', accepted: true, signatoryName: '王海川' },
          },
        },
        { token: applicant.token },
      );
    const barred = (await startNotice()).data!.startSimplifiedDeregistrationNotice;
    expect(barred.notice).toBeNull();
    expect(barred.userErrors).toEqual([
      {
        code: 'NOT_ALLOWED',
        message: expect.stringContaining('经营异常名录（自 2026-11-26：通过登记的住所无法联系）'),
      },
    ]);
    await ok(app, REMOVE_ABNORMAL, { enterpriseId, reason: '已变更住所并恢复联系' }, users.official.token);
    const started = (await startNotice()).data!.startSimplifiedDeregistrationNotice;
    expect(started.userErrors).toEqual([]);
    expect(started.notice.id).toBeTruthy();
  });

  it('an official dismisses a report; deciding it again is INVALID_STATE', async () => {
    const { reportId } = await reportFixture(app, agent, await createUser(app));
    expect((await ok(app, DISMISS, { reportId, note: '企业已取得联系' }, users.official.token)).report.status).toBe(
      'DISMISSED',
    );
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, LIST_ABNORMAL, { reportId, reason: '无法联系', authority: '市场监管局' }, users.official.token),
        ),
      ),
    ).toEqual(['INVALID_STATE']);
  });

  it("each decision on a report and on the list tells the enterprise's agent and is in the audit trail", async () => {
    const applicant = await createUser(app);
    const { reportId, enterpriseId } = await reportFixture(app, agent, applicant);
    await ok(
      app,
      LIST_ABNORMAL,
      { reportId, reason: '无法联系', authority: '青岛市市场监督管理局' },
      users.official.token,
    );
    await ok(app, REMOVE_ABNORMAL, { enterpriseId, reason: '已变更住所' }, users.official.token);
    const dismissed = await reportFixture(app, agent, applicant);
    await ok(app, DISMISS, { reportId: dismissed.reportId, note: '已取得联系' }, users.official.token);
    const db = app.em().getConnection();
    const actions = async (subjectType: string, globalId: string) =>
      (
        await db.execute(`select action from audit_events where subject_type = ? and subject_id = ? order by at, seq`, [
          subjectType,
          fromGlobalId(globalId)!.id,
        ])
      ).map((a) => a.action as string);
    expect(await actions('UnreachableReport', reportId)).toEqual([
      'hosting.unreachable.report',
      'hosting.unreachable.list',
    ]);
    expect(await actions('Enterprise', enterpriseId)).toEqual(['hosting.abnormal.list', 'hosting.abnormal.remove']);
    expect(await actions('UnreachableReport', dismissed.reportId)).toEqual([
      'hosting.unreachable.report',
      'hosting.unreachable.dismiss',
    ]);
    const told = await db.execute(
      `select title_key from notifications where user_id = ? and kind = 'ABNORMAL_OPERATIONS' and subject_id = ?`,
      [applicant.user.id, fromGlobalId(enterpriseId)!.id],
    );
    // The test clock stands still: both were sent at one instant, so only which were sent is certain, not their order.
    expect(told.map((n) => n.title_key).sort()).toEqual([
      'hosting.notify.listed.title',
      'hosting.notify.removed.title',
    ]);
  });

  it('a second pending report of one enterprise is ALREADY_EXISTS; an enterprise not hosted is NOT_FOUND; attempts are required', async () => {
    const applicant = await createUser(app);
    const { enterpriseId } = await reportFixture(app, agent, applicant);
    expect(
      codes(await nothingWritten(app, () => mutate(app, REPORT, { enterpriseId, attempts: '再次报告' }, agent.token))),
    ).toEqual(['ALREADY_EXISTS']);
    const other = toGlobalId('Enterprise', (await createEnterprise(app, applicant)).id);
    expect(
      codes(
        await nothingWritten(app, () =>
          mutate(app, REPORT, { enterpriseId: other, attempts: '电话未接通' }, agent.token),
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(await nothingWritten(app, () => mutate(app, REPORT, { enterpriseId, attempts: '  ' }, agent.token))),
    ).toEqual(['REQUIRED']);
  });
});

describe('live updates', () => {
  it('the host hears of a new request, the applicant of its acceptance, over WebSocket', async () => {
    const address = await addAddress(app, host.agent, { capacity: 2, floorArea: 10 });
    const applicant = await createUser(app);
    const hostClient = wsClient(app, { authorization: `Bearer ${host.agent.token}` });
    const applicantClient = wsClient(app, { authorization: `Bearer ${applicant.token}` });
    const query = `subscription { hostingAgreementUpdated { id status } }`;
    const hostSide = subscribe<any>(hostClient, query);
    const applicantSide = subscribe<any>(applicantClient, query);
    const stranger = subscribe<any>(wsClient(app, { authorization: `Bearer ${users.otherApplicant.token}` }), query);
    try {
      // An earlier request of the applicant, announced again until both subscriptions are listening.
      const primer = await ok(
        app,
        REQUEST,
        { addressId: address.id, enterpriseId: toGlobalId('Enterprise', (await createEnterprise(app, applicant)).id) },
        applicant.token,
      );
      const event = {
        id: fromGlobalId(primer.agreement.id)!.id,
        hostId: fromGlobalId(host.hostId)!.id,
        applicantId: applicant.user.id,
        enterpriseId: null,
      };
      while (hostSide.results.length === 0 || applicantSide.results.length === 0) {
        app.deps.events.publish(HOSTING_AGREEMENT_UPDATED, event);
        await waitFor(
          () => hostSide.results.length > 0 && applicantSide.results.length > 0,
          'both subscriptions',
          200,
        ).catch(() => undefined);
      }
      hostSide.results.length = 0;
      applicantSide.results.length = 0;
      const enterpriseId = toGlobalId('Enterprise', (await createEnterprise(app, applicant)).id);
      const { agreement } = await ok(app, REQUEST, { addressId: address.id, enterpriseId }, applicant.token);
      await waitFor(
        () => hostSide.results.some((r) => r.data?.hostingAgreementUpdated.id === agreement.id),
        'the host to hear of the request',
      );
      expect(hostSide.results.at(-1)!.data!.hostingAgreementUpdated).toEqual({ id: agreement.id, status: 'REQUESTED' });
      await ok(app, ACCEPT, { id: agreement.id }, host.agent.token);
      await waitFor(
        () => applicantSide.results.some((r) => r.data?.hostingAgreementUpdated.status === 'ACTIVE'),
        'the applicant to hear of the acceptance',
      );
      expect(stranger.results).toEqual([]);
    } finally {
      hostSide.unsubscribe();
      applicantSide.unsubscribe();
      stranger.unsubscribe();
      await hostClient.dispose();
      await applicantClient.dispose();
    }
  });
});
