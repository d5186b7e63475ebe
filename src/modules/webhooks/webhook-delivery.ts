import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { RequestContext } from '../../shared/context.js';
import { readVisibleEvents, viewerAudience, type FeedRow } from '../../shared/events/event-feed.service.js';
import { toGlobalId } from '../../shared/ids.js';
import { notifyEach } from '../../shared/notifications/notification.service.js';
import { NotificationKind } from '../../shared/notifications/notification.types.js';
import { inTransaction } from '../../shared/transaction.js';
import { anonymousViewer, scopesAllowedFor } from '../../shared/viewer.js';
import type { Organisation } from '../accounts/index.js';
import { FINANCING_DEMAND_PUBLISHED, demandFactsByIds, demandMatches, filterFromJson } from '../financing/index.js';
import { decryptSecret, signatureHeader } from './webhook-secrets.js';
import { parseWebhookUrl, pinnedLookup, resolvePublicAddresses } from './webhook-url.js';
import { WebhookDeliveryStatus } from './webhooks.entity.js';

// From the outbox to the partner, off every mutation's path, in one scheduled job (webhooks.dispatch,
// app/jobs.ts) that both runners drive: the embedded timers and the pg-boss queue (one run per tick
// however many processes work it).
//
// 1. Dispatch. Each enabled endpoint reads the outbox exactly as its organisation reads the event feed
//    (readVisibleEvents: the same visibility SQL and the same commit-safe order), after its own stored
//    position, keeps the events of its types that pass its demand filter, and writes one delivery per
//    event; the deliveries and the new position commit together, and a delivery is unique per endpoint
//    and event, so nothing is skipped or written twice.
// 2. Send. Due deliveries are claimed for a minute (so two runs never send one at once), the URL's host
//    is resolved and checked again (DNS rebinding), and the body is POSTed, signed, to the address just
//    checked, with a 10 s timeout and no redirects followed. A 2xx ends the delivery; anything else is
//    retried with exponential backoff at a later tick. An endpoint whose attempts have all failed for
//    24 hours is disabled, and its organisation's administrators are notified.

/** Events read per endpoint and page. */
const DISPATCH_PAGE = 200;
/** Deliveries claimed per run, and sent at most this many at once. */
const SEND_BATCH = 100;
const SEND_CONCURRENCY = 8;
/** How long a run holds the deliveries it claimed: long enough to send a whole batch through the lanes. */
const CLAIM_MS = 5 * 60_000;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Attempts of one delivery before it is FAILED (the last ones about 20 hours after the first). */
export const MAX_ATTEMPTS = 12;
/** An endpoint failing without a break for this long is disabled. */
export const DISABLE_AFTER_MS = 24 * 3600_000;

/** The wait after failed attempt `attempts` (1, 2, …): 1 minute, doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);
}

interface EndpointRow {
  id: string;
  organisation_id: string;
  kind: Organisation['kind'];
  event_types: string[];
  demand_filter: Record<string, unknown> | null;
  cursor_xact_id: string;
  cursor_position: string;
}

/** The tokens an organisation reads the feed with: those of its own key with every scope its kind allows. */
function organisationReader(endpoint: EndpointRow) {
  const viewer = {
    ...anonymousViewer('webhooks'),
    kind: 'API_KEY' as const,
    organisationId: endpoint.organisation_id,
    scopes: scopesAllowedFor(endpoint.kind),
  };
  return { tokens: viewerAudience(viewer), organisationId: endpoint.organisation_id };
}

/** The event id partners see: the event's feed cursor (pass it as `after` to read the feed from there). */
function eventId(row: FeedRow): string {
  return Buffer.from(`${row.xact_id}:${row.position}`, 'utf8').toString('base64url');
}

function deliveryBody(row: FeedRow): string {
  return JSON.stringify({
    id: eventId(row),
    type: row.type,
    occurredAt: new Date(row.occurred_at).toISOString(),
    subject: { type: row.subject_type, id: toGlobalId(row.subject_type, row.subject_id) },
  });
}

/** Keeps the rows the endpoint's demand filter lets through (other event types pass). */
async function passingFilter(ctx: RequestContext, endpoint: EndpointRow, rows: FeedRow[]): Promise<FeedRow[]> {
  if (!endpoint.demand_filter) return rows;
  const filter = filterFromJson(endpoint.demand_filter);
  const demandIds = rows.filter((row) => row.type === FINANCING_DEMAND_PUBLISHED).map((row) => row.subject_id);
  const facts = await demandFactsByIds(ctx.em, demandIds);
  return rows.filter((row) => {
    if (row.type !== FINANCING_DEMAND_PUBLISHED) return true;
    const demand = facts.get(row.subject_id);
    return demand !== undefined && demandMatches(filter, demand);
  });
}

