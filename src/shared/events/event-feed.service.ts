import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context.js';
import { topLevelError } from '../errors.js';
import { checkPageSize, type ConnectionData } from '../graphql/connection.js';
import { toGlobalId } from '../ids.js';
import { translate } from '../messages.js';
import type { Viewer } from '../viewer.js';
import { audience, PUBLIC, type AudienceToken } from './domain-events.js';

// The partners' event feed: the outbox (`domain_events`) read in commit-safe order.
//
// No gap, no duplicate. Positions come from a sequence and are taken before commit, so transactions
// commit out of position order: a reader that returned position 7 could later see position 6 appear.
// The feed therefore orders rows by (xact_id, position) and only returns rows whose transaction is
// older than the oldest transaction still running when the page is read:
//   xact_id < pg_snapshot_xmin(pg_current_snapshot())
// Every transaction below that horizon has ended, so no row can ever appear before a returned key, and a
// cursor (xact_id, position) is a stable point of one total order. This is the technique Oskar Dudycz
// describes for a PostgreSQL outbox ("Ordering in Postgres Outbox",
// https://event-driven.io/en/ordering_in_postgres_outbox/): an `xid8` column defaulting to
// pg_current_xact_id(), read below pg_snapshot_xmin(pg_current_snapshot()). A row becomes readable once
// every older transaction has ended, so a long-running transaction anywhere on the server (xids are
// cluster-wide) delays, never loses, the rows committed after it started.
//
// Works the same on PGlite (PostgreSQL 17 compiled to WebAssembly: xid8, pg_current_xact_id and
// pg_current_snapshot exist there; with one connection the horizon is simply the reader's own).
//
// Visibility is in the same statement: the row's audience tokens must meet the reader's (viewerAudience).

/** How long events stay in the feed. A cursor older than this is refused with CURSOR_EXPIRED. */
export const EVENT_RETENTION_DAYS = 30;

export interface FeedEvent {
  cursor: string;
  type: string;
  subjectType: string;
  /** The global ID of the object the event is about: load it with `node(id:)` and your own permissions. */
  subjectId: string;
  occurredAt: Date;
}

export interface FeedArgs {
  after?: string | null;
  first?: number | null;
  types?: readonly string[] | null;
}

export interface FeedKey {
  xactId: string;
  position: string;
}

/** A position in the feed's order: read the rows after it. */
export type FeedPosition = FeedKey;

/** Who reads: the tokens of viewerAudience, and its organisation (whose host firms' events are its too). */
export interface FeedReader {
  tokens: AudienceToken[];
  organisationId: string | null;
}

const CURSOR = /^(\d{1,20}):(\d{1,19})$/;

function encodeCursor(key: FeedKey): string {
  return Buffer.from(`${key.xactId}:${key.position}`, 'utf8').toString('base64url');
}

function decodeCursor(ctx: RequestContext, after: string | null | undefined): FeedKey | null {
  if (after === null || after === undefined || after === '') return null;
  const match = after.length <= 60 ? CURSOR.exec(Buffer.from(after, 'base64url').toString('utf8')) : null;
  if (!match) throw topLevelError('BAD_USER_INPUT', translate(ctx.locale, 'error.invalidCursor'));
  return { xactId: match[1]!, position: match[2]! };
}

/** The tokens naming the reader, matched against each row's audience (domain-events.ts). */
export function viewerAudience(viewer: Viewer): AudienceToken[] {
  const tokens = [PUBLIC];
  if (viewer.kind === 'API_KEY') for (const scope of viewer.scopes) tokens.push(audience.scope(scope));
  if (viewer.kind === 'USER' && viewer.role) {
    tokens.push(audience.role(viewer.role));
    if (viewer.department) tokens.push(audience.role(viewer.role, viewer.department));
  }
  if (viewer.userId) tokens.push(audience.user(viewer.userId));
  if (viewer.organisationId) tokens.push(audience.organisation(viewer.organisationId));
  return tokens;
}

export interface FeedRow {
  position: string;
  xact_id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  occurred_at: Date | string;
}

/**
 * The reader's tokens with its organisation's host firms (their agreements' events). The host lookup is
 * its own small statement so that the feed's statement gets the tokens as a constant: PostgreSQL then
 * estimates `audience && tokens` from the column's statistics and reads a reader's rare events through
 * the GIN index on audience (test/shared/event-feed-index.test.ts), a common audience through the order.
 */
async function readerTokens(em: EntityManager, reader: FeedReader): Promise<AudienceToken[]> {
  if (!reader.organisationId) return reader.tokens;
  const hosts: { id: string }[] = await em.execute(`select id::text as id from hosts where organisation_id = ?`, [
    reader.organisationId,
  ]);
  return [...reader.tokens, ...hosts.map((host) => audience.host(host.id))];
}

const TOKEN = /^[A-Za-z0-9:_-]+$/;

/** A text[] literal, one parameter (the driver would spread a JavaScript array into many). */
function textArrayLiteral(tokens: readonly string[]): string {
  for (const token of tokens) if (!TOKEN.test(token)) throw new Error(`bad audience token ${token}`);
  return `{${tokens.map((token) => `"${token}"`).join(',')}}`;
}

