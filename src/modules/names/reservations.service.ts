import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { endOfShanghaiDay, shanghaiDate } from '../../shared/clock.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { idempotently } from '../../shared/idempotency/idempotency.js';
import { localIdOf } from '../../shared/ids.js';
import { notify } from '../../shared/notifications/notification.service.js';
import {
  NAME_RESERVATION_EXPIRED,
  NAME_RESERVATION_REVOKED,
  NAME_RESERVATION_USED,
  NAME_RESERVATION_VERIFIED,
  NAME_RESERVED,
  recordReservationEvent,
} from './names.events.js';
import { inTransaction } from '../../shared/transaction.js';
import {
  completeTransfer,
  openTransfersToViewer,
  provenInvestmentRelation,
  takeUpTransfer,
  type ConflictException,
  type InvestmentRelation,
  type InvestmentRelationInput,
} from './exceptions.service.js';
import {
  addIndexEntry,
  findConflicts,
  indexKeysOf,
  isBlocking,
  lockNameKeys,
  releaseIndexEntry,
} from './name-index.service.js';
import {
  EnterpriseName,
  NameReservation,
  type DistrictValue,
  type EnterpriseNameReleaseReason,
  type NameReservationStatus,
} from './names.entity.js';
import { namesReference } from './reference.service.js';
import { checkName, type EnterpriseKind, type NameCheckResult } from './rules/index.js';
import './names.messages.js';

// Reservations: granting a name (at once for an ordinary available name, on a written commitment for
// a special one), its lapse after 2 months, its use by a registration, and the verification of a
// special name's commitment afterwards.

export const NAME_RESERVATION_TYPE = 'NameReservation';

/** How long a granted name is kept: 2 months, 12 where a prior approval is needed (domain-rules §2). */
export const RESERVATION_MONTHS = 2;
export const RESERVATION_MONTHS_WITH_PRIOR_APPROVAL = 12;

/** A RESERVED reservation whose time has passed is EXPIRED, whether or not the sweep has written it yet. */
export function effectiveReservationStatus(reservation: NameReservation, now: Date): NameReservationStatus {
  if (reservation.status === 'RESERVED' && !reservation.heldForApplicationId && reservation.expiresAt <= now) {
    return 'EXPIRED';
  }
  return reservation.status;
}

/**
 * Keeps a live reservation from lapsing while the registry reviews the application that uses it
 * (in the caller's transaction). Its index row stops expiring too, so nobody else can take the name.
 */
export function holdReservationForReview(reservation: NameReservation, applicationId: string): void {
  reservation.heldForApplicationId = applicationId;
  if (reservation.nameEntry?.status === 'ACTIVE') reservation.nameEntry.expiresAt = null;
}

/**
 * Ends the hold when the application is withdrawn or refused: the reservation lapses at its own
 * expiresAt again (at once, by the clock, when that has passed; the sweep then records it).
 */
export async function releaseReservationHold(tx: RequestContext, applicationId: string): Promise<void> {
  const held = await tx.em.find(NameReservation, { heldForApplicationId: applicationId, status: 'RESERVED' });
  for (const reservation of held) {
    reservation.heldForApplicationId = null;
    if (reservation.nameEntry?.status === 'ACTIVE') reservation.nameEntry.expiresAt = reservation.expiresAt;
  }
}

/** The calendar day `months` after `date` (YYYY-MM-DD), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Reserving

export interface CommitmentInput {
  termsVersion: number;
  accepted: boolean;
  signatoryName: string;
}

/** The Art. 16(3) undertaking on similar names: the same shape as a commitment, on its own terms. */
export type UndertakingInput = CommitmentInput;

export interface ReserveInput {
  name: string;
  district: DistrictValue;
  industry: string | null;
  kind: EnterpriseKind;
  foreignInvested: boolean;
  priorApprovalRequired: boolean;
  commitment: CommitmentInput | null;
  /** 规定 第十六条第三项: required on every reservation. */
  similarNameUndertaking: UndertakingInput | null;
  /** 规定 第十七条: the registered enterprise with the identical name this one has an investment relationship with. */
  investmentRelation?: InvestmentRelationInput | null;
  /** The client's idempotency key: a retry with it answers with the first reservation. */
  idempotencyKey?: string | null;
}

function violationProblems(check: NameCheckResult): Problem[] {
  return check.violations.map((v) =>
    v.rule === 'INDUSTRY_CODE_UNKNOWN'
      ? problem(UserErrorCode.INVALID_INPUT, v.messageKey, ['input', 'industry'], v.params)
      : problem(UserErrorCode.NAME_UNAVAILABLE, v.messageKey, ['input', 'name'], v.params),
  );
}

