import type { TFunction } from 'i18next';
import type { Language } from '../i18n';
import type { MoneyValue } from '../i18n/format';
import { zh } from './messages';

export type FinancingEnum = keyof typeof zh.financing.enums;

/** The label of a financing enum value in the current language. */
export function financingLabel(t: TFunction, name: FinancingEnum, value: string | null | undefined): string {
  if (!value) return '';
  return t(`financing.enums.${name}.${value}`, { defaultValue: value });
}

export function financingOptions(t: TFunction, name: FinancingEnum): { value: string; label: string }[] {
  return Object.keys(zh.financing.enums[name]).map((value) => ({ value, label: financingLabel(t, name, value) }));
}

export function financingValues<T extends string>(name: FinancingEnum): T[] {
  return Object.keys(zh.financing.enums[name]) as T[];
}

/**
 * A loan amount the way each language reads one: 200万元 in Chinese (万 is how loans are spoken
 * of), CNY 2,000,000 in English. Whole yuan unless the amount has fen.
 */
export function formatLoanAmount(money: MoneyValue, language: Language): string {
  const value = Number(money.amount);
  if (language === 'zh-CN') {
    const wan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value / 10_000);
    return `${wan}万元`;
  }
  const cents = !Number.isInteger(value);
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: 'code',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(value);
}

/** The exact amount: ¥2,000,000.00 in Chinese, CNY 2,000,000.00 in English. */
export function formatExactAmount(money: MoneyValue, language: Language): string {
  // Not formatMoney: that writes whole 万 amounts as 万元, and this is the to-the-fen figure beside them.
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: language === 'zh-CN' ? 'symbol' : 'code',
    minimumFractionDigits: 2,
  }).format(money.amount as unknown as number);
}

/** "4.35" (percent per year) → 4.35%. */
export function formatRate(rate: string | null | undefined, language: Language): string {
  if (rate === null || rate === undefined) return '—';
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(rate))}%`;
}

/** A fraction "0.9512" → 95.1%. */
export function formatFraction(value: string | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(Number(value));
}

export function formatDecimal(value: string | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(Number(value));
}

/** The start of a Qingdao calendar day as the API's DateTime: "2026-12-01" → "2026-12-01T00:00:00+08:00". */
export function startOfQingdaoDay(day: string): string {
  return `${day}T00:00:00+08:00`;
}
