import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type TestUser } from '../helpers/factories.js';

// Rows and documents the hosting tests share. Hosts and addresses are made through the API (as a
// host agent and an official would), so every test starts from states the rules allow.

export const VALID_USCC = '914403001922038216';

export const HOST_FIELDS = `id kind name licenceNumber uscc district status officeFloorArea fullTimeSecretaries decisionReason`;
export const ADDRESS_FIELDS = `id address district zone floorArea capacity occupied available status host { id name kind status }`;
export const AGREEMENT_FIELDS = `id status enterpriseName requestedAt decidedAt refusalReason startsOn endsOn terminatedAt terminationReason terminatedBy
  address { id occupied available } enterprise { id name } applicant { id }`;
const ERRORS = `userErrors { code field message }`;

export const APPLY = `mutation($input: ApplyAsHostInput!) { applyAsHost(input: $input) { host { ${HOST_FIELDS} } ${ERRORS} } }`;
export const VERIFY = `mutation($input: VerifyHostInput!) { verifyHost(input: $input) { host { ${HOST_FIELDS} } ${ERRORS} } }`;
export const REFUSE_HOST = `mutation($input: RefuseHostInput!) { refuseHost(input: $input) { host { ${HOST_FIELDS} } ${ERRORS} } }`;
export const SUSPEND = `mutation($input: SuspendHostInput!) { suspendHost(input: $input) { host { ${HOST_FIELDS} } ${ERRORS} } }`;
export const ADD_ADDRESS = `mutation($input: AddHostedAddressInput!) { addHostedAddress(input: $input) { address { ${ADDRESS_FIELDS} } ${ERRORS} } }`;
export const UPDATE_ADDRESS = `mutation($input: UpdateHostedAddressInput!) { updateHostedAddress(input: $input) { address { ${ADDRESS_FIELDS} } ${ERRORS} } }`;
export const REQUEST = `mutation($input: RequestHostingInput!) { requestHosting(input: $input) { agreement { ${AGREEMENT_FIELDS} } ${ERRORS} } }`;
export const ACCEPT = `mutation($input: AcceptHostingRequestInput!) { acceptHostingRequest(input: $input) { agreement { ${AGREEMENT_FIELDS} } ${ERRORS} } }`;
export const REFUSE = `mutation($input: RefuseHostingRequestInput!) { refuseHostingRequest(input: $input) { agreement { ${AGREEMENT_FIELDS} } ${ERRORS} } }`;
export const TERMINATE = `mutation($input: TerminateHostingInput!) { terminateHosting(input: $input) { agreement { ${AGREEMENT_FIELDS} } ${ERRORS} } }`;
export const FORWARDING_FIELDS = `id sender kind receivedOn forwardedOn trackingNumber acknowledgeBy acknowledgedAt overdue enterprise { id }`;
export const LOG_FORWARDING = `mutation($input: LogDocumentForwardingInput!) { logDocumentForwarding(input: $input) { forwarding { ${FORWARDING_FIELDS} } ${ERRORS} } }`;
export const ACKNOWLEDGE = `mutation($input: AcknowledgeForwardingInput!) { acknowledgeForwarding(input: $input) { forwarding { ${FORWARDING_FIELDS} } ${ERRORS} } }`;
export const REPORT = `mutation($input: ReportEnterpriseUnreachableInput!) { reportEnterpriseUnreachable(input: $input) { report { id status attempts enterprise { id } } ${ERRORS} } }`;
export const LIST_ABNORMAL = `mutation($input: ListEnterpriseAsAbnormalInput!) { listEnterpriseAsAbnormal(input: $input) { report { id status } listing { reason listedOn authority removedOn enterprise { id } } ${ERRORS} } }`;
export const DISMISS = `mutation($input: DismissUnreachableReportInput!) { dismissUnreachableReport(input: $input) { report { id status decisionNote } ${ERRORS} } }`;
export const REMOVE_ABNORMAL = `mutation($input: RemoveEnterpriseFromAbnormalListInput!) { removeEnterpriseFromAbnormalList(input: $input) { listing { removedOn removalReason } ${ERRORS} } }`;
export const UPDATE_SETTINGS = `mutation($input: UpdateHostingSettingsInput!) { updateHostingSettings(input: $input) { settings { floorAreaPerEnterprise enterprisesPerSecretary acknowledgeWithinWorkingDays } ${ERRORS} } }`;

