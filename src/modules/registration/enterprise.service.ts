import { PUBLIC, recordDomainEvent } from '../../shared/events/domain-events.js';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import {
  QINGDAO_CITY_AREA_CODE,
  QINGDAO_DISTRICT_AREA_CODES,
  generateUscc,
  normaliseUscc,
} from '../../shared/credit-code.js';
import { DomainError, UserErrorCode, problem } from '../../shared/errors.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { localIdOf } from '../../shared/ids.js';
import { notifyEach } from '../../shared/notifications/notification.service.js';
import { addCalendarDays } from '../../shared/working-days.js';
import { actsFor } from './registration.access.js';
import { codeMatches, licenceIdOfCode, readableCodeForm, readableLicenceCode } from './licence-signature.js';
import {
  BusinessLicence,
  Enterprise,
  EnterpriseChange,
  type DistrictValue,
  type EnterpriseKindValue,
  type EnterpriseStatusValue,
  type LicenceFacts,
  type ZoneValue,
} from './registration.entity.js';
import { nameSearchKeyFor, nameWithheld } from './withheld-name.js';
import './registration.messages.js';

export const ENTERPRISE_TYPE = 'Enterprise';

/** Days an enterprise has to change a name found to rest on a false commitment (domain-rules §2). */
export const FORCED_NAME_CHANGE_DAYS = 30;

// ---------------------------------------------------------------------------------------------
// Issuing credit codes and licences (inside the confirmation's transaction)

/** GB 32100 entity category under market regulation: 1 enterprise, 2 individual business, 3 farmers' cooperative. */
function usccCategory(kind: EnterpriseKindValue): '1' | '2' | '3' {
  if (kind === 'INDIVIDUAL_BUSINESS') return '2';
  if (kind === 'FARMERS_COOPERATIVE') return '3';
  return '1';
}

/**
 * The GB/T 2260 code of the authority that registers an enterprise: the district's, except for a
 * joint-stock company, which the city-level authority registers (市场主体登记管理条例实施细则 第四条).
 */
export function registeringAuthorityAreaCode(district: DistrictValue, kind: EnterpriseKindValue): string {
  return kind === 'JOINT_STOCK_COMPANY' ? QINGDAO_CITY_AREA_CODE : QINGDAO_DISTRICT_AREA_CODES[district];
}

/**
 * A new unified social credit code: market regulation (9), the entity's category, the registering
 * authority's code, and an organisation code from a PostgreSQL sequence (unique across concurrent
 * confirmations; the sequence starts where codes read "MA…", as issued since 2015).
 */
export async function issueUscc(
  tx: RequestContext,
  district: DistrictValue,
  kind: EnterpriseKindValue,
): Promise<string> {
  const rows = await tx.em.execute<{ n: string }[]>(`select nextval('enterprise_uscc_seq') as n`);
  return generateUscc({
    department: '9',
    category: usccCategory(kind),
    areaCode: registeringAuthorityAreaCode(district, kind),
    sequence: Number(rows[0]!.n),
  });
}

/** Issues the enterprise's electronic business licence; any licence it held before is superseded. */
export async function issueLicence(tx: RequestContext, enterprise: Enterprise): Promise<BusinessLicence> {
  const now = tx.deps.clock.now();
  const previous = await tx.em.find(BusinessLicence, { enterprise, status: 'VALID' });
  for (const licence of previous) {
    licence.status = 'SUPERSEDED';
    licence.endedAt = now;
  }
  const rows = await tx.em.execute<{ n: string }[]>(`select nextval('business_licence_number_seq') as n`);
  const number = `${registeringAuthorityAreaCode(enterprise.district, enterprise.kind)}${shanghaiDate(now).slice(0, 4)}${String(rows[0]!.n).padStart(8, '0')}`;
  const facts: LicenceFacts = {
    v: 1,
    licenceNumber: number,
    uscc: enterprise.uscc!,
    name: enterprise.name,
    kind: enterprise.kind,
    legalRepresentative: enterprise.legalRepresentativeName,
    registeredCapitalFen: enterprise.registeredCapitalFen,
    establishedOn: enterprise.establishedOn!,
    registeredAddress: enterprise.registeredAddress,
    businessScope: enterprise.businessScope,
    operatingTermEndsOn: enterprise.declaration.operatingTerm?.endsOn ?? null,
    issuedAt: now.toISOString(),
  };
  const id = randomUUID();
  const licence = tx.em.create(BusinessLicence, {
    id,
    enterprise,
    number,
    issuedAt: now,
    facts,
    verificationCode: readableLicenceCode(tx.deps.signingKey, id, facts),
    status: 'VALID',
    endedAt: null,
  });
  tx.em.persist(licence);
  return licence;
}

