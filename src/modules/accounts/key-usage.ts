import type { EntityManager } from '@mikro-orm/core';

// ApiKey.lastUsedAt, written at most once a minute per key and process, off the request's path: the
// write is not awaited, so a partner's request is never slowed by it, and a busy key costs one UPDATE
// a minute, not one per request.

export const KEY_USAGE_WRITE_INTERVAL_MS = 60_000;
const MAX_TRACKED = 10_000;
const lastWritten = new Map<string, number>();

/** Records that the key was used at `now` (throttled, not awaited). */
export function noteApiKeyUse(em: EntityManager, apiKeyId: string, now: Date): void {
  const at = now.getTime();
  const previous = lastWritten.get(apiKeyId);
  // A clock set back (tests) counts as a new minute.
  if (previous !== undefined && at >= previous && at - previous < KEY_USAGE_WRITE_INTERVAL_MS) return;
  lastWritten.delete(apiKeyId);
  if (lastWritten.size >= MAX_TRACKED) lastWritten.delete(lastWritten.keys().next().value as string);
  lastWritten.set(apiKeyId, at);
  void em
    .getConnection()
    .execute(
      'update "api_keys" set "last_used_at" = ? where "id" = ? and ("last_used_at" is null or "last_used_at" < ?)',
      [now, apiKeyId, now],
    )
    // Only a usage stamp: a failed write (the database closing at shutdown) is retried on the next use.
    .catch(() => {
      if (lastWritten.get(apiKeyId) === at) lastWritten.delete(apiKeyId);
    });
}
