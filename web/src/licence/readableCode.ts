// The readable form of a business licence verification code, as the server issues it
// (src/modules/registration/licence-signature.ts): 19 symbols and a check symbol from an alphabet
// without 0/O and 1/I/L, grouped by four. The page checks the check symbol before asking the server,
// so a typing mistake is told as a typing mistake, not as a possible forgery.

export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 20;

function checkSymbol(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += (i + 1) * READABLE_ALPHABET.indexOf(data[i]!);
  return READABLE_ALPHABET[sum % READABLE_ALPHABET.length]!;
}

export type TypedCode =
  /** A readable code, in its grouped form ("K7QM-2XP9-HD4R-8WNB-3TCE"). */
  | { kind: 'readable'; code: string }
  /** The length and alphabet of a readable code, but a symbol is wrong (the check symbol disagrees). */
  | { kind: 'mistyped' }
  /** Anything else (a legacy code of the first licences, or not a code): the server decides. */
  | { kind: 'other'; code: string };

/** Reads what a person typed: any case, hyphens or spaces anywhere. */
export function readTypedCode(input: string): TypedCode {
  const trimmed = input.trim();
  const symbols = trimmed.toUpperCase().replace(/[\s\-‐‑‒–—]/g, '');
  if (symbols.length === LENGTH && [...symbols].every((symbol) => READABLE_ALPHABET.includes(symbol))) {
    if (checkSymbol(symbols.slice(0, -1)) !== symbols.slice(-1)) return { kind: 'mistyped' };
    return { kind: 'readable', code: symbols.match(/.{4}/g)!.join('-') };
  }
  return { kind: 'other', code: trimmed };
}
