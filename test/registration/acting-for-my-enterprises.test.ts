import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnterpriseAgentInvitation } from '../../src/modules/registration/acting-for.entity.js';
import { Enterprise } from '../../src/modules/registration/index.js';
import { User } from '../../src/modules/accounts/index.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise, publishDemand } from '../financing/helpers.js';

// "My enterprises" in one query: each enterprise the viewer acts for with its status, licence,
// changes, applications, financing demands, hosting agreements, cases, agents and open invitations,
// in as many SQL statements for 1 enterprise as for 10.

const MY_ENTERPRISES = /* GraphQL */ `
  query ($first: Int!) {
    myEnterprises(first: $first) {
      edges {
        node {
          id
          name
          uscc
          status
          establishedOn
          licence {
            number
            verificationCode
          }
          agents {
            userId
            displayName
            email
            isViewer
          }
          agentInvitations {
            id
            email
            expiresAt
          }
          changes(first: 5) {
            totalCount
            edges {
              node {
                kind
                at
              }
            }
          }
          registrationApplications(first: 5) {
            totalCount
            edges {
              node {
                id
                number
                kind
                status
              }
            }
          }
          financingDemands(first: 5) {
            totalCount
            edges {
              node {
                id
                number
                status
                amount {
                  amount
                  currency
                }
              }
            }
          }
          hostingAgreements(first: 5) {
            totalCount
            edges {
              node {
                id
                status
              }
            }
          }
          serviceCases(first: 5) {
            totalCount
            edges {
              node {
                id
                number
                kind
                status
              }
            }
          }
        }
      }
    }
  }
`;

let app: TestApp;
let agent: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  agent = await createUser(app);
  const partner = await createUser(app);
  const em = app.em();
  for (let i = 0; i < 10; i++) {
    const enterprise = await createEnterprise(app, agent);
    await publishDemand(app, agent, toGlobalId('Enterprise', enterprise.id));
    const stored = await em.findOneOrFail(Enterprise, { id: enterprise.id });
    stored.agentIds = [...stored.agentIds, partner.user.id];
    em.create(EnterpriseAgentInvitation, {
      enterprise: stored,
      email: `invitee-${i}@example.cn`,
      invitedBy: em.getReference(User, agent.user.id),
      invitedAt: app.clock.now(),
      expiresAt: new Date(app.clock.now().getTime() + 24 * 3600_000),
    });
  }
  await em.flush();
});
afterAll(async () => app?.stop());

async function statements(first: number): Promise<{ count: number; enterprises: any[] }> {
  let enterprises: any[] = [];
  const sql = await app.countQueries(async () => {
    const result = await app.execute(MY_ENTERPRISES, { first }, { token: agent.token });
    expect(result.errors).toBeUndefined();
    enterprises = result.data!.myEnterprises.edges.map((e: any) => e.node);
  });
  return { count: sql.length, enterprises };
}

describe('My enterprises', () => {
  it('reads each enterprise with its agents, invitations, changes, applications, demands, agreements and cases in as many statements for 1 enterprise as for 10', async () => {
    const one = await statements(1);
    const ten = await statements(10);
    expect(one.enterprises).toHaveLength(1);
    expect(ten.enterprises).toHaveLength(10);
    for (const enterprise of ten.enterprises) {
      expect(enterprise.agents).toHaveLength(2);
      expect(enterprise.agentInvitations).toHaveLength(1);
      expect(enterprise.financingDemands.totalCount).toBe(1);
      expect(enterprise.financingDemands.edges[0].node.status).toBe('OPEN');
    }
    expect(ten.count).toBe(one.count);
  });

  it('shows an enterprise’s lists to those acting for it only', async () => {
    const stranger = await createUser(app);
    const [enterprise] = await app.em().find(Enterprise, { agentIds: { $contains: [agent.user.id] } }, { limit: 1 });
    const result = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on Enterprise { agents { userId } agentInvitations { id } financingDemands(first: 5) { totalCount } hostingAgreements(first: 5) { totalCount } serviceCases(first: 5) { totalCount } registrationApplications(first: 5) { totalCount } } } }`,
      { id: toGlobalId('Enterprise', enterprise!.id) },
      { token: stranger.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.node).toEqual({
      agents: null,
      agentInvitations: null,
      financingDemands: null,
      hostingAgreements: null,
      serviceCases: null,
      registrationApplications: null,
    });
  });
});
