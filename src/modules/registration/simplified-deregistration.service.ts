import { LockMode } from '@mikro-orm/core';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { PUBLIC, recordDomainEvent } from '../../shared/events/domain-events.js';
import { localIdOf } from '../../shared/ids.js';
import { notifyEach } from '../../shared/notifications/notification.service.js';
import { translate } from '../../shared/messages.js';
import { inTransaction } from '../../shared/transaction.js';
import { addCalendarDays, isValidDate, type WorkingDayCalendar } from '../../shared/working-days.js';
import { User } from '../accounts/index.js';
import { actsFor, isRegistrar } from './registration.access.js';
import { Enterprise, RegistrationApplication, type DistrictValue } from './registration.entity.js';
import {
  EnterpriseRestriction,
  SimplifiedDeregistrationNotice,
  SimplifiedDeregistrationObjection,
  type RestrictionKindValue,
} from './simplified-deregistration.entity.js';
import { commitmentProblems, currentCommitmentTerms } from './registration-admin.service.js';
import './registration.messages.js';

// Simplified deregistration (简易注销), 市场主体登记管理条例 第三十三条 and 实施细则 第四十七条至第四十九条:
// - the enterprise publishes its application and its investors' promise (no debts; wages, social
//   insurance, taxes and fines settled) on the platform for 20 days ("公示期为20日");
// - during them anyone may object; an objection ends the simplified route for that notice;
// - without an objection, the application must come "于公示期届满之日起20日内" (within 20 days of the
//   notice's end), then the departments clear it as an ordinary deregistration;
// - it is not open to an enterprise on the abnormal-operations list, with frozen or pledged equity,
//   or with a fine not yet paid (实施细则 第四十八条): the restrictions below, and the obstacles other
//   modules register (hosting's abnormal-operations list);
// - an individual business gives no notice (条例 第三十三条 second paragraph).
// Periods in days ("日") are calendar days: the first day is not counted (民法典 第二百零一条) and a
// period whose last day is a holiday ends on the next working day (民法典 第二百零三条), which the
// application deadline follows through the shared working-day calendar.

export const NOTICE_TYPE = 'SimplifiedDeregistrationNotice';

/** The public notices' feed events: every reader sees them (the notices are public, 公示). */
export const SIMPLIFIED_DEREGISTRATION_EVENT_TYPES = {
  PUBLISHED: 'SIMPLIFIED_DEREGISTRATION_NOTICE_PUBLISHED',
  OBJECTED: 'SIMPLIFIED_DEREGISTRATION_NOTICE_OBJECTED',
  COMPLETED: 'SIMPLIFIED_DEREGISTRATION_NOTICE_COMPLETED',
} as const;

function recordNoticeEvent(
  tx: RequestContext,
  noticeId: string,
  type: (typeof SIMPLIFIED_DEREGISTRATION_EVENT_TYPES)[keyof typeof SIMPLIFIED_DEREGISTRATION_EVENT_TYPES],
): void {
  recordDomainEvent(tx, { type, subjectType: NOTICE_TYPE, subjectId: noticeId, audience: [PUBLIC] });
}
export const RESTRICTION_TYPE = 'EnterpriseRestriction';
export const ENTERPRISE_TYPE = 'Enterprise';
/** Calendar days of public notice (条例 第三十三条, 实施细则 第四十九条). */
export const NOTICE_DAYS = 20;
/** Calendar days after the notice ends within which the simplified application must come. */
export const APPLICATION_DAYS = 20;
/** The promise published with the notice. */
/** Objections one caller (an account, an API key, an anonymous address) may raise per hour, on top of the cost budget. */
export const OBJECTIONS_PER_HOUR = 10;

export type NoticeStatusValue = 'IN_NOTICE' | 'OBJECTED' | 'ENDED' | 'LAPSED' | 'COMPLETED';

// ---------------------------------------------------------------------------------------------
// Obstacles: what bars the simplified route. Other modules register theirs (hosting: the
// abnormal-operations list); this module's own are the restrictions market regulation records.