/** Ends the enterprise's current licence (deregistration, revocation). */
export async function cancelLicences(tx: RequestContext, enterprise: Enterprise): Promise<void> {
  const now = tx.deps.clock.now();
  for (const licence of await tx.em.find(BusinessLicence, { enterprise, status: 'VALID' })) {
    licence.status = 'CANCELLED';
    licence.endedAt = now;
  }
}

export interface LicenceVerificationResult {
  genuine: boolean;
  current: boolean | null;
  licence: BusinessLicence | null;
  enterprise: Enterprise | null;
  /** For a genuine code: whether the enterprise's name is withheld from the viewer pending its change. */
  nameWithheld: boolean | null;
}

const NOT_GENUINE: LicenceVerificationResult = {
  genuine: false,
  current: null,
  licence: null,
  enterprise: null,
  nameWithheld: null,
};

/** Public: whether the platform issued exactly this code, and what it certifies. */
export async function verifyLicence(ctx: RequestContext, code: string): Promise<LicenceVerificationResult> {
  const trimmed = typeof code === 'string' ? code.trim() : '';
  let licence: BusinessLicence | null = null;
  const legacyId = licenceIdOfCode(trimmed);
  if (legacyId) {
    licence = await ctx.em.findOne(BusinessLicence, { id: legacyId }, { populate: ['enterprise'] });
    if (!licence || licence.verificationCode !== trimmed) return NOT_GENUINE;
  } else {
    // A readable code, typed in any case and grouping: found by its canonical form (unique index).
    const readable = readableCodeForm(trimmed);
    if (!readable || !('code' in readable)) return NOT_GENUINE;
    licence = await ctx.em.findOne(BusinessLicence, { verificationCode: readable.code }, { populate: ['enterprise'] });
    if (!licence) return NOT_GENUINE;
  }
  // Recomputed over the stored facts: a row altered in the database no longer verifies either.
  if (!codeMatches(ctx.deps.signingKey, trimmed, licence.id, licence.facts)) return NOT_GENUINE;
  return {
    genuine: true,
    current: licence.status === 'VALID',
    licence,
    enterprise: licence.enterprise,
    nameWithheld: nameWithheld(ctx, licence.enterprise),
  };
}

/** Records an enterprise's registration step in its public history. */
export function recordEnterpriseChange(
  tx: RequestContext,
  enterprise: Enterprise,
  applicationId: string,
  kind: EnterpriseChange['kind'],
  items: EnterpriseChange['items'],
): void {
  tx.em.persist(
    tx.em.create(EnterpriseChange, {
      enterprise,
      application: applicationId,
      kind,
      items,
      at: tx.deps.clock.now(),
    }),
  );
  const type = (
    ENTERPRISE_EVENT_TYPES as Record<string, (typeof ENTERPRISE_EVENT_TYPES)[keyof typeof ENTERPRISE_EVENT_TYPES]>
  )[kind];
  if (type) recordRegisterEvent(tx, enterprise.id, type);
}

/** The public register's event types: every reader of the feed sees them (the register is public). */
export const ENTERPRISE_EVENT_TYPES = {
  ESTABLISHMENT: 'ENTERPRISE_REGISTERED',
  CHANGE: 'ENTERPRISE_CHANGED',
  DEREGISTRATION: 'ENTERPRISE_DEREGISTERED',
  REVOCATION: 'ENTERPRISE_REVOKED',
} as const;

/** Records the register's public event for an enterprise (in the transaction of the change). */
export function recordRegisterEvent(
  tx: RequestContext,
  enterpriseId: string,
  type: (typeof ENTERPRISE_EVENT_TYPES)[keyof typeof ENTERPRISE_EVENT_TYPES],
): void {
  recordDomainEvent(tx, { type, subjectType: ENTERPRISE_TYPE, subjectId: enterpriseId, audience: [PUBLIC] });
}

// ---------------------------------------------------------------------------------------------
// A special name found to rest on a false commitment (hook called by the names module)

/**
 * The enterprise must change its name within 30 days; until it does, the public sees its credit
 * code instead of the name. Runs inside the names module's verification transaction.
 */
