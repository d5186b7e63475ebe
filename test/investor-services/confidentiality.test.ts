import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';
import type { TestUser } from '../helpers/factories.js';
import { act, complaintInput, createCast, submit, type Cast } from './helpers.js';
import { PDF, upload } from './files.js';

// Confidential parts (trade secrets, personal information), confidential messages and attachments reach
// only the submitter and the handling officials (assignee, deciding official) — by every path.

const SECRET = 'Our unit cost is 41.7 yuan per module';
const SECRET_MESSAGE = 'Passport number E12345678';
const INTERNAL_NOTE = 'Bureau chief says the permit is stuck on a zoning question';

let app: TestApp;
let cast: Cast;
let caseId: string;
let fileId: string;

const CONFIDENTIAL_FIELDS = `id confidentialDetails confidentialKinds attachments { id name } messages(first: 50) { edges { node { body internal confidential } } }`;

beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
  fileId = (await upload(app, cast.investor.token, PDF, 'cost-sheet.pdf')).body.id!;
  const { serviceCase } = await submit(
    app,
    cast.investor,
    complaintInput({ confidentialDetails: SECRET, confidentialKinds: ['TRADE_SECRET'], attachmentIds: [fileId] }),
  );
  caseId = serviceCase.id;
  expect(
    (
      await act(app, cast.otherOfficial, 'assignServiceCase', {
        id: caseId,
        assigneeId: toGlobalId('User', cast.handler.user.id),
      })
    ).userErrors,
  ).toEqual([]);
  await app.execute(
    `mutation ($input: PostCaseMessageInput!) { postCaseMessage(input: $input) { userErrors { code } } }`,
    { input: { caseId, body: SECRET_MESSAGE, confidential: true } },
    { token: cast.investor.token },
  );
  await app.execute(
    `mutation ($input: PostCaseMessageInput!) { postCaseMessage(input: $input) { userErrors { code } } }`,
    { input: { caseId, body: INTERNAL_NOTE, internal: true } },
    { token: cast.otherOfficial.token },
  );
});
afterAll(() => app?.stop());