/** One reason an enterprise may not use simplified deregistration; the message names it. */
export interface SimplifiedDeregistrationObstacle {
  /** Stable code, e.g. ABNORMAL_OPERATIONS_LIST, EQUITY_FROZEN. */
  code: string;
  /** Message catalogue key of the refusal shown to the applicant (both languages, via defineMessages). */
  messageKey: string;
  params?: Record<string, string | number>;
}

/** Finds the obstacles of one enterprise, in the caller's transaction (read with `tx.em` only). */
export type SimplifiedDeregistrationObstacleCheck = (
  tx: RequestContext,
  enterpriseId: string,
) => Promise<readonly SimplifiedDeregistrationObstacle[]>;

const obstacleChecks: SimplifiedDeregistrationObstacleCheck[] = [];

/**
 * Registers a check that can bar an enterprise from simplified deregistration (实施细则 第四十八条). It runs
 * when the public notice starts, when the application is submitted and when it is confirmed.
 */
export function addSimplifiedDeregistrationObstacle(check: SimplifiedDeregistrationObstacleCheck): void {
  if (!obstacleChecks.includes(check)) obstacleChecks.push(check);
}

/** Takes a registered check out again (for tests). */
export function removeSimplifiedDeregistrationObstacle(check: SimplifiedDeregistrationObstacleCheck): void {
  const at = obstacleChecks.indexOf(check);
  if (at >= 0) obstacleChecks.splice(at, 1);
}

/** The restrictions in force: frozen or pledged equity, unpaid fines. */
const restrictionObstacles: SimplifiedDeregistrationObstacleCheck = async (tx, enterpriseId) => {
  const inForce = await tx.em.find(
    EnterpriseRestriction,
    { enterprise: enterpriseId, liftedAt: null },
    { orderBy: { since: 'asc', id: 'asc' } },
  );
  return inForce.map((r) => ({
    code: r.kind,
    messageKey: `registration.simplified.obstacle.${r.kind}`,
    params: { since: r.since, reason: r.reason },
  }));
};
addSimplifiedDeregistrationObstacle(restrictionObstacles);

