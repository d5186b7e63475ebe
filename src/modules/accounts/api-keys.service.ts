import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { localIdOf } from '../../shared/ids.js';
import { inTransaction } from '../../shared/transaction.js';
import { scopesAllowedFor, type ApiScope } from '../../shared/viewer.js';
import { ApiKey, Organisation, User } from './accounts.entity.js';
import { revokeCredentials } from './authentication.js';
import { API_KEY_PREFIX, newSecret, sha256 } from './credentials.js';
import './api-keys.messages.js';

// Partner API keys, managed by the platform's administrator (every key; a key of its own has no
// organisation) or by an organisation's own administrator (only its organisation's keys: another
// organisation's key is answered as if it did not exist). A secret is returned once; only its SHA-256
// is stored. Rotation keeps the previous secret valid for an overlap the caller chooses within bounds.

/** How long the previous secret keeps working after a rotation, in hours: the default and the bounds. */
export const ROTATION_OVERLAP_HOURS = { default: 24, min: 0, max: 168 } as const;

/** Whose keys the caller manages: every key (the platform administrator) or one organisation's. */
type Manager = { kind: 'PLATFORM' } | { kind: 'ORGANISATION'; organisationId: string };

function managerOf(ctx: RequestContext): Manager {
  if (ctx.viewer.role === 'ADMIN') return { kind: 'PLATFORM' };
  if (ctx.viewer.organisationAdmin && ctx.viewer.organisationId) {
    return { kind: 'ORGANISATION', organisationId: ctx.viewer.organisationId };
  }
  // The resolvers let no one else in; a defect must not widen anyone's reach.
  throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'error.forbidden'));
}

function managedWhere(manager: Manager): Record<string, unknown> {
  return manager.kind === 'PLATFORM' ? {} : { organisation: manager.organisationId };
}

const notFound = () => new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'id']));

/** The keys the caller manages, newest first. */
export function listApiKeys(ctx: RequestContext, page: PageArgs): Promise<ConnectionData<ApiKey>> {
  return paginate(ctx, ApiKey, managedWhere(managerOf(ctx)), { orderBy: { createdAt: 'desc', id: 'desc' }, ...page });
}

export interface CreateApiKeyInput {
  name: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
}

/** A key for a partner system (of the caller's organisation, for an organisation's administrator). */
export async function createApiKey(
  ctx: RequestContext,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKey; secret: string }> {
  const manager = managerOf(ctx);
  const organisation =
    manager.kind === 'ORGANISATION' ? await ctx.em.findOneOrFail(Organisation, { id: manager.organisationId }) : null;
  const now = ctx.deps.clock.now();
  const name = input.name.trim();
  const problems: Problem[] = [];
  if (!name) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'name']));
  if (input.scopes.length === 0)
    problems.push(problem(UserErrorCode.REQUIRED, 'accounts.scopesRequired', ['input', 'scopes']));
  if (organisation) {
    const allowed = scopesAllowedFor(organisation.kind);
    const refused = input.scopes.filter((scope) => !allowed.includes(scope));
    if (refused.length > 0) {
      problems.push(
        problem(UserErrorCode.NOT_ALLOWED, 'apiKeys.scopeNotAllowed', ['input', 'scopes'], {
          scopes: [...new Set(refused)].join(', '),
        }),
      );
    }
  }
  if (input.expiresAt && input.expiresAt <= now) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'apiKeys.expiryNotFuture', ['input', 'expiresAt']));
  }
  throwIfProblems(problems);
  const secret = newSecret(API_KEY_PREFIX);
  return inTransaction(ctx, async (tx) => {
    const apiKey = tx.em.create(ApiKey, {
      name,
      prefix: secret.slice(0, 12),
      secretHash: sha256(secret),
      scopes: [...new Set(input.scopes)],
      organisation: organisation ? tx.em.getReference(Organisation, organisation.id) : null,
      createdBy: tx.em.getReference(User, ctx.viewer.userId as string),
      createdAt: now,
      expiresAt: input.expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    tx.em.persist(apiKey);
    recordAudit(tx, {
      action: 'apiKey.create',
      subjectType: 'ApiKey',
      subjectId: apiKey.id,
      toState: 'ACTIVE',
      details: { scopes: apiKey.scopes, organisationId: organisation?.id ?? null },
    });
    await tx.em.flush();
    return { apiKey, secret };
  });
}

/** The key the caller manages, locked for the change; NOT_FOUND for any other. */
async function lockManagedKey(tx: RequestContext, globalId: string): Promise<ApiKey> {
  const id = localIdOf(globalId, 'ApiKey');
  if (!id) throw notFound();
  const apiKey = await tx.em.findOne(
    ApiKey,
    { id, ...managedWhere(managerOf(tx)) },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!apiKey) throw notFound();
  return apiKey;
}

/** Longest key name (as the create input allows). */
export const API_KEY_NAME_MAX = 100;

export interface UpdateApiKeyInput {
  /** Left out (undefined): unchanged. */
  name?: string | null;
  /** Left out (undefined): unchanged; null: never expires. */
  expiresAt?: Date | null;
}

/**
 * Renames a key and/or changes its expiry (a key revoked stays revoked: it cannot be changed). Bad input
 * changes nothing. A new expiry ends the cached recognitions of the key, so it applies at once.
 */
export async function updateApiKey(ctx: RequestContext, globalId: string, input: UpdateApiKeyInput): Promise<ApiKey> {
  const now = ctx.deps.clock.now();
  const problems: Problem[] = [];
  const name = input.name === undefined || input.name === null ? undefined : input.name.trim();
  if (name === '') problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'name']));
  else if (name && name.length > API_KEY_NAME_MAX)
    problems.push(problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', 'name'], { max: API_KEY_NAME_MAX }));
  if (input.expiresAt && input.expiresAt <= now)
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'apiKeys.expiryNotFuture', ['input', 'expiresAt']));
  return inTransaction(ctx, async (tx) => {
    const apiKey = await lockManagedKey(tx, globalId);
    if (apiKey.revokedAt)
      problems.unshift(problem(UserErrorCode.INVALID_STATE, 'apiKeys.revokedUnchangeable', ['input', 'id']));
    throwIfProblems(problems);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (name !== undefined && name !== apiKey.name) {
      changes.name = { from: apiKey.name, to: name };
      apiKey.name = name;
    }
    const expiresAt = input.expiresAt;
    if (expiresAt !== undefined && (expiresAt?.getTime() ?? null) !== (apiKey.expiresAt?.getTime() ?? null)) {
      changes.expiresAt = { from: apiKey.expiresAt?.toISOString() ?? null, to: expiresAt?.toISOString() ?? null };
      apiKey.expiresAt = expiresAt;
    }
    if (Object.keys(changes).length === 0) return apiKey;
    recordAudit(tx, { action: 'apiKey.update', subjectType: 'ApiKey', subjectId: apiKey.id, details: changes });
    await tx.em.flush();
    if (changes.expiresAt) {
      tx.afterCommit.push(() => revokeCredentials(tx.deps.events, { id: apiKey.id, scope: 'API_KEY' }));
    }
    return apiKey;
  });
}