async function node(who: TestUser) {
  const result = await app.execute(
    `query ($id: ID!) { node(id: $id) { ... on ServiceCase { ${CONFIDENTIAL_FIELDS} } } }`,
    { id: caseId },
    { token: who.token },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.node;
}

describe('who reads the confidential parts', () => {
  it('shows them, and the attachment, to the submitter — but never the internal note', async () => {
    const seen = await node(cast.investor);
    expect(seen.confidentialDetails).toBe(SECRET);
    expect(seen.attachments).toEqual([{ id: fileId, name: 'cost-sheet.pdf' }]);
    const bodies = seen.messages.edges.map((e: any) => e.node.body);
    expect(bodies).toContain(SECRET_MESSAGE);
    expect(JSON.stringify(seen)).not.toContain(INTERNAL_NOTE);
  });

  it('shows them to the assigned official, with the internal note', async () => {
    const seen = await node(cast.handler);
    expect(seen.confidentialDetails).toBe(SECRET);
    expect(seen.attachments).toHaveLength(1);
    expect(seen.messages.edges.map((e: any) => e.node.body).sort()).toEqual([SECRET_MESSAGE, INTERNAL_NOTE].sort());
  });

  it('withholds them from another commerce official, in node and in the queue', async () => {
    const seen = await node(cast.otherOfficial);
    expect(seen.confidentialDetails).toBeNull();
    expect(seen.confidentialKinds).toEqual(['TRADE_SECRET']);
    expect(seen.attachments).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(SECRET_MESSAGE);
    const list = await app.execute(
      `{ serviceCases(first: 100) { edges { cursor node { ${CONFIDENTIAL_FIELDS} } } } }`,
      {},
      { token: cast.otherOfficial.token },
    );
    expect(list.errors).toBeUndefined();
    const text = JSON.stringify(list.data);
    expect(text).toContain(caseId);
    for (const secret of [SECRET, SECRET_MESSAGE, fileId]) expect(text).not.toContain(secret);
  });

  it('withholds them the same way through serviceCase(id:) and nodes(ids:)', async () => {
    const query = `query ($id: ID!) { serviceCase(id: $id) { ${CONFIDENTIAL_FIELDS} } nodes(ids: [$id]) { ... on ServiceCase { ${CONFIDENTIAL_FIELDS} } } }`;
    const other = await app.execute(query, { id: caseId }, { token: cast.otherOfficial.token });
    expect(other.errors).toBeUndefined();
    expect(other.data!.serviceCase.id).toBe(caseId);
    expect(other.data!.nodes[0].id).toBe(caseId);
    for (const secret of [SECRET, SECRET_MESSAGE, fileId]) expect(JSON.stringify(other.data)).not.toContain(secret);
    const handler = await app.execute(query, { id: caseId }, { token: cast.handler.token });
    expect(handler.data!.serviceCase.confidentialDetails).toBe(SECRET);
    expect(handler.data!.nodes[0].confidentialDetails).toBe(SECRET);
    for (const who of [cast.stranger, cast.registrar, cast.bank, cast.admin]) {
      const none = await app.execute(query, { id: caseId }, { token: who.token });
      expect(none.errors).toBeUndefined();
      expect(none.data).toEqual({ serviceCase: null, nodes: [null] });
    }
  });

  it('does not show the case at all to other departments, banks, admins or other applicants', async () => {
    for (const who of [cast.registrar, cast.bank, cast.admin, cast.stranger]) {
      expect(await node(who)).toBeNull();
    }
    const refused = await app.execute(
      `{ serviceCases(first: 5) { edges { node { id } } } }`,
      {},
      { token: cast.registrar.token },
    );
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps every secret out of notifications and the audit trail', async () => {
    const notifications = await app.em().find(Notification, {});
    const audit = await app.em().find(AuditEvent, { subjectType: 'ServiceCase' });
    const stored = JSON.stringify([notifications, audit]);
    for (const secret of [SECRET, SECRET_MESSAGE, INTERNAL_NOTE]) expect(stored).not.toContain(secret);
    const trail = await app.execute(
      `query ($id: ID!) { auditTrail(subjectId: $id, first: 50) { edges { node { action fromState toState } } } }`,
      { id: caseId },
      { token: cast.otherOfficial.token },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data!.auditTrail.edges.length).toBeGreaterThan(2);
    const inbox = await app.execute(
      `{ notifications(first: 50) { edges { node { title body } } } }`,
      {},
      { token: cast.handler.token, language: 'en' },
    );
    expect(JSON.stringify(inbox.data)).not.toContain(SECRET);
  });

  it('answers an official who may not see a part exactly as for a case that does not exist, in errors too', async () => {
    const theirs = await app.execute(
      `query ($id: ID!) { node(id: $id) { id } }`,
      { id: caseId },
      { token: cast.registrar.token },
    );
    const none = await app.execute(
      `query ($id: ID!) { node(id: $id) { id } }`,
      { id: toGlobalId('ServiceCase', '00000000-0000-4000-8000-000000000000') },
      { token: cast.registrar.token },
    );
    expect([theirs.data, theirs.errors]).toEqual([none.data, none.errors]);
    const refused = await act(app, cast.registrar, 'withdrawServiceCase', { id: caseId }).catch((e) => e);
    expect(String(JSON.stringify(refused))).not.toContain(SECRET);
  });
});

describe('serviceCaseUpdated', () => {
  it('reaches the submitter and the handler, never another official, and never tells the submitter of an internal note', async () => {
    const investorClient = wsClient(app, { authorization: `Bearer ${cast.investor.token}` });
    const handlerClient = wsClient(app, { authorization: `Bearer ${cast.handler.token}` });
    const otherClient = wsClient(app, { authorization: `Bearer ${cast.otherOfficial.token}` });
    const query = `subscription ($id: ID!) { serviceCaseUpdated(id: $id) { id status confidentialDetails messages(first: 50) { edges { node { body } } } } }`;
    try {
      const investor = subscribe(investorClient, query, { id: caseId });
      const handler = subscribe(handlerClient, query, { id: caseId });
      const other = subscribe(otherClient, query, { id: caseId });
      const otherEnded = await other.ended;
      expect(JSON.stringify([other.results, otherEnded.error])).toContain('NOT_FOUND');
      // The subscriptions are open once a public message reaches both (sent again until it does).
      while (!(investor.results.length && handler.results.length)) {
        await app.execute(
          `mutation ($input: PostCaseMessageInput!) { postCaseMessage(input: $input) { userErrors { code } } }`,
          { input: { caseId, body: 'We are looking into it.' } },
          { token: cast.handler.token },
        );
        await waitFor(() => investor.results.length > 0 && handler.results.length > 0, 'both subscribed', 1000).catch(
          () => {},
        );
      }
      const [investorBefore, handlerBefore] = [investor.results.length, handler.results.length];
      await app.execute(
        `mutation ($input: PostCaseMessageInput!) { postCaseMessage(input: $input) { userErrors { code } } }`,
        { input: { caseId, body: 'Second internal note', internal: true } },
        { token: cast.handler.token },
      );
      await waitFor(() => handler.results.length === handlerBefore + 1, 'the handler hears of the internal note');
      const accepted = await act(app, cast.handler, 'acceptServiceCase', { id: caseId });
      expect(accepted.userErrors).toEqual([]);
      await waitFor(
        () => investor.results.length > investorBefore && handler.results.length === handlerBefore + 2,
        'both hear of the acceptance',
      );
      // Events of one case arrive in order: had the internal note reached the investor, it would come first.
      expect(investor.results).toHaveLength(investorBefore + 1);
      const investorSaw = investor.results.at(-1)!.data!.serviceCaseUpdated as any;
      expect(investorSaw.status).toBe('ACCEPTED');
      expect(investorSaw.confidentialDetails).toBe(SECRET);
      expect(JSON.stringify(investorSaw)).not.toContain('internal note');
      investor.unsubscribe();
      handler.unsubscribe();
    } finally {
      await Promise.all([investorClient.dispose(), handlerClient.dispose(), otherClient.dispose()]);
    }
  });
});
