import 'reflect-metadata';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemContext } from '../../src/app/context.js';
import { createPlatformDeps } from '../../src/app/platform.js';
import { createAppServer } from '../../src/app/server.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/orm.js';
import { ENTERPRISE_EVENT_TYPES, recordRegisterEvent } from '../../src/modules/registration/enterprise.service.js';
import { FixedClock } from '../../src/shared/clock.js';
import { sweepExpiredEvents } from '../../src/shared/events/event-feed.service.js';
import { inTransaction } from '../../src/shared/transaction.js';
import type { ApiScope } from '../../src/shared/viewer.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { TestApp } from '../helpers/app.js';
import { createCast, makeOffer, publishDemand, type Cast } from '../financing/helpers.js';
import { randomUUID } from 'node:crypto';

// The partners' event feed: every domain event written to the outbox with its change, read back in an
// order where no event ever appears before a position already read, with the objects' own visibility.

const START = '2026-11-26T09:00:00+08:00';
const FEED = `query($after: String, $first: Int, $types: [String!]) {
  events(after: $after, first: $first, filter: { types: $types }) {
    edges { cursor node { type subjectType subjectId occurredAt } }
    pageInfo { hasNextPage endCursor }
  } }`;

let app: TestApp;
let cast: Cast;
let bankAKey: string;
let bankBKey: string;
let registerKey: string;

async function orgKey(scopes: ApiScope[], organisationId: string | null): Promise<string> {
  const key = await createApiKeyRow(app, { scopes, createdBy: cast.admin.user });
  if (organisationId)
    await app.em().execute(`update api_keys set organisation_id = ? where id = ?`, [organisationId, key.apiKey.id]);
  return key.secret;
}

