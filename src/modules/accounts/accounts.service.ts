import { createHmac } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimitStore } from '../../shared/rate-limiter.js';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { idempotently, type IdempotencyClaim } from '../../shared/idempotency/idempotency.js';
import { localIdOf } from '../../shared/ids.js';
import { inTransaction } from '../../shared/transaction.js';
import type { Department, Role } from '../../shared/viewer.js';
import { Organisation, Session, User, type OrganisationKind } from './accounts.entity.js';
import { revokeCredentials } from './authentication.js';
import {
  SESSION_TOKEN_PREFIX,
  decoyPasswordHash,
  hashPassword,
  newSecret,
  passwordProblems,
  sha256,
  verifyPassword,
} from './credentials.js';
import './accounts.messages.js';

// Failed sign-ins are counted twice, so that guessing is stopped without handing anyone a way to lock
// someone else out (the numbers are settings: README, "Sign-in lockout"):
// - per account and source address: SIGN_IN_FAILURES_PER_SOURCE (5) failures within 15 minutes refuse
//   that address for 15 minutes, whatever the password. The owner signing in from elsewhere is not
//   locked by someone guessing from one place.
// - per account from every address: SIGN_IN_FAILURES_PER_ACCOUNT (50) failures within an hour refuse
//   everyone for an hour: the slower limit against guessing spread over many addresses. Locking an
//   account for its owner thus takes 50 failures from at least 10 addresses.
// Unknown emails are counted like real ones, so a lockout tells nothing about which accounts exist.
// One count for all instances (shared/rate-limiter.ts).
const SOURCE_WINDOW_SECONDS = 15 * 60;
const ACCOUNT_WINDOW_SECONDS = 60 * 60;

type Limiter = RateLimiter;
interface SignInLimits {
  perSource: Limiter;
  perAccount: Limiter;
}

/** The two limiters of these settings (the store keeps one of each, so this is cheap per request). */
function signInLimits(
  store: RateLimitStore,
  { failuresPerSource, failuresPerAccount }: Config['signInLockout'],
): SignInLimits {
  const setting = `${failuresPerSource}/${failuresPerAccount}`;
  return {
    perSource: store.limiter({
      keyPrefix: `sign-in-source-${setting}`,
      points: failuresPerSource,
      duration: SOURCE_WINDOW_SECONDS,
      blockDuration: SOURCE_WINDOW_SECONDS,
    }),
    perAccount: store.limiter({
      keyPrefix: `sign-in-account-${setting}`,
      points: failuresPerAccount,
      duration: ACCOUNT_WINDOW_SECONDS,
      blockDuration: ACCOUNT_WINDOW_SECONDS,
    }),
  };
}

/** The key of an account as seen from one address (a space cannot occur in either). */
function sourceKey(email: string, ctx: RequestContext): string {
  return `${email} ${ctx.clientAddress ?? 'unknown'}`;
}

/** Milliseconds until this address may try this account again, or 0 when it may now. */
async function lockedForMs(limits: SignInLimits, email: string, ctx: RequestContext): Promise<number> {
  const [bySource, byAccount] = await Promise.all([
    limits.perSource.get(sourceKey(email, ctx)),
    limits.perAccount.get(email),
  ]);
  const waits = [
    bySource && bySource.consumedPoints >= limits.perSource.points ? bySource.msBeforeNext : 0,
    byAccount && byAccount.consumedPoints >= limits.perAccount.points ? byAccount.msBeforeNext : 0,
  ];
  return Math.max(...waits);
}

async function countFailure(limiter: Limiter, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    // Over the limit: the lockout has started, which is what counting is for.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function passwordRuleProblems(password: string, email: string, field: string[]): Problem[] {
  return passwordProblems(password, email).map((key) => problem(UserErrorCode.WEAK_PASSWORD, key, field));
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  locale: 'ZH_CN' | 'EN';
  foreignInvestor: boolean;
  /** The client's idempotency key: a retry with it answers with the first account and session. */
  idempotencyKey?: string | null;
}

export interface SignedIn {
  user: User;
  token: string;
  expiresAt: Date;
}

async function startSession(
  tx: RequestContext,
  user: User,
  token = newSecret(SESSION_TOKEN_PREFIX),
): Promise<SignedIn> {
  const now = tx.deps.clock.now();
  const expiresAt = new Date(now.getTime() + tx.deps.config.sessionTtlHours * 3600_000);
  tx.em.persist(tx.em.create(Session, { user, tokenHash: sha256(token), createdAt: now, expiresAt, revokedAt: null }));
  return { user, token, expiresAt };
}

/**
 * An applicant (enterprise or foreign investor) creates its own account and is signed in. Under an
 * idempotency key a retry answers with the same account and the same session token, which is why
 * that token is derived from the key's record rather than drawn at random: only its hash is stored.
 */
