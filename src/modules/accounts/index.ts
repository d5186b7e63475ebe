// The accounts module: users, sign-in sessions, partner API keys, roles, organisations.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { ApiKey, ApiKeyDailyUse, Organisation, Session, User } from './accounts.entity.js';
import { AccountsResolver, UserFieldsResolver } from './accounts.resolver.js';
import { AuditActorResolver, AuditEventActorResolver } from './audit-actor.resolver.js';
import { StaffAccountFieldsResolver, StaffAdminResolver } from './staff-admin.resolver.js';
import { ApiKeyFieldsResolver, ApiKeysResolver, OrganisationScopesResolver } from './api-keys.resolver.js';
import { ApiKeyType, OrganisationType, UserType } from './accounts.types.js';

export { User, Organisation, ApiKey } from './accounts.entity.js';
export { UserType, OrganisationType } from './accounts.types.js';
export { userById, organisationById } from './accounts.loaders.js';
export { authenticate, bearerFrom, endedCredentials, followCredentialRevocations } from './authentication.js';
export { API_KEY_PREFIX, hashPassword, newSecret, sha256 } from './credentials.js';
export { flushApiKeyUse } from './key-usage.js';

export const accountsEntities = [Organisation, User, Session, ApiKey, ApiKeyDailyUse];

registerNodeType({
  typeName: 'User',
  entity: User,
  // A user is visible to itself, to administrators and to officials (who see applicants).
  load: async (ctx, ids) => {
    const { viewer } = ctx;
    const all = viewer.role === 'ADMIN' || viewer.role === 'OFFICIAL';
    const visible = all ? [...ids] : ids.filter((id) => id === viewer.userId);
    return byKeys(ids, visible.length ? await ctx.em.find(User, { id: { $in: visible } }) : [], (u) => u.id);
  },
});
registerNodeType({
  typeName: 'Organisation',
  entity: Organisation,
  // Banks and host firms are public facts.
  load: async (ctx, ids) => byKeys(ids, await ctx.em.find(Organisation, { id: { $in: [...ids] } }), (o) => o.id),
});
registerNodeType({
  typeName: 'ApiKey',
  entity: ApiKey,
  // The platform administrator sees every key, an organisation's administrator its organisation's, a
  // key itself.
  load: async (ctx, ids) => {
    const { viewer } = ctx;
    const where =
      viewer.role === 'ADMIN'
        ? { id: { $in: [...ids] } }
        : viewer.kind === 'API_KEY'
          ? { id: viewer.apiKeyId }
          : viewer.organisationAdmin && viewer.organisationId
            ? { id: { $in: [...ids] }, organisation: viewer.organisationId }
            : null;
    return where ? byKeys(ids, await ctx.em.find(ApiKey, where), (k) => k.id) : ids.map(() => null);
  },
});

export const accountsResolvers = [
  AccountsResolver,
  AuditEventActorResolver,
  AuditActorResolver,
  UserFieldsResolver,
  StaffAdminResolver,
  StaffAccountFieldsResolver,
  ApiKeysResolver,
  ApiKeyFieldsResolver,
  OrganisationScopesResolver,
  nodeIdResolver(UserType, 'User'),
  nodeIdResolver(OrganisationType, 'Organisation'),
  nodeIdResolver(ApiKeyType, 'ApiKey'),
] as const;