/** Writes the deliveries of every enabled endpoint up to the feed's readable end; returns how many. */
export async function dispatchWebhookEvents(ctx: RequestContext): Promise<number> {
  const endpoints = await ctx.em.execute<EndpointRow[]>(
    `select w.id, w.organisation_id, o.kind, w.event_types, w.demand_filter,
            w.cursor_xact_id::text as cursor_xact_id, w.cursor_position::text as cursor_position
       from webhook_endpoints w join organisations o on o.id = w.organisation_id
      where w.enabled order by w.id`,
  );
  let written = 0;
  for (const endpoint of endpoints) {
    for (;;) {
      const page = await inTransaction(ctx, async (tx) => {
        // The endpoint's row, locked: a concurrent run (or an edit) waits, and reads the moved position.
        const [current] = await tx.em.execute<(EndpointRow & { enabled: boolean })[]>(
          `select enabled, event_types, demand_filter, cursor_xact_id::text as cursor_xact_id,
                  cursor_position::text as cursor_position
             from webhook_endpoints where id = ? for update`,
          [endpoint.id],
        );
        if (!current?.enabled) return { read: 0, written: 0 };
        const fresh = { ...endpoint, ...current };
        const { rows } = await readVisibleEvents(
          tx.em,
          organisationReader(fresh),
          { xactId: fresh.cursor_xact_id, position: fresh.cursor_position },
          DISPATCH_PAGE,
          fresh.event_types.length > 0 ? fresh.event_types : null,
        );
        if (rows.length === 0) return { read: 0, written: 0 };
        const passing = await passingFilter(tx, fresh, rows);
        const now = tx.deps.clock.now().toISOString();
        const inserted = passing.length
          ? await tx.em.execute<{ id: string }[]>(
              `insert into webhook_deliveries (id, endpoint_id, event_position, event_type, body, status, attempts,
                                               next_attempt_at, created_at)
               select d.id::uuid, ?::uuid, d.position::bigint, d.type, d.body, 'PENDING', 0, ?::timestamptz, ?::timestamptz
                 from jsonb_to_recordset(?::jsonb) as d(id text, position text, type text, body text)
               on conflict (endpoint_id, event_position) where redelivery_of_id is null do nothing
               returning id`,
              [
                endpoint.id,
                now,
                now,
                JSON.stringify(
                  passing.map((row) => ({
                    id: randomUUID(),
                    position: row.position,
                    type: row.type,
                    body: deliveryBody(row),
                  })),
                ),
              ],
            )
          : [];
        const last = rows.at(-1)!;
        await tx.em.execute(`update webhook_endpoints set cursor_xact_id = ?::xid8, cursor_position = ? where id = ?`, [
          last.xact_id,
          last.position,
          endpoint.id,
        ]);
        return { read: rows.length, written: inserted.length };
      });
      written += page.written;
      if (page.read < DISPATCH_PAGE) break;
    }
  }
  return written;
}

interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  organisation_id: string;
  url: string;
  secret_ciphertext: string;
  event_type: string;
  body: string;
  attempts: number;
}

export interface AttemptResult {
  status: number | null;
  durationMs: number;
  error: 'TIMEOUT' | 'NETWORK' | 'REFUSED_ADDRESS' | null;
}

/** One POST of a delivery: checked address, signed, 10 s, no redirect followed; its status or why none. */
export async function attemptDelivery(
  ctx: RequestContext,
  delivery: Pick<ClaimedDelivery, 'id' | 'url' | 'secret_ciphertext' | 'event_type' | 'body'>,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const allowPrivate = ctx.deps.config.webhooksAllowPrivate;
  const parsed = parseWebhookUrl(delivery.url, allowPrivate);
  if (typeof parsed === 'string') return { status: null, durationMs: elapsed(), error: 'REFUSED_ADDRESS' };
  const resolved = await resolvePublicAddresses(parsed.host, allowPrivate);
  if (typeof resolved === 'string') {
    return {
      status: null,
      durationMs: elapsed(),
      error: resolved === 'webhooks.urlUnresolvable' ? 'NETWORK' : 'REFUSED_ADDRESS',
    };
  }
  const secret = decryptSecret(ctx.deps.signingKey, delivery.secret_ciphertext);
  const body = Buffer.from(delivery.body, 'utf8');
  const client = parsed.url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    const request = client.request(
      parsed.url,
      {
        method: 'POST',
        lookup: pinnedLookup(resolved),
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'user-agent': 'QES-Webhooks/1',
          'x-qes-event': delivery.event_type,
          'x-qes-delivery': delivery.id,
          'x-qes-signature': signatureHeader(secret, delivery.body, ctx.deps.clock.now()),
        },
      },
      (response) => {
        // The answer's body is not kept; read it (up to the timeout) so the socket closes cleanly.
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? null, durationMs: elapsed(), error: null }));
        response.on('error', () =>
          resolve({ status: response.statusCode ?? null, durationMs: elapsed(), error: null }),
        );
      },
    );
    request.on('error', (error: Error) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
      resolve({ status: null, durationMs: elapsed(), error: timedOut ? 'TIMEOUT' : 'NETWORK' });
    });
    request.end(body);
  });
}

