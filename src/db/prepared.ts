import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';

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
 * Writes a list parameter as one placeholder per element (`in (?)` with [a, b] becomes `in (?, ?)`),
 * as MikroORM does when it inlines values; an empty list becomes a single NULL, which matches nothing.
 */
function expandLists(sql: string, params: unknown[]): { sql: string; params: unknown[] } {
  const flat: unknown[] = [];
  let next = 0;
  const text = sql.replace(/\?/g, () => {
    const value = params[next++];
    if (!Array.isArray(value)) {
      flat.push(value);
      return '?';
    }
    if (value.length === 0) {
      flat.push(null);
      return '?';
    }
    flat.push(...(value as unknown[]));
    return value.map(() => '?').join(', ');
  });
  return { sql: text, params: flat };
}

/**
 * Runs one SELECT (`?` placeholders, no `?` elsewhere in the text; a list parameter expands) on the EntityManager's connection, inside
 * its transaction when it has one, and returns the rows. Logged like MikroORM's own queries, so the
 * tests' statement counts see it. On the embedded database (one in-process connection, no planning
 * round trip worth saving) it is an ordinary MikroORM query.
 */
export async function selectPrepared<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (em.getDriver() instanceof PGliteDriver) return em.execute<T[]>(sql, params as never[]);
  const knex = em.getConnection().getKnex();
  const expanded = expandLists(sql, params);
  const query = knex.raw(expanded.sql, expanded.params as never[]);
  const native = query.toSQL().toNative();
  query.options({ name: statementName(native.sql) });
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  const started = Date.now();
  const logger = em.config.getLogger();
  try {
    const result = (await query) as unknown as { rows: T[] };
    logger.logQuery({
      query: native.sql,
      params: native.bindings as unknown[],
      took: Date.now() - started,
      results: result.rows.length,
      level: 'info',
    });
    return result.rows;
  } catch (error) {
    logger.logQuery({
      query: native.sql,
      params: native.bindings as unknown[],
      took: Date.now() - started,
      level: 'error',
    });
    throw error;
  }
}
