import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/factories.js';
import { PDF, upload } from './files.js';
import { act, complaintInput, createCast, submit, type Cast } from './helpers.js';

// A page of cases costs the same number of SQL statements for 1 case as for 20, with every per-case
// field selected (messages and history included), and batching keeps the confidentiality rules: the
// investor never reads an internal note, an official not handling a case never reads its confidential
// messages, whichever other cases share the batch.

let app: TestApp;
let cast: Cast;
const handled: string[] = [];
const unhandled: string[] = [];

const PUBLIC_REPLY = 'We have written to the bureau.';
const INTERNAL_NOTE = 'Internal: the bureau lost the file';
const SECRET_MESSAGE = 'Confidential: our bid price is 3.2 million';

async function post(who: TestUser, caseId: string, body: string, flags: Record<string, boolean> = {}) {
  const result = await app.execute(
    `mutation ($input: PostCaseMessageInput!) { postCaseMessage(input: $input) { userErrors { code field } } }`,
    { input: { caseId, body, ...flags } },
    { token: who.token },
  );
  expect(result.data!.postCaseMessage.userErrors).toEqual([]);
  app.clock.advance(1_000);
}

/**
 * A complaint for the enterprise, with an attachment and a confidential part, at its own minute, with a
 * message of each kind a second apart (so no order rests on random ids); `handler` accepts it.
 */
async function seedCase(minute: number, handler: TestUser): Promise<string> {
  app.clock.set(new Date(Date.parse('2026-11-26T09:00:00+08:00') + minute * 60_000).toISOString());
  const fileId = (await upload(app, cast.enterpriseInvestor.token, PDF, `evidence-${minute}.pdf`)).body.id!;
  const { serviceCase } = await submit(
    app,
    cast.enterpriseInvestor,
    complaintInput({
      enterpriseId: cast.enterpriseId,
      attachmentIds: [fileId],
      confidentialDetails: 'Cost sheet',
      confidentialKinds: ['TRADE_SECRET'],
    }),
  );
  const id = serviceCase.id as string;
  expect((await act(app, handler, 'acceptServiceCase', { id })).userErrors).toEqual([]);
  await post(cast.enterpriseInvestor, id, SECRET_MESSAGE, { confidential: true });
  await post(handler, id, PUBLIC_REPLY);
  await post(handler, id, INTERNAL_NOTE, { internal: true });
  return id;
}

const CASE = `id number acceptBy resolveBy overdue categoryLabel acknowledgement confidentialDetails viewerIsHandler
  submitter { id } enterprise { id } assignee { id } attachments { id name }
  decision { notice } resolution { outcome } rating { score }
  messages(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { body internal confidential } } }
  history { action status at }`;

beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
  for (let i = 0; i < 20; i++) handled.push(await seedCase(i, cast.handler));
  for (let i = 20; i < 23; i++) unhandled.push(await seedCase(i, cast.otherOfficial));
}, 120_000);
afterAll(() => app?.stop());

async function countFor(who: TestUser, list: 'serviceCases' | 'myServiceCases', first: number, filter = '') {
  let data: any;
  const statements = await app.countQueries(async () => {
    const result = await app.execute(
      `{ ${list}(first: ${first}${filter}) { edges { node { ${CASE} } } } }`,
      {},
      { token: who.token },
    );
    expect(result.errors).toBeUndefined();
    data = result.data![list];
  });
  return { statements, edges: data.edges as { node: any }[] };
}

describe('statements per page of cases', () => {
  it('reads the queue of the handling official in as many statements for 1 case as for 20', async () => {
    const one = await countFor(cast.handler, 'serviceCases', 1, ', filter: { assignedToMe: true }');
    const twenty = await countFor(cast.handler, 'serviceCases', 20, ', filter: { assignedToMe: true }');
    expect(one.edges).toHaveLength(1);
    expect(twenty.edges).toHaveLength(20);
    // Every per-case field was really read on the one-case page: nothing skipped for lack of data.
    const node = one.edges[0]!.node;
    expect(node.enterprise).not.toBeNull();
    expect(node.assignee).not.toBeNull();
    expect(node.attachments).toHaveLength(1);
    expect(node.messages.totalCount).toBe(3);
    expect(node.history.map((h: any) => h.action)).toContain('investorServices.internalNote');
    expect(twenty.statements.length).toBe(one.statements.length);
  });

  it('reads the investor’s own cases in as many statements for 1 case as for 20, without internal notes', async () => {
    const one = await countFor(cast.enterpriseInvestor, 'myServiceCases', 1);
    const twenty = await countFor(cast.enterpriseInvestor, 'myServiceCases', 20);
    expect(twenty.edges).toHaveLength(20);
    expect(twenty.statements.length).toBe(one.statements.length);
    for (const { node } of twenty.edges) {
      expect(node.messages.edges.map((e: any) => e.node.body).sort()).toEqual([PUBLIC_REPLY, SECRET_MESSAGE].sort());
      expect(node.messages.totalCount).toBe(2);
      expect(node.history.map((h: any) => h.action)).not.toContain('investorServices.internalNote');
      expect(node.history.map((h: any) => h.action)).not.toContain('investorServices.assign');
      expect(node.assignee).toBeNull();
    }
  });

  it('keeps each case’s confidential messages to its own handler when handled and unhandled cases share a page', async () => {
    const page = await countFor(cast.handler, 'serviceCases', 23);
    expect(page.edges).toHaveLength(23);
    for (const { node } of page.edges) {
      const bodies = node.messages.edges.map((e: any) => e.node.body);
      const mine = handled.includes(node.id);
      expect(mine || unhandled.includes(node.id)).toBe(true);
      expect(bodies.includes(SECRET_MESSAGE), node.id).toBe(mine);
      expect(bodies).toContain(INTERNAL_NOTE);
      expect(node.messages.totalCount).toBe(mine ? 3 : 2);
      expect(node.attachments).toHaveLength(mine ? 1 : 0);
      expect(node.confidentialDetails).toBe(mine ? 'Cost sheet' : null);
    }
  });

  it('turns the pages of one case’s messages with the cursor', async () => {
    const read = async (after: string | null) => {
      const result = await app.execute(
        `query ($id: ID!, $after: String) { serviceCase(id: $id) { messages(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { body } } } } }`,
        { id: handled[0], after },
        { token: cast.handler.token },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.serviceCase.messages;
    };
    const first = await read(null);
    expect(first.edges.map((e: any) => e.node.body)).toEqual([SECRET_MESSAGE, PUBLIC_REPLY]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await read(first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.body)).toEqual([INTERNAL_NOTE]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(second.totalCount).toBe(3);
    const bad = await app.execute(
      `query ($id: ID!) { serviceCase(id: $id) { messages(first: 2, after: "{\\"$gt\\":\\"\\"}") { totalCount } } }`,
      { id: handled[0] },
      { token: cast.handler.token },
    );
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
