import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';

// The workingDays query over the official 2026 calendar the migration loads: National Day
// 1–7 October is off, Saturday 10 October is a make-up working day (调休上班), Mid-Autumn 25–27
// September is off and Sunday 20 September is worked. Public: no token.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

const IS_WORKING_DAY = `query($date: Date!) { workingDays { isWorkingDay(date: $date) } }`;
const ADD_WORKING_DAYS = `query($from: Date!, $days: Int!) { workingDays { addWorkingDays(from: $from, days: $days) } }`;
const BETWEEN = `query($from: Date!, $to: Date!) { workingDays { workingDaysBetween(from: $from, to: $to) } }`;

async function calendar(query: string, variables: Record<string, unknown>) {
  const result = await app.execute(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data?.workingDays;
}

describe('isWorkingDay', () => {
  it.each([
    ['2026-09-30', 'the Wednesday before National Day', true],
    ['2026-10-01', 'National Day, a Thursday', false],
    ['2026-10-05', 'a Monday of the National Day holiday', false],
    ['2026-10-08', 'the Thursday after the holiday', true],
    ['2026-10-10', 'the make-up Saturday', true],
    ['2026-10-11', 'the Sunday after it', false],
    ['2026-10-17', 'an ordinary Saturday', false],
    ['2026-09-20', 'the make-up Sunday before Mid-Autumn', true],
    ['2026-09-25', 'Mid-Autumn Festival, a Friday', false],
  ])('%s (%s) is %s', async (date, _what, expected) => {
    const result = await calendar(IS_WORKING_DAY, { date });

    expect(result.isWorkingDay).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-08', 'the first working day after National Day'],
    ['2026-09-30', 3, '2026-10-10', 'counting the make-up Saturday'],
    ['2026-09-30', 4, '2026-10-12', 'skipping the Sunday after it'],
    ['2026-10-01', 1, '2026-10-08', 'starting on a holiday, which is not counted'],
    ['2026-09-24', 1, '2026-09-28', 'across Mid-Autumn'],
    ['2026-10-08', -1, '2026-09-30', 'counting backwards across the holiday'],
    ['2026-09-30', 0, '2026-09-30', 'zero days'],
    ['2026-12-31', 1, '2027-01-01', 'into a year with no holidays loaded (weekdays only)'],
  ])('from %s by %i is %s (%s)', async (from, days, expected) => {
    const result = await calendar(ADD_WORKING_DAYS, { from, days });

    expect(result.addWorkingDays).toBe(expected);
  });

  it('refuses an offset beyond 3660 working days', async () => {
    const result = await app.execute(
      `{ workingDays { addWorkingDays(from: "2026-01-05", days: 3661) } }`,
      {},
      { language: 'en' },
    );

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-09-30', '2026-10-12', 4, 'across National Day: 8, 9, 10 (make-up) and 12 October'],
    ['2026-10-12', '2026-09-30', -4, 'the same span backwards'],
    ['2026-09-30', '2026-10-07', 0, 'the holiday itself'],
    ['2026-10-09', '2026-10-10', 1, 'up to the make-up Saturday'],
    ['2026-10-01', '2026-10-01', 0, 'one day to itself'],
  ])('from %s to %s is %i (%s)', async (from, to, expected) => {
    const result = await calendar(BETWEEN, { from, to });

    expect(result.workingDaysBetween).toBe(expected);
  });
});

describe('a date that is not a calendar day', () => {
  it.each([['2026-02-30'], ['2026-10-1'], ['10/01/2026'], ['2026-10-01T00:00:00+08:00']])(
    '%s is refused with BAD_USER_INPUT',
    async (date) => {
      const result = await app.execute(IS_WORKING_DAY, { date });

      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain('YYYY-MM-DD');
    },
  );
});
