import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.js';
import type { LicenceFacts } from './registration.entity.js';

// The verification code of an electronic business licence, keyed with the deployment's signing key:
// without the key nobody can make a code that verifies (a forgery), and changing a character of a
// code, or a fact in the database, makes it fail (an alteration). Two forms:
//
// - Readable (issued since issue 20), for a person to read off a licence and type: 19 symbols of an
//   HMAC-SHA256 over the licence id and its facts, and a check symbol, in an alphabet of 31 with no
//   0/O, 1/I/L look-alikes, grouped by four: "K7QM-2XP9-HD4R-8WNB-3TCE". Typed in any case, with or
//   without the hyphens or spaces. The check symbol (weighted sum modulo the prime 31) catches any
//   one mistyped symbol and any two neighbours swapped before the server is asked. 19 symbols are
//   94 bits: found by equality on the stored code, then recomputed over the stored facts.
// - Legacy (the first licences): the licence's id and a 16-byte HMAC tag, base64url (43 characters).
//   Still verified, so no licence already issued stops verifying.

const DOMAIN = 'qes-business-licence-v1\n';
const TAG_BYTES = 16;

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function tag(key: Buffer, id: Buffer, facts: LicenceFacts): Buffer {
  return createHmac('sha256', key)
    .update(DOMAIN)
    .update(id)
    .update(canonicalJson(facts), 'utf8')
    .digest()
    .subarray(0, TAG_BYTES);
}

/** A legacy code (licences issued before readable codes; kept so that they, and tests, still verify). */
export function signLicence(key: Buffer, licenceId: string, facts: LicenceFacts): string {
  const id = uuidBytes(licenceId);
  return Buffer.concat([id, tag(key, id, facts)]).toString('base64url');
}

/** The licence id a code names, or null when the code is not even well-formed. */
export function licenceIdOfCode(code: string): string | null {
  if (typeof code !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(code.trim())) return null;
  const text = code.trim();
  const bytes = Buffer.from(text, 'base64url');
  // Base64 has spare bits in its last character: refuse any spelling but the canonical one.
  if (bytes.length !== 16 + TAG_BYTES || bytes.toString('base64url') !== text) return null;
  return bytesToUuid(bytes.subarray(0, 16));
}

/** Whether the code (either form) is the one the key gives for this licence's stored facts (constant-time). */
export function codeMatches(key: Buffer, code: string, licenceId: string, facts: LicenceFacts): boolean {
  const readable = readableCodeForm(code);
  if (readable && 'code' in readable) {
    const expected = Buffer.from(readableLicenceCode(key, licenceId, facts));
    const given = Buffer.from(readable.code);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const bytes = Buffer.from(code.trim(), 'base64url');
  if (bytes.length !== 16 + TAG_BYTES) return false;
  const id = uuidBytes(licenceId);
  if (!timingSafeEqual(bytes.subarray(0, 16), id)) return false;
  return timingSafeEqual(bytes.subarray(16), tag(key, id, facts));
}

// ---------------------------------------------------------------------------------------------
// Readable codes

const READABLE_DOMAIN = 'qes-business-licence-v2\n';
/** 31 symbols: the digits 2–9 and the letters without I, L and O (no 0/O, 1/I/l confusion). */
export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = BigInt(READABLE_ALPHABET.length);
const DATA_SYMBOLS = 19;
const GROUP = 4;

/** The check symbol of the data symbols: Σ (position + 1) × value, modulo 31 (a prime). */
export function readableCheckSymbol(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += (i + 1) * READABLE_ALPHABET.indexOf(data[i]!);
  return READABLE_ALPHABET[sum % READABLE_ALPHABET.length]!;
}

function grouped(symbols: string): string {
  return symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** The readable code the key gives for a licence's id and facts, grouped: "K7QM-2XP9-HD4R-8WNB-3TCE". */
export function readableLicenceCode(key: Buffer, licenceId: string, facts: LicenceFacts): string {
  const mac = createHmac('sha256', key)
    .update(READABLE_DOMAIN)
    .update(uuidBytes(licenceId))
    .update(canonicalJson(facts), 'utf8')
    .digest();
  let value = BigInt(`0x${mac.subarray(0, 16).toString('hex')}`);
  let data = '';
  for (let i = 0; i < DATA_SYMBOLS; i++) {
    data += READABLE_ALPHABET[Number(value % BASE)];
    value /= BASE;
  }
  return grouped(data + readableCheckSymbol(data));
}

export type ReadableCodeForm = { code: string } | { mistyped: true } | null;

/**
 * A typed code in its canonical grouped form when it is a well-formed readable code (any case,
 * hyphens and spaces anywhere); `mistyped` when it has a readable code's length and symbols but its
 * check symbol is wrong; null when it is not a readable code at all.
 */
export function readableCodeForm(input: string): ReadableCodeForm {
  if (typeof input !== 'string') return null;
  const symbols = input.toUpperCase().replace(/[\s\-‐‑‒–—]/g, '');
  if (symbols.length !== DATA_SYMBOLS + 1) return null;
  if (![...symbols].every((symbol) => READABLE_ALPHABET.includes(symbol))) return null;
  const data = symbols.slice(0, DATA_SYMBOLS);
  if (readableCheckSymbol(data) !== symbols[DATA_SYMBOLS]) return { mistyped: true };
  return { code: grouped(symbols) };
}

/** Whether a stored code is a readable one (else legacy). */
export function isReadableCode(code: string): boolean {
  const form = readableCodeForm(code);
  return form !== null && 'code' in form;
}