/** Records an attempt's outcome, moves the endpoint's failure clock, and disables it after 24 hours of failures. */
async function recordAttempt(ctx: RequestContext, delivery: ClaimedDelivery, result: AttemptResult): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const now = tx.deps.clock.now();
    const at = now.toISOString();
    const attempts = delivery.attempts + 1;
    const succeeded = result.status !== null && result.status >= 200 && result.status < 300;
    const status = succeeded
      ? WebhookDeliveryStatus.SUCCEEDED
      : attempts >= MAX_ATTEMPTS
        ? WebhookDeliveryStatus.FAILED
        : WebhookDeliveryStatus.PENDING;
    const next = status === WebhookDeliveryStatus.PENDING ? new Date(now.getTime() + retryDelayMs(attempts)) : null;
    await tx.em.execute(
      `update webhook_deliveries set status = ?, attempts = ?, next_attempt_at = ?::timestamptz, claimed_until = null,
              last_attempt_at = ?::timestamptz, response_status = ?, duration_ms = ?, error = ? where id = ?`,
      [status, attempts, next?.toISOString() ?? null, at, result.status, result.durationMs, result.error, delivery.id],
    );
    if (succeeded) {
      await tx.em.execute(`update webhook_endpoints set failing_since = null where id = ?`, [delivery.endpoint_id]);
      return;
    }
    const [endpoint] = await tx.em.execute<{ failing_since: Date | string | null; enabled: boolean; url: string }[]>(
      `update webhook_endpoints set failing_since = coalesce(failing_since, ?::timestamptz) where id = ?
       returning failing_since, enabled, url`,
      [at, delivery.endpoint_id],
    );
    if (!endpoint?.enabled || !endpoint.failing_since) return;
    if (now.getTime() - new Date(endpoint.failing_since).getTime() < DISABLE_AFTER_MS) return;
    await tx.em.execute(
      `update webhook_endpoints set enabled = false, disabled_reason = 'FAILING', updated_at = ?::timestamptz where id = ?`,
      [at, delivery.endpoint_id],
    );
    const admins = await tx.em.execute<{ id: string }[]>(
      `select id from users where organisation_id = ? and organisation_admin and disabled_at is null order by id`,
      [delivery.organisation_id],
    );
    await notifyEach(
      tx,
      admins.map((admin) => admin.id),
      {
        kind: NotificationKind.WEBHOOK_ENDPOINT_DISABLED,
        subjectType: 'WebhookEndpoint',
        subjectId: delivery.endpoint_id,
        titleKey: 'webhooks.notify.disabled.title',
        bodyKey: 'webhooks.notify.disabled.body',
        params: { url: endpoint.url },
      },
    );
  });
}

/** Claims the due deliveries of enabled endpoints and sends them; returns how many were attempted. */
export async function sendDueDeliveries(ctx: RequestContext): Promise<number> {
  const now = ctx.deps.clock.now();
  const claimed = await inTransaction(ctx, (tx) =>
    tx.em.execute<ClaimedDelivery[]>(
      `with due as (
         select d.id from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
          where d.status = 'PENDING' and d.next_attempt_at <= ?::timestamptz and w.enabled
            and (d.claimed_until is null or d.claimed_until < ?::timestamptz)
          order by d.next_attempt_at, d.id
          limit ?
          for update of d skip locked
       )
       update webhook_deliveries d set claimed_until = ?::timestamptz
         from due, webhook_endpoints w
        where d.id = due.id and w.id = d.endpoint_id
       returning d.id, d.endpoint_id, w.organisation_id, w.url, w.secret_ciphertext, d.event_type, d.body, d.attempts`,
      [now.toISOString(), now.toISOString(), SEND_BATCH, new Date(now.getTime() + CLAIM_MS).toISOString()],
    ),
  );
  // The requests go a few at a time (one slow endpoint holds one lane for at most the timeout); the
  // outcomes are written one after the other, as the embedded database has a single connection.
  const queue = [...claimed];
  const results = new Map<string, AttemptResult>();
  const lane = async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      results.set(delivery.id, await attemptDelivery(ctx, delivery));
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, lane));
  for (const delivery of claimed) await recordAttempt(ctx, delivery, results.get(delivery.id)!);
  return claimed.length;
}

/** The scheduled job: dispatch the new events, then send what is due. Returns deliveries written and attempted. */
export async function runWebhooks(ctx: RequestContext): Promise<number> {
  const written = await dispatchWebhookEvents(ctx);
  return written + (await sendDueDeliveries(ctx));
}