export async function signUp(ctx: RequestContext, input: SignUpInput): Promise<SignedIn> {
  return idempotently(
    ctx,
    { operation: 'signUp', key: input.idempotencyKey, input },
    {
      create: (tx, claim) => createAccount(tx, input, claim ? idempotentSessionToken(tx, claim) : undefined),
      replay: async (tx, userId, claim) => {
        const token = idempotentSessionToken(tx, claim);
        const session = await tx.em.findOneOrFail(
          Session,
          { tokenHash: sha256(token), user: userId },
          { populate: ['user'] },
        );
        return { user: session.user, token, expiresAt: session.expiresAt };
      },
      idOf: (signedIn) => signedIn.user.id,
    },
  );
}

function idempotentSessionToken(ctx: RequestContext, claim: IdempotencyClaim): string {
  return (
    SESSION_TOKEN_PREFIX +
    createHmac('sha256', ctx.deps.signingKey).update(`signUp-session:${claim.id}`, 'utf8').digest('base64url')
  );
}

async function createAccount(ctx: RequestContext, input: SignUpInput, sessionToken?: string): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  throwIfProblems(passwordRuleProblems(input.password, email, ['input', 'password']));
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async (tx) => {
      const user = tx.em.create(User, {
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        role: 'APPLICANT',
        department: null,
        organisation: null,
        locale: input.locale,
        foreignInvestor: input.foreignInvestor,
        createdAt: tx.deps.clock.now(),
        disabledAt: null,
      });
      tx.em.persist(user);
      recordAudit(tx, { action: 'account.signUp', subjectType: 'User', subjectId: user.id, toState: 'ACTIVE' });
      const signedIn = await startSession(tx, user, sessionToken);
      await tx.em.flush();
      return signedIn;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'accounts.emailTaken', ['input', 'email']));
    }
    throw error;
  }
}

export async function signIn(ctx: RequestContext, input: { email: string; password: string }): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const limits = signInLimits(ctx.deps.rateLimits, ctx.deps.config.signInLockout);
  // A locked account is refused before the password is even checked.
  const waitMs = await lockedForMs(limits, email, ctx);
  if (waitMs > 0) {
    throw new DomainError(
      problem(UserErrorCode.TOO_MANY_ATTEMPTS, 'accounts.tooManyAttempts', undefined, {
        seconds: Math.ceil(waitMs / 1000),
      }),
    );
  }
  const user = await ctx.em.findOne(User, { email, disabledAt: null }, { populate: ['passwordHash'] });
  // Verify against a decoy when the account does not exist, so the answer takes as long either way.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok) {
    await Promise.all([countFailure(limits.perSource, sourceKey(email, ctx)), countFailure(limits.perAccount, email)]);
    throw new DomainError(problem(UserErrorCode.INVALID_CREDENTIALS, 'accounts.invalidCredentials'));
  }
  // The owner proved itself from this address; failures from elsewhere still count against the account.
  await limits.perSource.delete(sourceKey(email, ctx));
  return inTransaction(ctx, async (tx) => {
    const signedIn = await startSession(tx, tx.em.merge(user));
    recordAudit(tx, { action: 'account.signIn', subjectType: 'User', subjectId: user.id });
    await tx.em.flush();
    return signedIn;
  });
}

export async function signOut(ctx: RequestContext): Promise<void> {
  const sessionId = ctx.viewer.sessionId;
  if (!sessionId) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'accounts.notSignedInWithSession'));
  await inTransaction(ctx, async (tx) => {
    const session = await tx.em.findOneOrFail(Session, { id: sessionId });
    session.revokedAt = tx.deps.clock.now();
    recordAudit(tx, { action: 'account.signOut', subjectType: 'User', subjectId: ctx.viewer.userId as string });
    await tx.em.flush();
  });
  revokeCredentials(ctx.deps.events, { id: sessionId, scope: 'SESSION' });
}

export async function changePassword(
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<User> {
  const userId = ctx.viewer.userId as string;
  const user = await ctx.em.findOneOrFail(User, { id: userId }, { populate: ['passwordHash'] });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new DomainError(
      problem(UserErrorCode.INVALID_CREDENTIALS, 'accounts.wrongCurrentPassword', ['input', 'currentPassword']),
    );
  }
  throwIfProblems(passwordRuleProblems(input.newPassword, user.email, ['input', 'newPassword']));
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(ctx, async (tx) => {
    const current = tx.em.merge(user);
    current.passwordHash = passwordHash;
    const now = tx.deps.clock.now();
    // Every other session ends: a changed password must lock out whoever knew the old one.
    await tx.em.nativeUpdate(
      Session,
      { user: userId, revokedAt: null, id: { $ne: ctx.viewer.sessionId ?? undefined } },
      { revokedAt: now },
    );
    recordAudit(tx, { action: 'account.changePassword', subjectType: 'User', subjectId: userId });
    await tx.em.flush();
    tx.afterCommit.push(() =>
      revokeCredentials(tx.deps.events, { id: userId, scope: 'USER', exceptSessionId: ctx.viewer.sessionId }),
    );
    return current;
  });
}

