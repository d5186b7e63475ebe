import { LockMode } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit, type AuditActionCode } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { PUBLIC, recordDomainEvent } from '../../shared/events/domain-events.js';
import { localIdOf } from '../../shared/ids.js';
import { notify, notifyEach } from '../../shared/notifications/notification.service.js';
import { inTransaction } from '../../shared/transaction.js';
import { addCalendarDays, isValidDate } from '../../shared/working-days.js';
import { User } from '../accounts/index.js';
import { Enterprise, revokeRegistration, visibleName } from '../registration/index.js';
import { drawSample } from './sampling.js';
import {
  Inspection,
  InspectionSample,
  RevocationProceeding,
  type InspectionFindingValue,
  type ProceedingStatusValue,
} from './supervision.entity.js';
import './supervision.messages.js';

// Random inspections (双随机) and revocation of a registration obtained by false declaration
// (登记确认制: the registry confirms the form; substance is supervised afterwards).

/** Figures of the procedure, in one place. */
export const SUPERVISION_SETTINGS = {
  /** Working days the enterprise has to answer a notice of intended revocation. */
  noticeAnswerWorkingDays: 10,
  /** Calendar days of the public notice where the enterprise cannot be reached. */
  publicNoticeDays: 45,
  maxSampleSize: 200,
  maxInspectorsPerEnterprise: 3,
  maxWindowDays: 366,
  maxPopulation: 10_000,
} as const;

const SEED = /^[A-Za-z0-9_-]{1,64}$/;

const notFound = (field: string[] = ['input', 'id']) =>
  new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', field));

/** Today's calendar day in Asia/Shanghai, by the injectable clock. */
export function today(ctx: RequestContext): string {
  return shanghaiDate(ctx.deps.clock.now());
}

export interface DrawCommand {
  confirmedFrom: string;
  confirmedTo: string;
  sampleSize: number;
  inspectorsPerEnterprise: number;
  seed: string | null;
}

function drawProblems(ctx: RequestContext, c: DrawCommand): Problem[] {
  const s = SUPERVISION_SETTINGS;
  const problems: Problem[] = [];
  const field = (name: string) => ['input', name];
  if (!isValidDate(c.confirmedFrom))
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'error.invalidFormat', field('confirmedFrom')));
  if (!isValidDate(c.confirmedTo))
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'error.invalidFormat', field('confirmedTo')));
  if (!problems.length) {
    if (c.confirmedFrom > c.confirmedTo)
      problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'supervision.windowOrder', field('confirmedFrom')));
    else if (c.confirmedTo >= addCalendarDays(c.confirmedFrom, s.maxWindowDays))
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'supervision.windowTooLong', field('confirmedFrom'), {
          max: s.maxWindowDays,
        }),
      );
    if (c.confirmedTo > today(ctx))
      problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'supervision.windowInFuture', field('confirmedTo')));
  }
  if (!Number.isInteger(c.sampleSize) || c.sampleSize < 1 || c.sampleSize > s.maxSampleSize)
    problems.push(
      problem(UserErrorCode.OUT_OF_RANGE, 'supervision.sampleSizeRange', field('sampleSize'), { max: s.maxSampleSize }),
    );
  if (
    !Number.isInteger(c.inspectorsPerEnterprise) ||
    c.inspectorsPerEnterprise < 1 ||
    c.inspectorsPerEnterprise > s.maxInspectorsPerEnterprise
  )
    problems.push(
      problem(UserErrorCode.OUT_OF_RANGE, 'supervision.inspectorsRange', field('inspectorsPerEnterprise'), {
        max: s.maxInspectorsPerEnterprise,
      }),
    );
  if (c.seed !== null && !SEED.test(c.seed))
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'supervision.seedFormat', field('seed')));
  return problems;
}

/**
 * OFFICIAL (MARKET_REGULATION): draws enterprises confirmed in the window (still ACTIVE) and, for each,
 * inspecting officials of market regulation, from the seed (a new random one when none is given).
 * Records the seed, the population and the roster, so the draw can be repeated.
 */
