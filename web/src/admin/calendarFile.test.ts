import { describe, expect, it } from 'vitest';
import { effectOf, monthBounds, parseYearFile, problemsOf, sampleDays } from './calendarFile';

describe('a holiday calendar file', () => {
  it('reads the JSON the API takes', () => {
    const text = JSON.stringify({ year: 2031, holidays: ['2031-01-01'], makeUpWorkdays: ['2031-01-04'] });
    expect(parseYearFile(text)).toEqual({ year: 2031, holidays: ['2031-01-01'], makeUpWorkdays: ['2031-01-04'] });
  });

  it('reads CSV, one day a line, with or without a header, in English or Chinese words', () => {
    const csv = '\uFEFFdate,kind\r\n2031-01-01,holiday\n2031-01-02;休\n\n"2031-01-04",班\n';
    expect(parseYearFile(csv)).toEqual({
      year: 2031,
      holidays: ['2031-01-01', '2031-01-02'],
      makeUpWorkdays: ['2031-01-04'],
    });
  });

  it('refuses text that is neither, and CSV with a day of unknown kind', () => {
    expect(parseYearFile('not a calendar')).toBeNull();
    expect(parseYearFile('2031-01-01,holiday\n2031-01-02,lunch')).toBeNull();
    expect(parseYearFile('{"year": 2031}')).toBeNull();
  });

  it('names each problem with its date: a weekday worked, a day of another year', () => {
    const year = { year: 2031, holidays: ['2030-12-31'], makeUpWorkdays: ['2031-01-06'] };
    expect(problemsOf(year).map((p) => [p.code, p.date])).toEqual([
      ['OUTSIDE_YEAR', '2030-12-31'],
      ['MAKE_UP_NOT_WEEKEND', '2031-01-06'],
    ]);
  });
});

describe("a year's working-day effect", () => {
  // 2031-01-01 is a Wednesday: January has 23 weekdays.
  const year = { year: 2031, holidays: ['2031-01-01', '2031-01-02', '2031-01-03'], makeUpWorkdays: ['2031-01-04'] };

  it('bounds each month by the last day of the month before', () => {
    const bounds = monthBounds(2032);
    expect(bounds).toHaveLength(13);
    expect(bounds.slice(0, 4)).toEqual(['2031-12-31', '2032-01-31', '2032-02-29', '2032-03-31']);
  });

  it('counts the working days of each month with the holidays off and the make-up day on', () => {
    const effect = effectOf(year, sampleDays(year));
    expect(effect.months).toHaveLength(12);
    expect(effect.months[0]).toBe(23 - 3 + 1);
  });

  it('samples the eve of each holiday run first, then the first day of each quarter', () => {
    expect(sampleDays(year)).toEqual(['2030-12-31', '2031-01-01', '2031-04-01', '2031-07-01']);
    const [eve] = effectOf(year, sampleDays(year)).samples;
    // Working days after 31 December: 4 January (worked Saturday), then 6, 7, 8, 9 January.
    expect(eve).toEqual({ from: '2030-12-31', to: '2031-01-09' });
  });
});
