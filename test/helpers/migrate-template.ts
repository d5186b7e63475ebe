import 'reflect-metadata';
import { migrate, openDatabase } from '../../src/db/orm.js';

export async function migrateTemplate(url: string): Promise<void> {
  const database = await openDatabase({ kind: 'server', url, poolSize: 1 });
  try {
    await migrate(database.orm);
  } finally {
    await database.close();
  }
}
