import { randomInt, randomUUID } from 'node:crypto';
import type { EntityData } from '@mikro-orm/core';
import { expect } from 'vitest';
import { Enterprise } from '../../src/modules/registration/index.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { District } from '../../src/shared/graphql/reference.types.js';
import type { ApiScope } from '../../src/shared/viewer.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import type { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser, type TestUser } from '../helpers/factories.js';

// What the financing tests share: registered enterprises (rows, as confirmation leaves them), the cast
// of callers, and the documents of the financing API.

const CHARS = '瑞祥泰丰德源鑫宏博嘉盛恒益澜岳朗晟钧琪璟煜骏';

export interface EnterpriseOptions {
  district?: District;
  industry?: string | null;
  foreignInvested?: boolean;
  status?: 'ACTIVE' | 'DEREGISTERED' | 'REVOKED';
  name?: string;
}

/** A registered enterprise the applicant acts for, as a confirmed establishment leaves it. */
export async function createEnterprise(
  app: TestApp,
  agent: TestUser,
  options: EnterpriseOptions = {},
): Promise<Enterprise> {
  const em = app.em();
  let trade = '';
  for (let i = 0; i < 4; i++) trade += CHARS[randomInt(CHARS.length)];
  const enterprise = em.create(Enterprise, {
    uscc: `91370211${String(randomInt(1e9)).padStart(9, '0')}X`,
    name: options.name ?? `青岛${trade}科技有限公司`,
    nameParts: null,
    kind: 'LIMITED_LIABILITY_COMPANY',
    foreignInvested: options.foreignInvested ?? false,
    district: options.district ?? 'HUANGDAO',
    zone: 'NONE',
    industry: options.industry === undefined ? 'I65' : options.industry,
    registeredCapitalFen: 100_000_000,
    businessScope: '软件开发',
    legalRepresentativeName: '王海川',
    registeredAddress: '青岛市黄岛区前湾港路 1 号',
    establishedOn: '2025-01-02',
    deregisteredOn: null,
    status: options.status ?? 'ACTIVE',
    agentIds: [agent.user.id],
    nameChangeRequiredBy: null,
    declaration: {} as never,
    createdAt: app.clock.now(),
    updatedAt: app.clock.now(),
  } as EntityData<Enterprise> as never);
  await em.flush();
  return enterprise;
}

export interface Cast {
  owner: TestUser;
  enterprise: Enterprise;
  enterpriseId: string;
  other: TestUser;
  otherEnterprise: Enterprise;
  bankA: TestUser;
  bankA2: TestUser;
  bankB: TestUser;
  bankAId: string;
  bankBId: string;
  finance: TestUser;
  registrar: TestUser;
  admin: TestUser;
  partner: string;
  partnerWithoutScope: string;
}

/** Everybody a financing test talks about: two enterprises, two banks (A with two officers), officials, partners. */
export async function createCast(app: TestApp): Promise<Cast> {
  const owner = await createUser(app, { role: 'APPLICANT' });
  const other = await createUser(app, { role: 'APPLICANT' });
  const enterprise = await createEnterprise(app, owner);
  const otherEnterprise = await createEnterprise(app, other, { district: District.SHINAN });
  const bankAOrg = await createOrganisation(app, 'BANK', `青岛测试银行 ${randomUUID().slice(0, 6)}`);
  const bankBOrg = await createOrganisation(app, 'BANK', `青岛另一银行 ${randomUUID().slice(0, 6)}`);
  const bankA = await createUser(app, { role: 'BANK_OFFICER', organisation: bankAOrg });
  const bankA2 = await createUser(app, { role: 'BANK_OFFICER', organisation: bankAOrg });
  const bankB = await createUser(app, { role: 'BANK_OFFICER', organisation: bankBOrg });
  const finance = await createUser(app, { role: 'OFFICIAL', department: 'FINANCE' });
  const registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  const admin = await createUser(app, { role: 'ADMIN' });
  const partner = (await createApiKeyRow(app, { scopes: ['FINANCING_READ'] as ApiScope[], createdBy: admin.user }))
    .secret;
  const partnerWithoutScope = (
    await createApiKeyRow(app, { scopes: ['REGISTRATION_READ'] as ApiScope[], createdBy: admin.user })
  ).secret;
  return {
    owner,
    enterprise,
    enterpriseId: toGlobalId('Enterprise', enterprise.id),
    other,
    otherEnterprise,
    bankA,
    bankA2,
    bankB,
    bankAId: bankAOrg.id,
    bankBId: bankBOrg.id,
    finance,
    registrar,
    admin,
    partner,
    partnerWithoutScope,
  };
}

