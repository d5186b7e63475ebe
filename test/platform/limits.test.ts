import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import type { Client } from 'graphql-ws';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { bearer, getGraphql, postGraphql } from '../helpers/http.js';
import { subscribe, wsClient } from '../helpers/ws.js';
import { INTROSPECTION_COST, MAX_TOKENS } from '../../src/app/limits.js';

// The limits every client can rely on (api.md "Limits"), checked over real HTTP and WebSocket.

let app: TestApp;
let user: TestUser;
const clients: Client[] = [];
beforeAll(async () => {
  app = await TestApp.start();
  user = await createUser(app);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.stop();
});

/** A query `depth` fields deep: node → subject → … → id. */
function queryOfDepth(depth: number, operation = 'query'): string {
  let inner = 'id';
  for (let level = 0; level < depth - 2; level++) inner = `... on Notification { subject { ${inner} } }`;
  if (operation === 'subscription') return `subscription { notificationReceived { ${inner} } }`;
  return `${operation} { node(id: "Tm90aWZpY2F0aW9uOng") { ${inner} } }`;
}

function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`;
}

describe('query depth', () => {
  it('of 12 is accepted', async () => {
    const response = await postGraphql(app, { query: queryOfDepth(12) });

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ data: { node: null } });
    expect(response.json.errors).toBeUndefined();
  });

  it('of 13 is refused with QUERY_TOO_COMPLEX before anything runs', async () => {
    const response = await postGraphql(app, { query: queryOfDepth(13) }, { 'accept-language': 'en' });

    expect(response.status).toBe(400);
    expect(response.json.data).toBeUndefined();
    expect(response.json.errors).toEqual([
      {
        message: 'The query is too deep (at most 12 levels).',
        extensions: { code: 'QUERY_TOO_COMPLEX', depth: 13, maxDepth: 12 },
      },
    ]);
  });

  it('counts fields inside fragments', async () => {
    const query = `query { ...Deep } fragment Deep on Query { ${queryOfDepth(13).slice('query { '.length, -2)} }`;

    const response = await postGraphql(app, { query });

    expect(response.json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', depth: 13 });
  });
});

describe('aliases', () => {
  it('50 of one field are accepted', async () => {
    const response = await postGraphql(app, { query: aliases(50) });

    expect(response.json.errors).toBeUndefined();
    expect(Object.keys(response.json.data)).toHaveLength(50);
  });

  it('51 of one field are refused with QUERY_TOO_COMPLEX', async () => {
    const response = await postGraphql(app, { query: aliases(51) }, { 'accept-language': 'en' });

    expect(response.status).toBe(400);
    expect(response.json.data).toBeUndefined();
    expect(response.json.errors[0]).toMatchObject({
      message: 'Too many aliases of one field (at most 50): viewer.',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });
});

describe('the cost of a query', () => {
  it('is reported in extensions.cost of a normal response', async () => {
    const response = await postGraphql(
      app,
      { query: `{ notifications(first: 100) { totalCount } viewer { role } }` },
      bearer(user.token),
    );

    expect(response.json.errors).toBeUndefined();
    expect(response.json.extensions.cost).toEqual({
      requested: 1,
      limit: 10_000,
      remaining: expect.any(Number),
      resetInSeconds: expect.any(Number),
    });
  });

  it('grows with the number of ids asked of nodes', async () => {
    const ids = Array.from({ length: 40 }, () => 'x');

    const response = await postGraphql(app, {
      query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      variables: { ids },
    });

    expect(response.json.extensions.cost.requested).toBe(40);
  });
});

describe('a query costing more than the limit', () => {
  let small: TestApp;
  let smallUser: TestUser;
  beforeAll(async () => {
    small = await TestApp.start({ config: { maxQueryCost: 10 } });
    smallUser = await createUser(small);
  });
  afterAll(async () => small?.stop());

  const connections = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `n${i}: notifications(first: 100) { edges { node { id } } }`).join(' ')} }`;

  it('is accepted at the limit', async () => {
    const response = await postGraphql(small, { query: connections(10) }, bearer(smallUser.token));

    expect(response.json.errors).toBeUndefined();
    expect(response.json.extensions.cost).toMatchObject({ requested: 10, limit: 10 });
  });

  it('is refused with QUERY_TOO_COMPLEX naming its cost, before anything runs', async () => {
    const statements = await small.countQueries(async () => {
      const response = await postGraphql(
        small,
        { query: connections(11) },
        { ...bearer(smallUser.token), 'accept-language': 'en' },
      );

      expect(response.status).toBe(400);
      expect(response.json.data).toBeUndefined();
      expect(response.json.errors).toEqual([
        {
          message:
            'The query costs 11 points, more than the limit of 10. Ask for fewer items with `first` or split it.',
          extensions: { code: 'QUERY_TOO_COMPLEX', cost: 11, maxCost: 10 },
        },
      ]);
    });

    // Only the sign-in session was looked up.
    expect(statements).toHaveLength(1);
  });

  it('counts the declared cost of fields that are not connections (name checks, introspection)', async () => {
    const nameChecks = `{ a: checkEnterpriseName(input: { name: "青岛海鸥科技有限公司" }) { available }
      b: checkEnterpriseName(input: { name: "青岛海燕科技有限公司" }) { available } }`;
    const introspections = `{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`;

    for (const query of [nameChecks, introspections]) {
      const response = await postGraphql(small, { query }, bearer(smallUser.token));

      expect(response.status).toBe(400);
      expect(response.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 20 });
    }
  });
});

