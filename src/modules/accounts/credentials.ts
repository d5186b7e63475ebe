import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords: scrypt, memory-hard (N=2^15, r=8 → 32 MiB per hash), with a random salt, stored as
// "scrypt$N$r$p$salt$hash" so the parameters can be raised later without breaking old hashes.
// Tokens and API key secrets: 256 random bits; only their SHA-256 is stored, so a database leak
// gives no usable credential, and looking one up by hash is constant-time with respect to the secret.

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, maxmem: 64 * 1024 * 1024 };

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, SCRYPT.keyLength, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

export const SESSION_TOKEN_PREFIX = 'qes_s_';
export const API_KEY_PREFIX = 'qes_k_';

export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Password rules: 10–128 characters with letters and digits; not the email. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('accounts.passwordTooShort');
  if (password.length > 128) problems.push('accounts.passwordTooLong');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('accounts.passwordNeedsLettersAndDigits');
  if (
    email &&
    password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()) &&
    email.split('@')[0]!.length >= 4
  ) {
    problems.push('accounts.passwordContainsEmail');
  }
  return problems;
}
