import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { endOfShanghaiDay, shanghaiDate } from '../../shared/clock.js';
import { DomainError, UserErrorCode, problem, throwIfProblems } from '../../shared/errors.js';
import { inTransaction } from '../../shared/transaction.js';
import { User } from '../accounts/index.js';
import { EnterpriseName, NameTransfer, type InvestmentRelationship, type NameReservation } from './names.entity.js';
import { normaliseName } from './rules/index.js';
import './names.messages.js';

// The two exceptions to the identical-name rule (企业名称登记管理规定 第十五条, 第十七条; 实施办法):
// an enterprise may take a name identical to that of an enterprise it has an investment relationship
// with, and the transferee of a name may take it. Both rest on the registered holder's consent, which
// registries take from the holder itself: the investment claim must be made by the person acting for
// the holder (its agent on this platform), the transfer is consented by that agent. A declared-investor
// claim alone is not enough at reservation: the holder has not agreed to share its name.

export const NAME_TRANSFER_TYPE = 'NameTransfer';

/** Which exception let an IDENTICAL conflict pass. */
export type ConflictException = 'INVESTMENT_RELATIONSHIP' | 'NAME_TRANSFER';

// ---------------------------------------------------------------------------------------------
// The enterprises a user acts for: the registration module owns them and registers the lookup here.

/** A registered, active enterprise the viewer acts for. */
export interface ActedForEnterprise {
  id: string;
  name: string;
}

/**
 * The active enterprise a global ID names, when the viewer acts for it; otherwise throws a DomainError
 * NOT_FOUND (or INVALID_STATE) on `field` (registration's requireEnterpriseActedFor).
 */
export type ActedForEnterpriseRule = (
  ctx: RequestContext,
  enterpriseGlobalId: string,
  field: string[],
) => Promise<ActedForEnterprise>;

let actedForRule: ActedForEnterpriseRule | null = null;

export function findActedForEnterprisesBy(rule: ActedForEnterpriseRule): void {
  actedForRule = rule;
}

function actedForEnterprise(ctx: RequestContext, globalId: string, field: string[]): Promise<ActedForEnterprise> {
  if (!actedForRule) throw new Error('no rule for the enterprises a user acts for is registered');
  return actedForRule(ctx, globalId, field);
}

// ---------------------------------------------------------------------------------------------
// Investment relationship

export interface InvestmentRelationInput {
  /** Global ID of the registered enterprise holding the identical name. */
  enterpriseId: string;
  relationship: InvestmentRelationship;
}

export interface InvestmentRelation {
  enterpriseId: string;
  relationship: InvestmentRelationship;
}

/**
 * The registered enterprise an investment-relationship claim names, checked: it exists, is active
 * and the viewer acts for it (the holder's consent). A DomainError on `input.investmentRelation`
 * otherwise.
 */
export async function provenInvestmentRelation(
  ctx: RequestContext,
  input: InvestmentRelationInput,
): Promise<InvestmentRelation> {
  const enterprise = await actedForEnterprise(ctx, input.enterpriseId, ['input', 'investmentRelation', 'enterpriseId']);
  return { enterpriseId: enterprise.id, relationship: input.relationship };
}