export async function drawInspectionSample(ctx: RequestContext, command: DrawCommand): Promise<InspectionSample> {
  throwIfProblems(drawProblems(ctx, command));
  const seed = command.seed ?? randomBytes(12).toString('hex');
  return inTransaction(ctx, async (tx) => {
    const population = (
      await tx.em.find(
        Enterprise,
        { status: 'ACTIVE', establishedOn: { $gte: command.confirmedFrom, $lte: command.confirmedTo } },
        { fields: ['id'], orderBy: { id: 'asc' }, limit: SUPERVISION_SETTINGS.maxPopulation + 1 },
      )
    ).map((e) => e.id);
    if (population.length === 0)
      throw new DomainError(
        problem(UserErrorCode.NOT_FOUND, 'supervision.emptyPopulation', ['input', 'confirmedFrom']),
      );
    if (population.length > SUPERVISION_SETTINGS.maxPopulation)
      throw new DomainError(
        problem(UserErrorCode.OUT_OF_RANGE, 'supervision.populationTooLarge', ['input', 'confirmedFrom'], {
          max: SUPERVISION_SETTINGS.maxPopulation,
        }),
      );
    const roster = (
      await tx.em.find(
        User,
        { role: 'OFFICIAL', department: 'MARKET_REGULATION', disabledAt: null },
        { fields: ['id'], orderBy: { id: 'asc' } },
      )
    ).map((u) => u.id);
    if (roster.length < command.inspectorsPerEnterprise)
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'supervision.rosterTooSmall', ['input', 'inspectorsPerEnterprise'], {
          count: roster.length,
        }),
      );
    const now = tx.deps.clock.now();
    const day = shanghaiDate(now).replaceAll('-', '');
    const drawnToday = await tx.em.count(InspectionSample, { number: { $like: `CC${day}%` } });
    const sample = tx.em.create(InspectionSample, {
      number: `CC${day}${String(drawnToday + 1).padStart(4, '0')}`,
      seed,
      confirmedFrom: command.confirmedFrom,
      confirmedTo: command.confirmedTo,
      sampleSize: command.sampleSize,
      inspectorsPerEnterprise: command.inspectorsPerEnterprise,
      populationIds: population,
      rosterIds: roster,
      drawnBy: tx.em.getReference(User, tx.viewer.userId!),
      drawnAt: now,
    });
    const drawn = drawSample(seed, population, roster, command.sampleSize, command.inspectorsPerEnterprise);
    drawn.forEach((d, position) =>
      tx.em.create(Inspection, {
        sample,
        position,
        enterprise: tx.em.getReference(Enterprise, d.enterpriseId),
        inspectorIds: d.inspectorIds,
      }),
    );
    recordAudit(tx, {
      action: 'supervision.drawSample',
      subjectType: 'InspectionSample',
      subjectId: sample.id,
      toState: 'DRAWN',
      details: {
        seed,
        confirmedFrom: command.confirmedFrom,
        confirmedTo: command.confirmedTo,
        sampleSize: command.sampleSize,
        inspectorsPerEnterprise: command.inspectorsPerEnterprise,
        populationSize: population.length,
        rosterSize: roster.length,
        enterpriseIds: drawn.map((d) => d.enterpriseId),
      },
    });
    await tx.em.flush();
    return sample;
  });
}

/** Whether drawing again from the recorded seed, population and roster gives exactly the recorded sample. */
export function reproduces(sample: InspectionSample, inspections: Inspection[]): boolean {
  const again = drawSample(
    sample.seed,
    sample.populationIds,
    sample.rosterIds,
    sample.sampleSize,
    sample.inspectorsPerEnterprise,
  );
  const recorded = [...inspections].sort((a, b) => a.position - b.position);
  return (
    again.length === recorded.length &&
    again.every(
      (d, i) =>
        d.enterpriseId === recorded[i]!.enterprise.id && d.inspectorIds.join() === recorded[i]!.inspectorIds.join(),
    )
  );
}

async function lockInspection(tx: RequestContext, globalId: string): Promise<Inspection> {
  const id = localIdOf(globalId, 'Inspection');
  if (!id) throw notFound();
  const inspection = await tx.em.findOne(Inspection, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!inspection) throw notFound();
  return inspection;
}

export interface FindingCommand {
  id: string;
  finding: InspectionFindingValue;
  note: string | null;
}

/**
 * A drawn inspector records the finding. FALSE_DECLARATION (with what was false) opens a revocation
 * proceeding: a notice to the enterprise with the deadline to answer, in working days.
 */
