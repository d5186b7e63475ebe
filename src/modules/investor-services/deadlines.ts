import { addCalendarDays, type WorkingDayCalendar } from '../../shared/working-days.js';
import { ServiceCaseKind, ServiceCaseStatus } from './service-case.enums.js';

// Every deadline of a case, counted on the live working-day calendar (domain-rules §0 and §4): the day
// a clock starts is not counted; the deadline day itself is still on time; a case is overdue from the
// next calendar day. Nothing here is stored: an administrator loading a year changes them at once.

/** Decide on a complaint's acceptance within 7 working days of complete materials (办法 Art. 13). */
export const ACCEPTANCE_WORKING_DAYS = 7;
/** Conclude an accepted complaint within 60 working days of acceptance (办法 Art. 18). */
export const RESOLUTION_WORKING_DAYS = 60;
/** Defaults of the configurable answer deadlines (investor_service_settings holds the live figures). */
export const DEFAULT_CONSULTATION_WORKING_DAYS = 5;
export const DEFAULT_SUGGESTION_WORKING_DAYS = 20;

export interface AnswerDeadlines {
  consultationWorkingDays: number;
  suggestionWorkingDays: number;
}

export interface DeadlineFacts {
  kind: ServiceCaseKind;
  status: ServiceCaseStatus;
  submittedOn: string;
  materialsCompleteOn: string | null;
  acceptedOn: string | null;
  extendedResolveBy: string | null;
}

export interface CaseDeadlines {
  /** Complaints: the last day to decide on acceptance; null while materials are awaited. */
  acceptBy: string | null;
  /** The last day to conclude (complaints: from acceptance) or to answer (consultations, suggestions). */
  resolveBy: string | null;
  /** The deadline in force: extendedResolveBy when extended, else resolveBy. */
  effectiveResolveBy: string | null;
}

export function deadlinesOf(
  facts: DeadlineFacts,
  calendar: WorkingDayCalendar,
  settings: AnswerDeadlines,
): CaseDeadlines {
  if (facts.kind === ServiceCaseKind.COMPLAINT) {
    const acceptBy = facts.materialsCompleteOn
      ? calendar.addWorkingDays(facts.materialsCompleteOn, ACCEPTANCE_WORKING_DAYS)
      : null;
    const resolveBy = facts.acceptedOn ? calendar.addWorkingDays(facts.acceptedOn, RESOLUTION_WORKING_DAYS) : null;
    return { acceptBy, resolveBy, effectiveResolveBy: facts.extendedResolveBy ?? resolveBy };
  }
  const days =
    facts.kind === ServiceCaseKind.CONSULTATION ? settings.consultationWorkingDays : settings.suggestionWorkingDays;
  const resolveBy = calendar.addWorkingDays(facts.submittedOn, days);
  return { acceptBy: null, resolveBy, effectiveResolveBy: facts.extendedResolveBy ?? resolveBy };
}

/** Whether the deadline running now has passed on `today` (a stopped or finished clock is never overdue). */
export function isOverdue(
  facts: DeadlineFacts,
  today: string,
  calendar: WorkingDayCalendar,
  settings: AnswerDeadlines,
): boolean {
  const deadlines = deadlinesOf(facts, calendar, settings);
  if (facts.status === ServiceCaseStatus.SUBMITTED) {
    const due = facts.kind === ServiceCaseKind.COMPLAINT ? deadlines.acceptBy : deadlines.effectiveResolveBy;
    return due !== null && today > due;
  }
  if (facts.status === ServiceCaseStatus.ACCEPTED) {
    return deadlines.effectiveResolveBy !== null && today > deadlines.effectiveResolveBy;
  }
  return false;
}

/**
 * The earliest start day whose clock of `days` working days has not run out by `today`: a clock
 * started on day d is overdue on `today` exactly when d < startThreshold(today, days). Lets a list
 * filter on "overdue" in SQL with one date per clock, computed from the same calendar.
 */
export function startThreshold(calendar: WorkingDayCalendar, today: string, days: number): string {
  // addWorkingDays(d, days) never decreases as d grows, so walk back from today while still on time.
  let d = today;
  for (;;) {
    const previous = addCalendarDays(d, -1);
    if (calendar.addWorkingDays(previous, days) < today) return d;
    d = previous;
  }
}
