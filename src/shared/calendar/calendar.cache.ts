import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkingDayCalendar } from '../working-days.js';
import { HolidayCalendarDay, HolidayCalendarYear } from './calendar.entity.js';

/**
 * The working-day calendar every deadline uses, held in memory (deadlines are computed on hot paths)
 * and reloaded from the database whenever an administrator loads a year.
 */
export class CalendarCache {
  private calendar = new WorkingDayCalendar({ holidays: [], makeUpWorkdays: [] });

  get current(): WorkingDayCalendar {
    return this.calendar;
  }

  async reload(em: EntityManager): Promise<void> {
    const [years, days] = await Promise.all([
      em.find(HolidayCalendarYear, {}),
      em.find(HolidayCalendarDay, {}, { orderBy: { date: 'asc' } }),
    ]);
    this.calendar = new WorkingDayCalendar({
      holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date),
      makeUpWorkdays: days.filter((d) => d.kind === 'MAKE_UP_WORKDAY').map((d) => d.date),
      years: years.map((y) => y.year),
    });
  }
}
