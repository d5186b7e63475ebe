import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { COMMITMENT, SAVE, declaration, establish, localId, payloadOf, run } from './helpers.js';

// A change should be filed within 30 days of the decision; the law gives no ground to refuse a late
// one (市场主体登记管理条例 第二十条), so it is accepted and flagged for a possible penalty.

const FILE_CHANGE = /* GraphQL */ `
  mutation ($id: ID!, $commitment: CreditCommitmentInput!) {
    submitRegistrationApplication(input: { id: $id, commitment: $commitment }) {
      application {
        id
        status
        changeFilingDueOn
        lateFiling
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

let app: TestApp;
let applicant: TestUser;
let official: TestUser;
let enterpriseId: string;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-08-03T09:00:00+08:00' });
  applicant = await createUser(app);
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  const articlesOfAssociation = { adoptedOn: '2026-07-01', text: '第一条 为规范公司的组织和行为，制定本章程。' };
  enterpriseId = (await establish(app, applicant, official, { articlesOfAssociation })).enterprise.id as string;
});
afterAll(async () => app?.stop());

async function fileChangeOn(receivedAt: string, changeDecidedOn: string, businessScope: string) {
  app.clock.set(receivedAt);
  const draft = payloadOf(
    await run(
      app,
      SAVE,
      { input: { kind: 'CHANGE', enterpriseId, changeDecidedOn, declaration: declaration({ businessScope }) } },
      applicant,
    ),
  );
  expect(draft.userErrors).toEqual([]);
  const data = await run(app, FILE_CHANGE, { id: draft.application.id, commitment: COMMITMENT }, applicant);
  return data.submitRegistrationApplication as {
    application: { id: string; status: string; changeFilingDueOn: string; lateFiling: boolean } | null;
    userErrors: { code: string }[];
  };
}

async function withdraw(id: string) {
  const result = await run(
    app,
    `mutation($id: ID!) { withdrawRegistrationApplication(input: { id: $id }) { userErrors { code } } }`,
    { id },
    applicant,
  );
  expect(result.withdrawRegistrationApplication.userErrors).toEqual([]);
}

describe('filing a change: the 30-day deadline', () => {
  it('条例 Art. 20: a change filed after 30 days is accepted, and flagged as late in the application and its audit', async () => {
    const filed = await fileChangeOn('2026-09-15T10:00:00+08:00', '2026-08-05', '软件开发；数据处理服务');

    expect(filed.userErrors).toEqual([]);
    expect(filed.application).toMatchObject({ status: 'SUBMITTED', changeFilingDueOn: '2026-09-04', lateFiling: true });
    const event = await app.em().findOneOrFail(AuditEvent, {
      subjectId: localId(filed.application!.id),
      action: 'registration.submit',
    });
    expect(event.details).toMatchObject({ lateFiling: true });
    await withdraw(filed.application!.id);
  });

  it('民法典 Art. 203: a deadline that ends in the National Day holiday moves to the next working day (5 Oct → 8 Oct 2026)', async () => {
    const onTime = await fileChangeOn('2026-10-08T10:00:00+08:00', '2026-09-05', '软件开发；信息系统集成服务');
    expect(onTime.application).toMatchObject({ changeFilingDueOn: '2026-10-08', lateFiling: false });
    await withdraw(onTime.application!.id);

    const late = await fileChangeOn('2026-10-09T10:00:00+08:00', '2026-09-05', '软件开发；信息技术咨询服务');
    expect(late.application).toMatchObject({ changeFilingDueOn: '2026-10-08', lateFiling: true });
    await withdraw(late.application!.id);
  });

  it('a change filed within 30 days is not late', async () => {
    const filed = await fileChangeOn('2026-11-02T10:00:00+08:00', '2026-10-20', '软件开发；集成电路设计');
    expect(filed.application).toMatchObject({ changeFilingDueOn: '2026-11-19', lateFiling: false });
    await withdraw(filed.application!.id);
  });
});
