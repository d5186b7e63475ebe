import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { HolidayCalendarDay, HolidayCalendarYear } from '../../src/shared/calendar/calendar.entity.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';

// loadHolidayCalendar: an administrator loads next year's arrangement when the State Council
// publishes it. The calendar is held in memory by the app, so each test works on a year of its own.

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  admin = await createUser(app, { role: 'ADMIN' });
});
afterAll(async () => app?.stop());

const LOAD = /* GraphQL */ `
  mutation Load($input: LoadHolidayCalendarInput!) {
    loadHolidayCalendar(input: $input) {
      year {
        year
        loadedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;
const ADD = /* GraphQL */ `
  query ($from: Date!, $days: Int!) {
    workingDays {
      addWorkingDays(from: $from, days: $days)
    }
  }
`;

/** A National Day week of `year` (1–7 October) with make-up days, as the State Council would publish it. */
const NATIONAL_DAY_2027 = {
  year: 2027,
  holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  makeUpWorkdays: ['2027-09-26', '2027-10-09'],
};

async function storedYear(year: number) {
  const em = app.em();
  return {
    years: await em.count(HolidayCalendarYear, { year }),
    days: await em.count(HolidayCalendarDay, { year }),
  };
}

async function addWorkingDays(from: string, days: number): Promise<string> {
  return (await app.execute(ADD, { from, days })).data?.workingDays.addWorkingDays;
}

describe('loadHolidayCalendar', () => {
  it('loads a year that addWorkingDays then uses', async () => {
    const before = await addWorkingDays('2027-09-30', 1);

    const result = await app.execute(LOAD, { input: NATIONAL_DAY_2027 }, { token: admin.token });

    expect(result.data?.loadHolidayCalendar).toEqual({
      year: { year: 2027, loadedAt: '2026-11-26T09:00:00.000+08:00' },
      userErrors: [],
    });
    expect(before).toBe('2027-10-01');
    expect(await addWorkingDays('2027-09-30', 1)).toBe('2027-10-08');
    expect(await addWorkingDays('2027-09-30', 2)).toBe('2027-10-09');
    expect(await storedYear(2027)).toEqual({ years: 1, days: 9 });
  });

  it('replaces a year loaded before', async () => {
    const first = { year: 2031, holidays: ['2031-10-01', '2031-10-02'], makeUpWorkdays: [] };
    const second = { year: 2031, holidays: ['2031-10-03'], makeUpWorkdays: ['2031-09-28'] };
    await app.execute(LOAD, { input: first }, { token: admin.token });

    await app.execute(LOAD, { input: second }, { token: admin.token });

    const em = app.em();
    const days = await em.find(HolidayCalendarDay, { year: 2031 }, { orderBy: { date: 'asc' } });
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ['2031-09-28', 'MAKE_UP_WORKDAY'],
      ['2031-10-03', 'HOLIDAY'],
    ]);
    // 2031-09-30 is a Tuesday; 1 October is a working day again, 3 October is not.
    expect(await addWorkingDays('2031-09-30', 1)).toBe('2031-10-01');
  });

  it('records the load in the audit trail', async () => {
    const before = await app.em().count(AuditEvent, { action: 'calendar.loadYear' });

    await app.execute(
      LOAD,
      { input: { year: 2032, holidays: ['2032-01-01'], makeUpWorkdays: [] } },
      { token: admin.token },
    );

    expect(await app.em().count(AuditEvent, { action: 'calendar.loadYear' })).toBe(before + 1);
  });
});

describe('loadHolidayCalendar refuses, writing nothing,', () => {
  it.each([
    [
      'a make-up working day on a weekday',
      { year: 2028, holidays: ['2028-10-02'], makeUpWorkdays: ['2028-10-09'] },
      [
        {
          code: 'INVALID_INPUT',
          field: ['input', 'makeUpWorkdays', '0'],
          message: 'The make-up working day 2028-10-09 is not a Saturday or Sunday.',
        },
      ],
    ],
    [
      'a date outside the year',
      { year: 2028, holidays: ['2029-01-01'], makeUpWorkdays: [] },
      [
        {
          code: 'INVALID_INPUT',
          field: ['input', 'holidays', '0'],
          message: 'The date 2029-01-01 is not in that year.',
        },
      ],
    ],
    [
      'a holiday listed twice',
      { year: 2028, holidays: ['2028-10-02', '2028-10-02'], makeUpWorkdays: [] },
      [
        {
          code: 'INVALID_INPUT',
          field: ['input', 'holidays', '1'],
          message: 'The holiday 2028-10-02 is listed twice.',
        },
      ],
    ],
    [
      'a day that is both a holiday and a make-up working day',
      { year: 2028, holidays: ['2028-10-07'], makeUpWorkdays: ['2028-10-07'] },
      [
        {
          code: 'INVALID_INPUT',
          field: ['input', 'makeUpWorkdays', '0'],
          message: '2028-10-07 cannot be both a holiday and a make-up working day.',
        },
      ],
    ],
    [
      'a year out of range',
      { year: 1800, holidays: [], makeUpWorkdays: [] },
      [{ code: 'INVALID_FORMAT', field: ['input', 'year'], message: 'The year is not valid.' }],
    ],
  ])('%s', async (_what, input, userErrors) => {
    const before = await storedYear(input.year);
    const trailBefore = await app.em().count(AuditEvent, {});

    const result = await app.execute(LOAD, { input }, { token: admin.token, language: 'en' });

    expect(result.data?.loadHolidayCalendar).toEqual({ year: null, userErrors });
    expect(await storedYear(input.year)).toEqual(before);
    expect(await app.em().count(AuditEvent, {})).toBe(trailBefore);
  });

  it('every problem of the input in one answer', async () => {
    const result = await app.execute(
      LOAD,
      { input: { year: 2028, holidays: ['2029-01-01'], makeUpWorkdays: ['2028-10-09'] } },
      { token: admin.token },
    );

    expect(result.data?.loadHolidayCalendar.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
      'input.holidays.0',
      'input.makeUpWorkdays.0',
    ]);
  });

  it('a bad year without touching the calendar in use', async () => {
    await app.execute(
      LOAD,
      { input: { year: 2028, holidays: ['2029-01-01'], makeUpWorkdays: [] } },
      { token: admin.token },
    );

    // 2028-12-29 is a Friday: with nothing loaded for 2029, the next working day is Monday 1 January.
    expect(await addWorkingDays('2028-12-29', 1)).toBe('2029-01-01');
  });
});

describe('loadHolidayCalendar permissions', () => {
  it.each([
    ['an anonymous caller', async () => null, 'UNAUTHENTICATED'],
    ['an applicant', async () => (await createUser(app)).token, 'FORBIDDEN'],
    ['an official', async () => (await createUser(app, { role: 'OFFICIAL' })).token, 'FORBIDDEN'],
    ['a partner API key', async () => (await createApiKeyRow(app)).secret, 'FORBIDDEN'],
  ])('refuse %s and load nothing', async (_who, token, code) => {
    const result = await app.execute(
      LOAD,
      { input: { year: 2030, holidays: ['2030-10-01'], makeUpWorkdays: [] } },
      { token: await token() },
    );

    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await storedYear(2030)).toEqual({ years: 0, days: 0 });
  });
});