/** Banks → their products → each product's bank → its products: three connections of `$n`, nested. */
const NESTED_PRODUCTS = `query($n: Int = 100) {
  banks(first: $n) { edges { node { products(first: $n) { edges { node { bank { products(first: $n) { totalCount } } } } } } } }
}`;
const NESTED_PRODUCTS_COST = 1 + 100 * (1 + 100 * 1);

describe('the cost limit', () => {
  it('reads first from a variable default, as execution does', async () => {
    const response = await postGraphql(app, { query: NESTED_PRODUCTS }, { 'accept-language': 'en' });

    expect(response.status).toBe(400);
    expect(response.json.data).toBeUndefined();
    expect(response.json.errors).toEqual([
      {
        message: `The query costs ${NESTED_PRODUCTS_COST} points, more than the limit of 10000. Ask for fewer items with \`first\` or split it.`,
        extensions: { code: 'QUERY_TOO_COMPLEX', cost: NESTED_PRODUCTS_COST, maxCost: 10_000 },
      },
    ]);
  });

  it('counts a variable, its default and a literal alike', async () => {
    const withLiterals = NESTED_PRODUCTS.replace('($n: Int = 100)', '').replaceAll('$n', '10');

    const literal = await postGraphql(app, { query: withLiterals });
    const variable = await postGraphql(app, { query: NESTED_PRODUCTS, variables: { n: 10 } });
    const defaulted = await postGraphql(app, { query: NESTED_PRODUCTS.replace('= 100', '= 10') });

    for (const response of [literal, variable, defaulted]) {
      expect(response.json.errors).toBeUndefined();
      expect(response.json.extensions.cost.requested).toBe(1 + 10 * (1 + 10 * 1));
    }
  });

  it('is refused with 400 on GET too', async () => {
    const response = await getGraphql(
      app,
      { query: NESTED_PRODUCTS },
      { 'apollo-require-preflight': 'true', 'accept-language': 'en' },
    );

    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      cost: NESTED_PRODUCTS_COST,
      maxCost: 10_000,
    });
    expect(response.json.extensions.cost).toMatchObject({ requested: 0, limit: 10_000 });
  });
});

describe('a deeply nested document', () => {
  const nestedFields = (levels: number) => `{ ${'viewer { '.repeat(levels)}role${' }'.repeat(levels)} }`;
  const nestedList = (levels: number) => `{ nodes(ids: ${'['.repeat(levels)}"x"${']'.repeat(levels)}) { id } }`;

  it('of 5,000 levels is refused with 400 and a plain parse error over HTTP', async () => {
    const response = await postGraphql(app, { query: nestedFields(5000) });

    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Syntax Error: Document contains more th(?:at|an) \d+ tokens/),
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      }),
    ]);
    expect(response.json.extensions.cost).toMatchObject({ requested: 0 });
  });

  it('as deep as the token limit allows is refused with 400 and a clear error, never a stack overflow', async () => {
    const levels = Math.floor((MAX_TOKENS - 11) / 2); // `{ nodes(ids: ` … `) { id } }`: 11 tokens

    const list = await postGraphql(app, { query: nestedList(levels) });
    const fields = await postGraphql(app, { query: queryOfDepth(Math.floor((MAX_TOKENS - 8) / 8)) });

    expect(list.status).toBe(400);
    expect(list.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(fields.status).toBe(400);
    expect(fields.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    for (const response of [list, fields]) expect(response.text).not.toMatch(/call stack|Internal/i);
  });

  it('of 5,000 levels is refused with a plain parse error over WebSocket', async () => {
    const client = wsClient(app);
    clients.push(client);

    const { error } = await subscribe(client, nestedFields(5000)).ended;

    expect(error).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Syntax Error: Document contains more th(?:at|an) \d+ tokens/),
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      }),
    ]);
  });
});

