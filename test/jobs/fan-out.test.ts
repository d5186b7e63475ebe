import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobQueue, type RunningJobQueue } from '../../src/app/job-queue.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { establish, gid, localId, run } from '../registration/helpers.js';

// A mutation through the API whose notifications fan out as a job: removing an enterprise's agent
// tells the removed agent and the others. With the pg-boss queue (a server database), the mutation
// adds the job in its transaction and a worker writes the notifications; a refused removal adds none.
const url = process.env.TEST_DATABASE_URL;

const INVITE = /* GraphQL */ `
  mutation Invite($input: InviteEnterpriseAgentInput!) {
    inviteEnterpriseAgent(input: $input) {
      invitation {
        id
      }
      userErrors {
        code
      }
    }
  }
`;
const ACCEPT = /* GraphQL */ `
  mutation Accept($input: AcceptEnterpriseAgentInvitationInput!) {
    acceptEnterpriseAgentInvitation(input: $input) {
      userErrors {
        code
      }
    }
  }
`;
const REMOVE = /* GraphQL */ `
  mutation Remove($input: RemoveEnterpriseAgentInput!) {
    removeEnterpriseAgent(input: $input) {
      userErrors {
        code
      }
    }
  }
`;

describe.runIf(url)('notification fan-out through the job queue', () => {
  let app: TestApp;
  let official: TestUser;
  let queue: RunningJobQueue | undefined;
  let worker: RunningJobQueue | undefined;

  const fanOutJobs = async () =>
    (await app
      .em()
      .execute(`select state from pgboss.job where name = 'notifications.fanOut' order by created_on`)) as {
      state: string;
    }[];

  beforeAll(async () => {
    app = await TestApp.start({ now: '2026-12-07T09:00:00+08:00', config: { jobPollSeconds: 1 } });
    Object.assign(app.deps.config, { databaseUrl: app.orm.config.get('clientUrl') });
    official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
    // This process only adds jobs (as an API instance with JOBS=off) until the test starts a worker.
    queue = await startJobQueue(app.orm, app.deps, { work: false });
    app.deps.jobQueue = queue.queue;
  });

  afterAll(async () => {
    await worker?.stop();
    await queue?.stop();
    await app?.stop();
  });

  it('adds the fan-out in the mutation’s transaction; a worker writes it; a refusal adds none', async () => {
    const agent = await createUser(app);
    const second = await createUser(app);
    const application = await establish(app, agent, official);
    const enterpriseId = application.enterprise.id as string;
    const invited = await run(app, INVITE, { input: { enterpriseId, email: second.user.email } }, agent);
    expect(invited.inviteEnterpriseAgent.userErrors).toEqual([]);
    const accepted = await run(app, ACCEPT, { input: { id: invited.inviteEnterpriseAgent.invitation.id } }, second);
    expect(accepted.acceptEnterpriseAgentInvitation.userErrors).toEqual([]);
    const before = (await fanOutJobs()).length; // accepting told the other agent, as a job too
    expect(before).toBe(1);

    const removed = await run(app, REMOVE, { input: { enterpriseId, userId: gid('User', second.user.id) } }, agent);
    expect(removed.removeEnterpriseAgent.userErrors).toEqual([]);
    // Removing the last agent is refused: no job.
    const refused = await run(app, REMOVE, { input: { enterpriseId, userId: gid('User', agent.user.id) } }, agent);
    expect(refused.removeEnterpriseAgent.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_ALLOWED']);
    expect(await fanOutJobs()).toEqual([{ state: 'created' }, { state: 'created' }]);
    const subject = { subjectId: localId(enterpriseId), kind: 'ENTERPRISE_AGENT_CHANGED' };
    expect(await app.em().count(Notification, subject)).toBe(0);

    worker = await startJobQueue(app.orm, app.deps, { work: true, scheduled: [] });
    await expect.poll(() => app.em().count(Notification, subject), { timeout: 15_000 }).toBe(2);
    const sent = await app.em().find(Notification, subject);
    // The acceptance told the first agent; the removal told the removed one (the remover is not told).
    expect(sent.map((n) => n.userId).sort()).toEqual([agent.user.id, second.user.id].sort());
    await expect.poll(fanOutJobs, { timeout: 5000 }).toEqual([{ state: 'completed' }, { state: 'completed' }]);
  });
});
