// A year's holiday arrangement read from the file an administrator picks, and what it would do to
// working days, worked out in the browser before anything is sent. The rules are the server's own
// (src/shared/working-days.ts, pure and imported as is), so the preview cannot drift from what
// the API will count once the year is loaded.
import {
  addCalendarDays,
  validateYearCalendar,
  WorkingDayCalendar,
  type YearCalendar,
  type YearCalendarProblem,
} from '../../../src/shared/working-days';

export type { YearCalendar, YearCalendarProblem };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOLIDAY_WORDS = new Set(['holiday', '休', '假', '放假']);
const WORKDAY_WORDS = new Set(['workday', 'makeup', 'make-up', '班', '上班', '调休上班']);

/**
 * JSON `{"year":2027,"holidays":[…],"makeUpWorkdays":[…]}`, or CSV with one day a line,
 * `2027-01-01,holiday` or `2027-02-06,workday` (休/班 also understood; a header line is skipped),
 * the year being the one the days fall in. Null when the text is neither.
 */
export function parseYearFile(text: string): YearCalendar | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  return trimmed.startsWith('{') ? parseJson(trimmed) : parseCsv(trimmed);
}

function parseJson(text: string): YearCalendar | null {
  try {
    const data = JSON.parse(text) as Partial<YearCalendar>;
    const days = (list: unknown) => Array.isArray(list) && list.every((d) => typeof d === 'string');
    if (!Number.isInteger(data.year) || !days(data.holidays) || !days(data.makeUpWorkdays)) return null;
    return { year: data.year!, holidays: data.holidays!, makeUpWorkdays: data.makeUpWorkdays! };
  } catch {
    return null;
  }
}

function parseCsv(text: string): YearCalendar | null {
  const holidays: string[] = [];
  const makeUpWorkdays: string[] = [];
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    if (!line) continue;
    const [date = '', kind = ''] = line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
    if (!DATE.test(date)) {
      if (index === 0) continue; // a header such as "date,kind"
      return null;
    }
    const word = kind.toLowerCase();
    if (HOLIDAY_WORDS.has(word)) holidays.push(date);
    else if (WORKDAY_WORDS.has(word)) makeUpWorkdays.push(date);
    else return null;
  }
  const first = holidays[0] ?? makeUpWorkdays[0];
  if (!first) return null;
  // Days of another year are reported by validateYearCalendar, each with its date.
  return { year: Number(first.slice(0, 4)), holidays, makeUpWorkdays };
}

export function problemsOf(year: YearCalendar): YearCalendarProblem[] {
  return validateYearCalendar(year);
}

/** The last day of each month, preceded by the last day of the year before: the 13 bounds of 12 months. */
export function monthBounds(year: number): string[] {
  const bounds = [`${year - 1}-12-31`];
  for (let month = 1; month <= 12; month++) {
    const firstOfNext = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    bounds.push(addCalendarDays(firstOfNext, -1));
  }
  return bounds;
}

/**
 * Four days whose deadlines the year changes most visibly: the day before each of the first
 * holiday runs (a run is consecutive holidays), topped up with the first day of each quarter.
 */
export function sampleDays(year: YearCalendar): string[] {
  const holidays = [...year.holidays].sort();
  const starts = holidays.filter((day, i) => i === 0 || addCalendarDays(holidays[i - 1]!, 1) !== day);
  const samples = starts.map((day) => addCalendarDays(day, -1));
  for (const quarter of ['01', '04', '07', '10']) samples.push(`${year.year}-${quarter}-01`);
  return [...new Set(samples)].slice(0, 4);
}

export const SAMPLE_WORKING_DAYS = 5;

export interface YearEffect {
  /** Working days in each month, January first. */
  months: number[];
  /** For each sample day, the day SAMPLE_WORKING_DAYS working days after it. */
  samples: { from: string; to: string }[];
}

/** What the year would count once loaded (a valid year: check problemsOf first). */
export function effectOf(year: YearCalendar, samples: string[]): YearEffect {
  const calendar = WorkingDayCalendar.fromYears([year]);
  const bounds = monthBounds(year.year);
  return {
    months: bounds.slice(1).map((last, i) => calendar.workingDaysBetween(bounds[i]!, last)),
    samples: samples.map((from) => ({ from, to: calendar.addWorkingDays(from, SAMPLE_WORKING_DAYS) })),
  };
}
