// The Chinese working-day calendar (design/domain-rules.md §0). Pure: no database, no GraphQL.
//
// Dates are calendar days in Asia/Shanghai written 'YYYY-MM-DD'. All arithmetic is done on the
// date string itself as a day count from 1970-01-01 (UTC arithmetic), so the host's time zone
// never shifts a date. Use clock.ts `shanghaiDate` to get today's date from an instant.

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The furthest addWorkingDays counts either way (about 14 years). */
export const MAX_WORKING_DAYS_OFFSET = 3660;

/** Days since 1970-01-01 of a valid date string, or null when it is not a real calendar date. */
function toDayNumber(date: string): number | null {
  if (typeof date !== 'string') return null;
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years 1–99 as they are
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null; // e.g. 2025-02-29 rolled over into March
  }
  return Math.round(d.getTime() / MS_PER_DAY);
}

function requireDayNumber(date: string, what = 'date'): number {
  const n = toDayNumber(date);
  if (n === null) throw new RangeError(`${what} "${String(date)}" is not a valid YYYY-MM-DD date`);
  return n;
}

function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw new RangeError('date out of range (years 0001–9999)');
  const yyyy = String(year).padStart(4, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

/** 0 = Sunday … 6 = Saturday, for a day number. 1970-01-01 was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function isWeekend(dayNumber: number): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

/** Whether `date` is a real calendar date written 'YYYY-MM-DD' (years 0001–9999). */
export function isValidDate(date: string): boolean {
  return toDayNumber(date) !== null;
}

/** `date` moved by `days` calendar days (negative goes back). Throws RangeError on bad input. */
export function addCalendarDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(requireDayNumber(date) + days);
}

/** Day of the week of `date`: 0 = Sunday, 1 = Monday, … 6 = Saturday (as Date#getDay). */
export function dayOfWeek(date: string): number {
  return weekdayOf(requireDayNumber(date));
}

/** The year of a valid date string. */
function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

// ---------------------------------------------------------------------------------------------
// The calendar

export interface WorkingDayCalendarData {
  /** Official holidays: non-working even on a weekday. */
  holidays: string[];
  /** Official make-up working days (调休上班): working even on a Saturday or Sunday. */
  makeUpWorkdays: string[];
  /** Years loaded, even with empty lists; by default the years the dates fall in. */
  years?: number[];
}

/** One year as the State Council publishes it (and as an administrator loads it). */
export interface YearCalendar {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
}

export class WorkingDayCalendar {
  private readonly holidays = new Set<number>();
  private readonly makeUpWorkdays = new Set<number>();
  private readonly years = new Set<number>();

  /**
   * Several years together. Throws a RangeError on an invalid date or a date in both lists.
   * A year with nothing loaded still works: Saturdays and Sundays off, every other day working.
   */
  constructor(data: WorkingDayCalendarData) {
    for (const date of data.holidays) {
      this.holidays.add(requireDayNumber(date, 'holiday'));
      this.years.add(yearOf(date));
    }
    for (const date of data.makeUpWorkdays) {
      const n = requireDayNumber(date, 'make-up working day');
      if (this.holidays.has(n)) {
        throw new RangeError(`${date} is both a holiday and a make-up working day`);
      }
      this.makeUpWorkdays.add(n);
      this.years.add(yearOf(date));
    }
    for (const year of data.years ?? []) {
      if (!Number.isInteger(year)) throw new RangeError(`year ${year} is not an integer`);
      this.years.add(year);
    }
  }

  /** A calendar from per-year data (e.g. OFFICIAL_CALENDAR_2025_2026 plus years loaded later). */
  static fromYears(years: readonly YearCalendar[]): WorkingDayCalendar {
    return new WorkingDayCalendar({
      holidays: years.flatMap((y) => y.holidays),
      makeUpWorkdays: years.flatMap((y) => y.makeUpWorkdays),
      years: years.map((y) => y.year),
    });
  }

  private isWorkingDayNumber(n: number): boolean {
    if (this.holidays.has(n)) return false;
    if (this.makeUpWorkdays.has(n)) return true;
    return !isWeekend(n);
  }

  /** Whether `date` is a working day. Throws RangeError on an invalid date. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(requireDayNumber(date));
  }

  /**
   * The date `days` working days after `from`. The day `from` itself is not counted: the first day
   * counted is the next working day, so addWorkingDays(receipt, 7) is the 7th working day after
   * receipt whatever day receipt was. 0 returns `from` unchanged. A negative count goes back
   * symmetrically (the |days|-th working day before `from`), so for a working day d,
   * addWorkingDays(addWorkingDays(d, n), −n) === d. Throws RangeError beyond ±3660 or on bad input.
   */
  addWorkingDays(from: string, days: number): string {
    const start = requireDayNumber(from, 'from');
    if (!Number.isSafeInteger(days) || Math.abs(days) > MAX_WORKING_DAYS_OFFSET) {
      throw new RangeError(
        `days must be an integer from −${MAX_WORKING_DAYS_OFFSET} to ${MAX_WORKING_DAYS_OFFSET}, got ${days}`,
      );
    }
    if (days === 0) return from;
    const step = days > 0 ? 1 : -1;
    let remaining = Math.abs(days);
    let n = start;
    while (remaining > 0) {
      n += step;
      if (this.isWorkingDayNumber(n)) remaining--;
    }
    return fromDayNumber(n);
  }

