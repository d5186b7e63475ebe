import { buildSchema, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyRow } from '../helpers/accounts.js';
import { TestApp } from '../helpers/app.js';
import { openSession } from '../helpers/factories.js';
import { postGraphql, type HttpResult } from '../helpers/http.js';
import { loadDemoData } from '../../src/db/demo/index.js';
import { User } from '../../src/modules/accounts/index.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { API_SCOPES } from '../../src/shared/viewer.js';
import { inspect, type Finding } from './fuzz/check.js';
import { OperationGenerator, type FuzzOperation } from './fuzz/operations.js';
import type { FuzzWorld } from './fuzz/values.js';

// Schema-driven fuzzing through the real HTTP pipeline: operations generated from the public schema
// (every Query and Mutation root field, arguments valid, at the boundaries and hostile, random
// selections), sent anonymously, as signed-in users of each role and as a partner API key, over the
// demo data. No answer may be a server error, an INTERNAL error or show the server's insides, none may
// hang, and the server must still answer afterwards. `npm test` sends FUZZ_RUNS (default 1,000, 200 on PGlite);
// `npm run fuzz` sends 10,000 or FUZZ_RUNS.
// FUZZ_SEED replays a run: the same seed generates the same operations in the same order.
//
// Defects known when this test was written, being fixed on other branches: this test fails on them
// until those land; they are not filtered out. Found with FUZZ_SEED=10000 FUZZ_RUNS=10000 and others:
// - NUL (\u0000) in a text input reaches PostgreSQL, which refuses it ("invalid message format"):
//   INTERNAL from removeSpecialWord(word), enterprises(filter.search), signUp(displayName),
//   createApiKey(name) ("input").
// - Crafted cursors (base64url of a JSON array of the right length, values of the wrong type: numbers for
//   timestamps or uuids, objects, arrays, null) reach SQL: INTERNAL from organisations, notifications,
//   nameVerificationQueue, auditTrail, apiKeys, enterprises, myEnterprises, Enterprise.changes. An array
//   in a cursor changes the SQL text (`"seq" >= 1, 2`); an object's keys become property names of the
//   query ("Trying to query by not existing property AuditEvent.…") ("withheld").
// Found and fixed here (fuzz-findings.test.ts): over 50 bad variable values, addWorkingDays past 9999.

// The embedded PGlite (no TEST_DATABASE_URL) runs one statement at a time, about five times slower here.
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.TEST_DATABASE_URL ? 1000 : 200));
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Requests in flight at once: enough to keep the server busy, few enough for a shared machine. */
const CONCURRENCY = 4;
/** A request that has no answer by then counts as hung. */
const REQUEST_TIMEOUT_MS = 20_000;

const schema: GraphQLSchema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));

/**
 * A session for an existing user, as sign-in would create it (without hashing a password). The fuzzer
 * signs its users out and disables them now and then (signOut, disableUser): this enables the user again.
 */
async function sessionFor(app: TestApp, email: string): Promise<string> {
  const em = app.em();
  const user = await em.findOneOrFail(User, { email });
  user.disabledAt = null;
  const token = openSession(app, em, user);
  await em.flush();
  return token;
}

/** A partner API key with every scope (the admin may revoke it during the run: then a new one is made). */
async function partnerKey(app: TestApp): Promise<string> {
  return (await createApiKeyRow(app, { scopes: [...API_SCOPES] })).secret;
}

/** Global IDs of a few rows of every entity the schema shows as a Node. */
async function realIds(app: TestApp, nodeTypes: string[]): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  const connection = app.em().getConnection();
  for (const meta of Object.values(app.orm.getMetadata().getAll())) {
    const type = nodeTypes.find((name) => name === meta.className || name === meta.className.replace(/Entity$/, ''));
    if (!type || meta.primaryKeys.length !== 1 || meta.primaryKeys[0] !== 'id' || meta.embeddable) continue;
    const rows = await connection.execute<{ id: string }[]>(`select id from "${meta.tableName}" limit 3`);
    if (rows.length > 0)
      ids.set(
        type,
        rows.map((row) => toGlobalId(type, String(row.id))),
      );
  }
  return ids;
}

function send(app: TestApp, operation: FuzzOperation, tokens: Record<string, string>): Promise<HttpResult> {
  const token = tokens[operation.viewer];
  return postGraphql(
    app,
    { query: operation.query, variables: operation.variables },
    token ? { authorization: `Bearer ${token}` } : {},
    REQUEST_TIMEOUT_MS,
  );
}

