import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../../shared/context.js';
import type { Department, Role } from '../../shared/viewer.js';
import {
  API_KEY_PREFIX,
  ApiKey,
  Organisation,
  User,
  hashPassword,
  newSecret,
  sha256,
} from '../../modules/accounts/index.js';

export const DEMO_PASSWORD = 'Qingdao-demo-1';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  department?: Department;
  organisation?: string;
  foreignInvestor?: boolean;
  locale?: 'ZH_CN' | 'EN';
  /** Administers its organisation (its API keys). */
  organisationAdmin?: boolean;
}

export const DEMO_ORGANISATIONS = [
  { kind: 'BANK', name: '青岛银行股份有限公司', uscc: '91370200264609602K' },
  { kind: 'BANK', name: '青岛农村商业银行股份有限公司', uscc: '91370200676776095A' },
  { kind: 'LAW_FIRM', name: '山东琴岛律师事务所', uscc: null },
  { kind: 'ACCOUNTING_FIRM', name: '青岛振青会计师事务所有限公司', uscc: null },
] as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'applicant@demo.local', displayName: '王海川', role: 'APPLICANT' },
  { email: 'investor@demo.local', displayName: 'Anna Müller', role: 'APPLICANT', foreignInvestor: true, locale: 'EN' },
  { email: 'official@demo.local', displayName: '李审核', role: 'OFFICIAL', department: 'MARKET_REGULATION' },
  { email: 'commerce@demo.local', displayName: '赵商务', role: 'OFFICIAL', department: 'COMMERCE' },
  { email: 'finance@demo.local', displayName: '孙金融', role: 'OFFICIAL', department: 'FINANCE' },
  { email: 'tax@demo.local', displayName: '钱税务', role: 'OFFICIAL', department: 'TAX' },
  { email: 'social@demo.local', displayName: '周社保', role: 'OFFICIAL', department: 'SOCIAL_INSURANCE' },
  { email: 'medical@demo.local', displayName: '吴医保', role: 'OFFICIAL', department: 'MEDICAL_INSURANCE' },
  { email: 'housing@demo.local', displayName: '郑公积金', role: 'OFFICIAL', department: 'HOUSING_FUND' },
  { email: 'bank@demo.local', displayName: '陈信贷', role: 'BANK_OFFICER', organisation: '青岛银行股份有限公司' },
  {
    email: 'bank2@demo.local',
    displayName: '刘信贷',
    role: 'BANK_OFFICER',
    organisation: '青岛农村商业银行股份有限公司',
  },
  {
    email: 'bankadmin@demo.local',
    displayName: '何管理',
    role: 'BANK_OFFICER',
    organisation: '青岛银行股份有限公司',
    organisationAdmin: true,
  },
  { email: 'host@demo.local', displayName: '黄律师', role: 'HOST_AGENT', organisation: '山东琴岛律师事务所' },
  { email: 'admin@demo.local', displayName: '平台管理员', role: 'ADMIN' },
];

/** Demo organisations and accounts; skips any that already exist. */
export async function loadDemoAccounts(em: EntityManager, deps: PlatformDeps): Promise<DemoAccount[]> {
  const now = deps.clock.now();
  const organisations = new Map<string, Organisation>();
  for (const o of DEMO_ORGANISATIONS) {
    const existing = await em.findOne(Organisation, { name: o.name });
    organisations.set(
      o.name,
      existing ?? em.create(Organisation, { kind: o.kind, name: o.name, uscc: o.uscc, createdAt: now }),
    );
  }
  const existingEmails = new Set(
    (await em.find(User, { email: { $in: DEMO_ACCOUNTS.map((a) => a.email) } })).map((u) => u.email),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existingEmails.has(a.email));
  if (missing.length) {
    // One hash for all: same password, and start-up should not spend a second per account.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of missing) {
      em.create(User, {
        email: account.email,
        displayName: account.displayName,
        passwordHash,
        role: account.role,
        department: account.department ?? null,
        organisation: account.organisation ? organisations.get(account.organisation)! : null,
        organisationAdmin: account.organisationAdmin ?? false,
        locale: account.locale ?? 'ZH_CN',
        foreignInvestor: account.foreignInvestor ?? false,
        createdAt: now,
        disabledAt: null,
      });
    }
  }
  await em.flush();
  await loadDemoApiKey(em, now);
  return DEMO_ACCOUNTS;
}

/**
 * One key of the demo bank, made by its administrator. Its secret is random and shown to no one (only
 * its hash is kept): bankadmin@demo.local rotates it, or creates another, to get a secret to call with.
 */
async function loadDemoApiKey(em: EntityManager, now: Date): Promise<void> {
  const admin = await em.findOneOrFail(User, { email: 'bankadmin@demo.local' });
  if ((await em.count(ApiKey, { organisation: admin.organisation })) > 0) return;
  const secret = newSecret(API_KEY_PREFIX);
  em.create(ApiKey, {
    name: '信贷审批系统',
    prefix: secret.slice(0, 12),
    secretHash: sha256(secret),
    scopes: ['FINANCING_READ', 'REGISTRATION_READ'],
    organisation: admin.organisation,
    createdBy: admin,
    createdAt: now,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
  });
  await em.flush();
}
