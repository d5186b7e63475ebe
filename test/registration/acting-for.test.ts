import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Enterprise } from '../../src/modules/registration/index.js';
import { EnterpriseAgentInvitation, RegistrationSettings } from '../../src/modules/registration/acting-for.entity.js';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { uniqueEmail } from '../helpers/accounts.js';
import { COMMITMENT, SAVE, SUBMIT, declaration, establish, fingerprint, gid, localId, run } from './helpers.js';

// Acting for an enterprise (帮办代办): an agent invites another account by email, the invitee accepts
// after signing in and then acts for the enterprise, an agent removes another (never the last), and
// every step names the enterprise acted for in the audit trail. Every refusal writes nothing.

const INVITE = /* GraphQL */ `
  mutation Invite($input: InviteEnterpriseAgentInput!) {
    inviteEnterpriseAgent(input: $input) {
      invitation {
        id
        email
        status
        expiresAt
        invitedByName
        enterprise {
          id
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const ACCEPT = /* GraphQL */ `
  mutation Accept($input: AcceptEnterpriseAgentInvitationInput!) {
    acceptEnterpriseAgentInvitation(input: $input) {
      invitation {
        id
        status
      }
      enterprise {
        id
        agents {
          displayName
          isViewer
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($input: RevokeEnterpriseAgentInvitationInput!) {
    revokeEnterpriseAgentInvitation(input: $input) {
      invitation {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const REMOVE = /* GraphQL */ `
  mutation Remove($input: RemoveEnterpriseAgentInput!) {
    removeEnterpriseAgent(input: $input) {
      enterprise {
        id
        agents {
          userId
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const MY_INVITATIONS = /* GraphQL */ `
  {
    myEnterpriseAgentInvitations(first: 20) {
      edges {
        node {
          id
          status
          enterprise {
            id
            name
          }
        }
      }
    }
  }
`;
const MY_ENTERPRISES = /* GraphQL */ `
  {
    myEnterprises(first: 20) {
      edges {
        node {
          id
          agents {
            userId
            email
            isViewer
          }
          agentInvitations {
            id
            email
          }
        }
      }
    }
  }
`;

let app: TestApp;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

/** An applicant and the enterprise it established; the enterprise's global ID. */
async function agentWithEnterprise(): Promise<{ agent: TestUser; enterpriseId: string; applicationId: string }> {
  const agent = await createUser(app);
  const application = await establish(app, agent, official);
  return { agent, enterpriseId: application.enterprise.id, applicationId: application.id };
}

/** The registration tables plus the invitations: equal before and after means nothing was written. */
async function everything(): Promise<string> {
  const rows = await app.em().getConnection().execute(`
    select (select count(*) from enterprise_agent_invitations) as invitations,
           (select coalesce(sum(version), 0) from enterprise_agent_invitations) as invitation_versions,
           (select string_agg(array_to_string(agent_ids, ','), ';' order by id) from enterprises) as agents`);
  return (await fingerprint(app)) + JSON.stringify(rows[0]);
}

async function refused(query: string, input: Record<string, unknown>, user: TestUser) {
  const before = await everything();
  const data = await run(app, query, { input }, user);
  const payload = Object.values(data)[0] as { userErrors: { code: string; field: string[] }[] };
  expect(await everything()).toBe(before);
  return payload.userErrors.map(({ code, field }) => ({ code, field }));
}

async function invite(agent: TestUser, enterpriseId: string, email: string): Promise<string> {
  const data = await run(app, INVITE, { input: { enterpriseId, email } }, agent);
  expect(data.inviteEnterpriseAgent.userErrors).toEqual([]);
  return data.inviteEnterpriseAgent.invitation.id;
}

async function accept(user: TestUser, id: string) {
  const data = await run(app, ACCEPT, { input: { id } }, user);
  expect(data.acceptEnterpriseAgentInvitation.userErrors).toEqual([]);
  return data.acceptEnterpriseAgentInvitation;
}

async function auditOf(action: string, subjectId: string): Promise<AuditEvent> {
  const events = await app.em().find(AuditEvent, { action, subjectId }, { orderBy: { seq: 'desc' } });
  expect(events.length).toBeGreaterThan(0);
  return events[0]!;
}

describe('acting for an enterprise', () => {
  it('an agent invites a second account, which sees the invitation in its inbox and list, accepts it and then acts for the enterprise', async () => {
    const { agent, enterpriseId, applicationId } = await agentWithEnterprise();
    const accountant = await createUser(app);
    const sent = await run(
      app,
      INVITE,
      { input: { enterpriseId, email: ` ${accountant.user.email.toUpperCase()} ` } },
      agent,
    );
    const invitation = sent.inviteEnterpriseAgent.invitation;
    expect(sent.inviteEnterpriseAgent.userErrors).toEqual([]);
    expect(invitation).toMatchObject({
      email: accountant.user.email,
      status: 'PENDING',
      enterprise: { id: enterpriseId },
    });
    // 14 days, the default setting.
    expect(new Date(invitation.expiresAt).getTime() - app.clock.now().getTime()).toBe(14 * 24 * 3600_000);

    const inbox = await run(
      app,
      `{ notifications(first: 10) { edges { node { kind subject { id } } } } }`,
      {},
      accountant,
    );
    expect(inbox.notifications.edges.map((e: any) => e.node)).toContainEqual({
      kind: 'ENTERPRISE_AGENT_INVITED',
      subject: { id: invitation.id },
    });
    const listed = await run(app, MY_INVITATIONS, {}, accountant);
    expect(listed.myEnterpriseAgentInvitations.edges.map((e: any) => e.node.id)).toEqual([invitation.id]);
    // Before accepting, the accountant acts for nothing.
    expect((await run(app, MY_ENTERPRISES, {}, accountant)).myEnterprises.edges).toEqual([]);
    // The enterprise's agents see the open invitation.
    const pending = (await run(app, MY_ENTERPRISES, {}, agent)).myEnterprises.edges[0].node;
    expect(pending.agentInvitations).toEqual([{ id: invitation.id, email: accountant.user.email }]);

    const accepted = await accept(accountant, invitation.id);
    expect(accepted.invitation.status).toBe('ACCEPTED');
    expect(accepted.enterprise.agents).toHaveLength(2);

    const mine = (await run(app, MY_ENTERPRISES, {}, accountant)).myEnterprises.edges.map((e: any) => e.node);
    expect(mine).toHaveLength(1);
    expect(mine[0].id).toBe(enterpriseId);
    expect(mine[0].agents.map((a: any) => a.isViewer)).toEqual([false, true]);
    expect(mine[0].agentInvitations).toEqual([]);
    expect((await run(app, MY_INVITATIONS, {}, accountant)).myEnterpriseAgentInvitations.edges).toEqual([]);

    // Acting for it: the enterprise's applications are visible, and a change may be filed for it.
    const read = await run(
      app,
      `query($id: ID!) { registrationApplication(id: $id) { id } }`,
      { id: applicationId },
      accountant,
    );
    expect(read.registrationApplication).toEqual({ id: applicationId });
    const change = await run(
      app,
      SAVE,
      { input: { kind: 'CHANGE', enterpriseId, declaration: { businessScope: '软件开发' } } },
      accountant,
    );
    expect(change.saveRegistrationDraft.userErrors).toEqual([]);

    // Who acted for whom.
    const enterprise = localId(enterpriseId);
    expect((await auditOf('enterpriseAgent.invite', localId(invitation.id))).details).toMatchObject({
      actingFor: enterprise,
    });
    expect((await auditOf('enterpriseAgent.accept', localId(invitation.id))).actorUserId).toBe(accountant.user.id);
    expect((await auditOf('enterprise.agentAdded', enterprise)).details).toMatchObject({
      userId: accountant.user.id,
      actingFor: enterprise,
    });
    const trail = await run(
      app,
      `query($id: ID!) { auditTrail(subjectId: $id, first: 50) { edges { node { action actingForId } } } }`,
      { id: enterpriseId },
      official,
    );
    expect(trail.auditTrail.edges.map((e: any) => e.node)).toContainEqual({
      action: 'ENTERPRISE_AGENT_ADDED',
      actingForId: enterpriseId,
    });
  });

  it('a change an accountant files for the enterprise names the enterprise acted for in the audit trail', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const accountant = await createUser(app);
    await accept(accountant, await invite(agent, enterpriseId, accountant.user.email));
    const draft = await run(
      app,
      SAVE,
      {
        input: {
          kind: 'CHANGE',
          enterpriseId,
          changeDecidedOn: '2026-11-20',
          declaration: declaration({ businessScope: '软件开发；数据处理和存储支持服务' }),
        },
      },
      accountant,
    );
    expect(draft.saveRegistrationDraft.userErrors).toEqual([]);
    const id = draft.saveRegistrationDraft.application.id;
    const submitted = await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, accountant);
    expect(submitted.submitRegistrationApplication.userErrors).toEqual([]);
    const filed = await auditOf('registration.submit', localId(id));
    expect(filed.actorUserId).toBe(accountant.user.id);
    expect(filed.details).toMatchObject({ actingFor: localId(enterpriseId) });
    // The other agent sees the application filed for the enterprise.
    const read = await run(app, `query($id: ID!) { registrationApplication(id: $id) { id } }`, { id }, agent);
    expect(read.registrationApplication).toEqual({ id });
  });

  it('an agent removes another agent, who then no longer acts for the enterprise', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const second = await createUser(app);
    await accept(second, await invite(agent, enterpriseId, second.user.email));

    const data = await run(app, REMOVE, { input: { enterpriseId, userId: gid('User', second.user.id) } }, agent);
    expect(data.removeEnterpriseAgent.userErrors).toEqual([]);
    expect(data.removeEnterpriseAgent.enterprise.agents).toEqual([{ userId: gid('User', agent.user.id) }]);

    expect((await run(app, MY_ENTERPRISES, {}, second)).myEnterprises.edges).toEqual([]);
    const change = await run(app, SAVE, { input: { kind: 'CHANGE', enterpriseId, declaration: {} } }, second);
    expect(change.saveRegistrationDraft.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
    const removal = await auditOf('enterprise.agentRemoved', localId(enterpriseId));
    expect(removal.actorUserId).toBe(agent.user.id);
    expect(removal.details).toMatchObject({ userId: second.user.id, actingFor: localId(enterpriseId) });
    const inbox = await run(app, `{ notifications(first: 10) { edges { node { kind } } } }`, {}, second);
    expect(inbox.notifications.edges.map((e: any) => e.node.kind)).toContain('ENTERPRISE_AGENT_CHANGED');
  });

  it('an agent revokes an open invitation; it can no longer be accepted', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const invitee = await createUser(app);
    const id = await invite(agent, enterpriseId, invitee.user.email);
    const data = await run(app, REVOKE, { input: { id } }, agent);
    expect(data.revokeEnterpriseAgentInvitation).toEqual({ invitation: { id, status: 'REVOKED' }, userErrors: [] });
    expect((await auditOf('enterpriseAgent.revokeInvitation', localId(id))).details).toMatchObject({
      actingFor: localId(enterpriseId),
    });
    expect(await refused(ACCEPT, { id }, invitee)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'id'] }]);
  });

  it('an invitation expires after the days the setting gives', async () => {
    const em = app.em();
    const settings = await em.findOneOrFail(RegistrationSettings, { id: 1 });
    settings.agentInvitationValidDays = 3;
    await em.flush();
    try {
      const { agent, enterpriseId } = await agentWithEnterprise();
      const invitee = await createUser(app);
      const id = await invite(agent, enterpriseId, invitee.user.email);
      app.clock.advance(3 * 24 * 3600_000 - 1000);
      expect((await run(app, MY_INVITATIONS, {}, invitee)).myEnterpriseAgentInvitations.edges).toHaveLength(1);
      app.clock.advance(1000);
      expect((await run(app, MY_INVITATIONS, {}, invitee)).myEnterpriseAgentInvitations.edges).toEqual([]);
      const node = await run(
        app,
        `query($id: ID!) { node(id: $id) { ... on EnterpriseAgentInvitation { status } } }`,
        { id },
        agent,
      );
      expect(node.node).toEqual({ status: 'EXPIRED' });
      expect(await refused(ACCEPT, { id }, invitee)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'id'] }]);
      // Expired, it no longer blocks a new invitation to the same address.
      await invite(agent, enterpriseId, invitee.user.email);
    } finally {
      settings.agentInvitationValidDays = 14;
      await em.flush();
    }
  });
});

describe('refusals write nothing', () => {
  it('a malformed email', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    expect(await refused(INVITE, { enterpriseId, email: 'not-an-email' }, agent)).toEqual([
      { code: 'INVALID_FORMAT', field: ['input', 'email'] },
    ]);
  });

  it('inviting oneself', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    expect(await refused(INVITE, { enterpriseId, email: agent.user.email }, agent)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'email'] },
    ]);
  });

  it('inviting an account that already acts for the enterprise', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const second = await createUser(app);
    await accept(second, await invite(agent, enterpriseId, second.user.email));
    expect(await refused(INVITE, { enterpriseId, email: second.user.email }, agent)).toEqual([
      { code: 'ALREADY_EXISTS', field: ['input', 'email'] },
    ]);
  });

  it('inviting an address that already has an open invitation', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const email = uniqueEmail('invitee');
    await invite(agent, enterpriseId, email);
    expect(await refused(INVITE, { enterpriseId, email }, agent)).toEqual([
      { code: 'ALREADY_EXISTS', field: ['input', 'email'] },
    ]);
  });

  it('inviting a staff account', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const bank = await createUser(app, { role: 'BANK_OFFICER' });
    expect(await refused(INVITE, { enterpriseId, email: bank.user.email }, agent)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'email'] },
    ]);
  });

  it('inviting, revoking or removing for an enterprise the viewer does not act for', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const stranger = await createUser(app);
    const id = await invite(agent, enterpriseId, uniqueEmail('invitee'));
    expect(await refused(INVITE, { enterpriseId, email: uniqueEmail('x') }, stranger)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'enterpriseId'] },
    ]);
    expect(await refused(REVOKE, { id }, stranger)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
    expect(await refused(REMOVE, { enterpriseId, userId: gid('User', agent.user.id) }, stranger)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'enterpriseId'] },
    ]);
  });

  it('accepting an invitation addressed to someone else', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const id = await invite(agent, enterpriseId, uniqueEmail('invitee'));
    const other = await createUser(app);
    expect(await refused(ACCEPT, { id }, other)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
  });

  it('accepting an invitation already used', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const invitee = await createUser(app);
    const id = await invite(agent, enterpriseId, invitee.user.email);
    await accept(invitee, id);
    expect(await refused(ACCEPT, { id }, invitee)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'id'] }]);
    expect(await refused(REVOKE, { id }, agent)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'id'] }]);
  });

  it('removing the last agent', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    expect(await refused(REMOVE, { enterpriseId, userId: gid('User', agent.user.id) }, agent)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'userId'] },
    ]);
    const stored = await app.em().findOneOrFail(Enterprise, { id: localId(enterpriseId) });
    expect(stored.agentIds).toEqual([agent.user.id]);
  });

  it('removing an account that is not an agent of that enterprise', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const other = await agentWithEnterprise();
    expect(await refused(REMOVE, { enterpriseId, userId: gid('User', other.agent.user.id) }, agent)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'userId'] },
    ]);
  });

  it('a pending invitation is not visible to a stranger', async () => {
    const { agent, enterpriseId } = await agentWithEnterprise();
    const id = await invite(agent, enterpriseId, uniqueEmail('invitee'));
    const stranger = await createUser(app);
    const data = await run(app, `query($id: ID!) { node(id: $id) { id } }`, { id }, stranger);
    expect(data.node).toBeNull();
    const rows = await app.em().count(EnterpriseAgentInvitation, { id: localId(id) });
    expect(rows).toBe(1);
  });
});
