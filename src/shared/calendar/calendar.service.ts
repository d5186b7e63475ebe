import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { DomainError, UserErrorCode, problem } from '../errors.js';
import { defineMessages } from '../messages.js';
import { followEvents, type EventBus } from '../pubsub.js';
import { inTransaction } from '../transaction.js';
import { validateYearCalendar, type YearCalendar } from '../working-days.js';
import type { CalendarCache } from './calendar.cache.js';
import { HolidayCalendarDay, HolidayCalendarYear } from './calendar.entity.js';

defineMessages({
  'calendar.INVALID_YEAR': { zh: '年份无效。', en: 'The year is not valid.' },
  'calendar.INVALID_DATE': { zh: '日期 {date} 无效。', en: 'The date {date} is not valid.' },
  'calendar.OUTSIDE_YEAR': { zh: '日期 {date} 不在该年份内。', en: 'The date {date} is not in that year.' },
  'calendar.DUPLICATE_HOLIDAY': { zh: '节假日 {date} 重复。', en: 'The holiday {date} is listed twice.' },
  'calendar.DUPLICATE_MAKE_UP_WORKDAY': {
    zh: '调休工作日 {date} 重复。',
    en: 'The make-up working day {date} is listed twice.',
  },
  'calendar.IN_BOTH_LISTS': {
    zh: '{date} 不能既是节假日又是调休工作日。',
    en: '{date} cannot be both a holiday and a make-up working day.',
  },
  'calendar.MAKE_UP_NOT_WEEKEND': {
    zh: '调休工作日 {date} 不是周六或周日。',
    en: 'The make-up working day {date} is not a Saturday or Sunday.',
  },
});

/** ADMIN: loads (or replaces) one year's official arrangement, as published each November. */
export async function loadHolidayCalendar(ctx: RequestContext, input: YearCalendar): Promise<HolidayCalendarYear> {
  const problems = validateYearCalendar(input);
  if (problems.length > 0) {
    throw new DomainError(
      problems.map((p) =>
        problem(
          p.code === 'INVALID_YEAR' || p.code === 'INVALID_DATE'
            ? UserErrorCode.INVALID_FORMAT
            : UserErrorCode.INVALID_INPUT,
          `calendar.${p.code}`,
          p.list ? ['input', p.list, String(p.index)] : ['input', 'year'],
          { date: p.date ?? '' },
        ),
      ),
    );
  }
  const year = await inTransaction(ctx, async (tx) => {
    await tx.em.nativeDelete(HolidayCalendarDay, { year: input.year });
    const loaded = await tx.em.upsert(HolidayCalendarYear, { year: input.year, loadedAt: tx.deps.clock.now() });
    for (const date of input.holidays) tx.em.create(HolidayCalendarDay, { date, year: input.year, kind: 'HOLIDAY' });
    for (const date of input.makeUpWorkdays) {
      tx.em.create(HolidayCalendarDay, { date, year: input.year, kind: 'MAKE_UP_WORKDAY' });
    }
    recordAudit(tx, {
      action: 'calendar.loadYear',
      subjectType: 'HolidayCalendarYear',
      subjectId: '00000000-0000-0000-0000-' + String(input.year).padStart(12, '0'),
      details: { year: input.year, holidays: input.holidays.length, makeUpWorkdays: input.makeUpWorkdays.length },
    });
    await tx.em.flush();
    return loaded;
  });
  await ctx.deps.calendar.reload(ctx.em.fork());
  ctx.deps.events.publish(CALENDAR_CHANGED, { id: String(input.year) });
  return year;
}

const CALENDAR_CHANGED = 'calendar.changed';

/**
 * Reloads this process's calendar whenever any process loads a year (several workers: each keeps its
 * own copy), until the returned function is called.
 */
export function followCalendarChanges(
  events: EventBus,
  calendar: CalendarCache,
  fork: () => EntityManager,
  onError: (error: unknown) => void,
): () => Promise<void> {
  return followEvents(events, CALENDAR_CHANGED, () => calendar.reload(fork()).catch(onError));
}
