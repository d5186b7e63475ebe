import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/orm.js';
import { selectPrepared } from '../../src/db/prepared.js';
import { openTestDatabase } from '../helpers/database.js';

// The busiest reads run as named prepared statements (db/prepared.ts) on the PostgreSQL server, and as
// ordinary MikroORM queries on PGlite; either way the same rows come back.

let database: Database;
const statements: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase((sql) => statements.push(sql));
});
afterAll(async () => database?.close());

const LETTERS = `select x from (values ('a'), ('b'), ('c')) v(x) where x in (?) order by x`;

describe('selectPrepared', () => {
  it('expands a list parameter, and an empty list matches nothing', async () => {
    const em = database.orm.em.fork();
    expect(await selectPrepared(em, LETTERS, [['a', 'c']])).toEqual([{ x: 'a' }, { x: 'c' }]);
    expect(await selectPrepared(em, LETTERS, [['b']])).toEqual([{ x: 'b' }]);
    expect(await selectPrepared(em, LETTERS, [[]])).toEqual([]);
  });

  it('binds values of every kind, the same statement again and again', async () => {
    const em = database.orm.em.fork();
    const sql = `select ?::int + 1 as n, ?::text as t, ?::timestamptz as at, ?::text is null as missing`;
    const at = new Date('2026-11-26T01:02:03.456Z');
    for (let i = 0; i < 8; i++) {
      const [row] = await selectPrepared<{ n: number; t: string; at: Date | string; missing: boolean }>(em, sql, [
        i,
        `x${i}`,
        at,
        null,
      ]);
      expect({ ...row, at: new Date(row!.at).toISOString() }).toEqual({
        n: i + 1,
        t: `x${i}`,
        at: at.toISOString(),
        missing: true,
      });
    }
  });

  it('runs inside the transaction of its EntityManager', async () => {
    await database.orm.em.fork().transactional(async (em) => {
      await em.execute(`create temporary table prepared_probe (x text) on commit drop`);
      await em.execute(`insert into prepared_probe values ('inside')`);
      expect(await selectPrepared(em, `select x from prepared_probe where x = ?`, ['inside'])).toEqual([
        { x: 'inside' },
      ]);
    });
  });

  it('is logged like every other statement, so statement counts see it', async () => {
    statements.length = 0;
    await selectPrepared(database.orm.em.fork(), LETTERS, [['a']]);
    expect(statements.filter((sql) => sql.includes('from (values'))).toHaveLength(1);
  });
});
