// Bounds and value helpers of the financing rules. Rates are percent per year written as decimal
// strings ("4.35"); inside they are compared as integers of 1/10,000 of a percent, never floats.

/** Amounts a demand, offer or product may name, in fen: from 1,000 yuan to 10 billion yuan. */
export const MIN_AMOUNT_FEN = 1_000_00;
export const MAX_AMOUNT_FEN = 10_000_000_000_00;
export const MIN_TERM_MONTHS = 1;
export const MAX_TERM_MONTHS = 360;
/** Rates above 36% a year are not enforceable in China (最高人民法院民间借贷司法解释); nothing above it is accepted. */
export const MAX_ANNUAL_RATE_E4 = 36_0000;
export const MAX_COLLATERAL_LENGTH = 500;
export const MAX_NOTE_LENGTH = 1000;
export const MAX_ALERTS_PER_USER = 10;

const RATE = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** "4.35" → 43500 (percent × 10,000); null when not a non-negative rate with at most 4 decimals. */
export function parseRateE4(text: string): number | null {
  const match = RATE.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}

/** 43500 → "4.35": at least two decimals, trailing zeros beyond them dropped. */
export function formatRateE4(value: number): string {
  const whole = Math.floor(value / 10_000);
  let fraction = String(value % 10_000).padStart(4, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${whole}.${fraction}`;
}

/** A numeric(7,4) from the database ("4.3500") as the API shows it ("4.35"). */
export function formatRate(text: string | null): string | null {
  if (text === null) return null;
  const value = parseRateE4(text);
  return value === null ? text : formatRateE4(value);
}

/** The numeric(7,4) text to store for a rate given as percent × 10,000. */
export function rateForDatabase(value: number): string {
  return `${Math.floor(value / 10_000)}.${String(value % 10_000).padStart(4, '0')}`;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** A mainland mobile number or a landline with its area code; spaces and dashes between groups allowed. */
export function normalisePhone(text: string): string | null {
  const compact = text.replace(/[\s]/g, '');
  if (MOBILE.test(compact.replace(/-/g, ''))) return compact.replace(/-/g, '');
  if (LANDLINE.test(compact)) return compact;
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 resident identity number: 17 digits and a check character. */
export function isValidIdNumber(text: string): boolean {
  const value = text.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17];
}