interface FeedPage {
  edges: { cursor: string; node: { type: string; subjectType: string; subjectId: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function page(token: string, after: string | null = null, first = 100, types?: string[]): Promise<FeedPage> {
  const result = await app.execute(FEED, { after, first, types }, { token, language: 'en' });
  expect(result.errors).toBeUndefined();
  return result.data!.events as FeedPage;
}

/** Every event visible to `token` after `after`, page by page. */
async function readAll(token: string, after: string | null = null, first = 100, settle = true) {
  if (settle) await settled();
  const nodes: FeedPage['edges'][number]['node'][] = [];
  let cursor = after;
  for (;;) {
    const p = await page(token, cursor, first);
    nodes.push(...p.edges.map((e) => e.node));
    cursor = p.pageInfo.endCursor;
    if (!p.pageInfo.hasNextPage) return { nodes, cursor };
  }
}

async function registerEvents(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await inTransaction(createSystemContext(app.orm, app.deps), async (tx) => {
    for (const id of ids) recordRegisterEvent(tx, id, ENTERPRISE_EVENT_TYPES.ESTABLISHMENT);
  });
  return ids;
}

/**
 * Waits until every event written so far is readable. The feed withholds rows of transactions newer than
 * the oldest one running on the whole PostgreSQL server (xids are cluster-wide), and other test files
 * share this server: their open transactions delay (never hide) our rows for a moment.
 */
async function settled(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await app
      .em()
      .execute(
        `select coalesce(max(xact_id) < pg_snapshot_xmin(pg_current_snapshot()), true) as ok from domain_events`,
      );
    if (row.ok) return;
    if (Date.now() > deadline) throw new Error('events not readable after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The URL of this test file's own database on the PostgreSQL server. */
function databaseUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${app.orm.config.get('dbName')}`;
  return url.toString();
}

beforeAll(async () => {
  app = await TestApp.start({ now: START });
  cast = await createCast(app);
  bankAKey = await orgKey(['FINANCING_READ', 'EVENTS_READ'], cast.bankAId);
  bankBKey = await orgKey(['FINANCING_READ', 'EVENTS_READ'], cast.bankBId);
  registerKey = await orgKey(['REGISTRATION_READ', 'EVENTS_READ'], null);
});
afterAll(async () => app?.stop());

describe('the event feed', () => {
  it('shows each bank its own offer events only, the public register to every key, nothing private', async () => {
    const { cursor: startA } = await readAll(bankAKey);
    const { cursor: startB } = await readAll(bankBKey);
    const { cursor: startR } = await readAll(registerKey);
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, demandId);
    const offerB = await makeOffer(app, cast.bankB, demandId);
    const [enterpriseId] = await registerEvents(1);

    await settled();
    const seenByA = (await readAll(bankAKey, startA)).nodes;
    const seenByB = (await readAll(bankBKey, startB)).nodes;
    const seenByRegister = (await readAll(registerKey, startR)).nodes;
    expect(seenByA.map((n) => [n.type, n.subjectId])).toEqual([
      ['FINANCING_DEMAND_PUBLISHED', demandId],
      ['FINANCING_OFFER_RECEIVED', offerA],
      ['ENTERPRISE_REGISTERED', expect.any(String)],
    ]);
    expect(seenByB.map((n) => [n.type, n.subjectId])).toEqual([
      ['FINANCING_DEMAND_PUBLISHED', demandId],
      ['FINANCING_OFFER_RECEIVED', offerB],
      ['ENTERPRISE_REGISTERED', expect.any(String)],
    ]);
    // A key without FINANCING_READ or an organisation: the public register only.
    expect(seenByRegister.map((n) => n.type)).toEqual(['ENTERPRISE_REGISTERED']);
    expect(Buffer.from(seenByRegister[0]!.subjectId, 'base64url').toString()).toBe(`Enterprise:${enterpriseId}`);

    // Signed-in users read their own: the bank officer its bank's offer, the applicant both offers on its demand.
    const officer = (await readAll(cast.bankA2.token)).nodes.filter((n) => n.type === 'FINANCING_OFFER_RECEIVED');
    expect(officer.map((n) => n.subjectId)).toEqual([offerA]);
    const owner = (await readAll(cast.owner.token)).nodes.filter((n) => n.type === 'FINANCING_OFFER_RECEIVED');
    expect(owner.map((n) => n.subjectId)).toEqual([offerA, offerB]);
    const other = (await readAll(cast.other.token)).nodes.filter((n) => n.type.startsWith('FINANCING'));
    expect(other).toEqual([]);
  });

  it('filters by type', async () => {
    await registerEvents(2);
    await settled();
    const p = await page(registerKey, null, 100, ['FINANCING_OFFER_RECEIVED']);
    expect(p.edges).toEqual([]);
    const registered = await page(bankAKey, null, 100, ['ENTERPRISE_REGISTERED']);
    expect(registered.edges.length).toBeGreaterThanOrEqual(2);
    expect(new Set(registered.edges.map((e) => e.node.type))).toEqual(new Set(['ENTERPRISE_REGISTERED']));
  });

  it('needs EVENTS_READ: FORBIDDEN naming the scope; a bad cursor is BAD_USER_INPUT', async () => {
    const result = await app.execute(FEED, {}, { token: cast.partner, language: 'en' });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('EVENTS_READ');
    const anonymous = await app.execute(FEED, {}, { language: 'en' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const after of ['nonsense', Buffer.from('1:x').toString('base64url'), 'x'.repeat(200)]) {
      const bad = await app.execute(FEED, { after }, { token: registerKey, language: 'en' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('reads a page in one statement, whether it holds 1 event or 50', async () => {
    const { cursor } = await readAll(registerKey);
    await registerEvents(1);
    await settled();
    const one = await app.countQueries(async () => expect((await page(registerKey, cursor)).edges).toHaveLength(1));
    await registerEvents(49);
    await settled();
    const fifty = await app.countQueries(async () => expect((await page(registerKey, cursor)).edges).toHaveLength(50));
    const feedStatements = (qs: string[]) => qs.filter((q) => q.includes('domain_events'));
    expect(feedStatements(one)).toHaveLength(1);
    expect(fifty.length).toBe(one.length);
  });

  // Two connections at once, and a second server: these need the PostgreSQL server (PGlite is one connection).
  it.runIf(process.env.TEST_DATABASE_URL)(
    'never lets a reader skip an event whose transaction commits after a later position',
    async () => {
      const url = databaseUrl();
      const first = new pg.Client({ connectionString: url });
      const second = new pg.Client({ connectionString: url });
      await first.connect();
      await second.connect();
      const insert = `insert into domain_events (type, subject_type, subject_id, audience, occurred_at)
      values ('ENTERPRISE_CHANGED', 'Enterprise', gen_random_uuid(), '{public}', '2026-11-26T01:00:00Z') returning position::text, xact_id::text`;
      try {
        const { cursor: start } = await readAll(registerKey);
        // The first transaction takes the lower position, the second a higher one and commits first.
        await first.query('begin');
        const a = (await first.query(insert)).rows[0];
        await second.query('begin');
        const b = (await second.query(insert)).rows[0];
        expect(Number(a.position)).toBeLessThan(Number(b.position));
        await second.query('commit');
        // While the first is running, the second's event is withheld (returning it would let the cursor pass a).
        const during = await page(registerKey, start);
        expect(during.edges).toEqual([]);
        expect(during.pageInfo.endCursor).toBe(start);
        await first.query('commit');
        const after = await readAll(registerKey, during.pageInfo.endCursor);
        expect(after.nodes.map((n) => n.type)).toEqual(['ENTERPRISE_CHANGED', 'ENTERPRISE_CHANGED']);

        // Many interleavings: a reader polling all the while sees each committed event exactly once.
        const { cursor: from } = await readAll(registerKey);
        const seen: string[] = [];
        let cursor = from;
        const expected: string[] = [];
        for (let round = 0; round < 10; round++) {
          // Positions are taken in one order; the commits come in alternating orders, a reader between them.
          await first.query('begin');
          await second.query('begin');
          const one = await first.query(`${insert.split(' returning')[0]} returning subject_id::text as id`);
          const two = await second.query(`${insert.split(' returning')[0]} returning subject_id::text as id`);
          expected.push(one.rows[0].id, two.rows[0].id);
          await (round % 2 ? first : second).query('commit');
          const mid = await readAll(registerKey, cursor, 100, false);
          seen.push(...mid.nodes.map((n) => Buffer.from(n.subjectId, 'base64url').toString().split(':')[1]!));
          cursor = mid.cursor;
          await (round % 2 ? second : first).query('commit');
        }
        const rest = await readAll(registerKey, cursor);
        seen.push(...rest.nodes.map((n) => Buffer.from(n.subjectId, 'base64url').toString().split(':')[1]!));
        expect(new Set(seen).size).toBe(seen.length);
        expect(new Set(seen)).toEqual(new Set(expected));
      } finally {
        await first.query('rollback').catch(() => {});
        await second.query('rollback').catch(() => {});
        await first.end();
        await second.end();
      }
    },
  );

  it.runIf(process.env.TEST_DATABASE_URL)(
    'resumes from a stored cursor on a restarted server with no gap and no duplicate',
    async () => {
      const before = await registerEvents(3);
      const { cursor } = await readAll(registerKey);
      const missed = await registerEvents(3);
      void before;
      // A second server over the same database, as after a restart: the partner sends its stored cursor.
      const database = await openDatabase({ kind: 'server', url: databaseUrl(), poolSize: 2 });
      const config = {
        ...loadConfig({ DATA_DIR: '/tmp/qes-test-unused', SIGNING_KEY: 'test-signing-key-0123456789abcdef0123456789' }),
      };
      const deps = await createPlatformDeps(config, pino({ level: 'silent' }), new FixedClock(START));
      await deps.calendar.reload(database.orm.em.fork());
      const server = await createAppServer(database.orm, deps);
      const port = await server.listen(0, '127.0.0.1');
      await settled();
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${registerKey}` },
          body: JSON.stringify({ query: FEED, variables: { after: cursor, first: 100 } }),
        });
        const body = (await response.json()) as { data: { events: FeedPage } };
        const ids = body.data.events.edges.map(
          (e) => Buffer.from(e.node.subjectId, 'base64url').toString().split(':')[1],
        );
        expect(ids).toEqual(missed);
      } finally {
        await server.stop();
        await deps.close();
        await database.close();
      }
    },
  );

  it('refuses a cursor older than the retention with CURSOR_EXPIRED, after the sweep', async () => {
    await registerEvents(1);
    const { cursor } = await readAll(registerKey);
    await registerEvents(1);
    // A cursor at the last deleted event is still good (nothing after it is gone); this one is before it.
    const old = cursor;
    app.clock.advance(31 * 86_400_000);
    const fresh = await registerEvents(1);
    await settled();
    expect(await sweepExpiredEvents(app.em(), app.clock.now())).toBeGreaterThan(0);
    const result = await app.execute(FEED, { after: old }, { token: registerKey, language: 'en' });
    expect(result.errors?.[0]?.extensions?.code).toBe('CURSOR_EXPIRED');
    expect(result.errors?.[0]?.message).toContain('Resync');
    // From the start, the feed begins with what is retained.
    const all = (await readAll(registerKey)).nodes;
    expect(all.map((n) => Buffer.from(n.subjectId, 'base64url').toString().split(':')[1])).toEqual(fresh);
    app.clock.set(START);
  });
});
