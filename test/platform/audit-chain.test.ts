import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';

// The audit trail's hash chain: every committed event is linked, in commit order, whatever the
// concurrency; verifyAuditTrail names the first event whose link no longer holds.

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  admin = await createUser(app, { role: 'ADMIN' });
});
afterAll(async () => app?.stop());

const VERIFY = `{ verifyAuditTrail { ok checkedEvents firstBrokenEventId } }`;

async function verify() {
  const result = await app.execute(VERIFY, {}, { token: admin.token });
  expect(result.errors).toBeUndefined();
  return result.data!.verifyAuditTrail as { ok: boolean; checkedEvents: number; firstBrokenEventId: string | null };
}

async function createApiKeys(count: number): Promise<void> {
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      app.execute(
        `mutation($name: String!) { createApiKey(input: { name: $name, scopes: [NAMES_READ] }) { apiKey { id } userErrors { code } } }`,
        { name: `链测试 ${i}` },
        { token: admin.token },
      ),
    ),
  );
  for (const result of results) expect(result.data?.createApiKey.userErrors).toEqual([]);
}

async function eventCount(): Promise<number> {
  const [row] = await app.em().execute<{ n: number }[]>('select count(*)::int as n from audit_events');
  return row!.n;
}

/**
 * Runs raw SQL past the append-only triggers, as someone with direct access to the database could
 * (replica mode turns off ordinary triggers for the transaction).
 */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  const em = app.em();
  await em.transactional(async (tx) => {
    await tx.execute('set local session_replication_role = replica');
    await tx.execute(sql, params);
  });
}

describe('verifyAuditTrail', () => {
  it('links every event written by concurrent transactions into one chain that holds', async () => {
    await createApiKeys(20);

    const result = await verify();

    expect(result).toEqual({ ok: true, checkedEvents: await eventCount(), firstBrokenEventId: null });
    const [links] = await app
      .em()
      .execute<{ n: number; max: number }[]>(
        'select count(*)::int as n, max(link_number)::int as max from audit_chain',
      );
    expect(links).toEqual({ n: await eventCount(), max: await eventCount() });
  });

  // Needs several connections at once: the embedded database has one.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'chains transactions that commit at the same moment one after the other',
    async () => {
      const transactions = Array.from({ length: 6 }, () => app.em());
      for (const [i, em] of transactions.entries()) {
        await em.begin();
        await em.execute(
          `insert into audit_events (id, action, subject_type, subject_id, at, request_id)
           values (gen_random_uuid(), 'test.simultaneous', 'ApiKey', gen_random_uuid(), now(), ?)`,
          [`test-simultaneous-${i}`],
        );
      }

      // Every commit runs its deferred chain trigger now, all at once.
      await Promise.all(transactions.map((em) => em.commit()));

      expect(await verify()).toEqual({ ok: true, checkedEvents: await eventCount(), firstBrokenEventId: null });
    },
  );

  it('names an event whose row was edited with raw SQL', async () => {
    await createApiKeys(3);
    const [victim] = await app
      .em()
      .execute<{ id: string; action: string }[]>(
        'select e.id, e.action from audit_events e join audit_chain c on c.event_id = e.id order by c.link_number desc offset 1 limit 1',
      );
    await tamper('update audit_events set action = ? where id = ?', ['forged', victim!.id]);
    try {
      const result = await verify();

      expect(result).toMatchObject({ ok: false, firstBrokenEventId: victim!.id });
    } finally {
      await tamper('update audit_events set action = ? where id = ?', [victim!.action, victim!.id]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('names an event whose link hash was recomputed to match the edit (its successor no longer follows)', async () => {
    await createApiKeys(3);
    const [victim] = await app.em().execute<{ id: string; action: string; hash: string; link_number: string }[]>(
      `select e.id, e.action, c.hash, c.link_number from audit_events e join audit_chain c on c.event_id = e.id
         order by c.link_number desc offset 1 limit 1`,
    );
    const [next] = await app
      .em()
      .execute<{ event_id: string }[]>('select event_id from audit_chain where link_number = ?', [
        Number(victim!.link_number) + 1,
      ]);
    // A forger who rewrites the event and its own link, but not every link after it.
    await tamper('update audit_events set action = ? where id = ?', ['forged', victim!.id]);
    await tamper(
      `update audit_chain c set hash = audit_chain_hash(p.hash, c.link_number, e)
       from audit_events e, audit_chain p where e.id = c.event_id and p.link_number = c.link_number - 1 and c.event_id = ?`,
      [victim!.id],
    );
    try {
      const result = await verify();

      expect(result).toMatchObject({ ok: false, firstBrokenEventId: next!.event_id });
    } finally {
      await tamper('update audit_events set action = ? where id = ?', [victim!.action, victim!.id]);
      await tamper('update audit_chain set hash = ? where event_id = ?', [victim!.hash, victim!.id]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('names an event whose row was deleted', async () => {
    await createApiKeys(2);
    const [victim] = await app
      .em()
      .execute<Record<string, unknown>[]>(
        'select e.* from audit_events e join audit_chain c on c.event_id = e.id order by c.link_number desc limit 1',
      );
    await tamper('delete from audit_events where id = ?', [victim!.id]);
    try {
      expect(await verify()).toMatchObject({ ok: false, firstBrokenEventId: victim!.id });
    } finally {
      const columns = Object.keys(victim!);
      await tamper(
        `insert into audit_events (${columns.map((c) => `"${c}"`).join(', ')}) overriding system value
         select * from jsonb_populate_record(null::audit_events, ?::jsonb)`,
        [JSON.stringify(victim)],
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('is refused to officials', async () => {
    const official = await createUser(app, { role: 'OFFICIAL' });

    const result = await app.execute(VERIFY, {}, { token: official.token });

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