/** The feed's one statement and its parameters (exported for the index test's EXPLAIN). */
export function feedStatement(
  tokens: readonly string[],
  after: FeedKey | null,
  types: readonly string[] | null,
  limit: number,
): { sql: string; params: unknown[] } {
  // The type list travels as JSON (a list the planner need not estimate: types are filtered, not indexed).
  const typesJson = types ? JSON.stringify(types) : null;
  const afterXact = after?.xactId ?? null;
  const afterPosition = after?.position ?? null;
  return {
    sql: `with page as (
       select e.* from domain_events e
        where e.xact_id < pg_snapshot_xmin(pg_current_snapshot())
          and (?::xid8 is null or (e.xact_id, e.position) > (?::xid8, ?::bigint))
          and e.audience && ?::text[]
          and (?::jsonb is null or e.type in (select jsonb_array_elements_text(?::jsonb)))
        order by e.xact_id, e.position
        limit ?
     ), expired as (
       select true from domain_event_horizon h
        where h.id = 1 and ?::xid8 is not null and (?::xid8, ?::bigint) < (h.xact_id, h.position)
     )
     select position::text as position, xact_id::text as xact_id, type, subject_type,
            subject_id::text as subject_id, occurred_at, false as expired, xact_id as sort_xact, position as sort_position
       from page
     union all
     select null, null, null, null, null, null, true, null, null from expired
     order by expired desc, sort_xact, sort_position`,
    params: [
      afterXact,
      afterXact,
      afterPosition,
      textArrayLiteral(tokens),
      typesJson,
      typesJson,
      limit,
      afterXact,
      afterXact,
      afterPosition,
    ],
  };
}

/**
 * The feed's one read: up to `limit` rows the reader may see after `after`, in commit-safe order;
 * `expired` when `after` lies before what the retention sweep deleted. The event feed and the webhook
 * dispatcher (modules/webhooks) both read through here, so an endpoint never receives an event its
 * organisation could not read in the feed.
 */
export async function readVisibleEvents(
  em: EntityManager,
  reader: FeedReader,
  after: FeedPosition | null,
  limit: number,
  types: readonly string[] | null,
): Promise<{ rows: FeedRow[]; expired: boolean }> {
  const { sql, params } = feedStatement(
    await readerTokens(em, reader),
    after,
    types && types.length > 0 ? types : null,
    limit,
  );
  const rows: (FeedRow & { expired: boolean })[] = await em.execute(sql, params);
  return { rows: rows.filter((row) => !row.expired), expired: rows.some((row) => row.expired) };
}

/** The position before every event not yet readable: a new reader that starts here sees only what comes next. */
export async function currentFeedHead(em: EntityManager): Promise<FeedPosition> {
  const [row] = await em.execute<{ xact_id: string }[]>(
    `select pg_snapshot_xmin(pg_current_snapshot())::text as xact_id`,
  );
  // Every readable row has an xact_id below this horizon, every later one at least this one, and
  // positions start at 1: (horizon, 0) lies between them.
  return { xactId: row!.xact_id, position: '0' };
}

/** One page of the events the viewer may see, after `after`, in commit-safe order: one indexed statement. */
export async function readEventFeed(ctx: RequestContext, args: FeedArgs): Promise<ConnectionData<FeedEvent>> {
  const first = checkPageSize(ctx, args.first);
  const after = decodeCursor(ctx, args.after);
  const types = args.types && args.types.length > 0 ? [...args.types] : null;
  const { rows, expired } = await readVisibleEvents(
    ctx.em,
    { tokens: viewerAudience(ctx.viewer), organisationId: ctx.viewer.organisationId },
    after,
    first + 1,
    types,
  );
  if (expired) {
    throw topLevelError('CURSOR_EXPIRED', translate(ctx.locale, 'error.cursorExpired', { days: EVENT_RETENTION_DAYS }));
  }
  const page = rows.slice(0, first);
  const edges = page.map((row) => {
    const cursor = encodeCursor({ xactId: row.xact_id, position: row.position });
    const node: FeedEvent = {
      cursor,
      type: row.type,
      subjectType: row.subject_type,
      subjectId: toGlobalId(row.subject_type, row.subject_id),
      occurredAt: new Date(row.occurred_at),
    };
    return { cursor, node };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      // With an empty page, the cursor the reader came with: keep it and ask again later.
      endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
    },
    totalCount: edges.length,
  };
}

/**
 * Deletes the events older than the retention, as a prefix of the feed's order (so a cursor is either
 * wholly before the deleted part, and refused, or after it), and records the last deleted key.
 */
export async function sweepExpiredEvents(em: EntityManager, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000).toISOString();
  return em.transactional(async (tx) => {
    const rows: { deleted: number }[] = await tx.execute(
      `with keep as (
         select xact_id, position from domain_events where occurred_at >= ?::timestamptz
          order by xact_id, position limit 1
       ), gone as (
         delete from domain_events e
          where e.occurred_at < ?::timestamptz
            and e.xact_id < pg_snapshot_xmin(pg_current_snapshot())
            and (not exists (select 1 from keep) or (e.xact_id, e.position) < (select k.xact_id, k.position from keep k))
         returning e.xact_id, e.position
       ), last as (
         select xact_id, position from gone order by xact_id desc, position desc limit 1
       ), horizon as (
         insert into domain_event_horizon (id, xact_id, position)
         select 1, xact_id, position from last
         on conflict (id) do update set xact_id = excluded.xact_id, position = excluded.position
       )
       select count(*)::int as deleted from gone`,
      [cutoff, cutoff],
    );
    return rows[0]?.deleted ?? 0;
  });
}
