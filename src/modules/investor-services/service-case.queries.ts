import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { topLevelError } from '../../shared/errors.js';
import { paginate, type ConnectionData } from '../../shared/graphql/connection.js';
import { translate } from '../../shared/messages.js';
import { addCalendarDays } from '../../shared/working-days.js';
import {
  ACCEPTANCE_WORKING_DAYS,
  RESOLUTION_WORKING_DAYS,
  deadlinesOf,
  isOverdue,
  startThreshold,
  type AnswerDeadlines,
} from './deadlines.js';
import { ServiceCase, TypicalCase } from './service-case.entity.js';
import { ServiceCaseKind, ServiceCaseStatus } from './service-case.enums.js';
import type { ServiceCaseFilter, TypicalCaseFilter } from './service-case.inputs.js';
import { answerDeadlines, today } from './service-case.service.js';

// The lists and figures of foreign-investment services. Lists are keyset pages in SQL, newest first;
// "overdue" is turned into one start-day threshold per clock (deadlines.ts startThreshold), so the
// filter runs in SQL and still follows the live calendar.

const NEWEST_FIRST = { submittedAt: 'desc', id: 'desc' } as const;

/** The SQL condition "overdue on `day`", equal to deadlines.ts isOverdue for every row. */
export function overdueCondition(
  ctx: RequestContext,
  day: string,
  settings: AnswerDeadlines,
): FilterQuery<ServiceCase> {
  const calendar = ctx.deps.calendar.current;
  const acceptance = startThreshold(calendar, day, ACCEPTANCE_WORKING_DAYS);
  const resolution = startThreshold(calendar, day, RESOLUTION_WORKING_DAYS);
  const consultation = startThreshold(calendar, day, settings.consultationWorkingDays);
  const suggestion = startThreshold(calendar, day, settings.suggestionWorkingDays);
  const { COMPLAINT, CONSULTATION, SUGGESTION } = ServiceCaseKind;
  const { SUBMITTED, ACCEPTED } = ServiceCaseStatus;
  const extendedPast = { $ne: null, $lt: day };
  return {
    $or: [
      { kind: COMPLAINT, status: SUBMITTED, materialsCompleteOn: { $ne: null, $lt: acceptance } },
      { kind: COMPLAINT, status: ACCEPTED, extendedResolveBy: null, acceptedOn: { $ne: null, $lt: resolution } },
      { status: ACCEPTED, extendedResolveBy: extendedPast },
      { kind: CONSULTATION, status: SUBMITTED, extendedResolveBy: null, submittedOn: { $lt: consultation } },
      { kind: SUGGESTION, status: SUBMITTED, extendedResolveBy: null, submittedOn: { $lt: suggestion } },
      { kind: { $in: [CONSULTATION, SUGGESTION] }, status: SUBMITTED, extendedResolveBy: extendedPast },
    ],
  } as FilterQuery<ServiceCase>;
}

export async function myCases(
  ctx: RequestContext,
  status: ServiceCaseStatus | null | undefined,
  first?: number | null,
  after?: string | null,
): Promise<ConnectionData<ServiceCase>> {
  const where: FilterQuery<ServiceCase> = { submitterId: ctx.viewer.userId! };
  if (status) Object.assign(where, { status });
  return paginate(ctx, ServiceCase, where, { orderBy: NEWEST_FIRST, first, after });
}

export async function officialCases(
  ctx: RequestContext,
  filter: ServiceCaseFilter | null | undefined,
  first?: number | null,
  after?: string | null,
): Promise<ConnectionData<ServiceCase>> {
  const conditions: FilterQuery<ServiceCase>[] = [];
  if (filter?.kind) conditions.push({ kind: filter.kind });
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.category) conditions.push({ category: filter.category });
  if (filter?.assignedToMe) conditions.push({ assigneeId: ctx.viewer.userId });
  if (filter?.overdue !== null && filter?.overdue !== undefined) {
    const condition = overdueCondition(ctx, today(ctx), await answerDeadlines(ctx));
    conditions.push(filter.overdue ? condition : ({ $not: condition } as FilterQuery<ServiceCase>));
  }
  const where = (conditions.length ? { $and: conditions } : {}) as FilterQuery<ServiceCase>;
  return paginate(ctx, ServiceCase, where, { orderBy: NEWEST_FIRST, first, after });
}

