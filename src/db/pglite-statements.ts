import type { PGliteInterface } from '@electric-sql/pglite';
import { PGliteKnexDialect } from 'mikro-orm-pglite';

// MikroORM inlines every parameter into the SQL text it hands to knex, and knex-pglite runs any raw
// SQL whose text splits on ";" into several pieces through exec() (several result sets, no row
// counts) instead of query(). So on the embedded database a value containing ";" (a note, an English
// sentence, a JSON document) changed the shape of the result: a versioned UPDATE then reported no
// affected rows (a false OptimisticLockError), a SELECT returned nested result sets. Here a statement
// counts as several only when a ";" outside quotes, identifiers, dollar-quoted bodies and comments is
// followed by more SQL.

/** Whether `sql` holds more than one statement. */
export function hasSeveralStatements(sql: string): boolean {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      // Quotes inside are doubled ('' or ""); backslashes in E'' strings are doubled by the escaper.
      i++;
      while (i < n) {
        if (sql[i] === ch) {
          if (sql[i + 1] === ch) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length);
        i = end < 0 ? n : end + tag.length;
      } else i++;
    } else if (ch === ';') {
      if (
        sql
          .slice(i + 1)
          .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '')
          .trim().length > 0
      )
        return true;
      i++;
    } else i++;
  }
  return false;
}

interface QueryObject {
  sql?: string;
  bindings?: unknown[];
  method?: string;
  response?: unknown;
}

(
  PGliteKnexDialect.prototype as unknown as { _query: (c: PGliteInterface, o: QueryObject) => Promise<QueryObject> }
)._query = async function query(connection: PGliteInterface, obj: QueryObject): Promise<QueryObject> {
  if (!obj.sql) throw new Error('The query is empty');
  obj.response =
    obj.method === 'raw' && hasSeveralStatements(obj.sql)
      ? await connection.exec(obj.sql)
      : await connection.query(obj.sql, obj.bindings ?? []);
  return obj;
};
