import { randomUUID } from 'node:crypto';
import type { EntityName } from '@mikro-orm/core';
import { ApiKey, Session } from '../../src/modules/accounts/accounts.entity.js';
import { API_KEY_PREFIX, newSecret, sha256 } from '../../src/modules/accounts/credentials.js';
import { Organisation, User } from '../../src/modules/accounts/index.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { toGlobalId } from '../../src/shared/ids.js';
import type { ApiScope } from '../../src/shared/viewer.js';
import type { TestApp } from './app.js';
import { createUser } from './factories.js';

// Account rows the account and platform tests need beyond factories.ts: partner API keys, row counts.

export interface TestApiKey {
  apiKey: ApiKey;
  /** The secret a partner sends as `Authorization: Bearer …`. */
  secret: string;
  /** The key's global ID. */
  id: string;
}

/** A partner API key, created directly (as createApiKey would) by a new administrator unless one is given. */
export async function createApiKeyRow(
  app: TestApp,
  options: { scopes?: ApiScope[]; createdBy?: User; expiresAt?: Date | null; revokedAt?: Date | null } = {},
): Promise<TestApiKey> {
  const createdBy = options.createdBy ?? (await createUser(app, { role: 'ADMIN' })).user;
  const em = app.em();
  const secret = newSecret(API_KEY_PREFIX);
  const apiKey = em.create(ApiKey, {
    name: `测试密钥 ${randomUUID().slice(0, 8)}`,
    prefix: secret.slice(0, 12),
    secretHash: sha256(secret),
    scopes: options.scopes ?? ['FINANCING_READ'],
    createdBy: em.getReference(User, createdBy.id),
    createdAt: app.clock.now(),
    expiresAt: options.expiresAt ?? null,
    revokedAt: options.revokedAt ?? null,
    lastUsedAt: null,
  });
  await em.flush();
  return { apiKey, secret, id: toGlobalId('ApiKey', apiKey.id) };
}

const ACCOUNT_TABLES: [string, EntityName<object>][] = [
  ['users', User],
  ['sessions', Session],
  ['apiKeys', ApiKey],
  ['organisations', Organisation],
  ['auditEvents', AuditEvent],
];

/** How many rows each account table (and the audit trail) holds: compare before and after a refused request. */
export async function accountRowCounts(app: TestApp): Promise<Record<string, number>> {
  const em = app.em();
  const counts: Record<string, number> = {};
  for (const [name, entity] of ACCOUNT_TABLES) counts[name] = await em.count(entity, {});
  return counts;
}

/** A unique email for a test. */
export function uniqueEmail(what = 'user'): string {
  return `${what}-${randomUUID().slice(0, 8)}@example.cn`;
}
