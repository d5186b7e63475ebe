import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/shared/ids.js';
import { REGISTRATION_APPLICATION_UPDATED } from '../../src/modules/registration/registration.service.js';
import { currentTerms } from '../../src/modules/names/reference.service.js';
import { DivisionNameException, ProhibitedNameWord, SpecialNameWord } from '../../src/modules/names/names.entity.js';
import { createApiKeyRow, uniqueEmail } from '../helpers/accounts.js';
import type { TestApp } from '../helpers/app.js';
import { cheapPasswordHash, createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { sendNotification } from '../helpers/notifications.js';
import { ACCEPT, createEnterprise, demandInput, makeOffer, offerInput, publishDemand } from '../financing/helpers.js';
import { currentUndertakingInput, reserveViaApi } from '../names/helpers.js';
import { INVESTOR_SERVICES_ROWS } from '../investor-services/matrix-rows.js';
import * as hosting from '../hosting/fixtures.js';
import { HOSTING_AGREEMENT_UPDATED } from '../../src/modules/hosting/hosting.events.js';
import {
  COMMITMENT,
  deregistrationSubmitted,
  draftEstablishment,
  establish,
  localId,
  submitted,
} from '../registration/helpers.js';
import { VIEWER_CLASSES, passes, type Cast, type ViewerClass, type ViewerKey } from './permission-matrix.viewers.js';
import {
  Inspection,
  InspectionSample,
  RevocationProceeding,
} from '../../src/modules/supervision/supervision.entity.js';
import { User } from '../../src/modules/accounts/index.js';
import { Enterprise } from '../../src/modules/registration/index.js';

// The permission matrix: one row for every root field of the schema (Query, Mutation, Subscription),
// the reviewed contract of who may call it. permission-matrix.test.ts runs each row as every viewer
// class and fails when a root field has no row here; permission-matrix.snapshot.md shows the whole
// table, so a change of who may do what is a diff a reviewer reads.

/**
 * ok: answered, no userErrors; hidden: reported as if the object did not exist (null, NOT_FOUND, or
 * absent from the list); a top-level error code; error:CODE, another userError.
 */
export type Outcome = 'ok' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN' | `error:${string}`;

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** For a list, whether the fixture's object is in it: a stranger's list answers, without it. */
  read?: (data: any) => 'ok' | 'hidden';
  /** For a subscription: causes the event it waits for (called again until each allowed viewer has it). */
  trigger?: () => Promise<void>;
}

export interface Fixtures {
  app: TestApp;
  cast: Cast;
  /** Global ID of a registered enterprise the applicant acts for. */
  enterpriseId: string;
}

export interface Row {
  /** As in @Authorized, any one suffices ("OFFICIAL", "OFFICIAL:TAX", "SCOPE:FINANCING_READ"); ANYONE: no check; SIGNED_IN: any credential. */
  needs: readonly string[] | 'ANYONE' | 'SIGNED_IN';
  /** Viewers that pass the role check but are told the fixture's object does not exist. */
  hiddenFrom?: readonly ViewerKey[];
  /** Any other outcome of a viewer, with the reason beside it. */
  except?: Readonly<Record<ViewerKey, Outcome>>;
  /** The call uses up its caller (signs out, changes the password): an allowed call gets a fresh caller of the class. */
  usesUpCaller?: true;
  /** Builds the fixture (owned by the applicant or bank columns) and the call. Refused viewers share one; each allowed viewer gets its own. */
  call: (f: Fixtures) => Promise<Call>;
}

/** What the row promises the viewer class. */
export function expectedOutcome(row: Row, viewerClass: ViewerClass): Outcome {
  const exception = row.except?.[viewerClass.key];
  if (exception) return exception;
  if (row.needs === 'ANYONE') return row.hiddenFrom?.includes(viewerClass.key) ? 'hidden' : 'ok';
  if (!viewerClass.viewer) return 'UNAUTHENTICATED';
  if (row.needs === 'SIGNED_IN' || passes(viewerClass, row.needs)) {
    return row.hiddenFrom?.includes(viewerClass.key) ? 'hidden' : 'ok';
  }
  return 'FORBIDDEN';
}