const STAFF_ORGANISATION_KINDS: Partial<Record<Role, OrganisationKind[]>> = {
  BANK_OFFICER: ['BANK'],
  HOST_AGENT: ['LAW_FIRM', 'ACCOUNTING_FIRM'],
};

export interface CreateStaffAccountInput {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  department: Department | null;
  organisationId: string | null;
  locale: 'ZH_CN' | 'EN';
  /** Administers its organisation (its API keys): bank officers and host agents only. */
  organisationAdmin?: boolean;
}

/** ADMIN: an account for a bank officer, host agent, official or another administrator. */
export async function createStaffAccount(ctx: RequestContext, input: CreateStaffAccountInput): Promise<User> {
  const email = normaliseEmail(input.email);
  const problems: Problem[] = passwordRuleProblems(input.password, email, ['input', 'password']);
  if (input.role === 'APPLICANT' || input.role === 'PARTNER') {
    problems.push(problem(UserErrorCode.INVALID_INPUT, 'accounts.roleNotStaff', ['input', 'role']));
  }
  if (input.role === 'OFFICIAL' && !input.department) {
    problems.push(problem(UserErrorCode.REQUIRED, 'accounts.departmentRequired', ['input', 'department']));
  }
  if (input.role !== 'OFFICIAL' && input.department) {
    problems.push(problem(UserErrorCode.INVALID_INPUT, 'accounts.departmentOnlyForOfficials', ['input', 'department']));
  }
  const organisationKinds = STAFF_ORGANISATION_KINDS[input.role];
  let organisation: Organisation | null = null;
  if (organisationKinds) {
    const organisationId = input.organisationId ? localIdOf(input.organisationId, 'Organisation') : null;
    organisation = organisationId ? await ctx.em.findOne(Organisation, { id: organisationId }) : null;
    if (!input.organisationId) {
      problems.push(problem(UserErrorCode.REQUIRED, 'accounts.organisationRequired', ['input', 'organisationId']));
    } else if (!organisation) {
      problems.push(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'organisationId']));
    } else if (!organisationKinds.includes(organisation.kind)) {
      problems.push(
        problem(UserErrorCode.INVALID_INPUT, 'accounts.organisationKindMismatch', ['input', 'organisationId']),
      );
    }
  } else if (input.organisationId) {
    problems.push(
      problem(UserErrorCode.INVALID_INPUT, 'accounts.organisationKindMismatch', ['input', 'organisationId']),
    );
  }
  if (input.organisationAdmin && !organisationKinds) {
    problems.push(
      problem(UserErrorCode.INVALID_INPUT, 'accounts.organisationAdminNeedsOrganisation', [
        'input',
        'organisationAdmin',
      ]),
    );
  }
  throwIfProblems(problems);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async (tx) => {
      const user = tx.em.create(User, {
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        role: input.role,
        department: input.department,
        organisation: organisation ? tx.em.getReference(Organisation, organisation.id) : null,
        organisationAdmin: input.organisationAdmin ?? false,
        locale: input.locale,
        foreignInvestor: false,
        createdAt: tx.deps.clock.now(),
        disabledAt: null,
      });
      tx.em.persist(user);
      recordAudit(tx, {
        action: 'account.createStaff',
        subjectType: 'User',
        subjectId: user.id,
        toState: 'ACTIVE',
        details: {
          role: input.role,
          department: input.department,
          organisationAdmin: input.organisationAdmin ?? false,
        },
      });
      await tx.em.flush();
      return user;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'accounts.emailTaken', ['input', 'email']));
    }
    throw error;
  }
}

/** ADMIN: a bank, law firm or accounting firm that staff accounts can belong to. */
export async function createOrganisation(
  ctx: RequestContext,
  input: { kind: OrganisationKind; name: string; uscc: string | null },
): Promise<Organisation> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const organisation = tx.em.create(Organisation, {
        kind: input.kind,
        name: input.name.trim(),
        uscc: input.uscc,
        createdAt: tx.deps.clock.now(),
      });
      tx.em.persist(organisation);
      recordAudit(tx, { action: 'organisation.create', subjectType: 'Organisation', subjectId: organisation.id });
      await tx.em.flush();
      return organisation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'accounts.organisationNameTaken', ['input', 'name']));
    }
    throw error;
  }
}
