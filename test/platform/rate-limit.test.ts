import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createApiKeyRow } from '../helpers/accounts.js';
import { createUser } from '../helpers/factories.js';
import { bearer, postGraphql } from '../helpers/http.js';

// A budget of 5 cost points per minute per caller: anonymous callers by IP (the server trusts
// X-Forwarded-For from the loopback proxy), signed-in users by session, partners by API key.
// Each test spends the budget of callers of its own.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ config: { rateLimitPointsPerMinute: 5 } });
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

  it('gives a signed-in session its own budget, apart from its IP', async () => {
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
