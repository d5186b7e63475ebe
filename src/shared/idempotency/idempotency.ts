import { createHmac, randomUUID } from 'node:crypto';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';
import { DomainError, UserErrorCode, problem } from '../errors.js';
import { defineMessages } from '../messages.js';
import { inTransaction } from '../transaction.js';
import { IdempotencyKey } from './idempotency.entity.js';
import { canonicalJson } from '../canonical-json.js';

// Idempotency keys for create-type mutations. A client that may retry (a timeout, a lost answer)
// sends a key of its own choosing; the first request with the key records it in the same
// transaction as the object it creates, and a retry with the same key and the same input answers
// with that object and writes nothing. Only successes are remembered: a refused request rolls its
// key back with everything else, so a corrected retry may reuse it.
//
// Concurrent duplicates: the key row is claimed first (INSERT … ON CONFLICT DO NOTHING on the
// unique (scope, key) index). A second transaction with the same key waits on that index entry
// until the first commits, then finds the row and answers with its object; if the first rolled
// back, the second goes on and creates.

/** How long a key is remembered; after that the same key starts a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;

const messages = defineMessages({
  'idempotency.keyReused': {
    zh: '该幂等键已用于另一个不同的请求；重试时请发送完全相同的内容，新请求请使用新的键。',
    en: 'This idempotency key was already used for a different request. Retry with exactly the same input, or use a new key for a new request.',
  },
});

/**
 * The optional `idempotencyKey` field of a create mutation's input: one definition for all of them
 * (description, length and character rules).
 */
export function IdempotencyKeyField(): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    Field(() => String, {
      nullable: true,
      description:
        'Optional key of your choosing (1–100 visible ASCII characters, e.g. a UUID) that makes the request safe to retry: a repeat with the same key and the same input within 24 hours returns the first result and creates nothing more; the same key with a different input is refused with CONFLICT. Keys are per viewer.',
    }),
    IsOptional(),
    MaxLength(MAX_IDEMPOTENCY_KEY_LENGTH),
    Matches(/^[\x21-\x7e]+$/),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}

export interface IdempotentRequest {
  /** The mutation's name. */
  operation: string;
  /** The client's key; without one the request simply runs. */
  key: string | null | undefined;
  /** The input as received; the key itself is left out of the fingerprint. */
  input: object;
}

export interface IdempotentWork<T> {
  /** Creates the object (inside the transaction it is given) and returns it with its local id. */
  create(tx: RequestContext, claim: IdempotencyClaim | null): Promise<T>;
  /** Loads what the first request answered, from the local id it recorded. */
  replay(tx: RequestContext, resultId: string, claim: IdempotencyClaim): Promise<T>;
  /** The local id to remember for `replay`. */
  idOf(result: T): string;
}

/** The recorded key a request runs under. */
export interface IdempotencyClaim {
  /** The key row's id: stable across retries, for results that must be derived again (sign-up's token). */
  id: string;
}

/**
 * Runs a create-type mutation under the request's idempotency key, all in one transaction: the
 * first request with a key creates and records the result; a retry answers with the recorded one.
 */
export async function idempotently<T>(
  ctx: RequestContext,
  request: IdempotentRequest,
  work: IdempotentWork<T>,
): Promise<T> {
  if (!request.key) return work.create(ctx, null);
  const key = request.key;
  return inTransaction(ctx, async (tx) => {
    const scope = scopeOf(tx);
    const fingerprint = fingerprintOf(tx, request);
    const now = tx.deps.clock.now();
    // A key past its lifetime is forgotten: the same key then starts a new request.
    await tx.em.execute(
      'delete from idempotency_keys where scope = ? and key = ? and created_at <= ?',
      [scope, key, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)],
      'run',
    );
    const claimed = await tx.em.execute<{ id: string }[]>(
      `insert into idempotency_keys (id, scope, key, operation, fingerprint, result_id, created_at)
       values (?, ?, ?, ?, ?, null, ?) on conflict (scope, key) do nothing returning id`,
      [randomUUID(), scope, key, request.operation, fingerprint, now],
      'all',
    );
    if (claimed.length === 0) {
      const first = await tx.em.findOneOrFail(IdempotencyKey, { scope, key }, { disableIdentityMap: true });
      if (first.operation !== request.operation || first.fingerprint !== fingerprint || !first.resultId) {
        throw new DomainError(
          problem(UserErrorCode.CONFLICT, messages['idempotency.keyReused'], ['input', 'idempotencyKey']),
        );
      }
      return work.replay(tx, first.resultId, { id: first.id });
    }
    const claim = { id: claimed[0]!.id };
    const result = await work.create(tx, claim);
    await tx.em.execute('update idempotency_keys set result_id = ? where id = ?', [work.idOf(result), claim.id], 'run');
    return result;
  });
}

/** Forgets keys past their lifetime (a scheduled job), so the table holds about a day of keys. */
export async function forgetExpiredIdempotencyKeys(em: EntityManager, clock: Clock): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - IDEMPOTENCY_KEY_TTL_MS);
  return em.fork().nativeDelete(IdempotencyKey, { createdAt: { $lte: cutoff } });
}

/** Keys are per viewer; sign-up has no viewer yet, so anonymous requests share one scope. */
function scopeOf(ctx: RequestContext): string {
  const { viewer } = ctx;
  if (viewer.kind === 'API_KEY') return `apiKey:${viewer.apiKeyId}`;
  if (viewer.kind === 'USER') return `user:${viewer.userId}`;
  return 'anonymous';
}

/**
 * Keyed with the platform's signing key: sign-up's input holds a password, and a plain hash of it
 * in a table would be a password hash anyone reading the table could attack.
 */
function fingerprintOf(ctx: RequestContext, request: IdempotentRequest): string {
  const { idempotencyKey: _key, ...input } = request.input as Record<string, unknown>;
  return createHmac('sha256', ctx.deps.signingKey)
    .update(`${request.operation}\n${canonicalJson(input)}`, 'utf8')
    .digest('hex');
}
