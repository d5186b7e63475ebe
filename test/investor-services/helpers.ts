import { expect } from 'vitest';
import { createEnterprise } from '../financing/helpers.js';
import type { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { toGlobalId } from '../../src/shared/ids.js';

// What the investor-services tests share: the cast of callers and the documents of the API.

export interface Cast {
  investor: TestUser;
  enterpriseInvestor: TestUser;
  enterpriseId: string;
  domesticEnterpriseId: string;
  stranger: TestUser;
  handler: TestUser;
  otherOfficial: TestUser;
  registrar: TestUser;
  bank: TestUser;
  admin: TestUser;
}

export async function createCast(app: TestApp): Promise<Cast> {
  const investor = await createUser(app, { role: 'APPLICANT', foreignInvestor: true });
  const enterpriseInvestor = await createUser(app, { role: 'APPLICANT' });
  const enterprise = await createEnterprise(app, enterpriseInvestor, { foreignInvested: true });
  const domestic = await createEnterprise(app, enterpriseInvestor, { foreignInvested: false });
  return {
    investor,
    enterpriseInvestor,
    enterpriseId: toGlobalId('Enterprise', enterprise.id),
    domesticEnterpriseId: toGlobalId('Enterprise', domestic.id),
    stranger: await createUser(app, { role: 'APPLICANT', foreignInvestor: true }),
    handler: await createUser(app, { role: 'OFFICIAL', department: 'COMMERCE' }),
    otherOfficial: await createUser(app, { role: 'OFFICIAL', department: 'COMMERCE' }),
    registrar: await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' }),
    bank: await createUser(app, { role: 'BANK_OFFICER' }),
    admin: await createUser(app, { role: 'ADMIN' }),
  };
}

export const CASE_FIELDS = `
  id number kind category categoryLabel subject body language status
  respondent administrativeAct request inReconsiderationOrLitigation
  confidentialKinds confidentialDetails
  acceptBy resolveBy extendedResolveBy extensionReason overdue acknowledgement
  materialsRequest viewerIsHandler
  attachments { id name contentType size url }
  decision { accepted reason note competentOffice decidedOn notice }
  resolution { outcome summary competentOffice resolvedOn onTime }
  rating { score comment }
`;

export const SUBMIT = `mutation ($input: SubmitServiceCaseInput!) {
  submitServiceCase(input: $input) {
    serviceCase { ${CASE_FIELDS} }
    acknowledgement
    userErrors { code field message }
  }
}`;

export function complaintInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'COMPLAINT',
    category: 'LICENSING_AND_APPROVALS',
    subject: 'Construction permit delayed for eight months',
    body: 'Our application for a construction permit was filed in March and has had no answer since.',
    language: 'EN',
    respondent: 'District Housing and Urban-Rural Development Bureau',
    administrativeAct: 'Failure to decide on a construction permit application within the statutory period',
    request: 'A decision on the application',
    inReconsiderationOrLitigation: false,
    ...overrides,
  };
}

export function consultationInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'CONSULTATION',
    category: 'TAXATION',
    subject: 'VAT refund for exported software services',
    body: 'Which documents does a foreign-invested enterprise need to claim the VAT refund?',
    language: 'EN',
    ...overrides,
  };
}

/** Submits a case as `who` and returns it (fails the test on userErrors). */
export async function submit(app: TestApp, who: TestUser, input: Record<string, unknown>) {
  const result = await app.execute(SUBMIT, { input }, { token: who.token, language: 'en' });
  expect(result.errors).toBeUndefined();
  expect(result.data!.submitServiceCase.userErrors).toEqual([]);
  return result.data!.submitServiceCase as { serviceCase: Record<string, any>; acknowledgement: string };
}

/** Runs a case mutation `name` and returns its payload (errors included). */
export async function act(app: TestApp, who: TestUser, name: string, input: Record<string, unknown>) {
  const inputType = name.charAt(0).toUpperCase() + name.slice(1) + 'Input';
  const result = await app.execute(
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { serviceCase { ${CASE_FIELDS} } userErrors { code field message } } }`,
    { input },
    { token: who.token, language: 'en' },
  );
  expect(result.errors).toBeUndefined();
  return result.data![name] as {
    serviceCase: Record<string, any> | null;
    userErrors: { code: string; field: string[]; message: string }[];
  };
}

export async function readCase(app: TestApp, who: TestUser, id: string) {
  const result = await app.execute(
    `query ($id: ID!) { serviceCase(id: $id) { ${CASE_FIELDS} } }`,
    { id },
    { token: who.token, language: 'en' },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.serviceCase as Record<string, any> | null;
}
