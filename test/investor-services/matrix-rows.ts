import { User } from '../../src/modules/accounts/index.js';
import { toGlobalId } from '../../src/shared/ids.js';
import type { TestApp } from '../helpers/app.js';
import type { Fixtures, Row } from '../platform/permission-matrix.js';
import { complaintInput, consultationInput } from './helpers.js';

// The permission-matrix rows of foreign-investment services, spread into MATRIX by one line. The
// applicant column submits; the COMMERCE column is the handling official.

const STRANGERS = ['applicant (stranger)'];
const PAYLOAD = `serviceCase { id } userErrors { code field message }`;

async function asForeignInvestor(app: TestApp, userId: string): Promise<void> {
  await app.em().nativeUpdate(User, { id: userId }, { foreignInvestor: true });
}

async function run(app: TestApp, token: string, query: string, input: Record<string, unknown>): Promise<any> {
  const result = await app.execute(query, { input }, { token });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const payload = Object.values(result.data!)[0] as { userErrors: unknown[] };
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload;
}

/** A case of the applicant column; `complaint` for a complaint, else a consultation. */
async function applicantCase({ app, cast }: Fixtures, complaint = false): Promise<string> {
  await asForeignInvestor(app, cast.applicant.user.id);
  const payload = await run(
    app,
    cast.applicant.token,
    `mutation ($input: SubmitServiceCaseInput!) { submitServiceCase(input: $input) { ${PAYLOAD} } }`,
    complaint ? complaintInput() : consultationInput(),
  );
  return payload.serviceCase.id;
}

function commerce(f: Fixtures): string {
  return f.cast.credentials['COMMERCE']!;
}

async function officialStep(f: Fixtures, name: string, input: Record<string, unknown>): Promise<void> {
  const type = name.charAt(0).toUpperCase() + name.slice(1) + 'Input';
  await run(f.app, commerce(f), `mutation ($input: ${type}!) { ${name}(input: $input) { ${PAYLOAD} } }`, input);
}

async function resolvedCase(f: Fixtures): Promise<string> {
  const id = await applicantCase(f);
  await officialStep(f, 'resolveServiceCase', { id, outcome: 'ANSWERED', summary: 'The answer.' });
  return id;
}

/** A published typical case of a resolved case of the applicant column. */
async function typicalCase(f: Fixtures): Promise<string> {
  const caseId = await resolvedCase(f);
  const payload = await run(
    f.app,
    commerce(f),
    mutation('publishTypicalCase', 'typicalCase { id } userErrors { code field message }'),
    { caseId, title: 'A typical case', summary: 'An anonymous summary.' },
  );
  return payload.typicalCase.id;
}

function mutation(name: string, payload = PAYLOAD) {
  const type = name.charAt(0).toUpperCase() + name.slice(1) + 'Input';
  return `mutation ($input: ${type}!) { ${name}(input: $input) { ${payload} } }`;
}

const holds = (field: string, id: string) => (data: any) =>
  data[field].edges.some((edge: { node: { id: string } }) => edge.node.id === id) ? 'ok' : 'hidden';

const COMMERCE = ['OFFICIAL:COMMERCE'];