export const PHONE = '13912345678';
export const ID_NUMBER = '370211198501011235';

export const DEMAND_FIELDS = `id number status amount { amount currency } termMonths purpose guaranteeType collateral maxAnnualRate
  desiredOn contactConsent publishedAt expiresAt offerCount district foreignInvested industry { code name }
  enterprise { id name uscc } contact { name phone email idNumber }`;

export const PUBLISH = `mutation($input: PublishFinancingDemandInput!) {
  publishFinancingDemand(input: $input) { demand { ${DEMAND_FIELDS} } userErrors { code field message } } }`;

export const OFFER_FIELDS = `id status amount { amount } annualRate termMonths note createdAt decidedAt disbursedAmount { amount } disbursedOn
  bank { id name } demand { id status offerCount }`;

export const MAKE_OFFER = `mutation($input: MakeFinancingOfferInput!) {
  makeFinancingOffer(input: $input) { offer { ${OFFER_FIELDS} } userErrors { code field message } } }`;

export const ACCEPT = `mutation($input: AcceptFinancingOfferInput!) {
  acceptFinancingOffer(input: $input) { offer { id status } userErrors { code field message } } }`;

export const DECLINE = `mutation($input: DeclineFinancingOfferInput!) {
  declineFinancingOffer(input: $input) { offer { id status } userErrors { code field message } } }`;

export const WITHDRAW_OFFER = `mutation($input: WithdrawFinancingOfferInput!) {
  withdrawFinancingOffer(input: $input) { offer { id status } userErrors { code field message } } }`;

export const WITHDRAW_DEMAND = `mutation($input: WithdrawFinancingDemandInput!) {
  withdrawFinancingDemand(input: $input) { demand { id status } userErrors { code field message } } }`;

export const RECORD_DISBURSEMENT = `mutation($input: RecordDisbursementInput!) {
  recordDisbursement(input: $input) { offer { id status disbursedAmount { amount } disbursedOn demand { status } } userErrors { code field message } } }`;

export function demandInput(enterpriseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    enterpriseId,
    amount: { amount: '2000000.00' },
    termMonths: 24,
    purpose: 'WORKING_CAPITAL',
    guaranteeType: 'CREDIT',
    collateral: null,
    maxAnnualRate: '4.80',
    desiredOn: null,
    contactConsent: false,
    contact: { name: '王海川', phone: PHONE, email: 'wang@example.cn', idNumber: ID_NUMBER },
    ...overrides,
  };
}

/** Publishes a demand as `owner` and returns its global ID (fails the test on userErrors). */
export async function publishDemand(
  app: TestApp,
  owner: TestUser,
  enterpriseId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await app.execute(PUBLISH, { input: demandInput(enterpriseId, overrides) }, { token: owner.token });
  expect(result.errors).toBeUndefined();
  expect(result.data!.publishFinancingDemand.userErrors).toEqual([]);
  return result.data!.publishFinancingDemand.demand.id;
}

export function offerInput(demandId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    demandId,
    amount: { amount: '1500000.00' },
    annualRate: '4.35',
    termMonths: 24,
    note: '欢迎洽谈',
    ...overrides,
  };
}

/** Makes an offer as `bank` and returns its global ID (fails the test on userErrors). */
export async function makeOffer(
  app: TestApp,
  bank: TestUser,
  demandId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await app.execute(MAKE_OFFER, { input: offerInput(demandId, overrides) }, { token: bank.token });
  expect(result.errors).toBeUndefined();
  expect(result.data!.makeFinancingOffer.userErrors).toEqual([]);
  return result.data!.makeFinancingOffer.offer.id;
}

const FINANCING_TABLES = [
  'financing_demands',
  'financing_demand_contacts',
  'financing_offers',
  'credit_products',
  'financing_demand_alerts',
  'notifications',
  'audit_events',
];

/** Row counts of the financing tables (and audit, inbox): compare before and after a refused request. */
export async function financingRowCounts(app: TestApp): Promise<Record<string, number>> {
  const em = app.em();
  const counts: Record<string, number> = {};
  for (const table of FINANCING_TABLES) {
    const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    counts[table] = row!.n;
  }
  return counts;
}

/** The stored state of demands and offers, to prove a refused request changed nothing. */
export async function financingState(app: TestApp): Promise<unknown> {
  const em = app.em();
  return {
    counts: await financingRowCounts(app),
    demands: await em.execute(`select id, status, offer_count, accepted_offer_id from financing_demands order by id`),
    offers: await em.execute(`select id, status, amount_fen from financing_offers order by id`),
  };
}
