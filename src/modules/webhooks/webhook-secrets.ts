import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// The signing secret of an endpoint. An API key's secret is stored only as a hash, but this one cannot
// be: every delivery is signed with HMAC-SHA256 keyed by the secret itself, so the platform must be able
// to read it back. It is therefore stored encrypted (AES-256-GCM) under a key derived from the
// platform's SIGNING_KEY, never exposed by any field, and shown to the organisation once, at creation
// and at rotation.

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

function encryptionKey(signingKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', signingKey, Buffer.alloc(0), 'qes webhook endpoint secrets', 32));
}

/** iv.ciphertext.tag, base64url. */
export function encryptSecret(signingKey: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(signingKey), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

export function decryptSecret(signingKey: Buffer, stored: string): string {
  const [iv, ciphertext, tag] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(signingKey), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString('utf8');
}

/**
 * The X-QES-Signature header, as Stripe signs: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. The
 * timestamp is signed with the body, so a receiver that refuses old timestamps refuses replays.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
