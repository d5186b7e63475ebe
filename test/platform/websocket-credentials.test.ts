import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Session } from '../../src/modules/accounts/accounts.entity.js';
import { revokeCredentials } from '../../src/modules/accounts/authentication.js';
import { sha256 } from '../../src/modules/accounts/credentials.js';
import { User } from '../../src/modules/accounts/index.js';
import { PostgresEventTarget } from '../../src/shared/pg-event-target.js';
import { createEventBus } from '../../src/shared/pubsub.js';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/factories.js';
import { sendNotification } from '../helpers/notifications.js';
import { subscribe, wsClient, type OpenSubscription } from '../helpers/ws.js';

// An open WebSocket outlives the check of its credential: when the credential ends (signed out,
// password changed, key revoked, session expired, user disabled) the socket is closed with 4401, in
// every process. And subscriptions are capped per socket and per credential.
// On the PostgreSQL server the app's event bus is the LISTEN/NOTIFY one, so a revocation published by
// another process reaches it as it would in production.
const url = process.env.TEST_DATABASE_URL;
const PER_SOCKET = 3;
const PER_CREDENTIAL = 5;

let app: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  app = await TestApp.start({
    config: {
      eventBus: url ? 'postgres' : 'memory',
      databaseUrl: url ?? null,
      webSocketMaxSubscriptionsPerSocket: PER_SOCKET,
      webSocketMaxSubscriptionsPerCredential: PER_CREDENTIAL,
      webSocketCredentialCheckSeconds: 1,
    },
  });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.stop();
});

const RECEIVED = /* GraphQL */ `
  subscription {
    notificationReceived {
      id
    }
  }
`;
type Received = { notificationReceived: { id: string } };

function connect(token: string, acceptLanguage?: string): Client {
  const client = wsClient(app, { authorization: `Bearer ${token}`, acceptLanguage });
  clients.push(client);
  return client;
}

/**
 * Notifies the user until every subscription has received something more: graphql-ws does not
 * acknowledge a subscription, so a notification sent at once may come before the server listens.
 */
async function notifyUntilReceived(user: TestUser['user'], subscriptions: OpenSubscription<Received>[]) {
  const counts = subscriptions.map((subscription) => subscription.results.length);
  const deadline = Date.now() + 10_000;
  while (subscriptions.some((subscription, i) => subscription.results.length === counts[i])) {
    if (Date.now() > deadline) throw new Error('no notification arrived on every subscription');
    await sendNotification(app, user.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A subscription to the user's notifications, once it is known to run (a notification arrived). */
async function listening(client: Client, user: TestUser['user']): Promise<OpenSubscription<Received>> {
  const subscription = subscribe<Received>(client, RECEIVED);
  await notifyUntilReceived(user, [subscription]);
  return subscription;
}

/** What `promise` settles with, or "still open" after `ms`. */
function within<T>(promise: Promise<T>, ms = 5000): Promise<T | 'still open'> {
  return Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))]);
}

/** The close code the subscription ended with, or "still open" after 5 s. */
async function closeCode(subscription: OpenSubscription<unknown>): Promise<number | string> {
  const outcome = await within(subscription.ended);
  if (outcome === 'still open') return outcome;
  return (outcome.error as { code?: number } | undefined)?.code ?? 'completed';
}

async function signIn(user: TestUser['user']): Promise<string> {
  const result = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
    input: { email: user.email, password: TEST_PASSWORD },
  });
  return result.data?.signIn.token as string;
}

