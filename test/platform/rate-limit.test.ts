import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser, openSession } from '../helpers/factories.js';
import { User } from '../../src/modules/accounts/index.js';
import { bearer, postGraphql } from '../helpers/http.js';
import { clientAddress, proxyTrust } from '../../src/app/context.js';

// A budget of 5 cost points per minute per caller: anonymous callers by IP (this server trusts
// X-Forwarded-For from a proxy on the loopback, as TRUST_PROXY=loopback would), signed-in users by
// user, partners by API key. Each test spends the budget of callers of its own.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ config: { rateLimitPointsPerMinute: 5, trustProxy: ['loopback'] } });
});
afterAll(async () => app?.stop());

const QUERY = { query: '{ workingDays { isWorkingDay(date: "2026-10-10") } }' };
let nextIp = 1;
const newIp = () => ({ 'x-forwarded-for': `198.51.100.${nextIp++}` });

async function spend(headers: Record<string, string>, times: number) {
  for (let i = 0; i < times; i++) {
    const response = await postGraphql(app, QUERY, headers);
    expect(response.status).toBe(200);
  }
}

describe('the rate limit', () => {
  it('counts down the budget in extensions.cost', async () => {
    const ip = newIp();

    const first = await postGraphql(app, QUERY, ip);
    const second = await postGraphql(app, QUERY, ip);

    expect(first.json.extensions.cost).toMatchObject({ requested: 1, remaining: 4 });
    expect(second.json.extensions.cost).toMatchObject({ requested: 1, remaining: 3 });
    expect(first.json.extensions.cost.resetInSeconds).toBeGreaterThan(0);
  });

  it('answers RATE_LIMITED with the seconds to wait once the budget is spent', async () => {
    const ip = newIp();
    await spend(ip, 5);

    const response = await postGraphql(app, QUERY, { ...ip, 'accept-language': 'en' });

    expect(response.status).toBe(429);
    expect(response.json.data).toBeUndefined();
    expect(response.json.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds\.$/),
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
      },
    ]);
    const seconds = response.json.errors[0].extensions.retryAfterSeconds;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(response.headers.get('retry-after')).toBe(String(seconds));
  });

  it('keeps another IP working', async () => {
    const spent = newIp();
    await spend(spent, 5);

    const other = await postGraphql(app, QUERY, newIp());

    expect(other.status).toBe(200);
    expect(other.json.data.workingDays.isWorkingDay).toBe(true);
  });

  it('gives a signed-in user its own budget, apart from its IP', async () => {
    const ip = newIp();
    const { token } = await createUser(app);
    await spend(ip, 5);

    const response = await postGraphql(app, QUERY, { ...ip, ...bearer(token) });

    expect(response.status).toBe(200);
  });

  it('limits a session once its own budget is spent', async () => {
    const { token } = await createUser(app);
    for (let i = 0; i < 5; i++) await postGraphql(app, QUERY, { ...newIp(), ...bearer(token) });

    const response = await postGraphql(app, QUERY, { ...newIp(), ...bearer(token) });

    expect(response.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it("keeps a user's spent budget when the user signs in again", async () => {
    const { user, token } = await createUser(app);
    for (let i = 0; i < 5; i++) await postGraphql(app, QUERY, { ...newIp(), ...bearer(token) });
    // A second session, as signing in again opens one (signIn itself costs more than this budget).
    const em = app.em();
    const newToken = openSession(app, em, await em.findOneOrFail(User, { id: user.id }));
    await em.flush();

    const response = await postGraphql(app, QUERY, { ...newIp(), ...bearer(newToken) });

    expect(response.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('limits an API key across IPs', async () => {
    const { secret } = await createApiKeyRow(app);
    for (let i = 0; i < 5; i++) await postGraphql(app, QUERY, { ...newIp(), ...bearer(secret) });

    const response = await postGraphql(app, QUERY, { ...newIp(), ...bearer(secret) });

    expect(response.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('charges the cost of the query, not one point per request', async () => {
    const ip = newIp();
    const ids = Array.from({ length: 6 }, () => 'x');

    const response = await postGraphql(
      app,
      { query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, variables: { ids } },
      ip,
    );

    expect(response.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

describe('the client address', () => {
  let untrusting: TestApp;
  beforeAll(async () => {
    untrusting = await TestApp.start({ config: { rateLimitPointsPerMinute: 5 } });
  });
  afterAll(async () => untrusting?.stop());

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy (the default trusts none)', async () => {
    for (let i = 0; i < 5; i++) await postGraphql(untrusting, QUERY, { 'x-forwarded-for': `192.0.2.${i + 1}` });

    const response = await postGraphql(untrusting, QUERY, { 'x-forwarded-for': '192.0.2.99' });

    expect(response.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('takes X-Forwarded-For from a trusted proxy: each forwarded client has its own budget', async () => {
    const spent = newIp();
    await spend(spent, 5);

    const [again, other] = [await postGraphql(app, QUERY, spent), await postGraphql(app, QUERY, newIp())];

    expect(again.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(other.status).toBe(200);
  });

  it.each([
    [[], '10.0.0.1'],
    [['10.0.0.1'], '192.0.2.2'],
    [['10.0.0.0/8'], '192.0.2.2'],
    [1, '192.0.2.2'],
    [2, '192.0.2.1'],
  ] as const)('with TRUST_PROXY %j is %s behind 192.0.2.1, 192.0.2.2 and the peer 10.0.0.1', (setting, expected) => {
    const request = {
      headers: { 'x-forwarded-for': '192.0.2.1, 192.0.2.2' },
      socket: { remoteAddress: '10.0.0.1' },
      connection: { remoteAddress: '10.0.0.1' },
    } as unknown as IncomingMessage;

    expect(clientAddress(request, proxyTrust(setting as number | string[]))).toBe(expected);
  });
});