function commitmentProblems(
  check: NameCheckResult,
  commitment: CommitmentInput | null,
  termsVersion: number,
): Problem[] {
  if (!check.special) return [];
  const field = ['input', 'commitment'];
  if (!commitment) {
    return [
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.commitmentRequired', field, {
        version: termsVersion,
        reasonsZh: check.specialReasons.map((r) => r.zh).join('；'),
        reasonsEn: check.specialReasons.map((r) => r.en).join('; '),
      }),
    ];
  }
  const problems: Problem[] = [];
  if (commitment.termsVersion !== termsVersion) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.termsVersionOutdated', [...field, 'termsVersion'], {
        version: termsVersion,
      }),
    );
  }
  if (!commitment.accepted) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.commitmentNotAccepted', [...field, 'accepted']),
    );
  }
  if (!commitment.signatoryName.trim()) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.signatoryRequired', [...field, 'signatoryName']),
    );
  }
  return problems;
}

/**
 * 规定 第十六条第三项: every applicant undertakes in writing to bear liability should its name prove
 * confusingly similar to an existing one — on the current text version, accepted, signed.
 */
function undertakingProblems(undertaking: UndertakingInput | null, version: number): Problem[] {
  const field = ['input', 'similarNameUndertaking'];
  if (!undertaking) {
    return [problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.undertakingRequired', field, { version })];
  }
  const problems: Problem[] = [];
  if (undertaking.termsVersion !== version) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.undertakingOutdated', [...field, 'termsVersion'], {
        version,
      }),
    );
  }
  if (!undertaking.accepted) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.undertakingNotAccepted', [...field, 'accepted']),
    );
  }
  if (!undertaking.signatoryName.trim()) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.signatoryRequired', [...field, 'signatoryName']),
    );
  }
  return problems;
}

/** Grants a name to the viewer (an APPLICANT); under an idempotency key, a retry answers with the first grant. */
export async function reserveName(
  ctx: RequestContext,
  applicantId: string,
  input: ReserveInput,
): Promise<NameReservation> {
  // Loaded before the idempotency transaction opens: a cold cache reads on a fork of its own, which on
  // the embedded database (one connection) would wait for ever on the transaction holding it.
  await namesReference(ctx);
  return idempotently(
    ctx,
    { operation: 'reserveEnterpriseName', key: input.idempotencyKey, input },
    {
      create: (tx) => reserveNewName(tx, applicantId, input),
      replay: (tx, id) => tx.em.findOneOrFail(NameReservation, id),
      idOf: (reservation) => reservation.id,
    },
  );
}

