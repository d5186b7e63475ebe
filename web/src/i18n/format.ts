import type { Language } from './index';

// Dates, times and money for people, per language. Instants are shown in Qingdao's time zone
// whatever the browser's; calendar days (the API's Date scalar) are shown as the day they name.

const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** A calendar day "2026-11-26" as written in the language: 2026年11月26日 / Nov 26, 2026. */
export function formatDate(day: string, language: Language): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, date!)),
  );
}

export interface MoneyValue {
  amount: string;
  currency: string;
}

/**
 * Money from the API's decimal string, without passing through a float: "1500000.00" CNY →
 * ¥1,500,000.00 in Chinese, CN¥1,500,000.00 in English.
 */
export function formatMoney(money: MoneyValue, language: Language): string {
  const format = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // Intl.NumberFormat formats decimal strings exactly (ES2023); older engines fall back to Number.
  return format.format(money.amount as unknown as number);
}

/** Today in Qingdao as "YYYY-MM-DD" (to compare with the API's Date values). */
export function todayInQingdao(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}
