import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { Organisation, User } from '../../src/modules/accounts/index.js';
import { Session } from '../../src/modules/accounts/accounts.entity.js';
import { newSecret, sha256, SESSION_TOKEN_PREFIX } from '../../src/modules/accounts/credentials.js';
import type { Department, Role } from '../../src/shared/viewer.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TestApp } from './app.js';

// Rows a test needs, built directly (fast: no password hashing), with unique emails so tests in one
// file never collide.

export interface TestUser {
  user: User;
  token: string;
}

/** A precomputed scrypt hash of "Correct-horse-9", so factories need not hash. */
export const TEST_PASSWORD = 'Correct-horse-9';
let testPasswordHash: string | null = null;

/**
 * A hash of TEST_PASSWORD with a small scrypt cost. Signing in checks a stored hash at the cost written
 * in it: for tests that sign in (or change the password) many times, where the full cost only adds time.
 */
export function cheapPasswordHash(): string {
  const salt = randomBytes(16);
  const hash = scryptSync(TEST_PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

async function passwordHash(): Promise<string> {
  const { hashPassword } = await import('../../src/modules/accounts/credentials.js');
  testPasswordHash ??= await hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

export async function createOrganisation(
  app: TestApp,
  kind: Organisation['kind'] = 'BANK',
  name?: string,
): Promise<Organisation> {
  const em = app.em();
  const organisation = em.create(Organisation, {
    kind,
    name: name ?? `测试机构 ${randomUUID().slice(0, 8)}`,
    uscc: null,
    createdAt: app.clock.now(),
  });
  await em.flush();
  return organisation;
}

export async function createUser(
  app: TestApp,
  options: {
    role?: Role;
    department?: Department;
    organisation?: Organisation;
    email?: string;
    foreignInvestor?: boolean;
    /** The stored hash of TEST_PASSWORD (default: one at the full cost). */
    passwordHash?: string;
    /** The user administers its organisation (its API keys). */
    organisationAdmin?: boolean;
  } = {},
): Promise<TestUser> {
  const em = app.em();
  const role = options.role ?? 'APPLICANT';
  let organisation = options.organisation ?? null;
  if (!organisation && role === 'BANK_OFFICER') organisation = await createOrganisation(app, 'BANK');
  if (!organisation && role === 'HOST_AGENT') organisation = await createOrganisation(app, 'LAW_FIRM');
  const user = em.create(User, {
    email: options.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`,
    displayName: `${role} 测试`,
    passwordHash: options.passwordHash ?? (await passwordHash()),
    role,
    department: options.department ?? (role === 'OFFICIAL' ? 'MARKET_REGULATION' : null),
    organisation: organisation ? em.getReference(Organisation, organisation.id) : null,
    organisationAdmin: options.organisationAdmin ?? false,
    locale: 'ZH_CN',
    foreignInvestor: options.foreignInvestor ?? false,
    createdAt: app.clock.now(),
    disabledAt: null,
  });
  const token = openSession(app, em, user);
  await em.flush();
  return { user, token };
}

/** A year-long session of `user`, as sign-in would create it (persisted with the caller's next flush); its token. */
export function openSession(app: TestApp, em: EntityManager, user: User): string {
  const token = newSecret(SESSION_TOKEN_PREFIX);
  em.create(Session, {
    user,
    tokenHash: sha256(token),
    createdAt: app.clock.now(),
    expiresAt: new Date(app.clock.now().getTime() + 3600_000 * 24 * 365),
    revokedAt: null,
  });
  return token;
}

/** One signed-in user of each role (officials of MARKET_REGULATION unless said otherwise). */
export async function createRoleUsers(app: TestApp) {
  return {
    applicant: await createUser(app, { role: 'APPLICANT' }),
    otherApplicant: await createUser(app, { role: 'APPLICANT' }),
    bank: await createUser(app, { role: 'BANK_OFFICER' }),
    host: await createUser(app, { role: 'HOST_AGENT' }),
    official: await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' }),
    taxOfficial: await createUser(app, { role: 'OFFICIAL', department: 'TAX' }),
    admin: await createUser(app, { role: 'ADMIN' }),
  };
}
