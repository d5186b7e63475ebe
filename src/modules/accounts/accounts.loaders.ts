import { byKeys, defineLoader } from '../../shared/loaders.js';
import { Organisation, User } from './accounts.entity.js';

export const organisationById = defineLoader<string, Organisation | null>(
  'accounts.organisationById',
  async (ctx, ids) => byKeys(ids, await ctx.em.find(Organisation, { id: { $in: [...ids] } }), (o) => o.id),
);

export const userById = defineLoader<string, User | null>('accounts.userById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(User, { id: { $in: [...ids] } }), (u) => u.id),
);
