import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import { replicaFailed } from './replicas.js';

// MikroORM writes every parameter into the SQL text, so PostgreSQL parses and plans each statement
// anew: about 0.8 ms of database CPU for the bank search, a third of what running it costs. The
// busiest reads go through here instead: a named prepared statement per distinct SQL text, parsed and
// planned once per pooled connection, with the values bound. Their SQL must plan well without seeing
// the values (PostgreSQL switches to a generic plan after five runs); see financing.search.ts.

const names = new Map<string, string>();
const MAX_NAMES = 500;

/** A stable statement name for a SQL text (PostgreSQL keeps a prepared statement per name per connection). */
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `q_${createHash('sha1').update(sql).digest('base64url')}`;
    // The texts come from a few builders; the bound only guards memory against a builder gone wrong.
    if (names.size >= MAX_NAMES) names.clear();
    names.set(sql, name);
  }
  return name;
}

/**
 * The statement with numbered placeholders ($1, $2, …) and its values; a list parameter gets one
 * placeholder per element (`in (?)` with [a, b] becomes `in ($1, $2)`), as MikroORM writes lists when
 * it inlines them, and an empty list a single NULL, which matches nothing.
 */
function numbered(sql: string, params: unknown[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let next = 0;
  const placeholder = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const text = sql.replace(/\?/g, () => {
    const value = params[next++];
    if (!Array.isArray(value)) return placeholder(value);
    if (value.length === 0) return placeholder(null);
    return (value as unknown[]).map(placeholder).join(', ');
  });
  return { text, values };
}

/**
 * Through knex's public `options()`, which hands its keys to pg's query config: a named prepared statement
 * (`{ name, text, values }`) on the transaction's connection, or on one of the pool's.
 */
async function run<T>(
  knex: Knex,
  statement: { name: string; text: string; values: unknown[] },
  transaction?: Knex.Transaction,
) {
  const raw = knex.raw(statement.text).options({ name: statement.name, values: statement.values });
  return ((await (transaction ? raw.transacting(transaction) : raw)) as unknown as { rows: T[] }).rows;
}

/**
 * Runs one SELECT (`?` placeholders, no `?` elsewhere in the text, each of a type PostgreSQL can infer
 * or cast; a list parameter expands) on the EntityManager's connection, inside its transaction when it
 * has one, and returns the rows. Logged like MikroORM's own queries, so the tests' statement counts see
 * it. On the embedded database (one in-process connection, no planning round trip worth saving) it is
 * an ordinary MikroORM query.
 */
export async function selectPrepared<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (em.getDriver() instanceof PGliteDriver) {
    const lists = params.map((value) => (Array.isArray(value) && value.length === 0 ? [null] : value));
    return em.execute<T[]>(sql, lists as never[]);
  }
  const { text, values } = numbered(sql, params);
  const statement = { name: statementName(text), text, values };
  const transaction = em.getTransactionContext<Knex.Transaction>();
  // Outside a transaction a read connection: a replica inside onReplica() (see replicas.ts), else the primary.
  const connection = em.getConnection(transaction ? 'write' : 'read');
  const knex = connection.getKnex();
  const started = Date.now();
  const log = (level: 'info' | 'error', results?: number) =>
    em.config.getLogger().logQuery({ query: text, params: values, took: Date.now() - started, results, level });
  try {
    let rows: T[];
    try {
      rows = await run<T>(knex, statement, transaction);
    } catch (error) {
      // A replica that went away since its last health check: the primary answers instead.
      if (transaction || !replicaFailed(connection, error)) throw error;
      rows = await run<T>(em.getConnection('write').getKnex(), statement);
    }
    log('info', rows.length);
    return rows;
  } catch (error) {
    log('error');
    throw error;
  }
}