/** How an answer went, for the run's tally: "data" when it has no errors, else its first error's code. */
function outcomeOf(response: HttpResult): string {
  const errors = (response.json as { errors?: { extensions?: { code?: string } }[] } | undefined)?.errors;
  if (!errors?.length) return 'data';
  return `${response.status} ${errors[0]?.extensions?.code ?? 'no code'}`;
}

interface Failure extends Finding {
  index: number;
  operation: FuzzOperation;
}

/** One line per kind of failure (root field and problem), with the first operation that showed it. */
function summarise(failures: Failure[]): string {
  const kinds = new Map<string, { first: Failure; count: number }>();
  for (const failure of failures) {
    const key = `${failure.operation.root}: ${failure.problem}`;
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { first: failure, count: 1 });
  }
  const lines = [...kinds].map(
    ([key, { first, count }]) =>
      `- ${key} (${count}x), e.g. #${first.index} as ${first.operation.viewer}:\n    ${first.evidence.slice(0, 400)}\n    ${JSON.stringify({ query: first.operation.query, variables: first.operation.variables }).slice(0, 1500)}`,
  );
  return `${failures.length} of ${RUNS} operations failed (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}):\n${lines.join('\n')}`;
}

describe('schema-driven fuzzing over HTTP', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const VIEWERS: Record<string, string> = {
    applicant: 'applicant@demo.local',
    investor: 'investor@demo.local',
    official: 'official@demo.local',
    financeOfficial: 'finance@demo.local',
    bank: 'bank@demo.local',
    host: 'host@demo.local',
    admin: 'admin@demo.local',
  };
  let world: FuzzWorld;
  /** The logged cause of each internal error, by request id: the report shows it beside the operation. */
  const causes = new Map<string, string>();

  beforeAll(async () => {
    // The cost budget per minute would answer most of a fast run with RATE_LIMITED: lift it here.
    const logger = pino(
      { level: 'error' },
      {
        write: (line: string) => {
          const entry = JSON.parse(line) as { requestId?: string; err?: { message?: string } };
          if (entry.requestId) causes.set(entry.requestId, entry.err?.message?.slice(0, 300) ?? line.slice(0, 300));
        },
      },
    );
    app = await TestApp.start({ config: { rateLimitPointsPerMinute: 100_000_000 }, logger });
    await loadDemoData(app.orm, app.deps);
    for (const [viewer, email] of Object.entries(VIEWERS)) tokens[viewer] = await sessionFor(app, email);
    tokens.partner = await partnerKey(app);
    const nodeTypes = schema.getImplementations(schema.getType('Node') as never).objects.map((type) => type.name);
    world = { ids: await realIds(app, nodeTypes), nodeTypes };
    // Loading the demo data into PGlite takes about 100 s on a busy machine.
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it(
    `answers ${RUNS} generated operations without a server error, INTERNAL or internal detail`,
    async () => {
      const generator = new OperationGenerator(schema, world);
      const operations = fc.sample(generator.operation(['anonymous', ...Object.keys(tokens)]), {
        numRuns: RUNS,
        seed: SEED,
      });
      const failures: Failure[] = [];
      const outcomes = new Map<string, number>();
      let next = 0;
      const worker = async () => {
        while (next < operations.length) {
          const index = next++;
          const operation = operations[index]!;
          let findings: Finding[];
          try {
            const response = await send(app, operation, tokens);
            const outcome = outcomeOf(response);
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
            findings = inspect(response);
            // Signed out or disabled by an earlier operation: the next one gets a working session again.
            if (response.status === 401 && operation.viewer === 'partner') tokens.partner = await partnerKey(app);
            else if (response.status === 401 && operation.viewer in VIEWERS) {
              tokens[operation.viewer] = await sessionFor(app, VIEWERS[operation.viewer]!);
            }
          } catch (error) {
            findings = [{ problem: 'no answer', evidence: String(error) }];
          }
          for (const finding of findings) failures.push({ ...finding, index, operation });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));

      console.info(
        `fuzz seed ${SEED}, ${RUNS} operations:`,
        Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])),
      );
      const ready = await fetch(`${app.url}/readyz`);
      const after = await send(
        app,
        { viewer: 'anonymous', root: 'query.__typename', query: '{ __typename }', variables: {} },
        tokens,
      );
      for (const failure of failures) {
        const requestId = /"requestId":"([^"]+)"/.exec(failure.evidence)?.[1];
        const cause = requestId && causes.get(requestId);
        if (cause) failure.evidence = `logged cause: ${cause}`;
      }
      if (failures.length > 0) expect.fail(summarise(failures));
      expect(ready.status).toBe(200);
      expect(after.json.data).toEqual({ __typename: 'Query' });
    },
    Math.max(60_000, RUNS * 200),
  );
});
