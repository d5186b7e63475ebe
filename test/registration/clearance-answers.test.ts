import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { CLEAR, deregistrationSubmitted, establish, nothingWritten, payloadOf, run } from './helpers.js';

// A department records an outstanding obligation; the applicant answers it; the clearance goes back
// to the department's queue with the answer beside it, and each department sees only its own queue.

let app: TestApp;
let applicant: TestUser;
let registrar: TestUser;
const officials: Record<string, TestUser> = {};

beforeAll(async () => {
  app = await TestApp.start();
  applicant = await createUser(app, { role: 'APPLICANT' });
  registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  for (const department of ['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const)
    officials[department] = await createUser(app, { role: 'OFFICIAL', department });
});
afterAll(async () => {
  await app?.stop();
});

const ANSWER = /* GraphQL */ `
  mutation Answer($input: AnswerDeregistrationClearanceInput!) {
    answerDeregistrationClearance(input: $input) {
      application {
        id
        clearances {
          department
          status
          note
          answers {
            text
            answeredByName
          }
        }
        history {
          action
          department
          note
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

const QUEUE = /* GraphQL */ `
  query Queue($status: ClearanceStatus) {
    deregistrationClearanceQueue(first: 100, filter: { status: $status }) {
      edges {
        node {
          department
          status
          note
          answers {
            text
          }
          application {
            id
          }
        }
      }
    }
  }
`;

describe('answering a department’s outstanding obligation', () => {
  it('puts the clearance back in that department’s queue with the answer, in the history too', async () => {
    const id = await deregistrationSubmitted(app, applicant, registrar);
    const blocked = payloadOf(
      await run(app, CLEAR, { input: { id, outcome: 'BLOCKED', note: '欠缴 10 月增值税 1,280.00 元' } }, officials.TAX),
    );
    expect(blocked.userErrors).toEqual([]);
    const queued = async (status: string | null) =>
      (await run(app, QUEUE, { status }, officials.TAX)).deregistrationClearanceQueue.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.application.id === id);
    expect(await queued(null)).toEqual([]);
    expect(await queued('BLOCKED')).toHaveLength(1);

    const answered = payloadOf(
      await run(
        app,
        ANSWER,
        { input: { id, department: 'TAX', answer: '已于 11 月 27 日缴清，完税凭证号 3702001' } },
        applicant,
      ),
    );
    expect(answered.userErrors).toEqual([]);
    const tax = answered.application.clearances.find((c: any) => c.department === 'TAX');
    expect(tax).toMatchObject({ status: 'PENDING', answers: [{ text: '已于 11 月 27 日缴清，完税凭证号 3702001' }] });
    expect(answered.application.history.at(-1)).toMatchObject({
      action: 'registration.clearanceAnswer',
      department: 'TAX',
      note: '已于 11 月 27 日缴清，完税凭证号 3702001',
    });
    const [task] = await queued(null);
    expect(task).toMatchObject({
      status: 'PENDING',
      note: '欠缴 10 月增值税 1,280.00 元',
      answers: [{ text: '已于 11 月 27 日缴清，完税凭证号 3702001' }],
    });
    const cleared = payloadOf(
      await run(app, CLEAR, { input: { id, outcome: 'CLEARED', note: '已核实' } }, officials.TAX),
    );
    expect(cleared.userErrors).toEqual([]);
  });

  it('each department’s official sees only that department’s clearances, and no registrar queue', async () => {
    const id = await deregistrationSubmitted(app, applicant, registrar);
    for (const [department, official] of Object.entries(officials)) {
      const rows = (await run(app, QUEUE, { status: null }, official)).deregistrationClearanceQueue.edges.map(
        (e: any) => e.node,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r: any) => r.department))).toEqual(new Set([department]));
      expect(rows.some((r: any) => r.application.id === id)).toBe(true);
      const review = await app.execute(
        '{ registrationReviewQueue(first: 1) { totalCount } }',
        {},
        { token: official.token },
      );
      expect(review.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const registrarQueue = await app.execute(QUEUE, { status: null }, { token: registrar.token });
    expect(registrarQueue.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses, writing nothing: a clearance that is not blocked, an empty answer, another applicant, an establishment', async () => {
    const id = await deregistrationSubmitted(app, applicant, registrar);
    const stranger = await createUser(app, { role: 'APPLICANT' });
    const established = await establish(app, applicant, registrar);
    const cases: [Record<string, unknown>, TestUser, string, string[]][] = [
      [{ id, department: 'TAX', answer: '已缴清' }, applicant, 'INVALID_STATE', ['input', 'department']],
      [{ id, department: 'TAX', answer: '   ' }, applicant, 'REQUIRED', ['input', 'answer']],
      [{ id, department: 'TAX', answer: '已缴清' }, stranger, 'NOT_FOUND', ['input', 'id']],
      [{ id: established.id, department: 'TAX', answer: '已缴清' }, applicant, 'NOT_ALLOWED', ['input', 'id']],
      [{ id: 'bm90LWFuLWlk', department: 'TAX', answer: '已缴清' }, applicant, 'NOT_FOUND', ['input', 'id']],
    ];
    for (const [input, user, code, field] of cases) {
      const payload = await nothingWritten(app, async () => payloadOf(await run(app, ANSWER, { input }, user)));
      expect(payload.userErrors.map((e) => ({ code: e.code, field: e.field }))).toEqual([{ code, field }]);
      expect(payload.userErrors[0]!.message.length).toBeGreaterThan(3);
    }
  });
});