/** Every obstacle of the enterprise, as problems at `field`. */
export async function simplifiedDeregistrationObstacles(
  tx: RequestContext,
  enterpriseId: string,
  field: string[],
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const check of obstacleChecks) {
    for (const obstacle of await check(tx, enterpriseId)) {
      problems.push(problem(UserErrorCode.NOT_ALLOWED, obstacle.messageKey, field, { ...obstacle.params }));
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Dates and status

/** The notice's last day, and the last day of the application (moved off a holiday). */
export function noticeDates(calendar: WorkingDayCalendar, startsOn: string): { endsOn: string; applyBy: string } {
  const endsOn = addCalendarDays(startsOn, NOTICE_DAYS);
  const last = addCalendarDays(endsOn, APPLICATION_DAYS);
  return { endsOn, applyBy: calendar.isWorkingDay(last) ? last : calendar.addWorkingDays(last, 1) };
}

export function noticeStatus(notice: SimplifiedDeregistrationNotice, today: string): NoticeStatusValue {
  if (notice.status === 'OBJECTED') return 'OBJECTED';
  if (notice.status === 'COMPLETED') return 'COMPLETED';
  if (today <= notice.endsOn) return 'IN_NOTICE';
  return today <= notice.applyBy ? 'ENDED' : 'LAPSED';
}

function today(ctx: RequestContext): string {
  return shanghaiDate(ctx.deps.clock.now());
}

/** The SQL filter of an effective status (noticeStatus in SQL terms). */
function statusWhere(status: NoticeStatusValue, day: string) {
  switch (status) {
    case 'OBJECTED':
    case 'COMPLETED':
      return { status };
    case 'IN_NOTICE':
      return { status: 'OPEN' as const, endsOn: { $gte: day } };
    case 'ENDED':
      return { status: 'OPEN' as const, endsOn: { $lt: day }, applyBy: { $gte: day } };
    case 'LAPSED':
      return { status: 'OPEN' as const, applyBy: { $lt: day } };
  }
}

// ---------------------------------------------------------------------------------------------
// Starting the notice

export interface NoticeCommitmentCommand {
  termsVersion: string;
  accepted: boolean;
  signatoryName: string;
}

/** APPLICANT acting for the enterprise: publishes the 20-day notice with the investors' promise. */
export async function startNotice(
  ctx: RequestContext,
  enterpriseGlobalId: string,
  commitment: NoticeCommitmentCommand,
): Promise<SimplifiedDeregistrationNotice> {
  return inTransaction(ctx, async (tx) => {
    const enterpriseId = localIdOf(enterpriseGlobalId, ENTERPRISE_TYPE);
    const enterprise = enterpriseId
      ? await tx.em.findOne(Enterprise, { id: enterpriseId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : null;
    if (!enterprise || !actsFor(tx.viewer, enterprise)) {
      throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'enterpriseId']));
    }
    if (enterprise.status !== 'ACTIVE') {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseNotActive', ['input', 'enterpriseId']),
      );
    }
    if (enterprise.kind === 'INDIVIDUAL_BUSINESS') {
      throw new DomainError(
        problem(UserErrorCode.NOT_ALLOWED, 'registration.simplified.individualNeedsNoNotice', [
          'input',
          'enterpriseId',
        ]),
      );
    }
    const day = today(tx);
    // The investors' promise in force is the one given, and copied into the notice.
    const terms = await currentCommitmentTerms(tx.em, 'SIMPLIFIED_NOTICE');
    const problems: Problem[] = commitmentProblems(terms, commitment);
    const open = await tx.em.findOne(RegistrationApplication, {
      enterprise: enterprise.id,
      kind: 'DEREGISTRATION',
      status: { $in: ['SUBMITTED', 'CORRECTION_REQUESTED'] },
    });
    if (open) {
      problems.push(
        problem(UserErrorCode.CONFLICT, 'registration.openApplicationExists', ['input', 'enterpriseId'], {
          number: open.number,
        }),
      );
    }
    const latest = await latestNotice(tx, enterprise.id);
    if (latest && ['IN_NOTICE', 'ENDED'].includes(noticeStatus(latest, day))) {
      problems.push(
        problem(UserErrorCode.CONFLICT, 'registration.simplified.noticeExists', ['input', 'enterpriseId'], {
          endsOn: latest.endsOn,
        }),
      );
    }
    problems.push(...(await simplifiedDeregistrationObstacles(tx, enterprise.id, ['input', 'enterpriseId'])));
    throwIfProblems(problems);

    const now = tx.deps.clock.now();
    const { endsOn, applyBy } = noticeDates(tx.deps.calendar.current, day);
    const notice = tx.em.create(SimplifiedDeregistrationNotice, {
      enterprise,
      district: enterprise.district,
      startedBy: tx.em.getReference(User, tx.viewer.userId!),
      startsOn: day,
      endsOn,
      applyBy,
      commitment: {
        termsVersion: terms.version,
        textZh: terms.textZh,
        textEn: terms.textEn,
        signatoryName: commitment.signatoryName.trim(),
        committedAt: now.toISOString(),
      },
      createdAt: now,
    });
    tx.em.persist(notice);
    recordNoticeEvent(tx, notice.id, SIMPLIFIED_DEREGISTRATION_EVENT_TYPES.PUBLISHED);
    recordAudit(tx, {
      action: 'simplifiedDeregistration.startNotice',
      subjectType: NOTICE_TYPE,
      subjectId: notice.id,
      toState: 'IN_NOTICE',
      details: { enterpriseId: enterprise.id, startsOn: day, endsOn, applyBy },
    });
    await tx.em.flush();
    return notice;
  });
}