export async function recordInspectionFinding(ctx: RequestContext, command: FindingCommand): Promise<Inspection> {
  const note = command.note?.trim() || null;
  if (command.finding === 'FALSE_DECLARATION' && !note)
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'supervision.findingNoteRequired', ['input', 'note']));
  return inTransaction(ctx, async (tx) => {
    const inspection = await lockInspection(tx, command.id);
    if (!inspection.inspectorIds.includes(tx.viewer.userId!))
      throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'supervision.notAssigned', ['input', 'id']));
    if (inspection.status !== 'ASSIGNED')
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'supervision.alreadyRecorded', ['input', 'id']));
    const now = tx.deps.clock.now();
    inspection.status = 'COMPLETED';
    inspection.finding = command.finding;
    inspection.findingNote = note;
    inspection.recordedBy = tx.em.getReference(User, tx.viewer.userId!);
    inspection.recordedAt = now;
    recordAudit(tx, {
      action: 'supervision.recordFinding',
      subjectType: 'Inspection',
      subjectId: inspection.id,
      fromState: 'ASSIGNED',
      toState: 'COMPLETED',
      details: { finding: command.finding, note, enterpriseId: inspection.enterprise.id },
    });
    if (command.finding === 'FALSE_DECLARATION') {
      const enterprise = await tx.em.findOneOrFail(Enterprise, { id: inspection.enterprise.id });
      const issuedOn = shanghaiDate(now);
      const answerBy = tx.deps.calendar.current.addWorkingDays(issuedOn, SUPERVISION_SETTINGS.noticeAnswerWorkingDays);
      const proceeding = tx.em.create(RevocationProceeding, {
        inspection,
        enterprise,
        ground: note!,
        noticeIssuedOn: issuedOn,
        answerBy,
        createdAt: now,
        updatedAt: now,
      });
      recordAudit(tx, {
        action: 'supervision.issueNotice',
        subjectType: 'RevocationProceeding',
        subjectId: proceeding.id,
        toState: 'NOTICE_ISSUED',
        details: { enterpriseId: enterprise.id, inspectionId: inspection.id, ground: note, answerBy },
      });
      // About the proceeding, so the notification leads the enterprise to the notice it may answer.
      await notifyEach(tx, enterprise.agentIds, {
        kind: 'OTHER',
        subjectType: 'RevocationProceeding',
        subjectId: proceeding.id,
        titleKey: 'supervision.notify.notice.title',
        bodyKey: 'supervision.notify.notice.body',
        params: { enterprise: visibleName(tx, enterprise), ground: note!, date: answerBy },
      });
    }
    await tx.em.flush();
    return inspection;
  });
}

async function lockProceeding(tx: RequestContext, globalId: string): Promise<RevocationProceeding> {
  const id = localIdOf(globalId, 'RevocationProceeding');
  if (!id) throw notFound();
  const proceeding = await tx.em.findOne(
    RevocationProceeding,
    { id },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!proceeding) throw notFound();
  return proceeding;
}

function stateProblem(proceeding: RevocationProceeding): DomainError {
  return new DomainError(
    problem(UserErrorCode.INVALID_STATE, 'supervision.proceedingState', ['input', 'id'], { state: proceeding.status }),
  );
}

function requireReason(reason: string): string {
  const text = reason.trim();
  if (!text) throw new DomainError(problem(UserErrorCode.REQUIRED, 'supervision.reasonRequired', ['input', 'reason']));
  return text;
}

function proceedingAudit(
  tx: RequestContext,
  proceeding: RevocationProceeding,
  action: AuditActionCode,
  from: ProceedingStatusValue,
  details: Record<string, unknown>,
) {
  recordAudit(tx, {
    action,
    subjectType: 'RevocationProceeding',
    subjectId: proceeding.id,
    fromState: from,
    toState: proceeding.status,
    details: { enterpriseId: proceeding.enterprise.id, ...details },
  });
}

/** The enterprise cannot be reached: a 45-day public notice replaces the notice's answer period. */
/** The feed's event for a revocation proceeding put under public notice (公告). */
export const REVOCATION_PUBLIC_NOTICE_STARTED = 'REVOCATION_PUBLIC_NOTICE_STARTED';

