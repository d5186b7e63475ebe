import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/app/schema.js';
import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { TestApp, type ExecuteResult } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { subscribe, wsClient, type OpenSubscription } from '../helpers/ws.js';
import { createEnterprise } from '../financing/helpers.js';
import { MATRIX, expectedOutcome, type Call, type Fixtures, type Outcome, type Row } from './permission-matrix.js';
import { VIEWER_CLASSES, createCast, credentialOf, type ViewerClass } from './permission-matrix.viewers.js';
import { renderMatrix } from './permission-matrix.render.js';

// Runs every row of the permission matrix (permission-matrix.ts) as every viewer class, against
// fixtures owned by the applicant and bank columns, and checks the outcome of each call; a refused
// or hidden write must leave every row of every table exactly as it was.

let app: TestApp;
let fixtures: Fixtures;
let checksumQuery: string;
beforeAll(async () => {
  // The matrix calls each operation as every viewer: far beyond a person's budget per minute.
  app = await TestApp.start({ config: { rateLimitPointsPerMinute: 100_000_000 } });
  const cast = await createCast(app);
  const enterprise = await createEnterprise(app, cast.applicant);
  fixtures = { app, cast, enterpriseId: toGlobalId('Enterprise', enterprise.id) };
  const tables = await app
    .em()
    .execute<{ name: string }[]>(`select tablename as name from pg_tables where schemaname = current_schema()`);
  checksumQuery = tables
    // Requests counted per key and day are not a write of the call either (added in batches, off the path).
    .filter(({ name }) => name !== 'api_key_daily_uses')
    .map(
      ({ name }) =>
        // A sum of 64-bit hashes of every row's text: no sorting, and any changed, added or removed row shows.
        // An API key's last-use stamp is not a write of the call: it is left out (written off the request's path).
        `select '${name}' as name, count(*) || ':' || coalesce(sum(hashtextextended((to_jsonb(t) - 'last_used_at')::text, 0)), 0) as sum from "${name}" t`,
    )
    .join(' union all ');
});
afterAll(async () => app?.stop());

/** Every row of every table, as one digest per table: equal before and after means nothing was written. */
async function databaseChecksum(): Promise<Record<string, string>> {
  const rows = await app.em().execute<{ name: string; sum: string }[]>(checksumQuery);
  return Object.fromEntries(rows.map(({ name, sum }) => [name, sum]));
}

function codeOutcome(code: unknown): Outcome {
  return code === 'NOT_FOUND' ? 'hidden' : (String(code) as Outcome);
}

function outcomeOf(result: ExecuteResult, field: string, call: Call): Outcome {
  if (result.errors?.length) return codeOutcome(result.errors[0]!.extensions?.code);
  const value = result.data?.[field] as { userErrors?: { code: string }[] } | null | undefined;
  if (value === null || value === undefined) return 'hidden';
  const userError = value.userErrors?.[0];
  if (userError) return userError.code === 'NOT_FOUND' ? 'hidden' : `error:${userError.code}`;
  return call.read ? call.read(result.data) : 'ok';
}

/** The variables with every global ID swapped for one of the same type that names nothing. */
function withMissingObjects(value: unknown): unknown {
  if (typeof value === 'string') {
    const decoded = fromGlobalId(value);
    return decoded ? toGlobalId(decoded.type, randomUUID()) : value;
  }
  if (Array.isArray(value)) return value.map(withMissingObjects);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withMissingObjects(item)]));
  }
  return value;
}

/** What the caller reads: the data and each error's message, path and code. */
function asRead(result: ExecuteResult) {
  return {
    data: result.data,
    errors: result.errors?.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code })),
  };
}

/** Refused viewers first, all on one fixture (they change nothing); then each allowed viewer on a fixture of its own. */
function inRunOrder(row: Row): ViewerClass[] {
  const refused = VIEWER_CLASSES.filter((v) => expectedOutcome(row, v) !== 'ok');
  return [...refused, ...VIEWER_CLASSES.filter((v) => !refused.includes(v))];
}