async function reserveNewName(ctx: RequestContext, applicantId: string, input: ReserveInput): Promise<NameReservation> {
  const reference = await namesReference(ctx);
  const check = checkName(
    {
      name: input.name,
      kind: input.kind,
      foreignInvested: input.foreignInvested,
      industry: input.industry,
      district: input.district,
    },
    reference,
  );
  throwIfProblems(violationProblems(check));
  throwIfProblems([
    ...commitmentProblems(check, input.commitment, reference.terms.version),
    ...undertakingProblems(input.similarNameUndertaking, reference.undertaking.version),
  ]);
  const undertaking = input.similarNameUndertaking!;
  const relation: InvestmentRelation | null = input.investmentRelation
    ? await provenInvestmentRelation(ctx, input.investmentRelation)
    : null;
  const keys = indexKeysOf(check.normalised);

  try {
    return await inTransaction(ctx, async (tx) => {
      await lockNameKeys(tx, check.normalised);
      await expireLapsedReservations(tx, { tradeName: keys.tradeName });
      // 规定 第十五条, 第十七条: the holder's own name does not block an enterprise it is related to by
      // investment, nor the transferee it consented to; every other identical name still does.
      const transfers = await openTransfersToViewer(tx);
      const excused = new Map<string, ConflictException>();
      for (const enterpriseId of transfers.keys()) excused.set(enterpriseId, 'NAME_TRANSFER');
      if (relation) excused.set(relation.enterpriseId, 'INVESTMENT_RELATIONSHIP');
      const conflicts = await findConflicts(tx, check.parts, { excused });
      throwIfProblems(
        conflicts.filter(isBlocking).map((c) =>
          problem(UserErrorCode.NAME_UNAVAILABLE, 'names.reserve.conflict', ['input', 'name'], {
            existingName: c.name,
            detailZh: c.zh,
            detailEn: c.en,
          }),
        ),
      );

      const now = tx.deps.clock.now();
      const today = shanghaiDate(now);
      const months = input.priorApprovalRequired ? RESERVATION_MONTHS_WITH_PRIOR_APPROVAL : RESERVATION_MONTHS;
      const expiresAt = endOfShanghaiDay(addMonths(today, months));
      const reservation = tx.em.create(NameReservation, {
        name: check.normalised,
        applicantId,
        status: 'RESERVED',
        special: check.special,
        district: input.district,
        kind: input.kind,
        industry: input.industry ? input.industry.trim().toUpperCase() : null,
        foreignInvested: input.foreignInvested,
        priorApprovalRequired: input.priorApprovalRequired,
        reservedAt: now,
        expiresAt,
      });
      reservation.undertakingTermsVersion = reference.undertaking.version;
      reservation.undertakingSignatoryName = undertaking.signatoryName.trim();
      reservation.undertakingAcceptedAt = now;
      // An exception is recorded only where it was needed: where the holder's identical name stood.
      const used = new Set(conflicts.filter((c) => c.exception).map((c) => c.enterpriseId));
      if (relation && used.has(relation.enterpriseId)) {
        reservation.relatedEnterpriseId = relation.enterpriseId;
        reservation.investmentRelationship = relation.relationship;
      }
      const transfer = [...transfers.values()].find(
        (t) => used.has(t.enterpriseId) && excused.get(t.enterpriseId) === 'NAME_TRANSFER',
      );
      if (transfer) takeUpTransfer(tx, transfer, reservation);
      if (check.special && input.commitment) {
        reservation.commitmentTermsVersion = reference.terms.version;
        reservation.commitmentSignatoryName = input.commitment.signatoryName.trim();
        reservation.commitmentAcceptedAt = now;
        reservation.verificationStatus = 'PENDING';
        reservation.verificationDueBy = tx.deps.calendar.current.addWorkingDays(
          today,
          reference.settings.verificationWindowWorkingDays,
        );
      }
      reservation.nameEntry = addIndexEntry(tx, {
        name: check.normalised,
        district: input.district,
        industryCode: reservation.industry,
        reservationId: reservation.id,
        expiresAt,
      });
      recordReservationEvent(tx, NAME_RESERVED, reservation);
      recordAudit(tx, {
        action: 'nameReservation.reserve',
        subjectType: NAME_RESERVATION_TYPE,
        subjectId: reservation.id,
        toState: 'RESERVED',
        details: {
          name: reservation.name,
          special: reservation.special,
          termsVersion: reservation.commitmentTermsVersion,
          verificationDueBy: reservation.verificationDueBy,
          undertakingVersion: reservation.undertakingTermsVersion,
          relatedEnterpriseId: reservation.relatedEnterpriseId,
          investmentRelationship: reservation.investmentRelationship,
          nameTransferId: reservation.nameTransfer?.id ?? null,
        },
      });
      notify(tx, {
        userId: applicantId,
        kind: 'NAME_RESERVED',
        subjectType: NAME_RESERVATION_TYPE,
        subjectId: reservation.id,
        titleKey: 'names.notify.reserved.title',
        bodyKey: reservation.special ? 'names.notify.reservedSpecial.body' : 'names.notify.reserved.body',
        params: {
          name: reservation.name,
          expiresOn: shanghaiDate(expiresAt),
          dueBy: reservation.verificationDueBy ?? '',
        },
      });
      await tx.em.flush();
      return reservation;
    });
  } catch (error) {
    // The backstop behind the lock: a unique index on the live reservations' names.
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(
        problem(UserErrorCode.NAME_UNAVAILABLE, 'names.reserve.takenConcurrently', ['input', 'name']),
      );
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Lapsing

/**
 * Writes EXPIRED on reservations whose time has passed (their names are already free: the conflict
 * search ignores lapsed rows), releases their index rows and tells the applicants. Runs in the
 * caller's transaction when given one; `scope` limits it to one district and trade name.
 */
export async function expireLapsedReservations(
  tx: RequestContext,
  scope: { district?: DistrictValue; tradeName?: string | null; limit?: number } = {},
): Promise<number> {
  const now = tx.deps.clock.now();
  const lapsed = await tx.em.find(
    NameReservation,
    {
      status: 'RESERVED',
      heldForApplicationId: null,
      expiresAt: { $lte: now },
      ...(scope.district ? { district: scope.district } : {}),
      ...(scope.tradeName !== undefined ? { nameEntry: { tradeName: scope.tradeName } } : {}),
    },
    { limit: scope.limit ?? 500, orderBy: { expiresAt: 'asc', id: 'asc' } },
  );
  for (const reservation of lapsed) {
    reservation.status = 'EXPIRED';
    reservation.expiredAt = reservation.expiresAt;
    if (reservation.nameEntry) releaseIndexEntry(reservation.nameEntry, reservation.expiresAt, false);
    recordReservationEvent(tx, NAME_RESERVATION_EXPIRED, reservation);
    recordAudit(tx, {
      action: 'nameReservation.expire',
      subjectType: NAME_RESERVATION_TYPE,
      subjectId: reservation.id,
      fromState: 'RESERVED',
      toState: 'EXPIRED',
    });
    notify(tx, {
      userId: reservation.applicantId,
      kind: 'NAME_RESERVATION_EXPIRED',
      subjectType: NAME_RESERVATION_TYPE,
      subjectId: reservation.id,
      titleKey: 'names.notify.expired.title',
      bodyKey: 'names.notify.expired.body',
      params: { name: reservation.name, expiresOn: shanghaiDate(reservation.expiresAt) },
    });
  }
  if (lapsed.length) await tx.em.flush();
  return lapsed.length;
}

/** Sweeps every lapsed reservation (for a scheduler or an operator); returns how many it wrote. */
export async function sweepLapsedReservations(ctx: RequestContext): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await inTransaction(ctx, (tx) => expireLapsedReservations(tx, { limit: 200 }));
    total += count;
    if (count < 200) return total;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export function listOwnReservations(
  ctx: RequestContext,
  applicantId: string,
  page: PageArgs,
): Promise<ConnectionData<NameReservation>> {
  return paginate(ctx, NameReservation, { applicantId }, { orderBy: { reservedAt: 'desc', id: 'desc' }, ...page });
}

/** Granted special names whose commitment awaits verification, oldest first. */
export function listVerificationQueue(
  ctx: RequestContext,
  filter: { overdue?: boolean | null },
  page: PageArgs,
): Promise<ConnectionData<NameReservation>> {
  const now = ctx.deps.clock.now();
  const today = shanghaiDate(now);
  return paginate(
    ctx,
    NameReservation,
    {
      verificationStatus: 'PENDING',
      $or: [
        { status: 'USED' },
        { status: 'RESERVED', expiresAt: { $gt: now } },
        { status: 'RESERVED', heldForApplicationId: { $ne: null } },
      ],
      ...(filter.overdue === true ? { verificationDueBy: { $lt: today } } : {}),
      ...(filter.overdue === false ? { verificationDueBy: { $gte: today } } : {}),
    },
    { orderBy: { reservedAt: 'asc', id: 'asc' }, ...page },
  );
}

/** Whether a pending verification is past its due day (Asia/Shanghai). */
export function verificationOverdue(reservation: NameReservation, now: Date): boolean {
  return (
    reservation.verificationStatus === 'PENDING' &&
    reservation.verificationDueBy !== null &&
    reservation.verificationDueBy < shanghaiDate(now)
  );
}

// ---------------------------------------------------------------------------------------------
// Verifying a special name's commitment

export type FalseCommitmentHandler = (tx: RequestContext, enterpriseId: string) => Promise<void>;
const falseCommitmentHandlers: FalseCommitmentHandler[] = [];

/**
 * The registration module registers what happens to an enterprise already registered under a name
 * found to rest on a false commitment (forced name change within 30 days, the credit code shown
 * instead of the name). Called inside the verification's transaction.
 */
export function onFalseCommitment(handler: FalseCommitmentHandler): void {
  if (!falseCommitmentHandlers.includes(handler)) falseCommitmentHandlers.push(handler);
}

export interface VerificationInput {
  id: string;
  outcome: 'COMPLIANT' | 'FALSE_COMMITMENT';
  note: string | null;
}

export async function recordVerification(ctx: RequestContext, input: VerificationInput): Promise<NameReservation> {
  const id = localIdOf(input.id, NAME_RESERVATION_TYPE);
  if (!id) throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'id']));
  const note = input.note?.trim() || null;
  if (input.outcome === 'FALSE_COMMITMENT' && !note) {
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'names.verification.noteRequired', ['input', 'note']));
  }
  return inTransaction(ctx, async (tx) => {
    const reservation = await tx.em.findOne(
      NameReservation,
      { id, special: true },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!reservation || reservation.verificationStatus === null) {
      throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'id']));
    }
    if (reservation.verificationStatus !== 'PENDING') {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'names.verification.notPending', ['input', 'id'], {
          status: reservation.verificationStatus,
        }),
      );
    }
    const now = tx.deps.clock.now();
    const status = effectiveReservationStatus(reservation, now);
    if (status !== 'RESERVED' && status !== 'USED') {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'names.verification.reservationClosed', ['input', 'id'], { status }),
      );
    }
    reservation.verificationStatus = input.outcome;
    reservation.verificationNote = note;
    reservation.verificationDecidedAt = now;
    reservation.verificationDecidedBy = tx.viewer.userId;
    recordAudit(tx, {
      action: 'nameReservation.verify',
      subjectType: NAME_RESERVATION_TYPE,
      subjectId: reservation.id,
      fromState: 'PENDING',
      toState: input.outcome,
      details: { note },
    });

    if (input.outcome === 'COMPLIANT') {
      recordReservationEvent(tx, NAME_RESERVATION_VERIFIED, reservation);
      notify(tx, {
        userId: reservation.applicantId,
        kind: 'NAME_VERIFIED',
        subjectType: NAME_RESERVATION_TYPE,
        subjectId: reservation.id,
        titleKey: 'names.notify.verified.title',
        bodyKey: 'names.notify.verified.body',
        params: { name: reservation.name },
      });
    } else {
      reservation.status = 'REVOKED';
      reservation.revokedAt = now;
      if (reservation.nameEntry && reservation.nameEntry.status === 'ACTIVE') {
        releaseIndexEntry(reservation.nameEntry, now, false);
      }
      recordReservationEvent(tx, NAME_RESERVATION_REVOKED, reservation);
      recordAudit(tx, {
        action: 'nameReservation.revoke',
        subjectType: NAME_RESERVATION_TYPE,
        subjectId: reservation.id,
        fromState: status,
        toState: 'REVOKED',
        details: { enterpriseId: reservation.enterpriseId },
      });
      notify(tx, {
        userId: reservation.applicantId,
        kind: 'NAME_REVOKED',
        subjectType: NAME_RESERVATION_TYPE,
        subjectId: reservation.id,
        titleKey: 'names.notify.revoked.title',
        bodyKey: reservation.enterpriseId ? 'names.notify.revokedInUse.body' : 'names.notify.revoked.body',
        params: { name: reservation.name, note: note ?? '' },
      });
      await tx.em.flush();
      if (reservation.enterpriseId) {
        for (const handler of falseCommitmentHandlers) await handler(tx, reservation.enterpriseId);
      }
    }
    await tx.em.flush();
    return reservation;
  });
}

