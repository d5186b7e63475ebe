import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../../shared/context.js';
import { loadDemoAccounts, type DemoAccount } from './accounts.demo.js';
import { loadDemoRegistration } from './registration.demo.js';

export { DEMO_PASSWORD, DEMO_ACCOUNTS } from './accounts.demo.js';

/**
 * Loads the demo data: idempotent, so every start may call it. Each module adds its step here, in
 * dependency order; each step skips what already exists.
 */
export async function loadDemoData(orm: MikroORM, deps: PlatformDeps): Promise<{ accounts: DemoAccount[] }> {
  const em = orm.em.fork();
  const accounts = await loadDemoAccounts(em, deps);
  await loadDemoRegistration(orm, deps);
  return { accounts };
}
