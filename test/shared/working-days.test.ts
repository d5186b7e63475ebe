import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_WORKING_DAYS_OFFSET,
  OFFICIAL_CALENDAR_2025_2026,
  WorkingDayCalendar,
  addCalendarDays,
  dayOfWeek,
  isValidDate,
  validateYearCalendar,
  type YearCalendar,
} from '../../src/shared/working-days.js';

const calendar = WorkingDayCalendar.fromYears(OFFICIAL_CALENDAR_2025_2026);

/** Reference implementation: count day by day. */
function slowBetween(cal: WorkingDayCalendar, from: string, to: string): number {
  if (to < from) return -slowBetween(cal, to, from);
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (cal.isWorkingDay(d)) count++;
  }
  return count;
}

describe('date helpers', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('recognises valid dates only', () => {
    expect(isValidDate('2026-10-10')).toBe(true);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2025-04-31')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('2025-00-10')).toBe(false);
    expect(isValidDate('2025-1-01')).toBe(false);
    expect(isValidDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isValidDate(' 2025-01-01')).toBe(false);
    expect(isValidDate('')).toBe(false);
    expect(isValidDate('0000-01-01')).toBe(false);
    expect(isValidDate('0099-03-01')).toBe(true);
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-10-10', 0)).toBe('2026-10-10');
    expect(addCalendarDays('2025-01-01', 365)).toBe('2026-01-01');
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(() => addCalendarDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2025-02-01', 0.5)).toThrow(RangeError);
  });

  it('gives the day of the week, 0 = Sunday … 6 = Saturday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-10-11')).toBe(0);
    expect(dayOfWeek('2026-03-06')).toBe(5);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(() => dayOfWeek('2026-10-32')).toThrow(RangeError);
  });

  it.each(['Asia/Shanghai', 'Pacific/Kiritimati', 'America/Adak', 'UTC'])(
    'does not depend on the host time zone (%s)',
    (tz) => {
      process.env.TZ = tz;
      expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
      expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
      expect(dayOfWeek('2026-10-10')).toBe(6);
      expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    },
  );
});