export async function startPublicNotice(
  ctx: RequestContext,
  globalId: string,
  reason: string,
): Promise<RevocationProceeding> {
  const text = requireReason(reason);
  return inTransaction(ctx, async (tx) => {
    const proceeding = await lockProceeding(tx, globalId);
    if (proceeding.status !== 'NOTICE_ISSUED') throw stateProblem(proceeding);
    const now = tx.deps.clock.now();
    const from = shanghaiDate(now);
    proceeding.status = 'PUBLIC_NOTICE';
    proceeding.publicNoticeFrom = from;
    proceeding.publicNoticeUntil = addCalendarDays(from, SUPERVISION_SETTINGS.publicNoticeDays);
    proceeding.publicNoticeReason = text;
    proceeding.updatedAt = now;
    // From now on the proceeding is public (supervision/index.ts), and so is its event.
    recordDomainEvent(tx, {
      type: REVOCATION_PUBLIC_NOTICE_STARTED,
      subjectType: 'RevocationProceeding',
      subjectId: proceeding.id,
      audience: [PUBLIC],
    });
    proceedingAudit(tx, proceeding, 'supervision.publicNotice', 'NOTICE_ISSUED', {
      reason: text,
      until: proceeding.publicNoticeUntil,
    });
    await tx.em.flush();
    return proceeding;
  });
}

/**
 * The last day the enterprise may still be heard (the notice's answer period, or the public notice);
 * null once the proceeding has ended.
 */
function hearingEndsOn(proceeding: RevocationProceeding): string | null {
  if (proceeding.status === 'NOTICE_ISSUED') return proceeding.answerBy;
  if (proceeding.status === 'PUBLIC_NOTICE') return proceeding.publicNoticeUntil;
  return null;
}

/** Whether the enterprise may still answer the notice on `day`: not answered yet, and the hearing still open. */
export function answerableOn(proceeding: RevocationProceeding, day: string): boolean {
  const endsOn = hearingEndsOn(proceeding);
  return proceeding.answeredAt === null && endsOn !== null && day <= endsOn;
}

/** Whether the registration may be revoked on `day`: the answer period or the public notice has ended. */
export function revocableOn(proceeding: RevocationProceeding, day: string): boolean {
  const endsOn = hearingEndsOn(proceeding);
  return endsOn !== null && day > endsOn;
}

export interface AnswerCommand {
  id: string;
  statement: string;
  evidence: string | null;
}

/**
 * The person acting for the enterprise answers the notice of intended revocation (陈述申辩): a
 * statement and, optionally, the evidence it relies on, as text. Once, and only while the enterprise
 * may still be heard (until answerBy, or the end of the public notice); the officials see it before
 * deciding, and the inspector who recorded the finding is told.
 */
export async function answerNotice(ctx: RequestContext, command: AnswerCommand): Promise<RevocationProceeding> {
  const statement = command.statement.trim();
  const evidence = command.evidence?.trim() || null;
  if (!statement)
    throw new DomainError(
      problem(UserErrorCode.REQUIRED, 'supervision.answerStatementRequired', ['input', 'statement']),
    );
  return inTransaction(ctx, async (tx) => {
    const proceeding = await lockProceeding(tx, command.id);
    const enterprise = await tx.em.findOneOrFail(Enterprise, { id: proceeding.enterprise.id });
    // Another applicant is told the proceeding does not exist, as for every read of it.
    if (!enterprise.agentIds.includes(tx.viewer.userId!)) throw notFound();
    if (proceeding.answeredAt)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'supervision.alreadyAnswered', ['input', 'id']));
    const endsOn = hearingEndsOn(proceeding);
    if (endsOn === null) throw stateProblem(proceeding);
    if (today(tx) > endsOn)
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'supervision.answerPeriodOver', ['input', 'id'], { date: endsOn }),
      );
    const now = tx.deps.clock.now();
    proceeding.answerStatement = statement;
    proceeding.answerEvidence = evidence;
    proceeding.answeredAt = now;
    proceeding.answeredBy = tx.em.getReference(User, tx.viewer.userId!);
    proceeding.updatedAt = now;
    proceedingAudit(tx, proceeding, 'supervision.answerNotice', proceeding.status, {
      statementLength: statement.length,
      evidenceGiven: evidence !== null,
    });
    const inspection = await tx.em.findOneOrFail(Inspection, { id: proceeding.inspection.id });
    if (inspection.recordedBy)
      notify(tx, {
        userId: inspection.recordedBy.id,
        kind: 'OTHER',
        subjectType: 'RevocationProceeding',
        subjectId: proceeding.id,
        titleKey: 'supervision.notify.answered.title',
        bodyKey: 'supervision.notify.answered.body',
        params: { enterprise: enterprise.name },
      });
    await tx.em.flush();
    return proceeding;
  });
}

