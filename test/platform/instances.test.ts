import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { deleteRedisKeys, ensureServerBuild, startServerProcess, type ServerProcess } from '../helpers/instances.js';
import { localIdOf } from '../../src/shared/ids.js';
import { subscribe, waitFor } from '../helpers/ws.js';

// Two API instances as a load balancer sees them: separate processes on two ports (standing for two
// hosts), sharing one PostgreSQL database and, in the first suite, one Redis. Nothing passes between
// them but what the shared engines carry: the rate-limit and lockout counts (Redis, or the rate_limits
// table without Redis), subscription events and revocations (Redis pub/sub, or LISTEN/NOTIFY).
// Needs the PostgreSQL server (TEST_DATABASE_URL) and, for the Redis suite, TEST_REDIS_URL (CI sets both).
const url = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const RATE_LIMIT = 100;
const FAILURES_PER_SOURCE = 3;
const PASSWORD = 'Instances-pass-2026';

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message?: string; extensions?: Record<string, any> }[] };
}

/** A request on a connection of its own; `from` is the client address the trusted proxy forwards. */
async function post(
  instance: ServerProcess,
  query: string,
  variables: Record<string, unknown> = {},
  { token, from }: { token?: string; from: string },
): Promise<Answer> {
  const response = await fetch(`${instance.base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      connection: 'close',
      'x-forwarded-for': from,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

let addressCounter = 0;
/** A client address of its own for each use, so that no two tests share an anonymous budget or lockout. */
const newAddress = () => `203.0.113.${++addressCounter}`;

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } userErrors { code } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }`;
const SUBMIT = `mutation($input: SubmitServiceCaseInput!) {
  submitServiceCase(input: $input) { serviceCase { id } userErrors { code } }
}`;
const consultation = (subject: string) => ({
  kind: 'CONSULTATION',
  category: 'TAXATION',
  subject,
  body: 'Which documents does a foreign-invested enterprise need to claim the VAT refund?',
  language: 'EN',
});

async function signUp(instance: ServerProcess, foreignInvestor = false): Promise<{ token: string; email: string }> {
  const email = `instances-${randomBytes(5).toString('hex')}@example.com`;
  const answer = await post(
    instance,
    SIGN_UP,
    { input: { displayName: 'Instances', email, password: PASSWORD, foreignInvestor } },
    { from: newAddress() },
  );
  expect(answer.body.data?.signUp.userErrors).toEqual([]);
  return { token: answer.body.data!.signUp.token as string, email };
}

function socketTo(instance: ServerProcess, token: string, sockets: Client[]): Client {
  const client = createClient({
    url: `${instance.base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  sockets.push(client);
  return client;
}

const suites = [
  { store: 'Redis', redis: true, enabled: Boolean(url && redisUrl) },
  { store: 'PostgreSQL (no Redis)', redis: false, enabled: Boolean(url) },
];

for (const suite of suites) {
  describe.runIf(suite.enabled)(`two API instances sharing ${suite.store}`, () => {
    const run = randomBytes(4).toString('hex');
    const database = `qes_test_instances_${run}`;
    const redisKeyPrefix = `qes-test-${run}:`;
    let a: ServerProcess;
    let b: ServerProcess;
    const sockets: Client[] = [];

    const databaseUrl = () => {
      const databaseUrl = new URL(url!);
      databaseUrl.pathname = `/${database}`;
      return databaseUrl.toString();
    };

    beforeAll(async () => {
      ensureServerBuild();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database "${database}" template "${inject('templateDatabase')}"`);
      await admin.end();
      const env = {
        DATABASE_URL: databaseUrl(),
        ...(suite.redis ? { REDIS_URL: redisUrl!, REDIS_KEY_PREFIX: redisKeyPrefix } : {}),
        WORKERS: '1',
        TRUST_PROXY: 'loopback',
        SIGNING_KEY: 'instances-test-signing-key-0123456789abcdef',
        // Long enough that an instance which missed a revocation would still accept the credential.
        CREDENTIAL_CACHE_SECONDS: '30',
        RATE_LIMIT_POINTS_PER_MINUTE: String(RATE_LIMIT),
        SIGN_IN_FAILURES_PER_SOURCE: String(FAILURES_PER_SOURCE),
      };
      [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    });

    afterAll(async () => {
      await Promise.all(sockets.map((client) => client.dispose()));
      for (const instance of [a, b])
        if (instance && instance.process.exitCode === null) instance.process.kill('SIGKILL');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists "${database}" with (force)`);
      await admin.end();
      if (suite.redis) await deleteRedisKeys(redisUrl!, redisKeyPrefix);
    });

    it(`keeps the counts in ${suite.redis ? 'Redis' : 'PostgreSQL'}, not in either process`, async () => {
      const from = newAddress();
      expect((await post(a, '{ __typename }', {}, { from })).status).toBe(200);
      if (suite.redis) {
        const redis = new (await import('ioredis')).Redis(redisUrl!);
        try {
          expect(await redis.get(`${redisKeyPrefix}cost:ip:${from}`)).not.toBeNull();
        } finally {
          redis.disconnect();
        }
      } else {
        const client = new pg.Client({ connectionString: databaseUrl() });
        await client.connect();
        try {
          const { rows } = await client.query('select points from rate_limits where key = $1', [`cost:ip:${from}`]);
          expect(rows).toHaveLength(1);
        } finally {
          await client.end();
        }
      }
    });

    it('sees on B the cost budget spent on A', async () => {
      const from = newAddress();
      const first = await post(a, '{ __typename }', {}, { from });
      const second = await post(b, '{ __typename }', {}, { from });
      const cost = first.body as { extensions?: { cost: { requested: number; remaining: number } } };
      const remainingAfterA = cost.extensions!.cost.remaining;
      expect(remainingAfterA).toBe(RATE_LIMIT - cost.extensions!.cost.requested);
      expect((second.body as typeof cost).extensions!.cost.remaining).toBe(
        remainingAfterA - (second.body as typeof cost).extensions!.cost.requested,
      );
      // Spend the rest on A alone: B then refuses the caller too.
      let status = 200;
      for (let i = 0; i < RATE_LIMIT && status === 200; i++)
        status = (await post(a, '{ __typename }', {}, { from })).status;
      expect(status).toBe(429);
      const refused = await post(b, '{ __typename }', {}, { from });
      expect(refused.status).toBe(429);
      expect(refused.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    });

    it('holds on B a sign-in lockout earned on A', async () => {
      const { email } = await signUp(a);
      const guesser = newAddress();
      for (let i = 0; i < FAILURES_PER_SOURCE; i++) {
        const wrong = await post(a, SIGN_IN, { input: { email, password: 'Wrong-pass-2026' } }, { from: guesser });
        expect(wrong.body.data!.signIn.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
      }
      // Even the right password from that address is refused on the other instance.
      const locked = await post(b, SIGN_IN, { input: { email, password: PASSWORD } }, { from: guesser });
      expect(locked.body.data!.signIn).toEqual({ token: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
      // The owner, elsewhere, is not locked out by the guesser.
      const owner = await post(b, SIGN_IN, { input: { email, password: PASSWORD } }, { from: newAddress() });
      expect(owner.body.data!.signIn.token).toEqual(expect.any(String));
    });

    it('delivers on B the subscription event of a mutation made on A', async () => {
      const investor = await signUp(a, true);
      const subscription = subscribe<{ notificationReceived: { kind: string; title: string } }>(
        socketTo(b, investor.token, sockets),
        `subscription { notificationReceived { kind title } }`,
      );
      // graphql-ws has no "subscribed" acknowledgement: submit until the first notification arrives.
      const deadline = Date.now() + 10_000;
      let submitted = 0;
      while (subscription.results.length === 0) {
        if (Date.now() > deadline) throw new Error('no notification reached instance B');
        const answer = await post(
          a,
          SUBMIT,
          { input: consultation(`Across instances ${++submitted}`) },
          {
            token: investor.token,
            from: newAddress(),
          },
        );
        expect(answer.body.data!.submitServiceCase.userErrors).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      subscription.unsubscribe();
      expect(subscription.results[0]!.errors).toBeUndefined();
      expect(subscription.results[0]!.data!.notificationReceived.kind).toBe('SERVICE_CASE_UPDATED');
    });

    it("refuses on B at once a credential revoked on A, and closes B's sockets", async () => {
      const { token } = await signUp(a);
      const viewer = `{ viewer { role } }`;
      // B has recognised (and cached for 30 s) the token, and holds a socket open with it.
      expect((await post(b, viewer, {}, { token, from: newAddress() })).body.data!.viewer.role).toBe('APPLICANT');
      let connected!: () => void;
      const acknowledged = new Promise<void>((resolve) => (connected = resolve));
      const closed = new Promise<number>((resolve) => {
        const client = createClient({
          url: `${b.base.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
          lazy: false,
          retryAttempts: 0,
          onNonLazyError: () => {},
          on: { connected: () => connected(), closed: (event) => resolve((event as { code: number }).code) },
        });
        sockets.push(client);
      });
      await acknowledged;

      const signedOut = await post(a, `mutation { signOut { signedOut } }`, {}, { token, from: newAddress() });
      expect(signedOut.body.data!.signOut.signedOut).toBe(true);

      expect(await closed).toBe(4401);
      // The socket closed because B heard the revocation: its cache no longer holds the token either.
      const refused = await post(b, viewer, {}, { token, from: newAddress() });
      expect(refused.status).toBe(401);
      expect(refused.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    });

    it('reloads on B the holiday calendar and the name settings an administrator changed on A', async () => {
      const { token } = await signUp(a);
      const admin = new pg.Client({ connectionString: databaseUrl() });
      await admin.connect();
      try {
        await admin.query(
          `update users set role = 'ADMIN' where id = (select user_id from sessions order by created_at desc limit 1)`,
        );
      } finally {
        await admin.end();
      }
      const isWorkingDay = `{ workingDays { isWorkingDay(date: "2032-10-01") } }`;
      const settings = `{ nameSettings { verificationWindowWorkingDays } }`;
      const askB = async () => {
        const [day, names] = await Promise.all([
          post(b, isWorkingDay, {}, { token, from: newAddress() }),
          post(b, settings, {}, { token, from: newAddress() }),
        ]);
        return [
          day.body.data!.workingDays.isWorkingDay as boolean,
          names.body.data!.nameSettings.verificationWindowWorkingDays as number,
        ] as const;
      };
      // B has read both into memory.
      const [before, windowBefore] = await askB();
      expect(before).toBe(true);
      const windowAfter = windowBefore === 19 ? 18 : 19;

      const loaded = await post(
        a,
        `mutation($input: LoadHolidayCalendarInput!) { loadHolidayCalendar(input: $input) { userErrors { code } } }`,
        { input: { year: 2032, holidays: ['2032-10-01'], makeUpWorkdays: [] } },
        { token, from: newAddress() },
      );
      expect(loaded.body.data!.loadHolidayCalendar.userErrors).toEqual([]);
      const updated = await post(
        a,
        `mutation($input: UpdateNameSettingsInput!) { updateNameSettings(input: $input) { userErrors { code } } }`,
        { input: { verificationWindowWorkingDays: windowAfter } },
        { token, from: newAddress() },
      );
      expect(updated.body.data!.updateNameSettings.userErrors).toEqual([]);

      let seen: readonly [boolean, number] = [true, windowBefore];
      const deadline = Date.now() + 5000;
      while ((seen[0] || seen[1] !== windowAfter) && Date.now() < deadline) seen = await askB();
      expect(seen).toEqual([false, windowAfter]);
    });

    it('keeps every acknowledged write when one instance is killed, and the other keeps serving', async () => {
      // Writers of their own (each caller has its own budget), half on each instance, writing until the kill.
      const writers = await Promise.all([0, 1, 2, 3].map(() => signUp(b, true)));
      const acknowledged: string[] = [];
      let killed = false;
      const write = async (instance: ServerProcess, token: string, label: string) => {
        for (let i = 0; i < 8; i++) {
          try {
            const answer = await post(
              instance,
              SUBMIT,
              { input: consultation(`${label} ${i}`) },
              {
                token,
                from: newAddress(),
              },
            );
            const id = answer.body.data?.submitServiceCase.serviceCase?.id as string | undefined;
            if (id) acknowledged.push(id);
          } catch {
            // The connection to the killed instance broke: that write was never acknowledged.
            if (instance !== a || !killed) throw new Error(`a write to ${instance === a ? 'A' : 'B'} failed`);
            return;
          }
        }
      };
      const writing = writers.map(({ token }, i) => write(i % 2 === 0 ? a : b, token, `writer ${i}`));
      await waitFor(() => acknowledged.length >= 6, 'the first writes', 20_000);
      killed = true;
      a.process.kill('SIGKILL');
      await Promise.all(writing);
      expect(a.process.signalCode ?? (await new Promise((r) => a.process.once('exit', (_c, s) => r(s))))).toBe(
        'SIGKILL',
      );

      // B still serves reads and writes.
      expect((await post(b, '{ __typename }', {}, { from: newAddress() })).status).toBe(200);
      const after = await post(
        b,
        SUBMIT,
        { input: consultation('After the kill') },
        {
          token: writers[1]!.token,
          from: newAddress(),
        },
      );
      expect(after.body.data!.submitServiceCase.userErrors).toEqual([]);
      acknowledged.push(after.body.data!.submitServiceCase.serviceCase.id as string);

      const client = new pg.Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string }>('select id from service_cases');
        const stored = new Set(rows.map((row) => `${row.id}`));
        const missing = acknowledged.filter((globalId) => !stored.has(localIdOf(globalId, 'ServiceCase') ?? ''));
        expect(missing).toEqual([]);
        expect(acknowledged.length).toBeGreaterThanOrEqual(7);
      } finally {
        await client.end();
      }
    });
  });
}