async function runOverHttp(name: string, row: Row): Promise<Record<string, Outcome>> {
  const [kind, field] = name.split('.') as [string, string];
  const outcomes: Record<string, Outcome> = {};
  const shared = await row.call(fixtures);
  let untouched = kind === 'Mutation' ? await databaseChecksum() : null;
  for (const viewerClass of inRunOrder(row)) {
    const allowed = expectedOutcome(row, viewerClass) === 'ok';
    const call = allowed && kind === 'Mutation' ? await row.call(fixtures) : shared;
    const token =
      allowed && row.usesUpCaller ? await credentialOf(app, viewerClass) : fixtures.cast.credentials[viewerClass.key]!;

    const result = await app.execute(call.query, call.variables, { token });
    const outcome = outcomeOf(result, field, call);

    outcomes[viewerClass.key] = outcome;
    const scopes = Array.isArray(row.needs) ? row.needs.filter((need) => need.startsWith('SCOPE:')) : [];
    if (outcome === 'FORBIDDEN' && viewerClass.viewer?.kind === 'API_KEY' && scopes.length > 0) {
      // A key is told which scope it lacks.
      for (const scope of scopes) expect(result.errors![0]!.message).toContain(scope.slice(6));
    }
    const missing = withMissingObjects(call.variables ?? {}) as Record<string, unknown>;
    if (outcome === 'hidden' && JSON.stringify(missing) !== JSON.stringify(call.variables ?? {})) {
      // "As if it did not exist": the very answer an object that does not exist gets, message included.
      const answer = await app.execute(call.query, missing, { token });
      expect(asRead(result), `${name} as ${viewerClass.key}: not as if it did not exist`).toEqual(asRead(answer));
    }
    // Refused callers run first, on the shared fixture: a refusal must have changed nothing. (One let
    // through shows in the outcomes; the checks go on from what it left.)
    if (untouched && !allowed) {
      const now = await databaseChecksum();
      if (outcome !== 'ok') expect(now, `${name} as ${viewerClass.key} (${outcome}) wrote`).toEqual(untouched);
      untouched = now;
    }
  }
  return outcomes;
}

/** Settles with `promise`, or with undefined after `ms` (only reached when a refusal never comes). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}

function subscriptionOutcome(subscription: OpenSubscription<unknown>, ended: { error?: unknown } | undefined): Outcome {
  const first = subscription.results[0];
  if (first?.errors?.length) return codeOutcome(first.errors[0]!.extensions?.code);
  if (first?.data) return 'ok';
  if (ended?.error) {
    const errors = ended.error as { extensions?: { code?: string } }[] | { code?: number };
    if (Array.isArray(errors)) return codeOutcome(errors[0]?.extensions?.code);
    return `error:closed ${errors.code}` as Outcome;
  }
  return 'error:no event' as Outcome;
}

async function runOverWebSocket(row: Row): Promise<Record<string, Outcome>> {
  const call = await row.call(fixtures);
  const clients: Client[] = [];
  try {
    const open = VIEWER_CLASSES.map((viewerClass) => {
      const token = fixtures.cast.credentials[viewerClass.key];
      const client = wsClient(app, token ? { authorization: `Bearer ${token}` } : {});
      clients.push(client);
      const subscription = subscribe(client, call.query, call.variables);
      return { viewerClass, subscription, allowed: expectedOutcome(row, viewerClass) === 'ok' };
    });
    const refusals = await Promise.all(
      open.filter((o) => !o.allowed).map(async (o) => ({ ...o, ended: await within(o.subscription.ended, 10_000) })),
    );
    // Nothing says when a subscription is in place: cause events until each allowed viewer has one.
    const waiting = open.filter((o) => o.allowed);
    const deadline = Date.now() + 15_000;
    while (waiting.some((o) => o.subscription.results.length === 0) && Date.now() < deadline) {
      await call.trigger!();
      const settle = Date.now() + 250;
      while (waiting.some((o) => o.subscription.results.length === 0) && Date.now() < settle) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    const outcomes: Record<string, Outcome> = {};
    for (const o of refusals) outcomes[o.viewerClass.key] = subscriptionOutcome(o.subscription, o.ended);
    for (const o of waiting) outcomes[o.viewerClass.key] = subscriptionOutcome(o.subscription, undefined);
    return outcomes;
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

function expectedRow(row: Row): Record<string, Outcome> {
  return Object.fromEntries(VIEWER_CLASSES.map((v) => [v.key, expectedOutcome(row, v)]));
}

describe('the permission matrix', () => {
  it('notices a change to any row of any table', async () => {
    const { user } = await createUser(app);
    const before = await databaseChecksum();
    await app.em().execute(`update users set display_name = display_name || '·' where id = ?`, [user.id]);

    expect(await databaseChecksum()).not.toEqual(before);
  });

  it('has a row for every root field of the built schema, and no row for a field that does not exist', async () => {
    const schema = await buildApiSchema(app.deps.events);
    const rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}).map((field) => `${type!.name}.${field}`),
    );

    expect(Object.keys(MATRIX).sort()).toEqual(rootFields.sort());
  });

  it('is the reviewed table in permission-matrix.snapshot.md', async () => {
    await expect(renderMatrix()).toMatchFileSnapshot('./permission-matrix.snapshot.md');
  });

  it.each(Object.keys(MATRIX).sort())('%s answers each viewer as its row says', async (name) => {
    const row = MATRIX[name]!;
    const outcomes = name.startsWith('Subscription.') ? await runOverWebSocket(row) : await runOverHttp(name, row);
    expect(outcomes).toEqual(expectedRow(row));
  });
});
