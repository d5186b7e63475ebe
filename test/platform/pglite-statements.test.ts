import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/orm.js';

// On the embedded database, a ";" inside a value, an identifier, a dollar-quoted body or a comment is
// not a statement separator. MikroORM writes parameters into the SQL text, and knex-pglite ran any text
// with a ";" as several statements (patches/@harryplusplus+knex-pglite+*.patch corrects it).

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

  it.each([
    [`select 'it''s; fine' as v`, "it's; fine"],
    [`select 1 as "odd;name", 'x' as v`, 'x'],
    [`select $$a; b$$ as v`, 'a; b'],
    [`select 'c' as v; -- trailing; comment`, 'c'],
    [`select /* a; b */ 'd' as v`, 'd'],
    [`select '{"text":"x; y"}'::jsonb ->> 'text' as v`, 'x; y'],
  ])('runs %s as one statement', async (sql, value) => {
    const rows = await database.orm.em.fork().getConnection().execute<{ v: string }[]>(sql);
    expect(rows).toEqual([expect.objectContaining({ v: value })]);
  });

  it('still runs two statements separated by ";" as two', async () => {
    const connection = database.orm.em.fork().getConnection();
    const results = await connection.execute(`select 'a;' as v; select 2 as w`);
    expect(results).toHaveLength(2);
  });
});
