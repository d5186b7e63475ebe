import { request, type IncomingMessage } from 'node:http';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, type TestUser } from '../helpers/factories.js';

// Graceful shutdown (what main.ts does on SIGTERM, through server.stop()): a request already in
// flight completes, new connections are refused, open WebSockets are closed with 1001 "going away".
// Each test stops a server of its own.

/** A graphql-ws connection, acknowledged; resolves with the socket and a promise of its close code. */
async function openGraphqlSocket(app: TestApp, token: string): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve();
    });
    socket.once('error', reject);
  });
  return { socket, closed };
}

interface Answer {
  status: number;
  body: string;
}

/** Sends a POST whose body arrives in two parts: the request is in flight until `finish` is called. */
function slowPost(app: TestApp, body: string, headers: Record<string, string> = {}) {
  const half = Math.floor(body.length / 2);
  let req!: ReturnType<typeof request>;
  const answered = new Promise<Answer>((resolve, reject) => {
    req = request(
      `${app.url}/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response: IncomingMessage) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return { answered, finish: () => req.end(body.slice(half)) };
}

async function refusesConnections(app: TestApp): Promise<boolean> {
  try {
    await fetch(`${app.url}/healthz`, { headers: { connection: 'close' } });
    return false;
  } catch (error) {
    return /ECONNREFUSED/.test(String((error as { cause?: unknown }).cause ?? error));
  }
}

/** Waits until the server refuses new connections (it stops listening at once, but asynchronously). */
async function waitForRefusal(app: TestApp): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await refusesConnections(app)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the server still accepts connections');
}

/** Waits until a statement of the app waits on a lock `holder` holds. */
async function waitForLockWait(holder: pg.Client): Promise<void> {
  for (let attempt = 0; attempt < 250; attempt++) {
    const { rows } = await holder.query(
      `select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the mutation never waited on the lock');
}

describe('stopping the server', () => {
  let app: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    app = await TestApp.start();
    user = await createUser(app);
  });
  afterAll(async () => app?.database.close());

  it('lets a request in flight finish, refuses new connections and closes WebSockets with 1001', async () => {
    const { closed } = await openGraphqlSocket(app, user.token);
    const inFlight = slowPost(app, JSON.stringify({ query: '{ viewer { role } }' }), {
      authorization: `Bearer ${user.token}`,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const stopping = app.server.stop();

    expect(await closed).toBe(1001);
    await waitForRefusal(app);
    inFlight.finish();
    const answer = await inFlight.answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data).toEqual({ viewer: { role: 'APPLICANT' } });
    await stopping;
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('stopping the server while a mutation waits on a row lock', () => {
  let app: TestApp;
  let admin: TestUser;
  let locker: pg.Client;
  beforeAll(async () => {
    app = await TestApp.start();
    admin = await createUser(app, { role: 'ADMIN' });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${app.orm.config.get('dbName')}`;
    locker = new pg.Client({ connectionString: url.toString() });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await app?.database.close();
  });

  it('lets the mutation finish once the lock is released, and it is written', async () => {
    const key = await createApiKeyRow(app);
    // Another transaction holds the key's row: revokeApiKey (SELECT … FOR UPDATE) waits for it.
    await locker.query('begin');
    await locker.query('select * from api_keys where id = $1 for update', [key.apiKey.id]);
    const body = JSON.stringify({
      query: `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } userErrors { code } } }`,
      variables: { id: key.id },
    });
    const inFlight = slowPost(app, body, { authorization: `Bearer ${admin.token}` });
    inFlight.finish();
    await waitForLockWait(locker);

    const stopping = app.server.stop();
    await waitForRefusal(app);
    await locker.query('commit');

    const answer = await inFlight.answered;
    await stopping;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.revokeApiKey).toEqual({ apiKey: { id: key.id }, userErrors: [] });
    const { rows } = await locker.query('select revoked_at from api_keys where id = $1', [key.apiKey.id]);
    expect(rows[0].revoked_at).not.toBeNull();
  });
});
