import { describe, expect, it } from 'vitest';
import { DateTimeScalar, serializeInstant } from '../../src/shared/graphql/scalars.js';

// The DateTime scalar writes every instant in Asia/Shanghai time with milliseconds. The read models
// hand it text PostgreSQL already wrote in that shape (financing.view.ts instant()); entities hand it Dates.

describe('the DateTime scalar', () => {
  it('writes a Date in Asia/Shanghai time with milliseconds', () => {
    expect(DateTimeScalar.serialize(new Date('2026-11-26T01:30:00.5Z'))).toBe('2026-11-26T09:30:00.500+08:00');
    expect(DateTimeScalar.serialize(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01T00:00:00.000+08:00');
  });

  it('passes text already written in its own shape through unchanged', () => {
    expect(DateTimeScalar.serialize('2026-11-26T09:30:00.123+08:00')).toBe('2026-11-26T09:30:00.123+08:00');
  });

  it('converts other ISO 8601 text with an offset', () => {
    expect(DateTimeScalar.serialize('2026-11-26T01:30:00Z')).toBe('2026-11-26T09:30:00.000+08:00');
  });

  it('refuses what is not an instant', () => {
    for (const bad of ['yesterday', '2026-11-26', '2026-11-26T09:30:00.000', new Date(NaN), 1764120600000, null, {}])
      expect(() => serializeInstant(bad)).toThrow('DateTime cannot represent this value as an instant');
  });

  it('writes years before 1970 and after 2100', () => {
    expect(DateTimeScalar.serialize(new Date('1900-01-01T00:00:00.000Z'))).toBe('1900-01-01T08:00:00.000+08:00');
    expect(DateTimeScalar.serialize(new Date('1969-12-31T15:59:59.999Z'))).toBe('1969-12-31T23:59:59.999+08:00');
    expect(DateTimeScalar.serialize(new Date('2100-02-28T16:00:00.000Z'))).toBe('2100-03-01T00:00:00.000+08:00');
    expect(DateTimeScalar.serialize(new Date('2400-02-29T15:59:59.999Z'))).toBe('2400-02-29T23:59:59.999+08:00');
  });

  it('reads an instant with an offset', () => {
    expect(DateTimeScalar.parseValue('2026-11-26T09:30:00+08:00')).toEqual(new Date('2026-11-26T01:30:00Z'));
    expect(() => DateTimeScalar.parseValue('2026-11-26 09:30')).toThrow();
  });
});