export async function typicalCases(
  ctx: RequestContext,
  filter: TypicalCaseFilter | null | undefined,
  first?: number | null,
  after?: string | null,
): Promise<ConnectionData<TypicalCase>> {
  // A withdrawn typical case is read by nobody (the partial index holds the published ones only).
  const conditions: FilterQuery<TypicalCase>[] = [{ withdrawnAt: null }];
  if (filter?.category) conditions.push({ category: filter.category });
  if (filter?.kind) conditions.push({ kind: filter.kind });
  const words = (filter?.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push({ $or: [{ title: { $ilike: pattern } }, { summary: { $ilike: pattern } }] });
  }
  const where = { $and: conditions } as FilterQuery<TypicalCase>;
  return paginate(ctx, TypicalCase, where, { orderBy: { publishedAt: 'desc', id: 'desc' }, first, after });
}

// ---------------------------------------------------------------------------------------------
// Figures

export interface CaseStats {
  from: string;
  to: string;
  total: number;
  byKind: { key: string; count: number }[];
  byCategory: { key: string; count: number }[];
  byStatus: { key: string; count: number }[];
  byMonth: { key: string; count: number }[];
  onTimeAcceptanceRate: number | null;
  onTimeResolutionRate: number | null;
  medianWorkingDaysToResolve: number | null;
  averageRating: number | null;
  overdue: number;
}

function counts(values: string[], keys?: readonly string[]): { key: string; count: number }[] {
  const map = new Map<string, number>((keys ?? []).map((k) => [k, 0]));
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return [...map.entries()].map(([key, count]) => ({ key, count }));
}

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** The figures over the cases submitted from `from` to `to` (both included; at most 5 years). */
export async function caseStats(ctx: RequestContext, from: string, to: string): Promise<CaseStats> {
  const fiveYearsOn = Number(from.slice(0, 4)) + 5 > 9999 ? '9999-12-31' : addCalendarDays(from, 366 * 5);
  if (to < from || fiveYearsOn < to) {
    throw topLevelError('BAD_USER_INPUT', translate(ctx.locale, 'error.outOfRange'));
  }
  const rows = await ctx.em.find(
    ServiceCase,
    { submittedOn: { $gte: from, $lte: to } },
    {
      fields: [
        'kind',
        'category',
        'status',
        'submittedOn',
        'materialsCompleteOn',
        'acceptedOn',
        'decidedOn',
        'extendedResolveBy',
        'resolvedOn',
        'rating',
      ],
      disableIdentityMap: true,
    },
  );
  const calendar = ctx.deps.calendar.current;
  const settings = await answerDeadlines(ctx);
  const day = today(ctx);
  let decided = 0;
  let decidedOnTime = 0;
  let resolved = 0;
  let resolvedOnTime = 0;
  const durations: number[] = [];
  const ratings: number[] = [];
  let overdue = 0;
  for (const row of rows) {
    const d = deadlinesOf(row, calendar, settings);
    if (row.kind === ServiceCaseKind.COMPLAINT && row.decidedOn && d.acceptBy) {
      decided++;
      if (row.decidedOn <= d.acceptBy) decidedOnTime++;
    }
    if (row.resolvedOn) {
      resolved++;
      if (d.effectiveResolveBy && row.resolvedOn <= d.effectiveResolveBy) resolvedOnTime++;
      durations.push(calendar.workingDaysBetween(row.submittedOn, row.resolvedOn));
    }
    if (row.rating !== null) ratings.push(row.rating);
    if (isOverdue(row, day, calendar, settings)) overdue++;
  }
  durations.sort((a, b) => a - b);
  const mid = durations.length >> 1;
  const median =
    durations.length === 0
      ? null
      : durations.length % 2
        ? durations[mid]!
        : (durations[mid - 1]! + durations[mid]!) / 2;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    from,
    to,
    total: rows.length,
    byKind: counts(
      rows.map((r) => r.kind),
      Object.values(ServiceCaseKind),
    ),
    byCategory: counts(rows.map((r) => r.category)).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    byStatus: counts(
      rows.map((r) => r.status),
      Object.values(ServiceCaseStatus),
    ),
    byMonth: counts(
      rows.map((r) => r.submittedOn.slice(0, 7)),
      months(from, to),
    ),
    onTimeAcceptanceRate: decided ? round(decidedOnTime / decided) : null,
    onTimeResolutionRate: resolved ? round(resolvedOnTime / resolved) : null,
    medianWorkingDaysToResolve: median,
    averageRating: ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
    overdue,
  };
}
