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
 * Money from the API's decimal string, without passing through a float, as each language writes it:
 * in Chinese a whole number of 万 (ten thousand) yuan as "150万元" (how capital is usually stated)
 * and any other amount as "¥1,234.50"; in English with the ISO code, "CNY 1,500,000.00" (the sign
 * "CN¥" is unfamiliar to most readers). Other currencies use their code in both languages.
 */
export function formatMoney(money: MoneyValue, language: Language): string {
  if (language === 'zh-CN' && money.currency === 'CNY') {
    const wan = wholeWan(money.amount);
    if (wan !== null) return `${groupDigits(wan)}万元`;
  }
  const format = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: language === 'en' || money.currency !== 'CNY' ? 'code' : 'symbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // Intl.NumberFormat formats decimal strings exactly (ES2023); older engines fall back to Number.
  // The code is followed by a no-break space: a plain one reads the same and copies cleanly.
  return format.format(money.amount as unknown as number).replace(/\u00a0/g, ' ');
}

/** "1500000.00" → "150" when the amount is a positive whole number of 万 yuan, else null. */
function wholeWan(amount: string): string | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match || /[1-9]/.test(match[2] ?? '')) return null;
  const yuan = match[1]!.replace(/^0+/, '');
  if (yuan.length < 5 || !yuan.endsWith('0000')) return null;
  return yuan.slice(0, -4);
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