describe('official data 2025–2026', () => {
  it('is grouped per year and expanded into explicit dates', () => {
    expect(OFFICIAL_CALENDAR_2025_2026.map((y) => y.year)).toEqual([2025, 2026]);
    const [y2025, y2026] = OFFICIAL_CALENDAR_2025_2026 as [YearCalendar, YearCalendar];
    expect(y2025.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(y2025.holidays).toContain('2025-01-31');
    expect(y2025.holidays).toContain('2025-10-08');
    expect(y2025.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(y2026.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(y2026.holidays).toContain('2026-02-19');
    expect(y2026.holidays).not.toContain('2026-10-08');
    expect(y2026.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('passes its own validation and is frozen', () => {
    for (const year of OFFICIAL_CALENDAR_2025_2026) expect(validateYearCalendar(year)).toEqual([]);
    expect(Object.isFrozen(OFFICIAL_CALENDAR_2025_2026)).toBe(true);
    expect(Object.isFrozen(OFFICIAL_CALENDAR_2025_2026[0]!.holidays)).toBe(true);
  });

  it('knows the years loaded', () => {
    expect(calendar.knownYears()).toEqual([2025, 2026]);
    expect(new WorkingDayCalendar({ holidays: [], makeUpWorkdays: [] }).knownYears()).toEqual([]);
    expect(
      new WorkingDayCalendar({
        holidays: ['2027-01-01'],
        makeUpWorkdays: [],
        years: [2028],
      }).knownYears(),
    ).toEqual([2027, 2028]);
  });
});

describe('2026 National Day (1–7 Oct, make-up Saturday 10 Oct)', () => {
  it('marks the holiday and the make-up day', () => {
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addCalendarDays(d, 1)) {
      expect(calendar.isWorkingDay(d)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, make-up
    expect(calendar.isWorkingDay('2026-09-25')).toBe(false); // Friday, Mid-Autumn
  });

  it('counts from the next working day', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-10-10', 1)).toBe('2026-10-12');
  });

  it('gives 3 working days from 29 Sep as 9 Oct', () => {
    expect(calendar.addWorkingDays('2026-09-29', 3)).toBe('2026-10-09');
  });

  it('counts 6 working days between 28 Sep and 12 Oct', () => {
    // 29 Sep, 30 Sep, 8 Oct, 9 Oct, 10 Oct (make-up), 12 Oct.
    expect(calendar.workingDaysBetween('2026-09-28', '2026-10-12')).toBe(6);
    expect(calendar.workingDaysBetween('2026-10-12', '2026-09-28')).toBe(-6);
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
  });
});

describe('2026 Spring Festival (15–23 Feb, make-up 14 Feb and 28 Feb)', () => {
  it('works the make-up Saturdays and rests through the holiday', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, holiday
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-21')).toBe(false);
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-12', 7)).toBe('2026-02-28');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6);
  });
});

describe('2025 National Day (1–8 Oct, make-up 28 Sep and 11 Oct)', () => {
  it('applies the 2025 data', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, holiday
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false);
    expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-13')).toBe(7);
  });
});

describe('deadlines', () => {
  it('receipt on a Friday: the weekend is not counted', () => {
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-03-06', 3)).toBe('2026-03-11');
    expect(calendar.addWorkingDays('2026-03-06', 7)).toBe('2026-03-17');
  });

  it('receipt on a holiday: counting starts at the first working day after it', () => {
    expect(calendar.isWorkingDay('2026-10-03')).toBe(false);
    expect(calendar.addWorkingDays('2026-10-03', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-03', 7)).toBe('2026-10-15');
  });

  it('20 working days across a holiday', () => {
    expect(calendar.addWorkingDays('2026-04-01', 20)).toBe('2026-04-30'); // Qingming 4–6 Apr
    expect(calendar.addWorkingDays('2026-04-20', 20)).toBe('2026-05-20'); // 1–5 May, make-up 9 May
    expect(calendar.addWorkingDays('2026-02-10', 20)).toBe('2026-03-16'); // Spring Festival
  });

  it('7 working days to decide whether to accept a complaint', () => {
    expect(calendar.addWorkingDays('2026-09-30', 7)).toBe('2026-10-15');
  });

  it('60 working days to conclude a complaint', () => {
    expect(calendar.addWorkingDays('2026-09-01', 60)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-01-05', 60)).toBe('2026-04-03');
    expect(calendar.addWorkingDays('2025-09-15', 60)).toBe('2025-12-12');
    expect(calendar.addWorkingDays('2025-12-31', 60)).toBe('2026-04-01'); // across the year end
    expect(calendar.workingDaysBetween('2026-09-01', '2026-11-30')).toBe(60);
  });
});

describe('addWorkingDays edges', () => {
  it('returns from itself for 0 days, even on a non-working day', () => {
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
    expect(calendar.addWorkingDays('2026-10-08', 0)).toBe('2026-10-08');
  });

  it('counts backwards symmetrically', () => {
    expect(calendar.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-10-12', -1)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-10-09', -3)).toBe('2026-09-29');
    expect(calendar.addWorkingDays('2026-10-05', -1)).toBe('2026-09-30'); // from a holiday
    expect(calendar.addWorkingDays('2026-11-30', -60)).toBe('2026-09-01');
  });

  it('throws a RangeError beyond ±3660 or on bad input', () => {
    expect(() => calendar.addWorkingDays('2026-01-01', MAX_WORKING_DAYS_OFFSET)).not.toThrow();
    expect(() => calendar.addWorkingDays('2026-01-01', -MAX_WORKING_DAYS_OFFSET)).not.toThrow();
    expect(MAX_WORKING_DAYS_OFFSET).toBe(3660);
    expect(() => calendar.addWorkingDays('2026-01-01', 3661)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-01', -3661)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('26-10-01')).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2026-10-01', 'tomorrow')).toThrow(RangeError);
  });

  it('agrees with workingDaysBetween and a day-by-day count (property test)', () => {
    let state = 20_260_930;
    const next = (): number => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state;
    };
    for (let i = 0; i < 400; i++) {
      const from = addCalendarDays('2024-06-01', next() % 1100); // 2024 (no data) to 2027 (no data)
      const n = (next() % 241) - 120;
      const to = calendar.addWorkingDays(from, n);
      if (n > 0) {
        expect(to > from).toBe(true);
        expect(calendar.isWorkingDay(to)).toBe(true);
        expect(calendar.workingDaysBetween(from, to)).toBe(n);
      }
      if (n < 0) expect(to < from).toBe(true);
      if (calendar.isWorkingDay(from)) {
        expect(calendar.addWorkingDays(to, -n)).toBe(from);
        expect(calendar.workingDaysBetween(from, to)).toBe(n);
      }
      const other = addCalendarDays(from, (next() % 401) - 200);
      expect(calendar.workingDaysBetween(from, other)).toBe(slowBetween(calendar, from, other));
    }
  });
});

describe('a year without data', () => {
  it('treats only Saturdays and Sundays as non-working', () => {
    expect(calendar.isWorkingDay('2027-10-01')).toBe(true); // Friday, no data loaded for 2027
    expect(calendar.isWorkingDay('2027-10-02')).toBe(false);
    expect(calendar.addWorkingDays('2027-09-30', 1)).toBe('2027-10-01');
    expect(calendar.addWorkingDays('2027-10-01', 1)).toBe('2027-10-04');
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(calendar.isWorkingDay('2024-10-01')).toBe(true);
    expect(calendar.workingDaysBetween('2027-01-01', '2027-12-31')).toBe(260);
  });

  it('works with an empty calendar', () => {
    const empty = new WorkingDayCalendar({ holidays: [], makeUpWorkdays: [] });
    expect(empty.addWorkingDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(empty.workingDaysBetween('2026-09-28', '2026-10-12')).toBe(10);
  });

  it('picks up a year loaded later', () => {
    const loaded = WorkingDayCalendar.fromYears([
      ...OFFICIAL_CALENDAR_2025_2026,
      { year: 2027, holidays: ['2027-10-01', '2027-10-04'], makeUpWorkdays: ['2027-10-09'] },
    ]);
    expect(loaded.knownYears()).toEqual([2025, 2026, 2027]);
    expect(loaded.addWorkingDays('2027-09-30', 1)).toBe('2027-10-05');
    expect(loaded.isWorkingDay('2027-10-09')).toBe(true);
  });

  it('refuses contradictory or invalid data', () => {
    expect(() => new WorkingDayCalendar({ holidays: ['2027-10-02'], makeUpWorkdays: ['2027-10-02'] })).toThrow(
      RangeError,
    );
    expect(() => new WorkingDayCalendar({ holidays: ['2027-02-29'], makeUpWorkdays: [] })).toThrow(RangeError);
  });
});

describe('validateYearCalendar', () => {
  it('accepts a clean year', () => {
    expect(
      validateYearCalendar({
        year: 2027,
        holidays: ['2027-01-01'],
        makeUpWorkdays: ['2027-01-02'],
      }),
    ).toEqual([]);
  });

  it('reports every problem with its list, position and date', () => {
    const problems = validateYearCalendar({
      year: 2027,
      holidays: ['2027-01-01', '2026-12-31', '2027-01-01', '2027-02-30', '2027-02-06'],
      makeUpWorkdays: ['2027-02-06', '2027-02-08', 'next sat', '2028-01-01', '2027-02-13', '2027-02-13'],
    });
    expect(problems).toEqual([
      { code: 'OUTSIDE_YEAR', list: 'holidays', index: 1, date: '2026-12-31' },
      { code: 'DUPLICATE_HOLIDAY', list: 'holidays', index: 2, date: '2027-01-01' },
      { code: 'INVALID_DATE', list: 'holidays', index: 3, date: '2027-02-30' },
      { code: 'IN_BOTH_LISTS', list: 'makeUpWorkdays', index: 0, date: '2027-02-06' },
      { code: 'MAKE_UP_NOT_WEEKEND', list: 'makeUpWorkdays', index: 1, date: '2027-02-08' },
      { code: 'INVALID_DATE', list: 'makeUpWorkdays', index: 2, date: 'next sat' },
      { code: 'OUTSIDE_YEAR', list: 'makeUpWorkdays', index: 3, date: '2028-01-01' },
      { code: 'DUPLICATE_MAKE_UP_WORKDAY', list: 'makeUpWorkdays', index: 5, date: '2027-02-13' },
    ]);
  });

  it('reports an invalid year', () => {
    expect(validateYearCalendar({ year: 27, holidays: [], makeUpWorkdays: [] })).toEqual([{ code: 'INVALID_YEAR' }]);
    expect(validateYearCalendar({ year: 2027.5, holidays: [], makeUpWorkdays: [] })[0]?.code).toBe('INVALID_YEAR');
  });
});
