import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { TestApp } from '../helpers/app.js';
import { createOrganisation, createUser } from '../helpers/factories.js';
import { bearer, postGraphql } from '../helpers/http.js';
import { subscribe, wsClient } from '../helpers/ws.js';
import { maskError } from '../../src/app/errors.js';
import { DomainError, UserErrorCode, problem } from '../../src/shared/errors.js';
import { toGlobalId } from '../../src/shared/ids.js';

// An internal failure reaches the client as code INTERNAL with a request id, nothing more: no
// message of the failure, no stack, no SQL. The details go to the log under the same request id.

/** Everything in a response a client could read, lower-cased. */
const visible = (body: unknown) => JSON.stringify(body).toLowerCase();

function expectNothingInternal(body: unknown): void {
  const text = visible(body);
  for (const leak of [
    'select',
    'insert',
    'organisations',
    'relation',
    'stack',
    'at async',
    '.ts:',
    'mikro',
    'knex',
    'pglite',
  ]) {
    expect(text, `the response shows "${leak}"`).not.toContain(leak);
  }
}

describe('an internal error in a resolver', () => {
  let app: TestApp;
  const logLines: Record<string, unknown>[] = [];
  let organisationId: string;
  let token: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    const logger = pino({ level: 'error' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    app = await TestApp.start({ logger });
    organisationId = toGlobalId('Organisation', (await createOrganisation(app, 'BANK')).id);
    token = (await createUser(app)).token;
    // A real failure of the database: the table the query needs is gone.
    await app.orm.em.getConnection().execute('alter table organisations rename to organisations_gone');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app?.stop();
  });

  const NODE = `query($id: ID!) { node(id: $id) { id } }`;

  it('is answered with code INTERNAL and the request id, over HTTP', async () => {
    const response = await postGraphql(
      app,
      { query: NODE, variables: { id: organisationId } },
      { 'accept-language': 'en' },
    );

    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json.errors).toEqual([
      {
        message: `Internal error. Try again later (request id ${requestId}).`,
        path: ['node'],
        extensions: { code: 'INTERNAL', requestId },
      },
    ]);
    expect(response.json.data).toEqual({ node: null });
  });

  it('shows no stack, no SQL and no database message', async () => {
    const response = await postGraphql(app, { query: NODE, variables: { id: organisationId } });

    expectNothingInternal(response.json);
  });

  it('keeps the request id the client sent', async () => {
    const response = await postGraphql(
      app,
      { query: NODE, variables: { id: organisationId } },
      { 'x-request-id': 'client-req-12345' },
    );

    expect(response.json.errors[0].extensions.requestId).toBe('client-req-12345');
    expect(response.headers.get('x-request-id')).toBe('client-req-12345');
  });

  it('is logged with the request id and the real cause', async () => {
    await postGraphql(app, { query: NODE, variables: { id: organisationId } }, { 'x-request-id': 'logged-req-67890' });

    const line = logLines.find((l) => l.requestId === 'logged-req-67890');
    expect(line).toMatchObject({ msg: 'internal error', path: ['node'] });
    expect(JSON.stringify(line)).toContain('organisations');
  });

  it('is masked the same way over the WebSocket', async () => {
    const client = wsClient(app, { authorization: `Bearer ${token}` });
    clients.push(client);

    const subscription = subscribe(client, NODE, { id: organisationId });
    await subscription.ended;

    expect(subscription.results).toHaveLength(1);
    expect(subscription.results[0]!.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'INTERNAL', requestId: expect.any(String) } }),
    ]);
    expectNothingInternal(subscription.results[0]);
  });
});

describe('a request while the database is closed', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await TestApp.start();
    token = (await createUser(app)).token;
    await app.database.close();
  });
  afterAll(async () => app?.server.stop());

  it('is answered with code INTERNAL and no detail when signing the caller in fails', async () => {
    const response = await postGraphql(app, { query: '{ viewer { role } }' }, bearer(token));

    expect(response.status).toBe(500);
    expect(response.json.errors).toEqual([
      {
        message: expect.any(String),
        extensions: { code: 'INTERNAL', requestId: response.headers.get('x-request-id') },
      },
    ]);
    expect(response.json.errors[0].message).not.toMatch(/context|pool|connection|knex/i);
    expectNothingInternal(response.json);
  });

  it('still answers what needs no database', async () => {
    const response = await postGraphql(app, { query: '{ workingDays { isWorkingDay(date: "2026-10-10") } }' });

    expect(response.json).toMatchObject({ data: { workingDays: { isWorkingDay: true } } });
  });

  it('makes /readyz report unavailable while /healthz stays ok', async () => {
    const ready = await fetch(`${app.url}/readyz`);
    const healthy = await fetch(`${app.url}/healthz`);

    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    expect(healthy.status).toBe(200);
  });
});

describe('maskError', () => {
  const context = { locale: 'EN' as const, requestId: 'req-1', logger: pino({ level: 'silent' }) };

  /** What graphql-js hands Apollo when a resolver throws: the thrown error wrapped with its path. */
  function thrownInResolver(original: Error): GraphQLError {
    return new GraphQLError(original.message, { path: ['auditTrail'], originalError: original });
  }

  it('maps a DomainError thrown in a query to BAD_USER_INPUT with its problems in the caller language', () => {
    const error = thrownInResolver(
      new DomainError([
        problem(UserErrorCode.REQUIRED, 'error.required', ['subjectId']),
        problem(UserErrorCode.OUT_OF_RANGE, 'error.outOfRange', ['first']),
      ]),
    );

    const masked = maskError(error.toJSON(), error, context);

    expect(masked).toEqual({
      message: 'This field is required. The value is out of the allowed range.',
      path: ['auditTrail'],
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          { code: 'REQUIRED', field: ['subjectId'], message: 'This field is required.' },
          { code: 'OUT_OF_RANGE', field: ['first'], message: 'The value is out of the allowed range.' },
        ],
      },
    });
  });

  it('passes a client code through, keeping only the extensions a client may see', () => {
    const error = thrownInResolver(
      new GraphQLError('Not found.', { extensions: { code: 'NOT_FOUND', internalNote: 'row 42 of shard 3' } }),
    );

    const masked = maskError(
      { ...error.toJSON(), extensions: { code: 'NOT_FOUND', internalNote: 'row 42 of shard 3' } },
      error,
      context,
    );

    expect(masked).toEqual({ message: 'Not found.', path: ['auditTrail'], extensions: { code: 'NOT_FOUND' } });
  });

  it('replaces any other error by INTERNAL', () => {
    const error = thrownInResolver(new TypeError("Cannot read properties of undefined (reading 'id')"));

    const masked = maskError(error.toJSON(), error, context);

    expect(masked).toEqual({
      message: 'Internal error. Try again later (request id req-1).',
      path: ['auditTrail'],
      extensions: { code: 'INTERNAL', requestId: 'req-1' },
    });
  });

  it('does not trust a code that an unknown error claims', () => {
    const error = thrownInResolver(
      Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
        extensions: { code: 'FORBIDDEN' },
      }),
    );

    const masked = maskError(error.toJSON(), error, context);

    expect(masked.extensions?.code).toBe('INTERNAL');
    expect(masked.message).not.toContain('users_email_unique');
  });
});
