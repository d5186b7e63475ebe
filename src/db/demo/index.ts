import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../../shared/context.js';
import { loadDemoAccounts, type DemoAccount } from './accounts.demo.js';
import { loadDemoFinancing } from './financing.demo.js';
import { loadDemoInvestorServices } from './investor-services.demo.js';
import { loadDemoHosting } from './hosting.demo.js';
import { loadDemoNames } from './names.demo.js';
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
  // After registration's reservations, so its names are never refused as conflicts with these.
  await loadDemoNames(orm, deps);
  // After registration: demands belong to its registered enterprises.
  await loadDemoFinancing(orm, deps);
  await loadDemoInvestorServices(orm, deps);
  // After registration: the hosted enterprises are its registered ones.
  await loadDemoHosting(orm, deps);
  return { accounts };
}