export async function requireNameChange(tx: RequestContext, enterpriseId: string): Promise<void> {
  const enterprise = await tx.em.findOne(Enterprise, { id: enterpriseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!enterprise || enterprise.status !== 'ACTIVE') return;
  const now = tx.deps.clock.now();
  const by = addCalendarDays(shanghaiDate(now), FORCED_NAME_CHANGE_DAYS);
  enterprise.nameChangeRequiredBy = by;
  enterprise.updatedAt = now;
  recordAudit(tx, {
    action: 'enterprise.nameChangeRequired',
    subjectType: ENTERPRISE_TYPE,
    subjectId: enterprise.id,
    details: { by },
  });
  await notifyEach(tx, enterprise.agentIds, {
    kind: 'NAME_REVOKED',
    subjectType: ENTERPRISE_TYPE,
    subjectId: enterprise.id,
    titleKey: 'registration.notify.nameChangeRequired.title',
    bodyKey: 'registration.notify.nameChangeRequired.body',
    params: { name: enterprise.name, by },
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function findEnterprise(ctx: RequestContext, globalId: string): Promise<Enterprise | null> {
  const id = localIdOf(globalId, ENTERPRISE_TYPE);
  return id ? ctx.em.findOne(Enterprise, { id }) : null;
}

export async function findEnterpriseByUscc(ctx: RequestContext, uscc: string): Promise<Enterprise | null> {
  const code = typeof uscc === 'string' ? normaliseUscc(uscc.trim()) : null;
  return code ? ctx.em.findOne(Enterprise, { uscc: code }) : null;
}

export interface EnterpriseSearch {
  search?: string | null;
  district?: DistrictValue | null;
  zone?: ZoneValue | null;
  status?: EnterpriseStatusValue | null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Public search by name part or credit code, district, zone and status; by public name, keyset-paginated. */
export function searchEnterprises(
  ctx: RequestContext,
  filter: EnterpriseSearch,
  page: PageArgs,
): Promise<ConnectionData<Enterprise>> {
  const where: FilterQuery<Enterprise> & Record<string, unknown> = {};
  if (filter.district) where.district = filter.district;
  if (filter.zone) where.zone = filter.zone;
  if (filter.status) where.status = filter.status;
  const search = filter.search?.trim();
  if (search) {
    const uscc = search.length === 18 ? normaliseUscc(search) : null;
    // A withheld name is not findable by its text, except by those who may read it.
    if (uscc) where.uscc = uscc;
    else where[nameSearchKeyFor(ctx.viewer)] = { $ilike: `%${escapeLike(search)}%` };
  }
  // Ordered by the name anyone may read (withheld-name.ts), so that neither a page's order nor a
  // cursor gives a withheld name away.
  return paginate(ctx, Enterprise, where, {
    orderBy: { publicName: 'asc', id: 'asc' },
    populate: ['publicName'],
    ...page,
  });
}

/**
 * The register in bulk, for partners that mirror it: every enterprise, any status, in the order of its
 * id (stable: a page read once stays read; new enterprises can land on any page, so a mirror re-reads).
 * Public facts only, as every public read; a withheld name is withheld here too.
 */
export function listRegister(ctx: RequestContext, page: PageArgs): Promise<ConnectionData<Enterprise>> {
  return paginate(ctx, Enterprise, {}, { orderBy: { id: 'asc' }, populate: ['publicName'], ...page });
}

/** The enterprises the viewer acts for (every name of them visible to it, so by the name itself). */
export function listOwnEnterprises(
  ctx: RequestContext,
  userId: string,
  page: PageArgs,
): Promise<ConnectionData<Enterprise>> {
  return paginate(
    ctx,
    Enterprise,
    { agentIds: { $contains: [userId] } },
    { orderBy: { name: 'asc', id: 'asc' }, ...page },
  );
}

/**
 * For other modules (financing, hosting): the active enterprise a global ID names, when the viewer
 * acts for it; otherwise a NOT_FOUND (or INVALID_STATE) problem on `field`.
 */
export async function requireEnterpriseActedFor(
  ctx: RequestContext,
  globalId: string,
  field: string[],
): Promise<Enterprise> {
  const id = localIdOf(globalId, ENTERPRISE_TYPE);
  const enterprise = id ? await ctx.em.findOne(Enterprise, { id }) : null;
  if (!enterprise || !actsFor(ctx.viewer, enterprise)) {
    throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', field));
  }
  if (enterprise.status !== 'ACTIVE') {
    throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseNotActive', field));
  }
  return enterprise;
}