// ---------------------------------------------------------------------------------------------
// The contract with the registration module

/**
 * The viewer's reservation a registration application names: it must exist, belong to the applicant
 * and be RESERVED (not lapsed, used or revoked). Errors carry `field` so the application form can
 * point at its own input. Locks the row when called inside a transaction.
 */
export async function takeReservationForRegistration(
  tx: RequestContext,
  reservationGlobalId: string,
  applicantUserId: string,
  field: string[],
): Promise<NameReservation> {
  const id = localIdOf(reservationGlobalId, NAME_RESERVATION_TYPE);
  const notFound = () => new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', field));
  if (!id) throw notFound();
  const reservation = await tx.em.findOne(
    NameReservation,
    { id },
    tx.em.isInTransaction() ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!reservation || reservation.applicantId !== applicantUserId) throw notFound();
  const now = tx.deps.clock.now();
  const status = effectiveReservationStatus(reservation, now);
  if (status !== 'RESERVED') {
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, `names.reservation.${status}`, field, {
        expiresAt: shanghaiDate(reservation.expiresAt),
      }),
    );
  }
  return reservation;
}

/**
 * Records that a registration used the reservation (in the caller's transaction; flushed with the
 * caller's work). Its index row gives way to the enterprise's own, which registerEnterpriseName adds.
 */
