// The accounts module: users, sign-in sessions, partner API keys, roles, organisations.
import { byKeys } from '../../shared/loaders.js';
import { nodeIdResolver, registerNodeType } from '../../shared/graphql/node.js';
import { ApiKey, Organisation, Session, User } from './accounts.entity.js';
import { AccountsResolver, UserFieldsResolver } from './accounts.resolver.js';
import { StaffAccountFieldsResolver, StaffAdminResolver } from './staff-admin.resolver.js';
import { ApiKeyType, OrganisationType, UserType } from './accounts.types.js';

export { User, Organisation, ApiKey } from './accounts.entity.js';
export { UserType, OrganisationType } from './accounts.types.js';
export { userById, organisationById } from './accounts.loaders.js';
export { authenticate, bearerFrom, endedCredentials, followCredentialRevocations } from './authentication.js';
export { hashPassword } from './credentials.js';

export const accountsEntities = [Organisation, User, Session, ApiKey];

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
  load: async (ctx, ids) =>
    ctx.viewer.role === 'ADMIN' || ctx.viewer.kind === 'API_KEY'
      ? byKeys(
          ids,
          await ctx.em.find(
            ApiKey,
            ctx.viewer.role === 'ADMIN' ? { id: { $in: [...ids] } } : { id: ctx.viewer.apiKeyId },
          ),
          (k) => k.id,
        )
      : ids.map(() => null),
});

export const accountsResolvers = [
  AccountsResolver,
  UserFieldsResolver,
  StaffAdminResolver,
  StaffAccountFieldsResolver,
  nodeIdResolver(UserType, 'User'),
  nodeIdResolver(OrganisationType, 'Organisation'),
  nodeIdResolver(ApiKeyType, 'ApiKey'),
] as const;