export function latestNotice(tx: RequestContext, enterpriseId: string): Promise<SimplifiedDeregistrationNotice | null> {
  return tx.em.findOne(
    SimplifiedDeregistrationNotice,
    { enterprise: enterpriseId },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
}

// ---------------------------------------------------------------------------------------------
// Objections

export interface ObjectionCommand {
  noticeId: string;
  objectorName: string;
  contact: string;
  reason: string;
}

export const OBJECTION_LIMITS = { objectorName: 100, contact: 200, reason: 2000 } as const;

const OBJECTION_LIMIT = {
  keyPrefix: 'simplified-deregistration-objection',
  points: OBJECTIONS_PER_HOUR,
  duration: 3600,
};

/** Anyone (signed in or not): objects to a simplified deregistration during its notice. */
export async function raiseObjection(
  ctx: RequestContext,
  command: ObjectionCommand,
): Promise<SimplifiedDeregistrationNotice> {
  const problems: Problem[] = [];
  const text = (value: string, key: keyof typeof OBJECTION_LIMITS) => {
    const trimmed = value.trim();
    if (!trimmed) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', key]));
    else if (trimmed.length > OBJECTION_LIMITS[key]) {
      problems.push(problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', key], { max: OBJECTION_LIMITS[key] }));
    }
    return trimmed;
  };
  const objectorName = text(command.objectorName, 'objectorName');
  const contact = text(command.contact, 'contact');
  const reason = text(command.reason, 'reason');
  throwIfProblems(problems);
  await spendObjection(ctx);
  return inTransaction(ctx, async (tx) => {
    const id = localIdOf(command.noticeId, NOTICE_TYPE);
    const notice = id
      ? await tx.em.findOne(
          SimplifiedDeregistrationNotice,
          { id },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        )
      : null;
    if (!notice) throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'noticeId']));
    const day = today(tx);
    if (notice.status === 'COMPLETED' || day > notice.endsOn) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'registration.simplified.objectionPeriodOver', ['input', 'noticeId'], {
          endsOn: notice.endsOn,
        }),
      );
    }
    const now = tx.deps.clock.now();
    const objection = tx.em.create(SimplifiedDeregistrationObjection, {
      notice,
      objectorName,
      contact,
      reason,
      submittedBy: tx.viewer.userId ? tx.em.getReference(User, tx.viewer.userId) : null,
      createdAt: now,
    });
    tx.em.persist(objection);
    const from = noticeStatus(notice, day);
    if (notice.status === 'OPEN') {
      notice.status = 'OBJECTED';
      notice.objectedAt = now;
      // The notice's state changes once; later objections are the enterprise's and officials' business.
      recordNoticeEvent(tx, notice.id, SIMPLIFIED_DEREGISTRATION_EVENT_TYPES.OBJECTED);
    }
    // The objector's details are personal: the audit names the objection, not its contents.
    recordAudit(tx, {
      action: 'simplifiedDeregistration.object',
      subjectType: NOTICE_TYPE,
      subjectId: notice.id,
      fromState: from,
      toState: 'OBJECTED',
      details: { objectionId: objection.id, anonymous: !tx.viewer.userId },
    });
    const enterprise = await tx.em.findOneOrFail(Enterprise, { id: notice.enterprise.id });
    await notifyEach(tx, enterprise.agentIds, {
      kind: 'SIMPLIFIED_DEREGISTRATION_OBJECTED',
      subjectType: NOTICE_TYPE,
      subjectId: notice.id,
      titleKey: 'registration.notify.simplifiedObjected.title',
      bodyKey: 'registration.notify.simplifiedObjected.body',
      params: { name: enterprise.name, objectorName, reason },
    });
    await tx.em.flush();
    return notice;
  });
}