export function markReservationUsed(tx: RequestContext, reservation: NameReservation, enterpriseId: string): void {
  const now = tx.deps.clock.now();
  const from = reservation.status;
  reservation.status = 'USED';
  reservation.usedAt = now;
  reservation.heldForApplicationId = null;
  reservation.enterpriseId = enterpriseId;
  if (reservation.nameEntry && reservation.nameEntry.status === 'ACTIVE') {
    releaseIndexEntry(reservation.nameEntry, now, false);
  }
  completeTransfer(tx, reservation, enterpriseId);
  recordReservationEvent(tx, NAME_RESERVATION_USED, reservation);
  recordAudit(tx, {
    action: 'nameReservation.use',
    subjectType: NAME_RESERVATION_TYPE,
    subjectId: reservation.id,
    fromState: from,
    toState: 'USED',
    details: { enterpriseId },
  });
}

/** A special name declared directly in a confirmed change application, with the commitment given there. */
export interface DirectlyGrantedSpecialName {
  name: string;
  applicantId: string;
  enterpriseId: string;
  applicationId: string;
  district: DistrictValue;
  kind: EnterpriseKind;
  industry: string | null;
  foreignInvested: boolean;
  commitment: { termsVersion: number; signatoryName: string; committedAt: Date };
}

/**
 * A special name declared directly in a change application, without a reservation (市场主体登记管理条例
 * 实施细则 第三十四条), is granted on its commitment when the change is confirmed, and verified afterwards
 * like a reserved one (规定 告知承诺). In the caller's transaction: a grant record already USED by the
 * enterprise joins the verification queue, due within the configured window from the confirmation day;
 * a false commitment found there revokes it and the enterprise must change its name (onFalseCommitment),
 * exactly as for a reserved name in use. It has no row of its own in the conflict index: the
 * enterprise's registered name is there.
 */