describe('an open WebSocket whose credential ends', () => {
  it('is closed with 4401 when its session signs out', async () => {
    const reader = await createUser(app);
    const subscription = await listening(connect(reader.token), reader.user);

    const signedOut = await app.execute(`mutation { signOut { signedOut } }`, {}, { token: reader.token });

    expect(signedOut.data?.signOut.signedOut).toBe(true);
    expect(await closeCode(subscription)).toBe(4401);
  });

  it('is closed with 4401 when the password changes, except the socket of the session that changed it', async () => {
    const { user } = await createUser(app);
    const [changing, other] = [await signIn(user), await signIn(user)];
    const kept = await listening(connect(changing), user);
    const ended = await listening(connect(other), user);

    const changed = await app.execute(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { userErrors { code } } }`,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'Another-horse-42' } },
      { token: changing },
    );

    expect(changed.data?.changePassword.userErrors).toEqual([]);
    expect(await closeCode(ended)).toBe(4401);
    await notifyUntilReceived(user, [kept]);
  });

  it('is closed with 4401 when its API key is revoked', async () => {
    const admin = await createUser(app, { role: 'ADMIN' });
    const key = await createApiKeyRow(app, { createdBy: admin.user });
    // No subscription is open to a partner key: an idle connection must be closed too.
    let connected!: () => void;
    const acknowledged = new Promise<void>((resolve) => (connected = resolve));
    const closed = new Promise<{ code: number }>((resolve) => {
      clients.push(
        createClient({
          url: `${app.url.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${key.secret}` },
          lazy: false,
          retryAttempts: 0,
          onNonLazyError: () => {},
          on: { connected: () => connected(), closed: (event) => resolve(event as { code: number }) },
        }),
      );
    });
    await acknowledged;

    const revoked = await app.execute(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { userErrors { code } } }`,
      { input: { id: key.id } },
      { token: admin.token },
    );

    expect(revoked.data?.revokeApiKey.userErrors).toEqual([]);
    expect(await within(closed)).toMatchObject({ code: 4401 });
  });

  it('is closed with 4401 when its session expires while it is open', async () => {
    const reader = await createUser(app);
    const subscription = await listening(connect(reader.token), reader.user);
    const session = await app.em().findOneOrFail(Session, { tokenHash: sha256(reader.token) });
    const untilExpiry = session.expiresAt.getTime() - app.clock.now().getTime() + 1;

    app.clock.advance(untilExpiry);
    try {
      expect(await closeCode(subscription)).toBe(4401);
    } finally {
      app.clock.advance(-untilExpiry);
    }
  });

  it('is closed with 4401 when its user is disabled', async () => {
    const reader = await createUser(app);
    const subscription = await listening(connect(reader.token), reader.user);

    await app.em().nativeUpdate(User, { id: reader.user.id }, { disabledAt: app.clock.now() });

    expect(await closeCode(subscription)).toBe(4401);
  });

  it.runIf(url)('is closed when another process publishes the revocation on the PostgreSQL event bus', async () => {
    const reader = await createUser(app);
    const subscription = await listening(connect(reader.token), reader.user);
    const session = await app.em().findOneOrFail(Session, { tokenHash: sha256(reader.token) });
    const otherProcess = await PostgresEventTarget.connect(url!, pino({ level: 'silent' }));
    try {
      // Only the event: the session row stays valid, so nothing but the bus can close the socket.
      revokeCredentials(createEventBus(otherProcess), { id: session.id, scope: 'SESSION' });

      expect(await closeCode(subscription)).toBe(4401);
    } finally {
      await otherProcess.close();
    }
  });
});

describe('subscriptions on WebSockets', () => {
  it('are capped per socket, with RATE_LIMITED in the language of the connection; ending one frees a place', async () => {
    const reader = await createUser(app);
    const client = connect(reader.token, 'en');
    const open = [await listening(client, reader.user)];
    for (let i = 1; i < PER_SOCKET; i++) open.push(subscribe<Received>(client, RECEIVED));

    const refused = subscribe<Received>(client, RECEIVED);

    expect(await within(refused.ended)).toEqual({
      error: [
        {
          message: `This connection already has the most subscriptions allowed at once (${PER_SOCKET}). End one before starting another.`,
          extensions: { code: 'RATE_LIMITED', maxSubscriptions: PER_SOCKET },
        },
      ],
    });
    open.shift()!.unsubscribe();
    await notifyUntilReceived(reader.user, [...open, subscribe<Received>(client, RECEIVED)]);
  });

  it('are capped per session over all its sockets, in Chinese by default; another session is not affected', async () => {
    const { user } = await createUser(app);
    const token = await signIn(user);
    const first = connect(token);
    const running = [await listening(first, user)];
    for (let i = 1; i < PER_SOCKET; i++) running.push(subscribe<Received>(first, RECEIVED));
    await notifyUntilReceived(user, running);
    const second = connect(token);
    for (let i = PER_SOCKET; i < PER_CREDENTIAL; i++) running.push(subscribe<Received>(second, RECEIVED));

    const refused = subscribe<Received>(second, RECEIVED);
    const otherSession = subscribe<Received>(connect(await signIn(user)), RECEIVED);

    expect(await within(refused.ended)).toEqual({
      error: [
        {
          message: `您的会话或 API 密钥同时进行的订阅已达上限（${PER_CREDENTIAL} 个），请先结束其中一个再开始新的订阅。`,
          extensions: { code: 'RATE_LIMITED', maxSubscriptions: PER_CREDENTIAL },
        },
      ],
    });
    await notifyUntilReceived(user, [...running, otherSession]);
  });
});
