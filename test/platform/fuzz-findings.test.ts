import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { postGraphql } from '../helpers/http.js';

// Defects the schema-driven fuzzer (fuzz.test.ts) found outside the areas other work was fixing, each
// pinned by the smallest request that showed it.

describe('what the fuzzer found', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers more than 50 bad variable values with BAD_USER_INPUT, not INTERNAL', async () => {
    // graphql-js stops coercing after 50 errors and adds an error of its own, without a code.
    const ids = Array.from({ length: 60 }, () => ({ not: 'an id' }));

    const response = await postGraphql(app, {
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids },
    });

    expect(response.status).toBe(400);
    const codes = new Set(response.json.errors.map((error: { extensions: { code: string } }) => error.extensions.code));
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
    expect(response.json.errors.at(-1).message).toMatch(/error limit reached/);
  });

  it('answers a working-day count past the year 9999 with BAD_USER_INPUT, not INTERNAL', async () => {
    const response = await postGraphql(
      app,
      { query: '{ workingDays { addWorkingDays(from: "9999-12-31", days: 101) } }' },
      { 'accept-language': 'en' },
    );

    expect(response.json.errors).toEqual([
      expect.objectContaining({
        message: 'the result is outside the years 0001–9999',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });
});