export async function grantDirectlyDeclaredSpecialName(
  tx: RequestContext,
  grant: DirectlyGrantedSpecialName,
): Promise<NameReservation> {
  const reference = await namesReference(tx);
  const now = tx.deps.clock.now();
  const today = shanghaiDate(now);
  const record = tx.em.create(NameReservation, {
    name: grant.name,
    applicantId: grant.applicantId,
    status: 'USED',
    special: true,
    district: grant.district,
    kind: grant.kind,
    industry: grant.industry,
    foreignInvested: grant.foreignInvested,
    reservedAt: now,
    // Granted and used in one step: it never lapses.
    expiresAt: now,
    usedAt: now,
    enterpriseId: grant.enterpriseId,
    declaredInApplicationId: grant.applicationId,
    commitmentTermsVersion: grant.commitment.termsVersion,
    commitmentSignatoryName: grant.commitment.signatoryName,
    commitmentAcceptedAt: grant.commitment.committedAt,
    verificationStatus: 'PENDING',
    verificationDueBy: tx.deps.calendar.current.addWorkingDays(today, reference.settings.verificationWindowWorkingDays),
  });
  // Granted on its commitment and used at once: the applicant and the registry hear of the grant.
  recordReservationEvent(tx, NAME_RESERVED, record);
  recordAudit(tx, {
    action: 'nameReservation.grantDeclaredDirectly',
    subjectType: NAME_RESERVATION_TYPE,
    subjectId: record.id,
    toState: 'USED',
    details: {
      name: record.name,
      enterpriseId: grant.enterpriseId,
      applicationId: grant.applicationId,
      termsVersion: record.commitmentTermsVersion,
      verificationDueBy: record.verificationDueBy,
    },
  });
  return record;
}

export interface RegisteredEnterpriseName {
  enterpriseId: string;
  name: string;
  district: string;
  industry: string | null;
  kind: string;
}

/** Adds a registered enterprise's name to the conflict index (idempotent for the same name). */
export async function registerEnterpriseName(tx: RequestContext, e: RegisteredEnterpriseName): Promise<void> {
  const keys = indexKeysOf(e.name);
  const existing = await tx.em.findOne(EnterpriseName, {
    enterpriseId: e.enterpriseId,
    status: 'ACTIVE',
    name: keys.name,
  });
  if (existing) return;
  addIndexEntry(tx, {
    name: e.name,
    district: e.district as DistrictValue,
    industryCode: e.industry,
    enterpriseId: e.enterpriseId,
  });
}

/**
 * Takes an enterprise's current name out of the index on deregistration, a name change or the
 * revocation of its registration (`reason`, recorded); the name keeps blocking others for 1 year from
 * `releasedAt` in each case (规定 第十七条).
 */
export async function releaseEnterpriseName(
  tx: RequestContext,
  e: { enterpriseId: string; releasedAt: Date; reason?: EnterpriseNameReleaseReason | null },
): Promise<void> {
  const rows = await tx.em.find(EnterpriseName, { enterpriseId: e.enterpriseId, status: 'ACTIVE' });
  for (const row of rows) releaseIndexEntry(row, e.releasedAt, true, e.reason ?? null);
}