async function spendObjection(ctx: RequestContext): Promise<void> {
  try {
    await ctx.deps.rateLimits.limiter(OBJECTION_LIMIT).consume(ctx.viewer.rateLimitKey);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new GraphQLError(translate(ctx.locale, 'error.rateLimited', { seconds }), {
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The application: what submission and confirmation check

/**
 * The problems of a simplified deregistration of this enterprise at submission (or, `confirming`,
 * at confirmation): a notice that ended without objection less than 20 days ago (not for an
 * individual business), and no obstacle. Returns the notice it rests on.
 */
export async function simplifiedApplicationProblems(
  tx: RequestContext,
  application: RegistrationApplication,
  enterprise: Enterprise,
  confirming = false,
): Promise<{ problems: Problem[]; notice: SimplifiedDeregistrationNotice | null }> {
  const field = confirming ? ['input', 'id'] : ['input', 'deregistration', 'simplified'];
  const problems: Problem[] = [];
  let notice: SimplifiedDeregistrationNotice | null = null;
  if (enterprise.kind !== 'INDIVIDUAL_BUSINESS') {
    notice = await latestNotice(tx, enterprise.id);
    const receivedOn = application.receivedOn && confirming ? application.receivedOn : today(tx);
    if (!notice) {
      problems.push(problem(UserErrorCode.REQUIRED, 'registration.simplified.noticeRequired', field));
    } else {
      const status = noticeStatus(notice, receivedOn);
      if (status === 'OBJECTED') {
        problems.push(
          problem(UserErrorCode.NOT_ALLOWED, 'registration.simplified.objected', field, {
            on: shanghaiDate(notice.objectedAt!),
          }),
        );
      } else if (status === 'IN_NOTICE') {
        problems.push(
          problem(UserErrorCode.NOT_ALLOWED, 'registration.simplified.noticeRunning', field, {
            endsOn: notice.endsOn,
            from: addCalendarDays(notice.endsOn, 1),
          }),
        );
      } else if (status === 'LAPSED') {
        problems.push(
          problem(UserErrorCode.NOT_ALLOWED, 'registration.simplified.applicationLate', field, {
            applyBy: notice.applyBy,
          }),
        );
      }
    }
  }
  problems.push(...(await simplifiedDeregistrationObstacles(tx, enterprise.id, field)));
  return { problems, notice };
}

/** On confirmation: the notice the enterprise was deregistered through. */
export function completeNotice(tx: RequestContext, notice: SimplifiedDeregistrationNotice | null): void {
  if (!notice || notice.status !== 'OPEN') return;
  notice.status = 'COMPLETED';
  recordNoticeEvent(tx, notice.id, SIMPLIFIED_DEREGISTRATION_EVENT_TYPES.COMPLETED);
  recordAudit(tx, {
    action: 'simplifiedDeregistration.complete',
    subjectType: NOTICE_TYPE,
    subjectId: notice.id,
    fromState: 'ENDED',
    toState: 'COMPLETED',
  });
}

// ---------------------------------------------------------------------------------------------
// Restrictions (OFFICIAL of MARKET_REGULATION)

export interface RestrictionCommand {
  enterpriseId: string;
  kind: RestrictionKindValue;
  reason: string;
  since: string;
}

export const RESTRICTION_REASON_MAX = 1000;

export async function recordRestriction(
  ctx: RequestContext,
  command: RestrictionCommand,
): Promise<EnterpriseRestriction> {
  return inTransaction(ctx, async (tx) => {
    const problems: Problem[] = [];
    const enterpriseId = localIdOf(command.enterpriseId, ENTERPRISE_TYPE);
    const enterprise = enterpriseId ? await tx.em.findOne(Enterprise, { id: enterpriseId }) : null;
    if (!enterprise) problems.push(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'enterpriseId']));
    const reason = command.reason.trim();
    if (!reason) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'reason']));
    else if (reason.length > RESTRICTION_REASON_MAX) {
      problems.push(
        problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', 'reason'], { max: RESTRICTION_REASON_MAX }),
      );
    }
    if (!isValidDate(command.since)) {
      problems.push(problem(UserErrorCode.INVALID_FORMAT, 'error.invalidFormat', ['input', 'since']));
    } else if (command.since > today(tx)) {
      problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'registration.dateInFuture', ['input', 'since']));
    }
    throwIfProblems(problems);
    const now = tx.deps.clock.now();
    const restriction = tx.em.create(EnterpriseRestriction, {
      enterprise: enterprise!,
      kind: command.kind,
      reason,
      since: command.since,
      recordedBy: tx.em.getReference(User, tx.viewer.userId!),
      recordedAt: now,
    });
    tx.em.persist(restriction);
    recordAudit(tx, {
      action: 'enterpriseRestriction.record',
      subjectType: RESTRICTION_TYPE,
      subjectId: restriction.id,
      toState: 'IN_FORCE',
      details: { enterpriseId: enterprise!.id, kind: command.kind, since: command.since, note: reason },
    });
    await tx.em.flush();
    return restriction;
  });
}

