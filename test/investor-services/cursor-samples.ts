import type { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { consultationInput, SUBMIT } from './helpers.js';

// Samples for test/platform/cursors.test.ts: a commerce official who reads the queue, and a case with
// three messages (ServiceCase.messages) that official handles.

export async function investorServicesCursorSamples(app: TestApp) {
  const investor = await createUser(app, { role: 'APPLICANT', foreignInvestor: true });
  const official = await createUser(app, { role: 'OFFICIAL', department: 'COMMERCE' });
  let caseId = '';
  for (let i = 0; i < 3; i++) {
    const result = await app.execute(SUBMIT, { input: consultationInput() }, { token: investor.token });
    caseId ||= result.data!.submitServiceCase.serviceCase.id;
  }
  for (let i = 0; i < 3; i++) {
    await app.execute(
      `mutation ($input: PostCaseMessageInput!) { postCaseMessage(input: $input) { userErrors { code } } }`,
      { input: { caseId, body: `Message ${i}` } },
      { token: official.token },
    );
  }
  return { viewer: { name: 'commerce official', token: official.token }, parents: { ServiceCase: caseId } };
}