export const INVESTOR_SERVICES_ROWS: Record<string, Row> = {
  'Query.serviceCaseCategories': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ serviceCaseCategories { code label } }` }),
  },
  'Query.serviceCase': {
    needs: 'SIGNED_IN',
    hiddenFrom: [
      ...STRANGERS,
      'bank',
      'bank (stranger)',
      'host',
      'MARKET_REGULATION',
      'FINANCE',
      'TAX',
      'SOCIAL_INSURANCE',
      'MEDICAL_INSURANCE',
      'HOUSING_FUND',
      'admin',
      'bank admin',
      'firm admin',
      'key',
      'key FINANCING_READ',
      'key REGISTRATION_READ',
      'key NAMES_READ',
      'key HOSTING_READ',
      'key EVENTS_READ',
    ],
    call: async (f) => ({
      query: `query ($id: ID!) { serviceCase(id: $id) { id } }`,
      variables: { id: await applicantCase(f) },
    }),
  },
  'Query.myServiceCases': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => ({
      query: `{ myServiceCases(first: 100) { edges { node { id } } } }`,
      read: holds('myServiceCases', await applicantCase(f)),
    }),
  },
  'Query.serviceCases': {
    needs: COMMERCE,
    call: async (f) => ({
      query: `{ serviceCases(first: 100) { edges { node { id } } } }`,
      read: holds('serviceCases', await applicantCase(f)),
    }),
  },
  'Query.serviceCaseStats': {
    needs: COMMERCE,
    call: async () => ({ query: `{ serviceCaseStats(from: "2026-01-01", to: "2026-12-31") { total } }` }),
  },
  'Query.typicalCases': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ typicalCases(first: 5) { edges { node { id title } } } }` }),
  },
  'Query.serviceCaseSettings': {
    needs: [...COMMERCE, 'ADMIN'],
    call: async () => ({ query: `{ serviceCaseSettings { consultationWorkingDays } }` }),
  },
  'Mutation.submitServiceCase': {
    needs: ['APPLICANT'],
    // The stranger applicant is no foreign investor: told it may not submit here.
    except: { 'applicant (stranger)': 'error:NOT_ALLOWED' },
    call: async ({ app, cast }) => {
      await asForeignInvestor(app, cast.applicant.user.id);
      return { query: mutation('submitServiceCase'), variables: { input: consultationInput() } };
    },
  },
  'Mutation.withdrawServiceCase': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => ({
      query: mutation('withdrawServiceCase'),
      variables: { input: { id: await applicantCase(f) } },
    }),
  },
  'Mutation.supplyServiceCaseMaterials': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => {
      const id = await applicantCase(f, true);
      await officialStep(f, 'requestServiceCaseMaterials', { id, missing: 'Proof of legal status.' });
      return { query: mutation('supplyServiceCaseMaterials'), variables: { input: { id, body: 'Here it is.' } } };
    },
  },
  'Mutation.rateServiceCase': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => ({
      query: mutation('rateServiceCase'),
      variables: { input: { id: await resolvedCase(f), score: 5 } },
    }),
  },
  'Mutation.postCaseMessage': {
    needs: ['APPLICANT', ...COMMERCE],
    hiddenFrom: STRANGERS,
    call: async (f) => ({
      query: mutation('postCaseMessage'),
      variables: { input: { caseId: await applicantCase(f), body: 'A question about the documents.' } },
    }),
  },
  'Mutation.assignServiceCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('assignServiceCase'),
      variables: { input: { id: await applicantCase(f), assigneeId: toGlobalId('User', f.cast.userIds['COMMERCE']!) } },
    }),
  },
  'Mutation.requestServiceCaseMaterials': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('requestServiceCaseMaterials'),
      variables: { input: { id: await applicantCase(f, true), missing: 'Proof of legal status.' } },
    }),
  },
  'Mutation.acceptServiceCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('acceptServiceCase'),
      variables: { input: { id: await applicantCase(f, true) } },
    }),
  },
  'Mutation.declineServiceCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('declineServiceCase'),
      variables: { input: { id: await applicantCase(f, true), reason: 'DUPLICATE' } },
    }),
  },
  'Mutation.extendServiceCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('extendServiceCase'),
      variables: { input: { id: await applicantCase(f), newResolveBy: '2026-12-31', reason: 'Several departments.' } },
    }),
  },
  'Mutation.resolveServiceCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('resolveServiceCase'),
      variables: { input: { id: await applicantCase(f), outcome: 'ANSWERED', summary: 'The answer.' } },
    }),
  },
  'Mutation.referServiceCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('referServiceCase'),
      variables: { input: { id: await applicantCase(f), competentOffice: 'Qingdao Municipal Tax Service' } },
    }),
  },
  'Mutation.publishTypicalCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('publishTypicalCase', 'typicalCase { id } userErrors { code field message }'),
      variables: {
        input: { caseId: await resolvedCase(f), title: 'A typical case', summary: 'An anonymous summary.' },
      },
    }),
  },
  'Mutation.updateTypicalCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('updateTypicalCase', 'typicalCase { id title } userErrors { code field message }'),
      variables: { input: { id: await typicalCase(f), title: 'A typical case', summary: 'A better summary.' } },
    }),
  },
  'Mutation.withdrawTypicalCase': {
    needs: COMMERCE,
    call: async (f) => ({
      query: mutation('withdrawTypicalCase', 'typicalCase { id } userErrors { code field message }'),
      variables: { input: { id: await typicalCase(f), reason: 'Superseded by a newer case.' } },
    }),
  },
  'Mutation.updateServiceCaseSettings': {
    needs: ['ADMIN'],
    call: async () => ({
      query: mutation(
        'updateServiceCaseSettings',
        'settings { consultationWorkingDays } userErrors { code field message }',
      ),
      variables: { input: { consultationWorkingDays: 5, suggestionWorkingDays: 20 } },
    }),
  },
  'Subscription.serviceCaseUpdated': {
    needs: ['APPLICANT', ...COMMERCE],
    hiddenFrom: STRANGERS,
    call: async (f) => {
      const id = await applicantCase(f);
      await officialStep(f, 'assignServiceCase', { id, assigneeId: toGlobalId('User', f.cast.userIds['COMMERCE']!) });
      return {
        query: `subscription ($id: ID!) { serviceCaseUpdated(id: $id) { id status } }`,
        variables: { id },
        trigger: async () =>
          officialStep(f, 'postCaseMessage', { caseId: id, body: 'An update.' }).then(() => undefined),
      };
    },
  },
};
