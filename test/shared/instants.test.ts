import { describe, expect, it } from 'vitest';
import { fromUtcIsoText, toShanghaiIso } from '../../src/shared/instants.js';

// The hand-written conversions must agree with the built-in ones everywhere, edges included.

function reference(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

const EDGES = [
  '1970-01-01T00:00:00.000Z',
  '1969-12-31T15:59:59.999Z', // 1970-01-01 midnight in Shanghai, minus 1 ms
  '1969-12-31T16:00:00.000Z',
  '2000-02-28T16:00:00.000Z', // 2000-02-29 in Shanghai: a leap day of a century year
  '2100-02-28T16:00:00.000Z', // 2100-03-01 in Shanghai: 2100 is not a leap year
  '2024-02-29T15:59:59.999Z',
  '2026-12-31T16:00:00.000Z', // new year in Shanghai, still the old year in UTC
  '1900-01-01T00:00:00.000Z',
  '9999-12-31T15:59:59.999Z',
  '9999-12-31T16:00:00.000Z', // year 10000 in Shanghai: the slow path
];

describe('toShanghaiIso', () => {
  it('writes the edges as toISOString does, shifted to +08:00', () => {
    for (const text of EDGES) {
      const date = new Date(text);
      expect(toShanghaiIso(date), text).toBe(reference(date));
    }
    expect(toShanghaiIso(new Date('2026-11-26T01:30:00.5Z'))).toBe('2026-11-26T09:30:00.500+08:00');
  });

  it('agrees with toISOString on 100,000 random instants from 1900 to 2200', () => {
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2200, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      const date = new Date(from + Math.floor(Math.random() * (to - from)));
      expect(toShanghaiIso(date)).toBe(reference(date));
    }
  });
});

describe('fromUtcIsoText', () => {
  it('reads the SQL shape with microseconds, dropping what a Date cannot hold', () => {
    expect(fromUtcIsoText('2026-11-26T01:30:00.123456Z').toISOString()).toBe('2026-11-26T01:30:00.123Z');
    expect(fromUtcIsoText('2024-02-29T23:59:59.999999Z').toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(fromUtcIsoText(null)).toBeNull();
  });

  it('agrees with the Date parser on random instants and parses any other shape as usual', () => {
    for (let i = 0; i < 10_000; i++) {
      const date = new Date(Math.floor(Math.random() * Date.UTC(2200, 0, 1)));
      const text = date.toISOString().replace('Z', `${Math.floor(Math.random() * 1000)}`.padStart(3, '0') + 'Z');
      expect(fromUtcIsoText(text).getTime()).toBe(date.getTime());
    }
    expect(fromUtcIsoText('2026-11-26T09:30:00+08:00').toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(fromUtcIsoText('0050-01-01T00:00:00.000000Z').toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });
});