export interface LiftCommand {
  id: string;
  reason: string;
  liftedOn: string;
}

export async function liftRestriction(ctx: RequestContext, command: LiftCommand): Promise<EnterpriseRestriction> {
  return inTransaction(ctx, async (tx) => {
    const id = localIdOf(command.id, RESTRICTION_TYPE);
    const restriction = id
      ? await tx.em.findOne(EnterpriseRestriction, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : null;
    if (!restriction) throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'id']));
    if (restriction.liftedAt) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'registration.restriction.alreadyLifted', ['input', 'id'], {
          liftedOn: restriction.liftedOn ?? '',
        }),
      );
    }
    const problems: Problem[] = [];
    const reason = command.reason.trim();
    if (!reason) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'reason']));
    else if (reason.length > RESTRICTION_REASON_MAX) {
      problems.push(
        problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', 'reason'], { max: RESTRICTION_REASON_MAX }),
      );
    }
    if (!isValidDate(command.liftedOn)) {
      problems.push(problem(UserErrorCode.INVALID_FORMAT, 'error.invalidFormat', ['input', 'liftedOn']));
    } else if (command.liftedOn > today(tx)) {
      problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'registration.dateInFuture', ['input', 'liftedOn']));
    } else if (command.liftedOn < restriction.since) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'registration.restriction.liftedBeforeSince', ['input', 'liftedOn'], {
          since: restriction.since,
        }),
      );
    }
    throwIfProblems(problems);
    const now = tx.deps.clock.now();
    restriction.liftedOn = command.liftedOn;
    restriction.liftReason = reason;
    restriction.liftedBy = tx.em.getReference(User, tx.viewer.userId!);
    restriction.liftedAt = now;
    recordAudit(tx, {
      action: 'enterpriseRestriction.lift',
      subjectType: RESTRICTION_TYPE,
      subjectId: restriction.id,
      fromState: 'IN_FORCE',
      toState: 'LIFTED',
      details: { enterpriseId: restriction.enterprise.id, liftedOn: command.liftedOn, note: reason },
    });
    await tx.em.flush();
    return restriction;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Who sees a notice's objections and an enterprise's restrictions: officials, and the enterprise's agents. */
export function seesEnterpriseMatters(ctx: RequestContext, enterprise: Pick<Enterprise, 'agentIds'>): boolean {
  return ctx.viewer.role === 'OFFICIAL' || actsFor(ctx.viewer, enterprise);
}

/** Matches no row: what an enterprise filter that names no enterprise filters by. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface NoticeFilter {
  status?: NoticeStatusValue | null;
  district?: DistrictValue | null;
  /** A global ID; one that names no enterprise matches no notice. */
  enterpriseId?: string | null;
}

/** The public notices, newest first. */
export function listNotices(
  ctx: RequestContext,
  filter: NoticeFilter,
  page: PageArgs,
): Promise<ConnectionData<SimplifiedDeregistrationNotice>> {
  return paginate(
    ctx,
    SimplifiedDeregistrationNotice,
    {
      ...(filter.status ? statusWhere(filter.status, today(ctx)) : {}),
      ...(filter.district ? { district: filter.district } : {}),
      ...(filter.enterpriseId ? { enterprise: localIdOf(filter.enterpriseId, ENTERPRISE_TYPE) ?? NO_ID } : {}),
    },
    { orderBy: { createdAt: 'desc', id: 'desc' }, ...page },
  );
}

export { isRegistrar };
