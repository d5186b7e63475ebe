import type { EntityManager } from '@mikro-orm/core';
import { shanghaiDate } from '../../shared/clock.js';

// A key's use, recorded off the request's path: nothing here is awaited, so a partner's request is
// never slowed by it.
// - ApiKey.lastUsedAt: written at most once a minute per key and process; a busy key costs one UPDATE a
//   minute, not one per request.
// - Requests per key and day (api_key_daily_uses): counted in memory and added to the table in one
//   statement for all keys, at most once per KEY_USAGE_WRITE_INTERVAL_MS (and at shutdown, or when a
//   test asks: flushApiKeyUse). A count lost to a crash is at most one interval's worth.

export const KEY_USAGE_WRITE_INTERVAL_MS = 60_000;
const MAX_TRACKED = 10_000;
const lastWritten = new Map<string, number>();

/** Requests not yet added to the table, by key id and day ("<id> <yyyy-mm-dd>"). */
const pendingCounts = new Map<string, number>();
let pendingWriter: EntityManager | null = null;
let flushTimer: NodeJS.Timeout | null = null;

/** Records that the key was used at `now` (throttled, not awaited). */
export function noteApiKeyUse(em: EntityManager, apiKeyId: string, now: Date): void {
  countUse(em, apiKeyId, now);
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

function countUse(em: EntityManager, apiKeyId: string, now: Date): void {
  const key = `${apiKeyId} ${shanghaiDate(now)}`;
  pendingCounts.set(key, (pendingCounts.get(key) ?? 0) + 1);
  pendingWriter = em;
  flushTimer ??= setTimeout(() => void flushApiKeyUse(), KEY_USAGE_WRITE_INTERVAL_MS).unref();
}

/**
 * Adds the requests counted so far to api_key_daily_uses in one statement. Counts of a key deleted
 * meanwhile are dropped (the join on api_keys); a failed write puts the counts back for the next try.
 */
export async function flushApiKeyUse(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const em = pendingWriter;
  if (!em || pendingCounts.size === 0) return;
  const batch = [...pendingCounts];
  pendingCounts.clear();
  const rows = batch.map(([key, requests]) => ({ id: key.slice(0, 36), day: key.slice(37), requests }));
  try {
    await em.getConnection().execute(
      `insert into "api_key_daily_uses" ("api_key_id", "day", "requests")
       select u.id, u.day, u.requests
         from jsonb_to_recordset(?::jsonb) as u(id uuid, day date, requests int)
         join "api_keys" k on k."id" = u.id
       on conflict ("api_key_id", "day") do update
         set "requests" = "api_key_daily_uses"."requests" + excluded."requests"`,
      [JSON.stringify(rows)],
    );
  } catch {
    for (const [key, count] of batch) pendingCounts.set(key, (pendingCounts.get(key) ?? 0) + count);
  }
}