const STRANGERS = ['applicant (stranger)'];
const OTHER_BANK = ['bank (stranger)'];
const CLEARANCE = ['OFFICIAL:TAX', 'OFFICIAL:SOCIAL_INSURANCE', 'OFFICIAL:MEDICAL_INSURANCE', 'OFFICIAL:HOUSING_FUND'];
const NOT_REGISTRAR = ['COMMERCE', 'FINANCE', 'TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'];
const USERS = ['APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'ADMIN'];
const API_KEYS = VIEWER_CLASSES.filter((v) => v.viewer?.kind === 'API_KEY').map((v) => v.key);
/** Everyone but these: for a row whose fixture only a few may see. */
const ALL_BUT = (...seeing: string[]) => VIEWER_CLASSES.map((v) => v.key).filter((key) => !seeing.includes(key));
/** A key of the bank column's bank (managed by its administrator, the bank admin column); its global ID. */
async function bankKey({ app, cast }: Fixtures): Promise<string> {
  const key = await createApiKeyRow(app, { scopes: ['FINANCING_READ'] });
  await app
    .em()
    .execute(`update api_keys set organisation_id = (select organisation_id from users where id = ?) where id = ?`, [
      cast.bank.user.id,
      key.apiKey.id,
    ]);
  return key.id;
}
/**
 * An endpoint of the bank column's bank (its administrator is the bank admin column) with one delivery;
 * the global IDs of both. Written as rows: the fixture needs no network.
 */
async function bankWebhook({ app, cast }: Fixtures): Promise<{ endpointId: string; deliveryId: string }> {
  const endpointId = randomUUID();
  const deliveryId = randomUUID();
  const em = app.em();
  await em.execute(
    `insert into webhook_endpoints (id, organisation_id, url, secret_ciphertext, secret_prefix, cursor_xact_id,
       cursor_position, created_by_id, created_at, updated_at)
     select ?, organisation_id, 'https://93.184.216.34/hook', 'x.x.x', 'whsec_test', '1', 0, id, now(), now()
       from users where id = ?`,
    [endpointId, cast.bank.user.id],
  );
  await em.execute(
    `insert into webhook_deliveries (id, endpoint_id, event_position, event_type, body, status, created_at)
     values (?, ?, 1, 'ENTERPRISE_REGISTERED', '{}', 'SUCCEEDED', now())`,
    [deliveryId, endpointId],
  );
  return {
    endpointId: toGlobalId('WebhookEndpoint', endpointId),
    deliveryId: toGlobalId('WebhookDelivery', deliveryId),
  };
}
const SIGNED_IN_USERS_BUT = (...owners: string[]) =>
  [
    'applicant',
    'applicant (stranger)',
    'bank',
    'bank (stranger)',
    'host',
    'MARKET_REGULATION',
    ...NOT_REGISTRAR,
    'admin',
    'bank admin',
    'firm admin',
  ].filter((key) => !owners.includes(key));

let counter = 0;
/** Text no other call uses: rare characters and a counter in Chinese numerals. */
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${[...String(counter)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('')}`;
}
/** A trade name; never contains a word the rows add to the name word lists. */
const uniqueWord = () => unique('龘靐');
/** A word for the prohibited and special word lists. */
const uniqueListWord = () => unique('鼗鼙');

/** Names of divisions elsewhere in China, none on the shipped exception list: one per addDivisionNameException call. */
const DIVISION_WORDS = ['昆山', '寿光', '义乌', '张家港', '江阴', '晋江', '慈溪', '常熟', '诸暨', '余姚'];
let divisionWordIndex = 0;
const nextDivisionWord = () => DIVISION_WORDS[divisionWordIndex++ % DIVISION_WORDS.length]!;

/** An invitation, sent through the API by `agent` for `enterpriseId`; its global ID. */
async function invite(app: TestApp, agent: TestUser, enterpriseId: string, email: string): Promise<string> {
  const result = await app.execute(
    `mutation($input: InviteEnterpriseAgentInput!) { inviteEnterpriseAgent(input: $input) { invitation { id } userErrors { code } } }`,
    { input: { enterpriseId, email } },
    { token: agent.token },
  );
  if (result.errors || result.data?.inviteEnterpriseAgent.userErrors.length) throw new Error(JSON.stringify(result));
  return result.data!.inviteEnterpriseAgent.invitation.id;
}

/** An invitation to `email` to act for another applicant's new enterprise; its global ID. */
async function invitationTo(app: TestApp, email: string): Promise<string> {
  const agent = await createUser(app, { role: 'APPLICANT', passwordHash: cheapPasswordHash() });
  const enterprise = await createEnterprise(app, agent);
  return invite(app, agent, toGlobalId('Enterprise', enterprise.id), email);
}

/** A list read: 'ok' when the connection at `field` holds `id`. */
const holds = (field: string, id: string) => (data: any) =>
  data[field].edges.some((edge: { node: { id: string } }) => edge.node.id === id) ? 'ok' : 'hidden';

async function specialReservation({ app, cast }: Fixtures): Promise<string> {
  const terms = (await currentTerms(app.em()))!;
  const payload = await reserveViaApi(app, cast.applicant.token, `${uniqueWord()}科技有限公司`, {
    commitment: { termsVersion: terms.version, accepted: true, signatoryName: '王海川' },
  });
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload.reservation!.id;
}

/** A simplified-deregistration notice of a new enterprise of the applicant, started through the API. */
async function simplifiedNotice(app: TestApp, cast: Cast): Promise<string> {
  const enterprise = await createEnterprise(app, cast.applicant);
  const result = await app.execute(
    `mutation($input: StartSimplifiedDeregistrationNoticeInput!) { startSimplifiedDeregistrationNotice(input: $input) { notice { id } userErrors { code } } }`,
    {
      input: {
        enterpriseId: toGlobalId('Enterprise', enterprise.id),
        commitment: { termsVersion: 'SIMPLE-DEREG-2026.1', accepted: true, signatoryName: '王海川' },
      },
    },
    { token: cast.applicant.token },
  );
  const payload = (result.data as any)?.startSimplifiedDeregistrationNotice;
  if (!payload?.notice) throw new Error(JSON.stringify(result.errors ?? payload?.userErrors));
  return payload.notice.id;
}

/** A restriction in force on the enterprise, recorded through the API. */
async function restriction(app: TestApp, cast: Cast, enterpriseId: string): Promise<string> {
  const result = await app.execute(
    `mutation($input: RecordEnterpriseRestrictionInput!) { recordEnterpriseRestriction(input: $input) { restriction { id } userErrors { code } } }`,
    { input: { enterpriseId, kind: 'EQUITY_FROZEN', reason: '协助执行通知书', since: '2026-01-05' } },
    { token: cast.registrar.token },
  );
  const payload = (result.data as any)?.recordEnterpriseRestriction;
  if (!payload?.restriction) throw new Error(JSON.stringify(result.errors ?? payload?.userErrors));
  return payload.restriction.id;
}

async function demandWithOffer({ app, cast, enterpriseId }: Fixtures) {
  const demandId = await publishDemand(app, cast.applicant, enterpriseId);
  const offerId = await makeOffer(app, cast.bank, demandId);
  return { demandId, offerId };
}

const PRODUCT_INPUT = () => ({
  name: `普惠贷 ${uniqueWord()}`,
  description: '面向小微企业的信用贷款',
  minAmount: { amount: '100000.00' },
  maxAmount: { amount: '5000000.00' },
  minTermMonths: 6,
  maxTermMonths: 36,
  minAnnualRate: '3.45',
  maxAnnualRate: '6.00',
  guaranteeTypes: ['CREDIT'],
  audience: ['SMALL_AND_MICRO'],
  onlineApplication: true,
  applicationUrl: 'https://bank.example.cn/apply',
});

/** Runs a setup call as `token` and returns its data, failing on any error. */
async function given(app: TestApp, token: string, query: string, variables: Record<string, unknown>) {
  const result = await app.execute(query, variables, { token });
  const payload = Object.values(result.data ?? {})[0] as { userErrors?: unknown[] } | undefined;
  if (result.errors || payload?.userErrors?.length) throw new Error(JSON.stringify(result.errors ?? payload));
  return result.data as Record<string, any>;
}

const PUBLISH_PRODUCT = `mutation($input: PublishCreditProductInput!) { publishCreditProduct(input: $input) { product { id } userErrors { code field message } } }`;
const SAVE_ALERT = `mutation($input: SaveFinancingDemandAlertInput!) { saveFinancingDemandAlert(input: $input) { alert { id } userErrors { code field message } } }`;

/**
 * An inspection of a new enterprise drawn to the matrix's market-regulation official, and, when asked,
 * a revocation proceeding on it whose answer period is over (rows written directly: the draw is random).
 */
async function supervisionFixture(
  { app, cast }: Fixtures,
  proceeding: RevocationProceeding['status'] | null,
  options: { ownedByApplicant?: boolean; answerBy?: string } = {},
) {
  // Its own applicant unless the row needs the matrix's: that one keeps few notifications (Query.notifications reads the first 100).
  const owner = options.ownedByApplicant
    ? cast.applicant
    : await createUser(app, { role: 'APPLICANT', passwordHash: cheapPasswordHash() });
  const established = await establish(app, owner, cast.registrar);
  const em = app.em();
  const inspector = cast.userIds.MARKET_REGULATION!;
  const enterprise = em.getReference(Enterprise, localId(established.enterprise.id));
  const sample = em.create(InspectionSample, {
    number: `CC${Date.now()}`.slice(0, 20),
    seed: 'matrix',
    confirmedFrom: '2026-11-01',
    confirmedTo: '2026-11-26',
    sampleSize: 1,
    inspectorsPerEnterprise: 1,
    populationIds: [enterprise.id],
    rosterIds: [inspector],
    drawnBy: em.getReference(User, inspector),
    drawnAt: app.clock.now(),
  });
  const inspection = em.create(Inspection, {
    sample,
    position: 0,
    enterprise,
    inspectorIds: [inspector],
    ...(proceeding ? { status: 'COMPLETED' as const, finding: 'FALSE_DECLARATION' as const } : {}),
  });
  const row = proceeding
    ? em.create(RevocationProceeding, {
        inspection,
        enterprise,
        status: proceeding,
        ground: '住所虚假',
        noticeIssuedOn: '2026-10-01',
        answerBy: options.answerBy ?? '2026-10-15',
        createdAt: app.clock.now(),
        updatedAt: app.clock.now(),
      })
    : null;
  await em.flush();
  return {
    inspectionId: toGlobalId('Inspection', inspection.id),
    proceedingId: row ? toGlobalId('RevocationProceeding', row.id) : '',
  };
}

export const MATRIX: Record<string, Row> = {
  ...INVESTOR_SERVICES_ROWS,
  // ---------------------------------------------------------------- accounts
  // Null for anonymous callers: there is nobody to describe.
  'Query.viewer': { needs: 'ANYONE', hiddenFrom: ['anonymous'], call: async () => ({ query: `{ viewer { role } }` }) },
  'Query.organisations': {
    needs: ['ADMIN'],
    call: async () => ({ query: `{ organisations(first: 1) { totalCount } }` }),
  },
  // The platform's administrator manages every key; an organisation's administrator only its own.
  'Query.apiKeys': {
    needs: ['ADMIN', 'ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => {
      const id = await bankKey(f);
      return { query: `{ apiKeys(first: 100) { edges { node { id } } } }`, read: holds('apiKeys', id) };
    },
  },
  'Mutation.signUp': {
    needs: 'ANYONE',
    call: async () => ({
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { token userErrors { code field message } } }`,
      variables: { input: { email: uniqueEmail('signup'), password: 'Qingdao-2026-pw', displayName: '新申请人' } },
    }),
  },
  'Mutation.signIn': {
    needs: 'ANYONE',
    call: async ({ app }) => ({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code field message } } }`,
      variables: {
        input: {
          email: (await createUser(app, { passwordHash: cheapPasswordHash() })).user.email,
          password: TEST_PASSWORD,
        },
      },
    }),
  },
  'Mutation.signOut': {
    needs: 'SIGNED_IN',
    // An API key is not a sign-in session: there is nothing to sign out of.
    except: Object.fromEntries(API_KEYS.map((key) => [key, 'error:NOT_ALLOWED'])),
    usesUpCaller: true,
    call: async () => ({ query: `mutation { signOut { signedOut userErrors { code field message } } }` }),
  },
  'Mutation.changePassword': {
    needs: USERS,
    usesUpCaller: true,
    call: async () => ({
      query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } userErrors { code field message } } }`,
      variables: { input: { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2027' } },
    }),
  },
  'Mutation.createStaffAccount': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { user { id } userErrors { code field message } } }`,
      variables: {
        input: {
          email: uniqueEmail('official'),
          displayName: '新官员',
          password: 'Official-pass-2026',
          role: 'OFFICIAL',
          department: 'COMMERCE',
        },
      },
    }),
  },
  'Mutation.createOrganisation': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } userErrors { code field message } } }`,
      variables: { input: { kind: 'BANK', name: `青岛测试银行 ${uniqueWord()}` } },
    }),
  },
  'Mutation.createApiKey': {
    needs: ['ADMIN', 'ORG_ADMIN'],
    call: async () => ({
      query: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { code field message } } }`,
      variables: { input: { name: '合作方系统', scopes: ['REGISTRATION_READ'] } },
    }),
  },
  'Mutation.rotateApiKey': {
    needs: ['ADMIN', 'ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => ({
      query: `mutation($input: RotateApiKeyInput!) { rotateApiKey(input: $input) { secret userErrors { code field message } } }`,
      variables: { input: { id: await bankKey(f) } },
    }),
  },
  'Mutation.updateApiKey': {
    needs: ['ADMIN', 'ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => ({
      query: `mutation($input: UpdateApiKeyInput!) { updateApiKey(input: $input) { apiKey { name } userErrors { code field message } } }`,
      variables: { input: { id: await bankKey(f), name: '改名后的密钥' } },
    }),
  },
  'Mutation.revokeApiKey': {
    needs: ['ADMIN', 'ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => ({
      query: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { revokedAt } userErrors { code field message } } }`,
      variables: { input: { id: await bankKey(f) } },
    }),
  },

  // ---------------------------------------------------------------- webhooks
  // Only an organisation's administrator, and only its own organisation's endpoints.
  'Query.webhookEndpoints': {
    needs: ['ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => {
      const { endpointId } = await bankWebhook(f);
      return {
        query: `{ webhookEndpoints(first: 100) { edges { node { id deliveries(first: 5) { edges { node { id } } } } } } }`,
        read: holds('webhookEndpoints', endpointId),
      };
    },
  },
  'Mutation.createWebhookEndpoint': {
    needs: ['ORG_ADMIN'],
    call: async () => ({
      query: `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret userErrors { code field message } } }`,
      // An IP literal: checked without DNS.
      variables: { input: { url: 'https://93.184.216.34/hook', eventTypes: ['ENTERPRISE_REGISTERED'] } },
    }),
  },
  'Mutation.updateWebhookEndpoint': {
    needs: ['ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => ({
      query: `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { enabled } userErrors { code field message } } }`,
      variables: { input: { id: (await bankWebhook(f)).endpointId, enabled: false } },
    }),
  },
  'Mutation.deleteWebhookEndpoint': {
    needs: ['ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => ({
      query: `mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedEndpointId userErrors { code field message } } }`,
      variables: { input: { id: (await bankWebhook(f)).endpointId } },
    }),
  },
  'Mutation.rotateWebhookSecret': {
    needs: ['ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => ({
      query: `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret userErrors { code field message } } }`,
      variables: { input: { id: (await bankWebhook(f)).endpointId } },
    }),
  },
  'Mutation.redeliverWebhook': {
    needs: ['ORG_ADMIN'],
    hiddenFrom: ['firm admin'],
    call: async (f) => ({
      query: `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { status } userErrors { code field message } } }`,
      variables: { input: { deliveryId: (await bankWebhook(f)).deliveryId } },
    }),
  },

  // ---------------------------------------------------------------- platform
  'Query.node': {
    needs: 'ANYONE',
    // node(id:) answers everyone; what the viewer may not see is null, as if it did not exist.
    hiddenFrom: [
      'anonymous',
      ...STRANGERS,
      'bank',
      'bank (stranger)',
      'host',
      ...NOT_REGISTRAR,
      'admin',
      ...API_KEYS,
      'bank admin',
      'firm admin',
    ],
    call: async ({ app, cast }) => ({
      query: `query($id: ID!) { node(id: $id) { id } }`,
      variables: { id: (await submitted(app, cast.applicant)).id },
    }),
  },
  'Query.nodes': {
    needs: 'ANYONE',
    hiddenFrom: [
      'anonymous',
      ...STRANGERS,
      'bank',
      'bank (stranger)',
      'host',
      ...NOT_REGISTRAR,
      'admin',
      ...API_KEYS,
      'bank admin',
      'firm admin',
    ],
    call: async ({ app, cast }) => ({
      query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      variables: { ids: [(await submitted(app, cast.applicant)).id] },
      read: (data) => (data.nodes[0] ? 'ok' : 'hidden'),
    }),
  },
  'Query.auditTrail': {
    // Role check only: the subject is a public enterprise. Which subjects' trails a role may read is
    // the audit trail's own test (test/platform/audit-trail.test.ts).
    needs: ['OFFICIAL', 'ADMIN'],
    call: async ({ enterpriseId }) => ({
      query: `query($id: ID!) { auditTrail(subjectId: $id, first: 5) { totalCount } }`,
      variables: { id: enterpriseId },
    }),
  },
  'Query.verifyAuditTrail': {
    needs: ['ADMIN'],
    call: async () => ({ query: `{ verifyAuditTrail { ok checkedEvents firstBrokenEventId } }` }),
  },
  'Query.notifications': {
    needs: USERS,
    hiddenFrom: SIGNED_IN_USERS_BUT('applicant'),
    call: async ({ app, cast }) => {
      const localNotificationId = await sendNotification(app, cast.applicant.user.id);
      // The test clock stands still, so the applicant's many notifications share one instant and tie on it;
      // dated a minute later, this one is surely on the first page of the inbox (newest first).
      await app
        .em()
        .execute(`update notifications set created_at = created_at + interval '1 minute' where id = ?`, [
          localNotificationId,
        ]);
      const id = toGlobalId('Notification', localNotificationId);
      return { query: `{ notifications(first: 100) { edges { node { id } } } }`, read: holds('notifications', id) };
    },
  },
  'Mutation.markNotificationsRead': {
    needs: USERS,
    hiddenFrom: SIGNED_IN_USERS_BUT('applicant'),
    call: async ({ app, cast }) => ({
      query: `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { userErrors { code field message } } }`,
      variables: {
        input: { ids: [toGlobalId('Notification', await sendNotification(app, cast.applicant.user.id))] },
      },
    }),
  },
  'Query.workingDays': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ workingDays { addWorkingDays(from: "2026-09-30", days: 3) } }` }),
  },
  'Mutation.loadHolidayCalendar': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: LoadHolidayCalendarInput!) { loadHolidayCalendar(input: $input) { year { year } userErrors { code field message } } }`,
      variables: { input: { year: 2031, holidays: ['2031-10-01', '2031-10-02'], makeUpWorkdays: [] } },
    }),
  },

  // ---------------------------------------------------------------- names
  'Query.checkEnterpriseName': {
    needs: 'ANYONE',
    call: async () => ({
      query: `query($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { available } }`,
      variables: { input: { name: '青岛海川智能科技有限公司' } },
    }),
  },
  'Query.checkEnterpriseNames': {
    needs: ['SCOPE:NAMES_READ', 'OFFICIAL:MARKET_REGULATION'],
    call: async () => ({
      query: `query($input: CheckEnterpriseNamesInput!) { checkEnterpriseNames(input: $input) { available } }`,
      variables: { input: { names: [{ name: '青岛海川智能科技有限公司' }, { name: '青岛蓝湾物流有限公司' }] } },
    }),
  },
  'Query.nameCommitmentTerms': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ nameCommitmentTerms { version } }` }),
  },
  'Query.myNameReservations': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => ({
      query: `{ myNameReservations(first: 100) { edges { node { id } } } }`,
      read: holds('myNameReservations', await specialReservation(f)),
    }),
  },
  'Query.nameVerificationQueue': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async (f) => ({
      query: `{ nameVerificationQueue(first: 100) { edges { node { id } } } }`,
      read: holds('nameVerificationQueue', await specialReservation(f)),
    }),
  },
  'Query.prohibitedWords': {
    needs: ['ADMIN', 'OFFICIAL:MARKET_REGULATION'],
    call: async () => ({ query: `{ prohibitedWords(first: 5) { totalCount } }` }),
  },
  'Query.specialWords': {
    needs: ['ADMIN', 'OFFICIAL:MARKET_REGULATION'],
    call: async () => ({ query: `{ specialWords { word } }` }),
  },
  'Query.nameSettings': {
    needs: ['ADMIN', 'OFFICIAL:MARKET_REGULATION'],
    call: async () => ({ query: `{ nameSettings { verificationWindowWorkingDays } }` }),
  },
  'Mutation.reserveEnterpriseName': {
    needs: ['APPLICANT'],
    call: async ({ app }) => ({
      query: `mutation($input: ReserveEnterpriseNameInput!) { reserveEnterpriseName(input: $input) { reservation { id } userErrors { code field message } } }`,
      variables: {
        input: {
          name: `青岛${uniqueWord()}科技有限公司`,
          district: 'SHINAN',
          kind: 'LIMITED_LIABILITY_COMPANY',
          industry: 'I65',
          similarNameUndertaking: await currentUndertakingInput(app),
        },
      },
    }),
  },
  'Mutation.recordNameVerification': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async (f) => ({
      query: `mutation($input: RecordNameVerificationInput!) { recordNameVerification(input: $input) { reservation { id } userErrors { code field message } } }`,
      variables: { input: { id: await specialReservation(f), outcome: 'COMPLIANT', note: '属实' } },
    }),
  },
  'Mutation.addProhibitedWord': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: AddProhibitedWordInput!) { addProhibitedWord(input: $input) { prohibitedWord { word } userErrors { code field message } } }`,
      variables: { input: { word: uniqueListWord(), category: 'MISLEADING' } },
    }),
  },
  'Mutation.removeProhibitedWord': {
    needs: ['ADMIN'],
    call: async ({ app }) => {
      const em = app.em();
      const word = uniqueListWord();
      em.create(ProhibitedNameWord, { word, category: 'MISLEADING', createdAt: app.clock.now() });
      await em.flush();
      return {
        query: `mutation($input: RemoveProhibitedWordInput!) { removeProhibitedWord(input: $input) { prohibitedWord { word } userErrors { code field message } } }`,
        variables: { input: { word } },
      };
    },
  },
  'Mutation.addSpecialWord': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: AddSpecialWordInput!) { addSpecialWord(input: $input) { specialWord { word } userErrors { code field message } } }`,
      variables: { input: { word: uniqueListWord(), scope: 'ANYWHERE' } },
    }),
  },
  'Mutation.removeSpecialWord': {
    needs: ['ADMIN'],
    call: async ({ app }) => {
      const em = app.em();
      const word = uniqueListWord();
      em.create(SpecialNameWord, { word, scope: 'ANYWHERE', qualifierOnlyInside: false, createdAt: app.clock.now() });
      await em.flush();
      return {
        query: `mutation($input: RemoveSpecialWordInput!) { removeSpecialWord(input: $input) { specialWord { word } userErrors { code field message } } }`,
        variables: { input: { word } },
      };
    },
  },
  'Mutation.publishCommitmentTerms': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: PublishCommitmentTermsInput!) { publishCommitmentTerms(input: $input) { commitmentTerms { version } userErrors { code field message } } }`,
      variables: { input: { textZh: '承诺书（测试版）', textEn: 'Commitment terms (test version)' } },
    }),
  },
  'Query.similarNameUndertakingTerms': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ similarNameUndertakingTerms { version } }` }),
  },
  'Query.divisionNameExceptions': {
    needs: ['ADMIN', 'OFFICIAL:MARKET_REGULATION'],
    call: async () => ({ query: `{ divisionNameExceptions { word } }` }),
  },
  'Mutation.consentToNameTransfer': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ enterpriseId }) => ({
      query: `mutation($input: ConsentToNameTransferInput!) { consentToNameTransfer(input: $input) { transfer { status } userErrors { code field message } } }`,
      variables: { input: { enterpriseId, transfereeEmail: uniqueEmail('transferee') } },
    }),
  },
  'Mutation.addDivisionNameException': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: AddDivisionNameExceptionInput!) { addDivisionNameException(input: $input) { divisionNameException { word } userErrors { code field message } } }`,
      variables: { input: { word: nextDivisionWord(), meaning: 'another meaning' } },
    }),
  },
  'Mutation.removeDivisionNameException': {
    needs: ['ADMIN'],
    call: async ({ app }) => {
      const em = app.em();
      const word = uniqueListWord();
      em.create(DivisionNameException, { word, meaning: 'test', createdAt: app.clock.now() });
      await em.flush();
      return {
        query: `mutation($input: RemoveDivisionNameExceptionInput!) { removeDivisionNameException(input: $input) { divisionNameException { word } userErrors { code field message } } }`,
        variables: { input: { word } },
      };
    },
  },
  'Mutation.publishSimilarNameUndertakingTerms': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: PublishSimilarNameUndertakingTermsInput!) { publishSimilarNameUndertakingTerms(input: $input) { undertakingTerms { version } userErrors { code field message } } }`,
      variables: {
        input: { textZh: '相同相近名称承诺书（测试版）', textEn: 'Undertaking on similar names (test version)' },
      },
    }),
  },
  'Mutation.updateNameSettings': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: UpdateNameSettingsInput!) { updateNameSettings(input: $input) { settings { verificationWindowWorkingDays } userErrors { code field message } } }`,
      variables: { input: { verificationWindowWorkingDays: 20 } },
    }),
  },

  // ---------------------------------------------------------------- registration
  'Query.registrationCommitmentTerms': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ registrationCommitmentTerms(kind: ESTABLISHMENT) { version } }` }),
  },
  'Query.registrationSettings': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ registrationSettings { agentInvitationValidDays } }` }),
  },
  'Mutation.updateRegistrationSettings': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: UpdateRegistrationSettingsInput!) { updateRegistrationSettings(input: $input) { settings { agentInvitationValidDays } userErrors { code field message } } }`,
      variables: { input: { agentInvitationValidDays: 14 } },
    }),
  },
  'Mutation.publishRegistrationCommitmentTerms': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: PublishRegistrationCommitmentTermsInput!) { publishRegistrationCommitmentTerms(input: $input) { commitmentTerms { version } userErrors { code field message } } }`,
      // CHANGE: a text the matrix's own applications and notices never sign, so later rows still commit.
      variables: { input: { kind: 'CHANGE', textZh: '承诺书（测试版）', textEn: 'Commitment (test version)' } },
    }),
  },
  'Query.enterprise': {
    needs: 'ANYONE',
    call: async ({ enterpriseId }) => ({
      query: `query($id: ID!) { enterprise(id: $id) { id name } }`,
      variables: { id: enterpriseId },
    }),
  },
  'Query.enterpriseByUscc': {
    needs: 'ANYONE',
    call: async ({ app, cast }) => ({
      query: `query($uscc: String!) { enterpriseByUscc(uscc: $uscc) { id } }`,
      variables: { uscc: (await establish(app, cast.applicant, cast.registrar)).enterprise.uscc },
    }),
  },
  'Query.enterprises': { needs: 'ANYONE', call: async () => ({ query: `{ enterprises(first: 5) { totalCount } }` }) },
  'Query.events': {
    needs: ['SCOPE:EVENTS_READ', 'APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'ADMIN'],
    call: async () => ({ query: `{ events(first: 5) { edges { cursor node { type subjectId } } } }` }),
  },
  'Query.registerEnterprises': {
    needs: ['SCOPE:REGISTRATION_READ', 'OFFICIAL', 'ADMIN'],
    call: async () => ({
      query: `{ registerEnterprises(first: 100) { edges { node { id name licence { issuedAt } } } } }`,
    }),
  },
  'Query.verifyBusinessLicence': {
    needs: 'ANYONE',
    call: async ({ app, cast }) => {
      const confirmed = await establish(app, cast.applicant, cast.registrar);
      const licence = await given(
        app,
        cast.applicant.token,
        `query($id: ID!) { enterprise(id: $id) { licence { verificationCode } } }`,
        {
          id: confirmed.enterprise.id,
        },
      );
      return {
        query: `query($code: String!) { verifyBusinessLicence(verificationCode: $code) { genuine } }`,
        variables: { code: licence.enterprise.licence.verificationCode },
      };
    },
  },
  'Query.myEnterprises': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ enterpriseId }) => ({
      query: `{ myEnterprises(first: 100) { edges { node { id } } } }`,
      read: holds('myEnterprises', enterpriseId),
    }),
  },
  'Query.myRegistrationApplications': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `{ myRegistrationApplications(first: 100) { edges { node { id } } } }`,
      read: holds('myRegistrationApplications', (await draftEstablishment(app, cast.applicant)).id),
    }),
  },
  'Query.registrationApplication': {
    needs: ['APPLICANT', 'OFFICIAL'],
    // A submitted establishment: its applicant and the registrar; the clearance departments see deregistrations only.
    hiddenFrom: [...STRANGERS, ...NOT_REGISTRAR],
    call: async ({ app, cast }) => ({
      query: `query($id: ID!) { registrationApplication(id: $id) { id status } }`,
      variables: { id: (await submitted(app, cast.applicant)).id },
    }),
  },
  'Query.registrationReviewQueue': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => {
      const { id } = await submitted(app, cast.applicant);
      return {
        query: `{ registrationReviewQueue(first: 100) { edges { node { id } } } }`,
        read: holds('registrationReviewQueue', id),
      };
    },
  },
  'Query.deregistrationClearanceQueue': {
    needs: CLEARANCE,
    call: async ({ app, cast }) => {
      await deregistrationSubmitted(app, cast.applicant, cast.registrar);
      return {
        query: `{ deregistrationClearanceQueue(first: 100) { totalCount } }`,
        read: (data) => (data.deregistrationClearanceQueue.totalCount > 0 ? 'ok' : 'hidden'),
      };
    },
  },
  'Mutation.saveRegistrationDraft': {
    // Updating a draft: only its own applicant (a new draft: any applicant).
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `mutation($input: SaveRegistrationDraftInput!) { saveRegistrationDraft(input: $input) { application { id } userErrors { code field message } } }`,
      variables: {
        input: { id: (await draftEstablishment(app, cast.applicant)).id, declaration: { businessScope: '软件开发' } },
      },
    }),
  },
  'Mutation.submitRegistrationApplication': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `mutation($input: SubmitRegistrationApplicationInput!) { submitRegistrationApplication(input: $input) { application { id } userErrors { code field message } } }`,
      variables: { input: { id: (await draftEstablishment(app, cast.applicant)).id, commitment: COMMITMENT } },
    }),
  },
  'Mutation.withdrawRegistrationApplication': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `mutation($input: WithdrawRegistrationApplicationInput!) { withdrawRegistrationApplication(input: $input) { application { id } userErrors { code field message } } }`,
      variables: { input: { id: (await submitted(app, cast.applicant)).id } },
    }),
  },
  'Mutation.confirmRegistrationApplication': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => ({
      query: `mutation($input: ConfirmRegistrationApplicationInput!) { confirmRegistrationApplication(input: $input) { application { id } userErrors { code field message } } }`,
      variables: { input: { id: (await submitted(app, cast.applicant)).id } },
    }),
  },
  'Mutation.requestRegistrationCorrection': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => ({
      query: `mutation($input: RequestRegistrationCorrectionInput!) { requestRegistrationCorrection(input: $input) { application { id } userErrors { code field message } } }`,
      variables: {
        input: {
          id: (await submitted(app, cast.applicant)).id,
          items: [{ field: ['declaration', 'businessScope'], message: '请使用规范表述。' }],
        },
      },
    }),
  },
  'Mutation.rejectRegistrationApplication': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => ({
      query: `mutation($input: RejectRegistrationApplicationInput!) { rejectRegistrationApplication(input: $input) { application { id } userErrors { code field message } } }`,
      variables: { input: { id: (await submitted(app, cast.applicant)).id, reasons: ['住所不真实'] } },
    }),
  },
  'Mutation.extendRegistrationReview': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => {
      const { id } = await submitted(
        app,
        cast.applicant,
        {
          foreignInvested: true,
          serviceAgent: { name: '送达代理', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' },
        },
        { foreignInvested: true },
      );
      return {
        query: `mutation($input: ExtendRegistrationReviewInput!) { extendRegistrationReview(input: $input) { application { id } userErrors { code field message } } }`,
        variables: { input: { id, reason: '需核实外国投资者主体资格。' } },
      };
    },
  },
  'Mutation.approveRegistrationReviewExtension': {
    // Asked for by another market-regulation official: the one who asks cannot approve.
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => {
      const { id } = await submitted(
        app,
        cast.applicant,
        {
          foreignInvested: true,
          serviceAgent: { name: '送达代理', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' },
        },
        { foreignInvested: true },
      );
      const asker = await createUser(app, {
        role: 'OFFICIAL',
        department: 'MARKET_REGULATION',
        passwordHash: cheapPasswordHash(),
      });
      const asked = await app.execute(
        `mutation($input: ExtendRegistrationReviewInput!) { extendRegistrationReview(input: $input) { userErrors { code } } }`,
        { input: { id, reason: '需核实外国投资者主体资格。' } },
        { token: asker.token },
      );
      if (asked.errors || asked.data?.extendRegistrationReview.userErrors.length)
        throw new Error(JSON.stringify(asked));
      return {
        query: `mutation($input: ApproveRegistrationReviewExtensionInput!) { approveRegistrationReviewExtension(input: $input) { application { id } userErrors { code field message } } }`,
        variables: { input: { id } },
      };
    },
  },
  // Simplified deregistration (条例 Art. 33): the notice, objections (public), restrictions.
  'Query.simplifiedDeregistrationNotices': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ simplifiedDeregistrationNotices(first: 1) { totalCount } }` }),
  },
  'Mutation.startSimplifiedDeregistrationNotice': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `mutation($input: StartSimplifiedDeregistrationNoticeInput!) { startSimplifiedDeregistrationNotice(input: $input) { notice { id } userErrors { code field message } } }`,
      variables: {
        input: {
          enterpriseId: toGlobalId('Enterprise', (await createEnterprise(app, cast.applicant)).id),
          commitment: { termsVersion: 'SIMPLE-DEREG-2026.1', accepted: true, signatoryName: '王海川' },
        },
      },
    }),
  },
  'Mutation.objectToSimplifiedDeregistration': {
    // Anyone may object, anonymous callers and partners included (rate-limited).
    needs: 'ANYONE',
    call: async ({ app, cast }) => ({
      query: `mutation($input: ObjectToSimplifiedDeregistrationInput!) { objectToSimplifiedDeregistration(input: $input) { notice { id } userErrors { code field message } } }`,
      variables: {
        input: {
          noticeId: await simplifiedNotice(app, cast),
          objectorName: '青岛港湾建材有限公司',
          contact: '0532-86666666',
          reason: '尚欠货款未付。',
        },
      },
    }),
  },
  'Mutation.recordEnterpriseRestriction': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ enterpriseId }) => ({
      query: `mutation($input: RecordEnterpriseRestrictionInput!) { recordEnterpriseRestriction(input: $input) { restriction { id } userErrors { code field message } } }`,
      variables: { input: { enterpriseId, kind: 'UNPAID_FINE', reason: '青市监罚〔2026〕1号', since: '2026-01-05' } },
    }),
  },
  'Mutation.liftEnterpriseRestriction': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast, enterpriseId }) => ({
      query: `mutation($input: LiftEnterpriseRestrictionInput!) { liftEnterpriseRestriction(input: $input) { restriction { id } userErrors { code field message } } }`,
      variables: {
        input: { id: await restriction(app, cast, enterpriseId), reason: '罚款已缴清', liftedOn: '2026-01-06' },
      },
    }),
  },
  'Mutation.recordDeregistrationClearance': {
    // Each clearance department records its own clearance.
    needs: CLEARANCE,
    call: async ({ app, cast }) => ({
      query: `mutation($input: RecordDeregistrationClearanceInput!) { recordDeregistrationClearance(input: $input) { application { id } userErrors { code field message } } }`,
      variables: {
        input: { id: await deregistrationSubmitted(app, cast.applicant, cast.registrar), outcome: 'CLEARED' },
      },
    }),
  },

  'Mutation.answerDeregistrationClearance': {
    // Only the deregistration's own applicant answers a department's outstanding obligation.
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => {
      const id = await deregistrationSubmitted(app, cast.applicant, cast.registrar);
      const tax = await createUser(app, { role: 'OFFICIAL', department: 'TAX', passwordHash: cheapPasswordHash() });
      const blocked = await app.execute(
        `mutation($input: RecordDeregistrationClearanceInput!) { recordDeregistrationClearance(input: $input) { userErrors { code } } }`,
        { input: { id, outcome: 'BLOCKED', note: '欠缴税款' } },
        { token: tax.token },
      );
      if (blocked.errors || blocked.data?.recordDeregistrationClearance.userErrors.length)
        throw new Error(JSON.stringify(blocked));
      return {
        query: `mutation($input: AnswerDeregistrationClearanceInput!) { answerDeregistrationClearance(input: $input) { application { id } userErrors { code field message } } }`,
        variables: { input: { id, department: 'TAX', answer: '已缴清' } },
      };
    },
  },

  // ---------------------------------------------------------------- acting for an enterprise (issue 15)
  'Mutation.inviteEnterpriseAgent': {
    // Only an agent of the enterprise invites; to anyone else it does not exist.
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ enterpriseId }) => ({
      query: `mutation($input: InviteEnterpriseAgentInput!) { inviteEnterpriseAgent(input: $input) { invitation { id } userErrors { code field message } } }`,
      variables: { input: { enterpriseId, email: uniqueEmail('invitee') } },
    }),
  },
  'Mutation.acceptEnterpriseAgentInvitation': {
    // Only the account the invitation is addressed to (the applicant column) accepts it.
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `mutation($input: AcceptEnterpriseAgentInvitationInput!) { acceptEnterpriseAgentInvitation(input: $input) { invitation { id } userErrors { code field message } } }`,
      variables: { input: { id: await invitationTo(app, cast.applicant.user.email) } },
    }),
  },
  'Mutation.revokeEnterpriseAgentInvitation': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast, enterpriseId }) => ({
      query: `mutation($input: RevokeEnterpriseAgentInvitationInput!) { revokeEnterpriseAgentInvitation(input: $input) { invitation { id } userErrors { code field message } } }`,
      variables: { input: { id: await invite(app, cast.applicant, enterpriseId, uniqueEmail('invitee')) } },
    }),
  },
  'Mutation.removeEnterpriseAgent': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, enterpriseId }) => {
      // A second agent to remove, added to the fixture's enterprise.
      const second = await createUser(app, { role: 'APPLICANT', passwordHash: cheapPasswordHash() });
      const em = app.em();
      const enterprise = await em.findOneOrFail(Enterprise, { id: localId(enterpriseId) });
      enterprise.agentIds = [...enterprise.agentIds, second.user.id];
      await em.flush();
      return {
        query: `mutation($input: RemoveEnterpriseAgentInput!) { removeEnterpriseAgent(input: $input) { enterprise { id } userErrors { code field message } } }`,
        variables: { input: { enterpriseId, userId: toGlobalId('User', second.user.id) } },
      };
    },
  },
  'Query.myEnterpriseAgentInvitations': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `{ myEnterpriseAgentInvitations(first: 100) { edges { node { id } } } }`,
      read: holds('myEnterpriseAgentInvitations', await invitationTo(app, cast.applicant.user.email)),
    }),
  },

  // ---------------------------------------------------------------- admin console (issue 15)
  'Query.staffAccounts': {
    needs: ['ADMIN'],
    call: async () => ({ query: `{ staffAccounts(first: 1) { totalCount } }` }),
  },
  'Query.auditEvents': {
    needs: ['ADMIN'],
    call: async () => ({ query: `{ auditEvents(first: 1, filter: { actions: [ACCOUNT_SIGN_IN] }) { totalCount } }` }),
  },
  'Mutation.disableStaffAccount': {
    needs: ['ADMIN'],
    call: async ({ app }) => ({
      query: `mutation($input: DisableStaffAccountInput!) { disableStaffAccount(input: $input) { user { id } userErrors { code field message } } }`,
      variables: { input: { id: toGlobalId('User', (await createUser(app, { role: 'HOST_AGENT' })).user.id) } },
    }),
  },
  'Mutation.enableStaffAccount': {
    needs: ['ADMIN'],
    call: async ({ app }) => {
      const user = await createUser(app, { role: 'HOST_AGENT' });
      await app.em().nativeUpdate(User, { id: user.user.id }, { disabledAt: app.clock.now() });
      return {
        query: `mutation($input: EnableStaffAccountInput!) { enableStaffAccount(input: $input) { user { id } userErrors { code field message } } }`,
        variables: { input: { id: toGlobalId('User', user.user.id) } },
      };
    },
  },
  'Mutation.resetStaffPassword': {
    needs: ['ADMIN'],
    call: async ({ app }) => ({
      query: `mutation($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input) { user { id } userErrors { code field message } } }`,
      variables: { input: { id: toGlobalId('User', (await createUser(app, { role: 'HOST_AGENT' })).user.id) } },
    }),
  },

  // ---------------------------------------------------------------- supervision (issue 15)
  'Query.inspectionSamples': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async () => ({ query: `{ inspectionSamples(first: 1) { totalCount } }` }),
  },
  'Query.revocationProceedings': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async () => ({ query: `{ revocationProceedings(first: 1) { totalCount } }` }),
  },
  'Query.enterpriseRevocations': {
    // The public list (under public notice, revoked).
    needs: 'ANYONE',
    call: async (f) => {
      const { proceedingId } = await supervisionFixture(f, 'REVOKED');
      return {
        query: `{ enterpriseRevocations(first: 100) { edges { node { id } } } }`,
        read: holds('enterpriseRevocations', proceedingId),
      };
    },
  },
  'Mutation.drawInspectionSample': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async () => ({
      query: `mutation($input: DrawInspectionSampleInput!) { drawInspectionSample(input: $input) { sample { id } userErrors { code field message } } }`,
      variables: {
        input: { confirmedFrom: '2026-01-01', confirmedTo: '2026-11-26', sampleSize: 1, inspectorsPerEnterprise: 1 },
      },
    }),
  },
  'Mutation.recordInspectionFinding': {
    // Only a drawn inspector; the fixture draws the market-regulation column's official.
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async (f) => ({
      query: `mutation($input: RecordInspectionFindingInput!) { recordInspectionFinding(input: $input) { inspection { id } userErrors { code field message } } }`,
      variables: { input: { id: (await supervisionFixture(f, null)).inspectionId, finding: 'COMPLIANT' } },
    }),
  },
  'Mutation.startRevocationPublicNotice': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async (f) => ({
      query: `mutation($input: StartRevocationPublicNoticeInput!) { startRevocationPublicNotice(input: $input) { proceeding { id } userErrors { code field message } } }`,
      variables: { input: { id: (await supervisionFixture(f, 'NOTICE_ISSUED')).proceedingId, reason: '无法联系' } },
    }),
  },
  'Mutation.revokeEnterpriseRegistration': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async (f) => ({
      query: `mutation($input: RevokeEnterpriseRegistrationInput!) { revokeEnterpriseRegistration(input: $input) { proceeding { id } userErrors { code field message } } }`,
      variables: { input: { id: (await supervisionFixture(f, 'NOTICE_ISSUED')).proceedingId, reason: '虚假登记' } },
    }),
  },
  'Mutation.closeRevocationProceeding': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async (f) => ({
      query: `mutation($input: CloseRevocationProceedingInput!) { closeRevocationProceeding(input: $input) { proceeding { id } userErrors { code field message } } }`,
      variables: { input: { id: (await supervisionFixture(f, 'NOTICE_ISSUED')).proceedingId, reason: '住所属实' } },
    }),
  },

  'Mutation.answerRevocationNotice': {
    // Only the person acting for the enterprise the notice is addressed to; to others it does not exist.
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => ({
      query: `mutation($input: AnswerRevocationNoticeInput!) { answerRevocationNotice(input: $input) { proceeding { id } userErrors { code field message } } }`,
      variables: {
        input: {
          id: (await supervisionFixture(f, 'NOTICE_ISSUED', { ownedByApplicant: true, answerBy: '2099-12-31' }))
            .proceedingId,
          statement: '住所系租赁取得，附租赁合同。',
        },
      },
    }),
  },

  // ---------------------------------------------------------------- financing
  'Query.financingSettings': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ financingSettings { demandValidityDays } }` }),
  },
  'Mutation.updateFinancingSettings': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: UpdateFinancingSettingsInput!) { updateFinancingSettings(input: $input) { settings { demandValidityDays } userErrors { code field message } } }`,
      variables: { input: { demandValidityDays: 60 } },
    }),
  },
  'Query.banks': { needs: 'ANYONE', call: async () => ({ query: `{ banks(first: 5) { edges { node { id } } } }` }) },
  'Query.creditProducts': {
    needs: 'ANYONE',
    call: async () => ({ query: `{ creditProducts(first: 5) { edges { node { id bank { name } } } } }` }),
  },
  'Query.financingDemands': {
    needs: ['BANK_OFFICER', 'OFFICIAL', 'SCOPE:FINANCING_READ'],
    call: async ({ app, cast, enterpriseId }) => {
      const id = await publishDemand(app, cast.applicant, enterpriseId);
      return {
        query: `{ financingDemands(first: 100) { edges { node { id } } } }`,
        read: holds('financingDemands', id),
      };
    },
  },
  'Query.financingDemand': {
    // Any credential passes the role check; who has no reason to see the demand finds none.
    needs: 'SIGNED_IN',
    hiddenFrom: [
      ...STRANGERS,
      'host',
      'admin',
      'firm admin',
      'key',
      'key REGISTRATION_READ',
      'key NAMES_READ',
      'key HOSTING_READ',
      'key EVENTS_READ',
    ],
    call: async ({ app, cast, enterpriseId }) => ({
      query: `query($id: ID!) { financingDemand(id: $id) { id } }`,
      variables: { id: await publishDemand(app, cast.applicant, enterpriseId) },
    }),
  },
  'Query.myFinancingDemands': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast, enterpriseId }) => ({
      query: `{ myFinancingDemands(first: 100) { edges { node { id } } } }`,
      read: holds('myFinancingDemands', await publishDemand(app, cast.applicant, enterpriseId)),
    }),
  },
  'Query.myFinancingOffers': {
    needs: ['BANK_OFFICER'],
    hiddenFrom: OTHER_BANK,
    call: async (f) => ({
      query: `{ myFinancingOffers(first: 100) { edges { node { id } } } }`,
      read: holds('myFinancingOffers', (await demandWithOffer(f)).offerId),
    }),
  },
  'Query.myFinancingDemandAlerts': {
    needs: ['BANK_OFFICER'],
    hiddenFrom: [...OTHER_BANK, 'bank admin'],
    call: async ({ app, cast }) => {
      const saved = await given(app, cast.bank.token, SAVE_ALERT, { input: { name: uniqueWord(), filter: {} } });
      const id = saved.saveFinancingDemandAlert.alert.id;
      return {
        query: `{ myFinancingDemandAlerts { id } }`,
        read: (data) =>
          data.myFinancingDemandAlerts.some((alert: { id: string }) => alert.id === id) ? 'ok' : 'hidden',
      };
    },
  },
  'Query.financingStats': {
    needs: ['OFFICIAL:FINANCE'],
    call: async () => ({
      query: `{ financingStats(from: "2026-01-01", to: "2026-12-31", groupBy: DISTRICT) { key demandCount } }`,
    }),
  },
  'Mutation.publishFinancingDemand': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ enterpriseId }) => ({
      query: `mutation($input: PublishFinancingDemandInput!) { publishFinancingDemand(input: $input) { demand { id } userErrors { code field message } } }`,
      variables: { input: demandInput(enterpriseId) },
    }),
  },
  'Mutation.withdrawFinancingDemand': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast, enterpriseId }) => ({
      query: `mutation($input: WithdrawFinancingDemandInput!) { withdrawFinancingDemand(input: $input) { demand { id } userErrors { code field message } } }`,
      variables: { input: { id: await publishDemand(app, cast.applicant, enterpriseId) } },
    }),
  },
  'Mutation.acceptFinancingOffer': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => ({ query: ACCEPT, variables: { input: { id: (await demandWithOffer(f)).offerId } } }),
  },
  'Mutation.declineFinancingOffer': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async (f) => ({
      query: `mutation($input: DeclineFinancingOfferInput!) { declineFinancingOffer(input: $input) { offer { id } userErrors { code field message } } }`,
      variables: { input: { id: (await demandWithOffer(f)).offerId } },
    }),
  },
  'Mutation.makeFinancingOffer': {
    needs: ['BANK_OFFICER'],
    call: async ({ app, cast, enterpriseId }) => ({
      query: `mutation($input: MakeFinancingOfferInput!) { makeFinancingOffer(input: $input) { offer { id } userErrors { code field message } } }`,
      variables: { input: offerInput(await publishDemand(app, cast.applicant, enterpriseId)) },
    }),
  },
  'Mutation.withdrawFinancingOffer': {
    needs: ['BANK_OFFICER'],
    hiddenFrom: OTHER_BANK,
    call: async (f) => ({
      query: `mutation($input: WithdrawFinancingOfferInput!) { withdrawFinancingOffer(input: $input) { offer { id } userErrors { code field message } } }`,
      variables: { input: { id: (await demandWithOffer(f)).offerId } },
    }),
  },
  'Mutation.recordDisbursement': {
    needs: ['BANK_OFFICER'],
    hiddenFrom: OTHER_BANK,
    call: async (f) => {
      const { offerId } = await demandWithOffer(f);
      await given(f.app, f.cast.applicant.token, ACCEPT, { input: { id: offerId } });
      return {
        query: `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { offer { id } userErrors { code field message } } }`,
        variables: { input: { offerId, amount: { amount: '1500000.00' }, disbursedOn: '2026-11-26' } },
      };
    },
  },
  'Mutation.publishCreditProduct': {
    needs: ['BANK_OFFICER'],
    call: async () => ({ query: PUBLISH_PRODUCT, variables: { input: PRODUCT_INPUT() } }),
  },
  'Mutation.retireCreditProduct': {
    needs: ['BANK_OFFICER'],
    hiddenFrom: OTHER_BANK,
    call: async ({ app, cast }) => {
      const published = await given(app, cast.bank.token, PUBLISH_PRODUCT, { input: PRODUCT_INPUT() });
      return {
        query: `mutation($input: RetireCreditProductInput!) { retireCreditProduct(input: $input) { product { id } userErrors { code field message } } }`,
        variables: { input: { id: published.publishCreditProduct.product.id } },
      };
    },
  },
  'Mutation.saveFinancingDemandAlert': {
    needs: ['BANK_OFFICER'],
    call: async () => ({
      query: SAVE_ALERT,
      variables: { input: { name: uniqueWord(), filter: { districts: ['HUANGDAO'] } } },
    }),
  },
  'Mutation.deleteFinancingDemandAlert': {
    needs: ['BANK_OFFICER'],
    hiddenFrom: [...OTHER_BANK, 'bank admin'],
    call: async ({ app, cast }) => {
      const saved = await given(app, cast.bank.token, SAVE_ALERT, { input: { name: uniqueWord(), filter: {} } });
      return {
        query: `mutation($input: DeleteFinancingDemandAlertInput!) { deleteFinancingDemandAlert(input: $input) { alert { id } userErrors { code field message } } }`,
        variables: { input: { id: saved.saveFinancingDemandAlert.alert.id } },
      };
    },
  },

  // ---------------------------------------------------------------- hosting (住所托管)
  'Query.hostedAddresses': {
    needs: 'ANYONE',
    call: async ({ app, cast }) => {
      const id = await hosting.openAddress(app, cast.userIds.host!, cast.credentials.host!);
      return {
        query: `{ hostedAddresses(first: 100) { edges { node { id available } } } }`,
        read: holds('hostedAddresses', id),
      };
    },
  },
  // The public directory lists verified hosts (test/hosting); a host still PENDING only HOSTING_READ
  // keys, the registry and administrators see.
  'Query.hosts': {
    needs: 'ANYONE',
    hiddenFrom: ALL_BUT('MARKET_REGULATION', 'admin', 'key HOSTING_READ'),
    call: async ({ app }) => {
      const id = await hosting.pendingHost(app);
      return {
        query: `{ hosts(first: 100, filter: { status: PENDING }) { edges { node { id } } } }`,
        read: holds('hosts', id),
      };
    },
  },
  'Query.myHost': {
    needs: ['HOST_AGENT'],
    call: async ({ app, cast }) => {
      await hosting.ensureVerifiedHost(app, cast.userIds.host!);
      return { query: `{ myHost { id status } }` };
    },
  },
  'Query.myHostingAgreements': {
    needs: ['APPLICANT', 'HOST_AGENT'],
    hiddenFrom: [...STRANGERS, 'firm admin'],
    call: async ({ app, cast }) => {
      const { agreementId } = await hosting.agreementFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
        { requested: true },
      );
      return {
        query: `{ myHostingAgreements(first: 100) { edges { node { id } } } }`,
        read: holds('myHostingAgreements', agreementId),
      };
    },
  },
  'Query.unreachableReports': {
    needs: ['OFFICIAL:MARKET_REGULATION', 'ADMIN', 'HOST_AGENT'],
    hiddenFrom: ['firm admin'],
    call: async ({ app, cast }) => {
      const { reportId } = await hosting.reportFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
      );
      return {
        query: `{ unreachableReports(first: 100, filter: { status: PENDING }) { edges { node { id } } } }`,
        read: holds('unreachableReports', reportId),
      };
    },
  },
  'Query.abnormalOperationsList': {
    needs: 'ANYONE',
    call: async () => ({
      query: `{ abnormalOperationsList(first: 5) { edges { node { reason listedOn authority enterprise { id } } } } }`,
    }),
  },
  'Query.hostingSettings': {
    needs: 'ANYONE',
    call: async () => ({
      query: `{ hostingSettings { floorAreaPerEnterprise enterprisesPerSecretary acknowledgeWithinWorkingDays } }`,
    }),
  },
  'Mutation.applyAsHost': {
    needs: ['HOST_AGENT'],
    call: async ({ app, cast }) => {
      await hosting.ensureMayApply(app, cast.userIds.host!);
      return {
        query: `mutation($input: ApplyAsHostInput!) { applyAsHost(input: $input) { host { id } userErrors { code field message } } }`,
        variables: {
          input: {
            name: '矩阵律师事务所',
            kind: 'LAW_FIRM',
            licenceNumber: '13702201010123456',
            uscc: '914403001922038216',
            district: 'SHINAN',
            officeFloorArea: 100000,
            fullTimeSecretaries: 10000,
          },
        },
      };
    },
  },
  'Mutation.verifyHost': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app }) => ({
      query: `mutation($input: VerifyHostInput!) { verifyHost(input: $input) { host { id } userErrors { code field message } } }`,
      variables: { input: { id: await hosting.pendingHost(app) } },
    }),
  },
  'Mutation.refuseHost': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app }) => ({
      query: `mutation($input: RefuseHostInput!) { refuseHost(input: $input) { host { id } userErrors { code field message } } }`,
      variables: { input: { id: await hosting.pendingHost(app), reason: '执业许可证已过期' } },
    }),
  },
  'Mutation.suspendHost': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => ({
      query: `mutation($input: SuspendHostInput!) { suspendHost(input: $input) { host { id } userErrors { code field message } } }`,
      variables: { input: { id: await hosting.pendingHost(app, cast.registrar), reason: '未履行转递义务' } },
    }),
  },
  'Mutation.addHostedAddress': {
    needs: ['HOST_AGENT'],
    // The firm admin's firm is no verified host: it has nowhere to add an address.
    except: { 'firm admin': 'error:NOT_ALLOWED' },
    call: async ({ app, cast }) => {
      await hosting.ensureVerifiedHost(app, cast.userIds.host!);
      return {
        query: `mutation($input: AddHostedAddressInput!) { addHostedAddress(input: $input) { address { id } userErrors { code field message } } }`,
        variables: {
          input: { address: '青岛市市南区香港中路 10 号', district: 'SHINAN', floorArea: 20, capacity: 10 },
        },
      };
    },
  },
  'Mutation.updateHostedAddress': {
    needs: ['HOST_AGENT'],
    hiddenFrom: ['firm admin'],
    call: async ({ app, cast }) => ({
      query: `mutation($input: UpdateHostedAddressInput!) { updateHostedAddress(input: $input) { address { id } userErrors { code field message } } }`,
      variables: {
        input: { id: await hosting.openAddress(app, cast.userIds.host!, cast.credentials.host!), capacity: 40 },
      },
    }),
  },
  'Mutation.requestHosting': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => {
      const addressId = await hosting.openAddress(app, cast.userIds.host!, cast.credentials.host!);
      const enterprise = await createEnterprise(app, cast.applicant);
      return {
        query: `mutation($input: RequestHostingInput!) { requestHosting(input: $input) { agreement { id } userErrors { code field message } } }`,
        variables: { input: { addressId, enterpriseId: toGlobalId('Enterprise', enterprise.id) } },
      };
    },
  },
  'Mutation.acceptHostingRequest': {
    needs: ['HOST_AGENT'],
    hiddenFrom: ['firm admin'],
    call: async ({ app, cast }) => {
      const { agreementId } = await hosting.agreementFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
        { requested: true },
      );
      return {
        query: `mutation($input: AcceptHostingRequestInput!) { acceptHostingRequest(input: $input) { agreement { id } userErrors { code field message } } }`,
        variables: { input: { id: agreementId } },
      };
    },
  },
  'Mutation.refuseHostingRequest': {
    needs: ['HOST_AGENT'],
    hiddenFrom: ['firm admin'],
    call: async ({ app, cast }) => {
      const { agreementId } = await hosting.agreementFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
        { requested: true },
      );
      return {
        query: `mutation($input: RefuseHostingRequestInput!) { refuseHostingRequest(input: $input) { agreement { id } userErrors { code field message } } }`,
        variables: { input: { id: agreementId, reason: '名额已满' } },
      };
    },
  },
  'Mutation.terminateHosting': {
    needs: ['APPLICANT', 'HOST_AGENT'],
    hiddenFrom: [...STRANGERS, 'firm admin'],
    call: async ({ app, cast }) => {
      const { agreementId } = await hosting.agreementFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
      );
      return {
        query: `mutation($input: TerminateHostingInput!) { terminateHosting(input: $input) { agreement { id } userErrors { code field message } } }`,
        variables: { input: { id: agreementId, reason: '协议到期' } },
      };
    },
  },
  'Mutation.logDocumentForwarding': {
    needs: ['HOST_AGENT'],
    hiddenFrom: ['firm admin'],
    call: async ({ app, cast }) => {
      const { enterpriseId } = await hosting.agreementFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
      );
      return {
        query: `mutation($input: LogDocumentForwardingInput!) { logDocumentForwarding(input: $input) { forwarding { id } userErrors { code field message } } }`,
        variables: {
          input: {
            enterpriseId,
            sender: '青岛市税务局',
            kind: 'LETTER',
            receivedOn: '2026-11-25',
            forwardedOn: '2026-11-26',
          },
        },
      };
    },
  },
  'Mutation.acknowledgeForwarding': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast }) => ({
      query: `mutation($input: AcknowledgeForwardingInput!) { acknowledgeForwarding(input: $input) { forwarding { id } userErrors { code field message } } }`,
      variables: {
        input: {
          id: await hosting.forwardingFixture(
            app,
            { id: cast.userIds.host!, token: cast.credentials.host! },
            cast.applicant,
          ),
        },
      },
    }),
  },
  'Mutation.reportEnterpriseUnreachable': {
    needs: ['HOST_AGENT'],
    hiddenFrom: ['firm admin'],
    call: async ({ app, cast }) => {
      const { enterpriseId } = await hosting.agreementFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
      );
      return {
        query: `mutation($input: ReportEnterpriseUnreachableInput!) { reportEnterpriseUnreachable(input: $input) { report { id } userErrors { code field message } } }`,
        variables: { input: { enterpriseId, attempts: '电话三次未接通' } },
      };
    },
  },
  'Mutation.listEnterpriseAsAbnormal': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => {
      const { reportId } = await hosting.reportFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
      );
      return {
        query: `mutation($input: ListEnterpriseAsAbnormalInput!) { listEnterpriseAsAbnormal(input: $input) { listing { listedOn } userErrors { code field message } } }`,
        variables: { input: { reportId, reason: '通过登记的住所无法联系', authority: '青岛市市场监督管理局' } },
      };
    },
  },
  'Mutation.dismissUnreachableReport': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => {
      const { reportId } = await hosting.reportFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
      );
      return {
        query: `mutation($input: DismissUnreachableReportInput!) { dismissUnreachableReport(input: $input) { report { id } userErrors { code field message } } }`,
        variables: { input: { reportId, note: '企业已取得联系' } },
      };
    },
  },
  'Mutation.removeEnterpriseFromAbnormalList': {
    needs: ['OFFICIAL:MARKET_REGULATION'],
    call: async ({ app, cast }) => {
      const { reportId, enterpriseId } = await hosting.reportFixture(
        app,
        { id: cast.userIds.host!, token: cast.credentials.host! },
        cast.applicant,
      );
      await given(
        app,
        cast.registrar.token,
        `mutation($input: ListEnterpriseAsAbnormalInput!) { listEnterpriseAsAbnormal(input: $input) { listing { listedOn } userErrors { code field message } } }`,
        { input: { reportId, reason: '无法联系', authority: '青岛市市场监督管理局' } },
      );
      return {
        query: `mutation($input: RemoveEnterpriseFromAbnormalListInput!) { removeEnterpriseFromAbnormalList(input: $input) { listing { removedOn } userErrors { code field message } } }`,
        variables: { input: { enterpriseId, reason: '已恢复联系' } },
      };
    },
  },
  'Mutation.updateHostingSettings': {
    needs: ['ADMIN'],
    call: async () => ({
      query: `mutation($input: UpdateHostingSettingsInput!) { updateHostingSettings(input: $input) { settings { floorAreaPerEnterprise } userErrors { code field message } } }`,
      variables: { input: { acknowledgeWithinWorkingDays: 5 } },
    }),
  },

  // ---------------------------------------------------------------- subscriptions (over WebSocket)
  'Subscription.notificationReceived': {
    needs: USERS,
    call: async ({ app, cast }) => ({
      query: `subscription { notificationReceived { id } }`,
      // Each viewer subscribes as itself: each user of the matrix gets a notification of its own.
      trigger: async () => {
        for (const userId of Object.values(cast.userIds)) await sendNotification(app, userId);
      },
    }),
  },
  'Subscription.financingDemandPublished': {
    needs: ['BANK_OFFICER'],
    call: async ({ app, cast, enterpriseId }) => ({
      query: `subscription { financingDemandPublished { id } }`,
      trigger: async () => void (await publishDemand(app, cast.applicant, enterpriseId)),
    }),
  },
  'Subscription.financingOfferReceived': {
    needs: ['APPLICANT'],
    hiddenFrom: STRANGERS,
    call: async ({ app, cast, enterpriseId }) => {
      const demandId = await publishDemand(app, cast.applicant, enterpriseId);
      return {
        query: `subscription($id: ID!) { financingOfferReceived(demandId: $id) { id } }`,
        variables: { id: demandId },
        // One offer per bank and demand: each event comes from a new bank.
        trigger: async () => void (await makeOffer(app, await createUser(app, { role: 'BANK_OFFICER' }), demandId)),
      };
    },
  },
  'Subscription.hostingAgreementUpdated': {
    needs: ['APPLICANT', 'HOST_AGENT'],
    hiddenFrom: [...STRANGERS, 'firm admin'],
    call: async ({ app, cast }) => {
      const host = { id: cast.userIds.host!, token: cast.credentials.host! };
      const { agreementId } = await hosting.agreementFixture(app, host, cast.applicant, { requested: true });
      const id = localId(agreementId);
      const hostId = (await hosting.ensureVerifiedHost(app, host.id)).id;
      return {
        query: `subscription($id: ID!) { hostingAgreementUpdated(id: $id) { id status } }`,
        variables: { id: agreementId },
        // The event every change publishes after commit; only who may subscribe is under test here.
        trigger: async () =>
          app.deps.events.publish(HOSTING_AGREEMENT_UPDATED, {
            id,
            hostId,
            applicantId: cast.applicant.user.id,
            enterpriseId: null,
          }),
      };
    },
  },
  'Subscription.registrationApplicationUpdated': {
    needs: ['APPLICANT', 'OFFICIAL'],
    hiddenFrom: [...STRANGERS, ...NOT_REGISTRAR],
    call: async ({ app, cast }) => {
      const { id } = await submitted(app, cast.applicant);
      return {
        query: `subscription($id: ID!) { registrationApplicationUpdated(id: $id) { id } }`,
        variables: { id },
        // The event a decision publishes after commit; only who may subscribe is under test here.
        trigger: async () =>
          app.deps.events.publish(REGISTRATION_APPLICATION_UPDATED, localId(id), {
            id: localId(id),
            status: 'SUBMITTED',
          }),
      };
    },
  },
};
