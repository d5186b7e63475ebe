import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { CalendarDateType } from '../calendar-date.type.js';

/** A year whose official holiday arrangement has been loaded (even when it lists no days). */
@Entity({ tableName: 'holiday_calendar_years' })
export class HolidayCalendarYear {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'datetime' })
  loadedAt!: Date;
}

/** One official holiday or make-up working day (调休上班). */
@Entity({ tableName: 'holiday_calendar_days' })
@Index({ properties: ['year'] })
export class HolidayCalendarDay {
  @PrimaryKey({ type: CalendarDateType })
  date!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: ['HOLIDAY', 'MAKE_UP_WORKDAY'], nativeEnumName: 'holiday_day_kind' })
  kind!: 'HOLIDAY' | 'MAKE_UP_WORKDAY';
}
