import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../../shared/context.js';
import { User } from '../../modules/accounts/index.js';
import { loadDemoAccounts } from './accounts.demo.js';
import { loadDemoFinancing } from './financing.demo.js';
import { loadDemoInvestorServices } from './investor-services.demo.js';
import { loadDemoHosting } from './hosting.demo.js';
import { loadDemoNames } from './names.demo.js';
import { loadDemoRegistration } from './registration.demo.js';
import { loadDemoWebhooks } from './webhooks.demo.js';

export { DEMO_PASSWORD, DEMO_ACCOUNTS } from './accounts.demo.js';

/** The domain of every demo account's email. */
export const DEMO_EMAIL_DOMAIN = '@demo.local';

/** A demo account as the startup banner lists it. */
export interface ListedDemoAccount {
  email: string;
  role: string;
  /** The department (officials) or the organisation (bank officers, host agents). */
  of: string | null;
  /** Manages its organisation's API keys. */
  organisationAdmin: boolean;
}

/**
 * Loads the demo data: idempotent, so every start may call it. Each module adds its step here, in
 * dependency order; each step skips what already exists.
 */
export async function loadDemoData(orm: MikroORM, deps: PlatformDeps): Promise<{ accounts: ListedDemoAccount[] }> {
  const em = orm.em.fork();
  await loadDemoAccounts(em, deps);
  await loadDemoRegistration(orm, deps);
  // After registration's reservations, so its names are never refused as conflicts with these.
  await loadDemoNames(orm, deps);
  // After registration: demands belong to its registered enterprises.
  await loadDemoFinancing(orm, deps);
  await loadDemoInvestorServices(orm, deps);
  // After registration: the hosted enterprises are its registered ones.
  await loadDemoHosting(orm, deps);
  // After accounts: the demo bank's administrator registers it.
  await loadDemoWebhooks(orm, deps);
  return { accounts: await listDemoAccounts(orm) };
}

/**
 * Every demo account in the database, whichever step created it: the banner lists these, and a test
 * holds the README's table of demo accounts to the same list.
 */
export async function listDemoAccounts(orm: MikroORM): Promise<ListedDemoAccount[]> {
  const users = await orm.em
    .fork()
    .find(User, { email: { $like: `%${DEMO_EMAIL_DOMAIN}` } }, { populate: ['organisation'] });
  return users
    .map((user) => ({
      email: user.email,
      role: user.role,
      of: user.department ?? user.organisation?.name ?? null,
      organisationAdmin: user.organisationAdmin,
    }))
    .sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true }));
}