export async function revokeApiKey(ctx: RequestContext, globalId: string): Promise<ApiKey> {
  return inTransaction(ctx, async (tx) => {
    const apiKey = await lockManagedKey(tx, globalId);
    if (apiKey.revokedAt)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'accounts.alreadyRevoked', ['input', 'id']));
    apiKey.revokedAt = tx.deps.clock.now();
    apiKey.previousSecretValidUntil = null;
    recordAudit(tx, {
      action: 'apiKey.revoke',
      subjectType: 'ApiKey',
      subjectId: apiKey.id,
      fromState: 'ACTIVE',
      toState: 'REVOKED',
    });
    await tx.em.flush();
    tx.afterCommit.push(() => revokeCredentials(tx.deps.events, { id: apiKey.id, scope: 'API_KEY' }));
    return apiKey;
  });
}

/**
 * A new secret for the key, returned once; the previous one keeps working for `overlapHours` (0: it
 * stops at once), so the partner can deploy the new one without a gap. A secret older than the previous
 * one stops at once: at most two work at any time.
 */
export async function rotateApiKey(
  ctx: RequestContext,
  globalId: string,
  overlapHours: number,
): Promise<{ apiKey: ApiKey; secret: string }> {
  if (
    !Number.isInteger(overlapHours) ||
    overlapHours < ROTATION_OVERLAP_HOURS.min ||
    overlapHours > ROTATION_OVERLAP_HOURS.max
  ) {
    throw new DomainError(
      problem(UserErrorCode.OUT_OF_RANGE, 'apiKeys.overlapOutOfRange', ['input', 'overlapHours'], {
        min: ROTATION_OVERLAP_HOURS.min,
        max: ROTATION_OVERLAP_HOURS.max,
      }),
    );
  }
  const secret = newSecret(API_KEY_PREFIX);
  return inTransaction(ctx, async (tx) => {
    const apiKey = await lockManagedKey(tx, globalId);
    const now = tx.deps.clock.now();
    if (apiKey.revokedAt || (apiKey.expiresAt && apiKey.expiresAt <= now)) {
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'apiKeys.notActive', ['input', 'id']));
    }
    apiKey.previousSecretHash = overlapHours > 0 ? apiKey.secretHash : null;
    apiKey.previousSecretValidUntil = overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3600_000) : null;
    apiKey.secretHash = sha256(secret);
    apiKey.prefix = secret.slice(0, 12);
    apiKey.rotatedAt = now;
    recordAudit(tx, {
      action: 'apiKey.rotate',
      subjectType: 'ApiKey',
      subjectId: apiKey.id,
      details: { overlapHours },
    });
    await tx.em.flush();
    // Cached recognitions of the old secret end now; the database then answers with the overlap.
    tx.afterCommit.push(() => revokeCredentials(tx.deps.events, { id: apiKey.id, scope: 'API_KEY' }));
    return { apiKey, secret };
  });
}
