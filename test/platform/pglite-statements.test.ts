import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/orm.js';
import { hasSeveralStatements } from '../../src/db/pglite-statements.js';

// On the embedded database, a parameter containing ";" is data, not a statement separator: MikroORM
// inlines parameters into the SQL text, so a naive split on ";" changed the shape of results.

describe('hasSeveralStatements', () => {
  it.each([
    ['select 1', false],
    ['select 1;', false],
    ["update t set note = 'a; b' where id = 1", false],
    ["insert into t values ('it''s; fine')", false],
    [`select "odd;name" from t`, false],
    ["create function f() returns trigger language plpgsql as $$ begin raise exception 'x'; end $$;", false],
    ['select 1; -- trailing comment', false],
    ['select \'{"text":"x; y"}\'::jsonb', false],
    ['select 1; select 2', true],
    ["insert into t values ('a;'); update t set v = 1", true],
  ])('%s → %s', (sql, expected) => {
    expect(hasSeveralStatements(sql)).toBe(expected);
  });
});

describe('the embedded database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'embedded', dataDir: null });
  });
  afterAll(async () => database?.close());

  it('returns one result set for a query whose parameter contains ";"', async () => {
    const connection = database.orm.em.fork().getConnection();
    await connection.execute('create temporary table semicolons (id int primary key, note text, version int not null)');
    await connection.execute('insert into semicolons values (1, ?, 1)', ['first; second']);
    const updated = await connection.execute(
      'update semicolons set note = ?, version = version + 1 where id = 1 and version = 1 returning version',
      ['third; fourth'],
      'run',
    );
    expect(updated).toMatchObject({ affectedRows: 1, rows: [{ version: 2 }] });
    expect(await connection.execute('select note from semicolons where note = ?', ['third; fourth'])).toEqual([
      { note: 'third; fourth' },
    ]);
  });
});