  /**
   * The number of working days d with from < d ≤ to; when to < from, minus the number with
   * to < d ≤ from (so workingDaysBetween(a, b) === −workingDaysBetween(b, a)).
   * For n ≥ 0, workingDaysBetween(from, addWorkingDays(from, n)) === n.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = requireDayNumber(from, 'from');
    const b = requireDayNumber(to, 'to');
    if (b < a) return -this.countWorkingDays(b, a);
    return this.countWorkingDays(a, b);
  }

  /** Working days in (lo, hi], lo ≤ hi: weekdays by arithmetic, then the loaded exceptions. */
  private countWorkingDays(lo: number, hi: number): number {
    let count = weekdaysUpTo(hi) - weekdaysUpTo(lo);
    for (const n of this.holidays) if (n > lo && n <= hi && !isWeekend(n)) count--;
    for (const n of this.makeUpWorkdays) if (n > lo && n <= hi && isWeekend(n)) count++;
    return count;
  }

  /** The years with data loaded, ascending. */
  knownYears(): number[] {
    return [...this.years].sort((x, y) => x - y);
  }
}

/** Monday–Friday days with day number ≤ n, counted from an arbitrary origin (only differences matter). */
function weekdaysUpTo(n: number): number {
  // Shift so that shifted day 0 is a Monday: day number 4 (1970-01-05) was a Monday.
  const shifted = n - 4;
  const weeks = Math.floor(shifted / 7);
  const rest = shifted - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}

// ---------------------------------------------------------------------------------------------
// Official data

/** Every date from `first` to `last` inclusive. */
function dateRange(first: string, last: string): string[] {
  const a = requireDayNumber(first);
  const b = requireDayNumber(last);
  const out: string[] = [];
  for (let n = a; n <= b; n++) out.push(fromDayNumber(n));
  return out;
}

function freezeYear(year: YearCalendar): YearCalendar {
  Object.freeze(year.holidays);
  Object.freeze(year.makeUpWorkdays);
  return Object.freeze(year);
}

/** The State Council's holiday arrangements for 2025 and 2026, expanded into explicit dates. */
export const OFFICIAL_CALENDAR_2025_2026: YearCalendar[] = Object.freeze([
  freezeYear({
    year: 2025,
    holidays: [
      '2025-01-01', // 元旦
      ...dateRange('2025-01-28', '2025-02-04'), // 春节
      ...dateRange('2025-04-04', '2025-04-06'), // 清明节
      ...dateRange('2025-05-01', '2025-05-05'), // 劳动节
      ...dateRange('2025-05-31', '2025-06-02'), // 端午节
      ...dateRange('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  }),
  freezeYear({
    year: 2026,
    holidays: [
      ...dateRange('2026-01-01', '2026-01-03'), // 元旦
      ...dateRange('2026-02-15', '2026-02-23'), // 春节
      ...dateRange('2026-04-04', '2026-04-06'), // 清明节
      ...dateRange('2026-05-01', '2026-05-05'), // 劳动节
      ...dateRange('2026-06-19', '2026-06-21'), // 端午节
      ...dateRange('2026-09-25', '2026-09-27'), // 中秋节
      ...dateRange('2026-10-01', '2026-10-07'), // 国庆节
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  }),
]) as YearCalendar[];

// ---------------------------------------------------------------------------------------------
// Validation of a year an administrator loads

export type YearCalendarProblemCode =
  | 'INVALID_YEAR' // year is not an integer from 1900 to 9999
  | 'INVALID_DATE' // not a real 'YYYY-MM-DD' date
  | 'OUTSIDE_YEAR' // a valid date in another year
  | 'DUPLICATE_HOLIDAY' // the same holiday listed twice
  | 'DUPLICATE_MAKE_UP_WORKDAY' // the same make-up working day listed twice
  | 'IN_BOTH_LISTS' // a date that is both a holiday and a make-up working day
  | 'MAKE_UP_NOT_WEEKEND'; // a make-up working day on a Monday–Friday

export interface YearCalendarProblem {
  code: YearCalendarProblemCode;
  /** Which list the date is in; absent for INVALID_YEAR. */
  list?: 'holidays' | 'makeUpWorkdays';
  /** Position in that list (for IN_BOTH_LISTS, in makeUpWorkdays). */
  index?: number;
  date?: string;
}

/** Problems with a year's data before it is loaded; an empty list means it may be loaded. */
export function validateYearCalendar(input: YearCalendar): YearCalendarProblem[] {
  const problems: YearCalendarProblem[] = [];
  const { year } = input;
  const yearOk = Number.isInteger(year) && year >= 1900 && year <= 9999;
  if (!yearOk) problems.push({ code: 'INVALID_YEAR' });

  const holidaySet = new Set<string>();
  input.holidays.forEach((date, index) => {
    const list = 'holidays' as const;
    if (!isValidDate(date)) {
      problems.push({ code: 'INVALID_DATE', list, index, date });
      return;
    }
    if (yearOk && yearOf(date) !== year) problems.push({ code: 'OUTSIDE_YEAR', list, index, date });
    if (holidaySet.has(date)) problems.push({ code: 'DUPLICATE_HOLIDAY', list, index, date });
    holidaySet.add(date);
  });

  const makeUpSet = new Set<string>();
  input.makeUpWorkdays.forEach((date, index) => {
    const list = 'makeUpWorkdays' as const;
    if (!isValidDate(date)) {
      problems.push({ code: 'INVALID_DATE', list, index, date });
      return;
    }
    if (yearOk && yearOf(date) !== year) problems.push({ code: 'OUTSIDE_YEAR', list, index, date });
    if (makeUpSet.has(date)) {
      problems.push({ code: 'DUPLICATE_MAKE_UP_WORKDAY', list, index, date });
    }
    makeUpSet.add(date);
    if (holidaySet.has(date)) problems.push({ code: 'IN_BOTH_LISTS', list, index, date });
    const weekday = dayOfWeek(date);
    if (weekday !== 0 && weekday !== 6) {
      problems.push({ code: 'MAKE_UP_NOT_WEEKEND', list, index, date });
    }
  });

  return problems;
}