export interface Payload {
  userErrors: { code: string; field: string[] | null; message: string }[];
  [key: string]: any;
}

/** Runs a mutation and returns its payload (the first field of data); top-level errors fail the test. */
export async function mutate(
  app: TestApp,
  query: string,
  input: Record<string, unknown>,
  token: string,
  language?: string,
): Promise<Payload> {
  const result = await app.execute(query, { input }, { token, language });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data!)[0] as Payload;
}

/** Like mutate, and the payload has no userErrors. */
export async function ok(app: TestApp, query: string, input: Record<string, unknown>, token: string): Promise<Payload> {
  const payload = await mutate(app, query, input, token);
  expect(payload.userErrors).toEqual([]);
  return payload;
}

export function hostInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '山东测试律师事务所',
    kind: 'LAW_FIRM',
    licenceNumber: '13702201010123456',
    uscc: VALID_USCC,
    district: 'SHINAN',
    officeFloorArea: 300,
    fullTimeSecretaries: 2,
    ...overrides,
  };
}

export function addressInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    address: '青岛市市南区香港中路 10 号 1201 室',
    district: 'SHINAN',
    zone: 'NONE',
    floorArea: 100,
    capacity: 10,
    ...overrides,
  };
}

export interface VerifiedHost {
  agent: TestUser;
  hostId: string;
}

/** A host agent of a new firm, its application verified by `official`. */
export async function verifiedHost(
  app: TestApp,
  official: TestUser,
  options: { kind?: 'LAW_FIRM' | 'ACCOUNTING_FIRM'; secretaries?: number } = {},
): Promise<VerifiedHost> {
  const kind = options.kind ?? 'LAW_FIRM';
  const organisation = await createOrganisation(app, kind);
  const agent = await createUser(app, { role: 'HOST_AGENT', organisation });
  const applied = await ok(
    app,
    APPLY,
    hostInput({ kind, name: organisation.name, fullTimeSecretaries: options.secretaries ?? 2 }),
    agent.token,
  );
  await ok(app, VERIFY, { id: applied.host.id }, official.token);
  return { agent, hostId: applied.host.id };
}

export async function addAddress(app: TestApp, agent: TestUser, overrides: Record<string, unknown> = {}): Promise<any> {
  return (await ok(app, ADD_ADDRESS, addressInput(overrides), agent.token)).address;
}

/** Row counts of every table a hosting mutation writes (and their changing columns): equal before and after means nothing was written. */
export async function hostingFingerprint(app: TestApp): Promise<string> {
  const rows = await app.em().getConnection().execute(`
    select
      (select count(*) from hosts) as hosts,
      (select string_agg(status || decided_at::text, ',' order by id) from hosts) as host_states,
      (select count(*) from hosted_addresses) as addresses,
      (select string_agg(capacity || '/' || occupied || status || floor_area || address, ',' order by id) from hosted_addresses) as address_states,
      (select count(*) from hosting_agreements) as agreements,
      (select string_agg(status, ',' order by id) from hosting_agreements) as agreement_states,
      (select count(*) from document_forwardings) as forwardings,
      (select count(*) from document_forwardings where acknowledged_at is not null) as acknowledged,
      (select count(*) from unreachable_reports) as reports,
      (select string_agg(status, ',' order by id) from unreachable_reports) as report_states,
      (select count(*) from abnormal_operations_listings) as listings,
      (select count(*) from abnormal_operations_listings where removed_on is null) as current_listings,
      (select updated_at from hosting_settings) as settings,
      (select count(*) from audit_events) as audit_events,
      (select count(*) from notifications) as notifications
  `);
  return JSON.stringify(rows[0]);
}

/** Runs `work` and asserts it wrote nothing. */
export async function nothingWritten<T>(app: TestApp, work: () => Promise<T>): Promise<T> {
  const before = await hostingFingerprint(app);
  const result = await work();
  expect(await hostingFingerprint(app)).toBe(before);
  return result;
}

export function codes(payload: Payload): string[] {
  return payload.userErrors.map((e) => e.code);
}
