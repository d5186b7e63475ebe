import type { Money } from './graphql/common.types.js';
import { CurrencyCode } from './graphql/common.types.js';

// Money is integer fen (分) everywhere inside; yuan strings with two decimals at the edge. Never a float.

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses "1500000.00" (or "1500000", "0.5") to fen; null when the text is not a non-negative amount. */
export function parseYuanToFen(text: string): number | null {
  const match = YUAN.exec(text.trim());
  if (!match) return null;
  const yuan = Number(match[1]);
  const fen = Number((match[2] ?? '').padEnd(2, '0'));
  return yuan * 100 + fen;
}

export function formatFen(fen: number | bigint | string): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

export function money(fen: number | bigint | string): Money {
  return { amount: formatFen(fen), currency: CurrencyCode.CNY };
}
