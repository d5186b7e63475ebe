import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, todayInQingdao } from './format';

describe('formatting for people', () => {
  it('writes a calendar day in each language without shifting it by the time zone', () => {
    expect(formatDate('2026-11-26', 'zh-CN')).toBe('2026年11月26日');
    expect(formatDate('2026-11-26', 'en')).toBe('Nov 26, 2026');
  });

  it('shows an instant in Qingdao time', () => {
    expect(formatDateTime('2026-11-26T01:30:00Z', 'en')).toBe('Nov 26, 2026, 9:30 AM');
    expect(formatDateTime('2026-11-26T01:30:00Z', 'zh-CN')).toBe('2026年11月26日 09:30');
  });

  it('formats money from its decimal string exactly, per language: 万元 or ¥ in Chinese, CNY in English', () => {
    expect(formatMoney({ amount: '1500000.00', currency: 'CNY' }, 'zh-CN')).toBe('150万元');
    expect(formatMoney({ amount: '100000000000.00', currency: 'CNY' }, 'zh-CN')).toBe('10,000,000万元');
    expect(formatMoney({ amount: '1500000.50', currency: 'CNY' }, 'zh-CN')).toBe('¥1,500,000.50');
    expect(formatMoney({ amount: '9999.00', currency: 'CNY' }, 'zh-CN')).toBe('¥9,999.00');
    expect(formatMoney({ amount: '0.00', currency: 'CNY' }, 'zh-CN')).toBe('¥0.00');
    expect(formatMoney({ amount: '1500000.00', currency: 'CNY' }, 'en')).toBe('CNY 1,500,000.00');
    expect(formatMoney({ amount: '90071992547409.93', currency: 'CNY' }, 'en')).toBe('CNY 90,071,992,547,409.93');
    expect(formatMoney({ amount: '20.00', currency: 'USD' }, 'zh-CN')).toBe('USD 20.00');
  });

  it("knows today's date in Qingdao even when it is still yesterday in UTC", () => {
    expect(todayInQingdao(new Date('2026-11-25T17:00:00Z'))).toBe('2026-11-26');
  });
});