/**
 * Revokes the registration once the answer period (or the public notice) has passed: the
 * enterprise becomes REVOKED, its licence is cancelled and its name released (1-year protection).
 */
export async function revoke(ctx: RequestContext, globalId: string, reason: string): Promise<RevocationProceeding> {
  const text = requireReason(reason);
  return inTransaction(ctx, async (tx) => {
    const proceeding = await lockProceeding(tx, globalId);
    const day = today(tx);
    const endsOn = hearingEndsOn(proceeding);
    if (endsOn === null) throw stateProblem(proceeding);
    if (!revocableOn(proceeding, day))
      throw new DomainError(
        problem(
          UserErrorCode.INVALID_STATE,
          proceeding.status === 'NOTICE_ISSUED' ? 'supervision.answerPeriodRunning' : 'supervision.publicNoticeRunning',
          ['input', 'id'],
          { date: endsOn },
        ),
      );
    const enterprise = await revokeRegistration(tx, {
      enterpriseId: proceeding.enterprise.id,
      reason: text,
      decisionId: proceeding.id,
    });
    if (!enterprise)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'supervision.enterpriseNotActive', ['input', 'id']));
    const from = proceeding.status;
    proceeding.status = 'REVOKED';
    proceeding.revokedOn = day;
    proceeding.revocationReason = text;
    proceeding.decidedBy = tx.em.getReference(User, tx.viewer.userId!);
    proceeding.updatedAt = tx.deps.clock.now();
    proceedingAudit(tx, proceeding, 'supervision.revoke', from, { reason: text, revokedOn: day });
    await notifyEach(tx, enterprise.agentIds, {
      kind: 'OTHER',
      subjectType: 'Enterprise',
      subjectId: enterprise.id,
      titleKey: 'supervision.notify.revoked.title',
      bodyKey: 'supervision.notify.revoked.body',
      params: { enterprise: visibleName(tx, enterprise), reason: text, date: day },
    });
    await tx.em.flush();
    return proceeding;
  });
}

/** Ends a proceeding without revocation (the enterprise showed its declaration true, or corrected it). */
export async function close(ctx: RequestContext, globalId: string, reason: string): Promise<RevocationProceeding> {
  const text = requireReason(reason);
  return inTransaction(ctx, async (tx) => {
    const proceeding = await lockProceeding(tx, globalId);
    if (proceeding.status !== 'NOTICE_ISSUED' && proceeding.status !== 'PUBLIC_NOTICE') throw stateProblem(proceeding);
    const from = proceeding.status;
    proceeding.status = 'CLOSED';
    proceeding.closedReason = text;
    proceeding.decidedBy = tx.em.getReference(User, tx.viewer.userId!);
    proceeding.updatedAt = tx.deps.clock.now();
    proceedingAudit(tx, proceeding, 'supervision.close', from, { reason: text });
    await tx.em.flush();
    return proceeding;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export function listSamples(ctx: RequestContext, page: PageArgs): Promise<ConnectionData<InspectionSample>> {
  return paginate(ctx, InspectionSample, {}, { orderBy: { drawnAt: 'desc', id: 'desc' }, ...page });
}

export function listProceedings(
  ctx: RequestContext,
  status: ProceedingStatusValue | null,
  page: PageArgs,
): Promise<ConnectionData<RevocationProceeding>> {
  return paginate(ctx, RevocationProceeding, status ? { status } : {}, {
    orderBy: { updatedAt: 'desc', id: 'desc' },
    ...page,
  });
}

/** The public list: proceedings under public notice and revocations, newest first. */
export function listPublicRevocations(
  ctx: RequestContext,
  status: 'PUBLIC_NOTICE' | 'REVOKED' | null,
  page: PageArgs,
): Promise<ConnectionData<RevocationProceeding>> {
  return paginate(
    ctx,
    RevocationProceeding,
    { status: status ? status : { $in: ['PUBLIC_NOTICE', 'REVOKED'] } },
    { orderBy: { updatedAt: 'desc', id: 'desc' }, ...page },
  );
}
