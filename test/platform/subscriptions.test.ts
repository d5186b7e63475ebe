import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, TEST_PASSWORD } from '../helpers/factories.js';
import { sendNotification } from '../helpers/notifications.js';
import { subscribe, waitFor, wsClient, type OpenSubscription } from '../helpers/ws.js';
import { createRequestContext } from '../../src/app/context.js';
import { notify } from '../../src/shared/notifications/notification.service.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { toGlobalId } from '../../src/shared/ids.js';

// notificationReceived over a real WebSocket: authentication in connectionParams, one user's
// notifications never reaching another, refusals as the protocol reports them.

let app: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.stop();
});

const RECEIVED = /* GraphQL */ `
  subscription {
    notificationReceived {
      id
      kind
      title
    }
  }
`;

function connect(connectionParams: Record<string, unknown> = {}): Client {
  const client = wsClient(app, connectionParams);
  clients.push(client);
  return client;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type Received = { notificationReceived: { id: string; kind: string; title: string } };

/**
 * graphql-ws has no "subscribed" acknowledgement, so a notification sent right after subscribing may
 * come before the server listens. `send` is repeated until something arrives; it returns what it sent.
 */
async function sendUntilReceived(subscription: OpenSubscription<Received>, send: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (subscription.results.length === 0) {
    if (Date.now() > deadline) throw new Error('no notification arrived over the WebSocket');
    await send();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notificationReceived', () => {
  it("delivers the viewer's own notifications and never another user's", async () => {
    const reader = await createUser(app);
    const other = await createUser(app);
    const subscription = subscribe<Received>(connect(bearer(reader.token)), RECEIVED);
    const sentToReader: string[] = [];
    const sentToOther: string[] = [];

    await sendUntilReceived(subscription, async () => {
      // The other user's first: were the topic not per user, it would arrive first.
      sentToOther.push(toGlobalId('Notification', await sendNotification(app, other.user.id)));
      sentToReader.push(toGlobalId('Notification', await sendNotification(app, reader.user.id)));
    });
    sentToReader.push(toGlobalId('Notification', await sendNotification(app, reader.user.id)));
    await waitFor(
      () => subscription.results.some((r) => r.data?.notificationReceived.id === sentToReader.at(-1)),
      'the last notification',
    );
    subscription.unsubscribe();

    const receivedIds = subscription.results.map((result) => result.data?.notificationReceived.id);
    expect(subscription.results.every((result) => result.errors === undefined)).toBe(true);
    expect(receivedIds.filter((id) => !sentToReader.includes(id!))).toEqual([]);
    expect(receivedIds.filter((id) => sentToOther.includes(id!))).toEqual([]);
  });

  it('renders the notification in the language of the connection', async () => {
    const reader = await createUser(app);
    const subscription = subscribe<Received>(connect({ ...bearer(reader.token), acceptLanguage: 'en' }), RECEIVED);

    await sendUntilReceived(subscription, async () => {
      await sendNotification(app, reader.user.id, { n: 4 });
    });
    subscription.unsubscribe();

    expect(subscription.results[0]?.data?.notificationReceived).toMatchObject({
      kind: 'OTHER',
      title: 'Test notification 4',
    });
  });

  it('never delivers a notification whose transaction rolled back', async () => {
    const reader = await createUser(app);
    const subscription = subscribe<Received>(connect(bearer(reader.token)), RECEIVED);
    const committed: string[] = [];

    await sendUntilReceived(subscription, async () => {
      const ctx = await createRequestContext(app.orm, app.deps, {
        authorization: null,
        acceptLanguage: null,
        ip: '127.0.0.1',
      });
      await inTransaction(ctx, async (tx) => {
        notify(tx, {
          userId: reader.user.id,
          kind: 'OTHER',
          titleKey: 'test.notification.title',
          bodyKey: 'test.notification.body',
        });
        await tx.em.flush();
        throw new Error('rolled back');
      }).catch(() => undefined);
      committed.push(toGlobalId('Notification', await sendNotification(app, reader.user.id)));
    });
    subscription.unsubscribe();

    expect(committed).toContain(subscription.results[0]?.data?.notificationReceived.id);
  });

  it('without a token ends with UNAUTHENTICATED', async () => {
    const subscription = subscribe<Received>(connect(), RECEIVED);

    const { error } = await subscription.ended;

    const errors = (subscription.results[0]?.errors ?? error) as { extensions?: { code?: string } }[];
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('with a partner API key ends with FORBIDDEN', async () => {
    const key = await createApiKeyRow(app);
    const subscription = subscribe<Received>(connect(bearer(key.secret)), RECEIVED);

    const { error } = await subscription.ended;

    const errors = (subscription.results[0]?.errors ?? error) as { extensions?: { code?: string } }[];
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a WebSocket connection', () => {
  it('with an invalid token is closed with code 4403', async () => {
    const subscription = subscribe<Received>(connect(bearer('qes_s_' + 'x'.repeat(43))), RECEIVED);

    const { error } = await subscription.ended;

    expect((error as { code?: number }).code).toBe(4403);
  });

  it('with an expired session is closed with code 4403', async () => {
    const { user } = await createUser(app);
    const signIn = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { email: user.email, password: TEST_PASSWORD },
    });
    app.clock.advance(app.deps.config.sessionTtlHours * 3600_000 + 1);
    try {
      const subscription = subscribe<Received>(connect(bearer(signIn.data?.signIn.token)), RECEIVED);

      const { error } = await subscription.ended;

      expect((error as { code?: number }).code).toBe(4403);
    } finally {
      app.clock.advance(-(app.deps.config.sessionTtlHours * 3600_000 + 1));
    }
  });

  it('runs queries too, with the same authentication', async () => {
    const reader = await createUser(app);
    const subscription = subscribe(connect(bearer(reader.token)), `{ viewer { role } }`);

    await subscription.ended;

    expect(subscription.results).toEqual([{ data: { viewer: { role: 'APPLICANT' } } }]);
  });
});

describe('an operation over the WebSocket that is not valid', () => {
  const IS_WORKING_DAY = `query($date: Date!) { workingDays { isWorkingDay(date: $date) } }`;

  async function refusal(query: string, variables?: Record<string, unknown>) {
    const subscription = subscribe(connect({ acceptLanguage: 'en' }), query, variables);
    const { error } = await subscription.ended;
    return { results: subscription.results, errors: error as { message: string; extensions?: { code?: string } }[] };
  }

  it('with a bad variable is refused with BAD_USER_INPUT, as over HTTP, not as an internal error', async () => {
    const { results, errors } = await refusal(IS_WORKING_DAY, { date: 'Pw-秘密-7' });

    expect(results).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$date" got invalid value; Date must be a calendar day written YYYY-MM-DD, e.g. 2026-10-08',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });

  it('with a variable of the wrong type does not echo the value', async () => {
    const { errors } = await refusal(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { email: 'someone@example.cn', password: 4_711_000_815 },
    });

    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(errors)).not.toContain('4711000815');
  });

  it('that fails validation is refused with GRAPHQL_VALIDATION_FAILED, without the literal value', async () => {
    const { errors } = await refusal(`{ workingDays { isWorkingDay(date: 4711000815) } }`);

    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    expect(JSON.stringify(errors)).not.toContain('4711000815');
  });

  it('that does not parse is refused with GRAPHQL_PARSE_FAILED', async () => {
    const { errors } = await refusal(`{ workingDays { `);

    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } })]);
  });
});
