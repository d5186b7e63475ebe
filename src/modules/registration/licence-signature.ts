import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LicenceFacts } from './registration.entity.js';

// The verification code of an electronic business licence: the licence's id and an HMAC-SHA256 tag
// over the id and the facts it certifies, keyed with the deployment's signing key. Without the key
// nobody can make a code that verifies (a forgery), and changing a character of a code, or a fact
// in the database, makes the tag fail (an alteration). 16 bytes of id + 16 bytes of tag, base64url.

const DOMAIN = 'qes-business-licence-v1\n';
const TAG_BYTES = 16;

/** JSON with keys in a fixed order, so the same facts always sign to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

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

/** Whether the code is the one the key gives for this licence's stored facts (constant-time). */
export function codeMatches(key: Buffer, code: string, licenceId: string, facts: LicenceFacts): boolean {
  const bytes = Buffer.from(code.trim(), 'base64url');
  if (bytes.length !== 16 + TAG_BYTES) return false;
  const id = uuidBytes(licenceId);
  if (!timingSafeEqual(bytes.subarray(0, 16), id)) return false;
  return timingSafeEqual(bytes.subarray(16), tag(key, id, facts));
}