/** For the public check: the claim when the viewer can make it, otherwise null (the conflict then stands). */
export async function investmentRelationIfProven(
  ctx: RequestContext,
  input: InvestmentRelationInput | null | undefined,
): Promise<InvestmentRelation | null> {
  if (!input || !ctx.viewer.userId) return null;
  try {
    return await provenInvestmentRelation(ctx, input);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/**
 * The investment relationship a reservation claimed, for the registration module: on confirmation,
 * where the holder is to invest in the new enterprise (HOLDER_INVESTS_IN_NEW), the declared investors
 * must include that enterprise; otherwise the claim is false and the identical name may not stand.
 */
export function investmentRelationOf(reservation: NameReservation): InvestmentRelation | null {
  if (!reservation.relatedEnterpriseId || !reservation.investmentRelationship) return null;
  return { enterpriseId: reservation.relatedEnterpriseId, relationship: reservation.investmentRelationship };
}

// ---------------------------------------------------------------------------------------------
// Name transfer

/** How long a consent stays open when the holder gives no date: as long as a reservation is kept. */
export const NAME_TRANSFER_DEFAULT_MONTHS = 2;
/** The longest a consent may stay open. */
export const NAME_TRANSFER_MAX_DAYS = 366;

export interface ConsentInput {
  enterpriseId: string;
  transfereeEmail: string;
  /** The last day (Asia/Shanghai, YYYY-MM-DD) the transferee may reserve the name; 2 months when absent. */
  validUntil: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonthsTo(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The holder's agent consents to transfer the enterprise's registered name to the account with this
 * e-mail (规定 第十五条). Until `validUntil` that account may reserve the identical name; once a
 * registration uses the reservation, the holder must change its own name.
 */
export async function consentToNameTransfer(ctx: RequestContext, input: ConsentInput): Promise<NameTransfer> {
  const email = input.transfereeEmail.trim().toLowerCase();
  const today = shanghaiDate(ctx.deps.clock.now());
  const validUntil = input.validUntil ?? addMonthsTo(today, NAME_TRANSFER_DEFAULT_MONTHS);
  const latest = addDays(today, NAME_TRANSFER_MAX_DAYS);
  throwIfProblems([
    ...(EMAIL.test(email)
      ? []
      : [problem(UserErrorCode.INVALID_FORMAT, 'names.transfer.email', ['input', 'transfereeEmail'])]),
    ...(validUntil < today || validUntil > latest
      ? [
          problem(UserErrorCode.OUT_OF_RANGE, 'names.transfer.validUntilRange', ['input', 'validUntil'], {
            from: today,
            to: latest,
          }),
        ]
      : []),
  ]);
  const enterprise = await actedForEnterprise(ctx, input.enterpriseId, ['input', 'enterpriseId']);
  const viewer = ctx.viewer.userId ? await ctx.em.findOne(User, { id: ctx.viewer.userId }) : null;
  if (viewer && viewer.email.toLowerCase() === email) {
    throw new DomainError(problem(UserErrorCode.INVALID_INPUT, 'names.transfer.toSelf', ['input', 'transfereeEmail']));
  }
  return inTransaction(ctx, async (tx) => {
    const name = await tx.em.findOne(EnterpriseName, { enterpriseId: enterprise.id, status: 'ACTIVE' });
    const transfer = tx.em.create(NameTransfer, {
      enterpriseId: enterprise.id,
      name: name?.name ?? normaliseName(enterprise.name),
      transfereeEmail: email,
      status: 'CONSENTED',
      consentedBy: tx.viewer.userId as string,
      consentedAt: tx.deps.clock.now(),
      validUntil: endOfShanghaiDay(validUntil),
    });
    recordAudit(tx, {
      action: 'nameTransfer.consent',
      subjectType: NAME_TRANSFER_TYPE,
      subjectId: transfer.id,
      toState: 'CONSENTED',
      details: { enterpriseId: enterprise.id, name: transfer.name, validUntil },
    });
    await tx.em.flush();
    return transfer;
  });
}

/** The open consents given to the viewer's account, by the enterprise whose name they transfer. */
export async function openTransfersToViewer(ctx: RequestContext): Promise<Map<string, NameTransfer>> {
  const userId = ctx.viewer.userId;
  if (!userId) return new Map();
  // Through ctx.em, not a loader: inside a reservation's transaction this read must join it.
  const user = await ctx.em.findOne(User, { id: userId });
  if (!user) return new Map();
  const rows = await ctx.em.find(
    NameTransfer,
    { transfereeEmail: user.email.toLowerCase(), status: 'CONSENTED', validUntil: { $gt: ctx.deps.clock.now() } },
    { orderBy: { consentedAt: 'asc', id: 'asc' } },
  );
  return new Map(rows.map((t) => [t.enterpriseId, t]));
}

/** Records that the transferee's reservation took up the consent (in the caller's transaction). */
export function takeUpTransfer(tx: RequestContext, transfer: NameTransfer, reservation: NameReservation): void {
  const now = tx.deps.clock.now();
  transfer.status = 'USED';
  transfer.reservationId = reservation.id;
  transfer.usedAt = now;
  reservation.nameTransfer = transfer;
  recordAudit(tx, {
    action: 'nameTransfer.reserve',
    subjectType: NAME_TRANSFER_TYPE,
    subjectId: transfer.id,
    fromState: 'CONSENTED',
    toState: 'USED',
    details: { reservationId: reservation.id },
  });
}

/**
 * When a registration uses the transferee's reservation: from now the holder must change its name
 * (recorded here; the holder's change itself is a registration matter).
 */
export function completeTransfer(tx: RequestContext, reservation: NameReservation, enterpriseId: string): void {
  const transfer = reservation.nameTransfer;
  if (!transfer || transfer.holderMustChangeSince) return;
  transfer.holderMustChangeSince = tx.deps.clock.now();
  recordAudit(tx, {
    action: 'nameTransfer.complete',
    subjectType: NAME_TRANSFER_TYPE,
    subjectId: transfer.id,
    details: { holderEnterpriseId: transfer.enterpriseId, transfereeEnterpriseId: enterpriseId },
  });
}

/** The name transfer a reservation took up: the registration module reads the holder that must change its name. */
export function nameTransferOf(
  reservation: NameReservation,
): { transferId: string; holderEnterpriseId: string; holderMustChangeSince: Date | null } | null {
  const transfer = reservation.nameTransfer;
  if (!transfer) return null;
  return {
    transferId: transfer.id,
    holderEnterpriseId: transfer.enterpriseId,
    holderMustChangeSince: transfer.holderMustChangeSince,
  };
}