describe('introspection', () => {
  it.each([
    ['the standard query', getIntrospectionQuery()],
    [
      "the explorer's query (every option)",
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    ],
  ])('with %s is answered within the limits, its cost counted', async (_name, query) => {
    const response = await postGraphql(app, { query });

    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    expect(response.json.data.__schema.queryType).toMatchObject({ name: 'Query' });
    expect(response.json.extensions.cost.requested).toBe(INTROSPECTION_COST);
  });

  it('is answered over WebSocket too', async () => {
    const client = wsClient(app);
    clients.push(client);

    const subscription = subscribe(client, getIntrospectionQuery());
    const { error } = await subscription.ended;

    expect(error).toBeUndefined();
    expect(subscription.results[0]?.data?.__schema.queryType).toMatchObject({ name: 'Query' });
  });

  it('nested past what the explorer asks (fields of types of fields…) is refused by validation', async () => {
    const query = `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;

    const response = await postGraphql(app, { query });

    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not exempt the fields of the API beside it from the depth limit', async () => {
    const query = `{ __schema { queryType { name } } ${queryOfDepth(13).slice('query { '.length, -2)} }`;

    const response = await postGraphql(app, { query });

    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', depth: 13 });
  });
});

describe('the request body', () => {
  it('over 1 MB is refused with 413', async () => {
    const response = await postGraphql(app, {
      query: '{ viewer { role } }',
      variables: { pad: 'x'.repeat(1024 * 1024) },
    });

    expect(response.status).toBe(413);
    expect(response.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('just under 1 MB is accepted', async () => {
    const response = await postGraphql(app, {
      query: '{ viewer { role } }',
      variables: { pad: 'x'.repeat(1000 * 1000) },
    });

    expect(response.status).toBe(200);
  });

  it('that is not JSON is refused with 400', async () => {
    const response = await postGraphql(app, '{"query": ');

    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('a batched request', () => {
  it('(a JSON array of operations) is refused with 400', async () => {
    const response = await postGraphql(app, [{ query: '{ viewer { role } }' }, { query: '{ viewer { role } }' }]);

    expect(response.status).toBe(400);
    expect(response.text).toMatch(/batch/i);
  });
});

describe('CSRF prevention', () => {
  it('refuses a text/plain POST with 400', async () => {
    const response = await postGraphql(app, JSON.stringify({ query: '{ viewer { role } }' }), {
      'content-type': 'text/plain',
    });

    expect(response.status).toBe(400);
    expect(response.text).toMatch(/CSRF|preflight/i);
  });

  it('refuses a GET with a mutation and no apollo-require-preflight header with 400', async () => {
    const response = await getGraphql(app, { query: 'mutation { signOut { signedOut } }' });

    expect(response.status).toBe(400);
    expect(response.text).toMatch(/CSRF|preflight/i);
  });

  it('never runs a mutation sent by GET, even with the preflight header', async () => {
    const response = await getGraphql(
      app,
      { query: 'mutation { signOut { signedOut } }' },
      { 'apollo-require-preflight': 'true', ...bearer(user.token) },
    );
    const viewer = await postGraphql(app, { query: '{ viewer { role } }' }, bearer(user.token));

    expect(response.status).toBe(405);
    expect(viewer.json.data.viewer.role).toBe('APPLICANT');
  });

  it('lets a GET query with the preflight header through', async () => {
    const response = await getGraphql(
      app,
      { query: '{ workingDays { isWorkingDay(date: "2026-10-10") } }' },
      {
        'apollo-require-preflight': 'true',
      },
    );

    expect(response.status).toBe(200);
    expect(response.json.data.workingDays.isWorkingDay).toBe(true);
  });
});

describe('over the WebSocket', () => {
  it('a subscription deeper than 12 is refused with QUERY_TOO_COMPLEX', async () => {
    const client = wsClient(app, { authorization: `Bearer ${user.token}` });
    clients.push(client);

    const subscription = subscribe(client, queryOfDepth(13, 'subscription'));
    const { error } = await subscription.ended;

    expect(subscription.results).toEqual([]);
    expect(error).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', depth: 13 }) }),
    ]);
  });

  it('a query with 51 aliases of one field is refused with QUERY_TOO_COMPLEX', async () => {
    const client = wsClient(app, { authorization: `Bearer ${user.token}` });
    clients.push(client);

    const subscription = subscribe(client, aliases(51));
    const { error } = await subscription.ended;

    expect(error).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) }),
    ]);
  });

  it('a query whose cost hides in a variable default is refused with QUERY_TOO_COMPLEX', async () => {
    const client = wsClient(app, { authorization: `Bearer ${user.token}` });
    clients.push(client);

    const { error } = await subscribe(client, NESTED_PRODUCTS).ended;

    expect(error).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', cost: NESTED_PRODUCTS_COST }),
      }),
    ]);
  });

  it('a subscription of depth 12 is accepted', async () => {
    const client = wsClient(app, { authorization: `Bearer ${user.token}` });
    clients.push(client);

    const subscription = subscribe(client, queryOfDepth(12, 'subscription'));
    const outcome = await Promise.race([
      subscription.ended,
      new Promise((resolve) => setTimeout(() => resolve('open'), 500)),
    ]);
    subscription.unsubscribe();

    expect(outcome).toBe('open');
  });
});

describe('GraphQL answers over HTTP', () => {
  it('carry no ETag: a POST is never revalidated, and hashing every answer costs CPU', async () => {
    const result = await postGraphql(app, { query: '{ __typename }' });

    expect(result.status).toBe(200);
    expect(result.headers.get('etag')).toBeNull();
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

// Every request to /graphql goes through Express and Apollo's integration: plain, in another spelling of
// the content type, encoded, or with a byte order mark, it is answered alike.
describe('bodies sent to /graphql', () => {
  const query = JSON.stringify({ query: '{ viewer { role } }' });

  async function post(body: NonNullable<RequestInit['body']>, headers: Record<string, string>) {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...bearer(user.token), ...headers },
      body,
      duplex: 'half',
    } as RequestInit);
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  it('answer the same, with the same headers, plain or gzip-encoded', async () => {
    const plain = await post(query, { 'content-type': 'application/json' });
    const charset = await post(query, { 'content-type': 'Application/JSON; charset=UTF-8' });
    const encoded = await post(gzipSync(query), { 'content-type': 'application/json', 'content-encoding': 'gzip' });

    expect(JSON.parse(plain.text)).toMatchObject({ data: { viewer: { role: 'APPLICANT' } } });
    for (const answer of [plain, charset, encoded]) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).data).toEqual(JSON.parse(plain.text).data);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
      expect(answer.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(answer.text));
    }
  });

  it('read a body that starts with a byte order mark', async () => {
    const answer = await post(`\uFEFF${query}`, { 'content-type': 'application/json' });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data).toEqual({ viewer: { role: 'APPLICANT' } });
  });

  it('refuse a body in an encoding or charset they cannot read with 415, not as an internal error', async () => {
    const charset = await post(query, { 'content-type': 'application/json; charset=latin9' });
    const encoding = await post(query, { 'content-type': 'application/json', 'content-encoding': 'compress' });

    for (const answer of [charset, encoding]) {
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.text)).toEqual({
        errors: [{ message: 'Unsupported body encoding or charset', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
  });

  it('refuse a malformed body the same way', async () => {
    const plain = await post('{"query": ', { 'content-type': 'application/json' });
    const encoded = await post(gzipSync('{"query": '), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    const scalar = await post('42', { 'content-type': 'application/json' });
    const blank = await post('  \n', { 'content-type': 'application/json' });

    for (const answer of [plain, encoded, scalar, blank]) {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text)).toEqual({
        errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
  });

  it('refuse a body over 1 MB sent without a declared length (chunked) with 413', async () => {
    const big = new TextEncoder().encode(
      JSON.stringify({ query: '{ viewer { role } }', pad: 'x'.repeat(1100 * 1024) }),
    );
    const stream = new ReadableStream({
      start(controller) {
        for (let at = 0; at < big.length; at += 64 * 1024) controller.enqueue(big.slice(at, at + 64 * 1024));
        controller.close();
      },
    });
    const answer = await post(stream, { 'content-type': 'application/json' });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answer an empty body as Apollo answers a POST without a query', async () => {
    const answer = await post('', { 'content-type': 'application/json' });

    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/POST body missing|no keys/i);
  });
});

// One pipeline (app/apollo.ts, app/websocket.ts): with introspection off, the same validation rule refuses
// it on POST, GET and WebSocket, with the same code and message.
describe('introspection turned off', () => {
  let closed: TestApp;
  beforeAll(async () => {
    closed = await TestApp.start({ config: { introspection: false } });
  });
  afterAll(async () => closed?.stop());
  const query = '{ __schema { queryType { name } } }';
  const refusal = { message: 'Introspection is disabled', code: 'GRAPHQL_VALIDATION_FAILED' };

  it('is refused alike over POST, GET and WebSocket, while data queries still run', async () => {
    const post = await postGraphql(closed, { query });
    const get = await getGraphql(closed, { query }, { 'apollo-require-preflight': 'true' });
    const client = wsClient(closed, {});
    clients.push(client);
    const { error } = await subscribe(client, query).ended;

    for (const response of [post, get]) {
      expect(response.status).toBe(400);
      expect(response.json.errors).toEqual([
        expect.objectContaining({ message: refusal.message, extensions: { code: refusal.code } }),
      ]);
    }
    expect(error).toEqual([
      expect.objectContaining({
        message: refusal.message,
        extensions: expect.objectContaining({ code: refusal.code }),
      }),
    ]);
    expect((await postGraphql(closed, { query: '{ __typename }' })).json.data).toEqual({ __typename: 'Query' });
  });
});
