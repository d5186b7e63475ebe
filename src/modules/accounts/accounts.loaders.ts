import { byKeys, defineLoader } from '../../shared/loaders.js';
import { shanghaiDate } from '../../shared/clock.js';
import { ApiKeyDailyUse, Organisation, User } from './accounts.entity.js';

export const organisationById = defineLoader<string, Organisation | null>(
  'accounts.organisationById',
  async (ctx, ids) => byKeys(ids, await ctx.em.find(Organisation, { id: { $in: [...ids] } }), (o) => o.id),
);

export const userById = defineLoader<string, User | null>('accounts.userById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(User, { id: { $in: [...ids] } }), (u) => u.id),
);

/** A key's requests per day over the last DAILY_USE_DAYS days, oldest first: one query for all keys of a page. */
export const DAILY_USE_DAYS = 30;
export const dailyUseByApiKeyId = defineLoader<string, { day: string; requests: number }[]>(
  'accounts.dailyUseByApiKeyId',
  async (ctx, ids) => {
    const since = shanghaiDate(new Date(ctx.deps.clock.now().getTime() - (DAILY_USE_DAYS - 1) * 86_400_000));
    const rows = await ctx.em.find(
      ApiKeyDailyUse,
      { apiKey: { $in: [...ids] }, day: { $gte: since } },
      { orderBy: { day: 'asc' } },
    );
    const byKey = new Map<string, { day: string; requests: number }[]>(ids.map((id) => [id, []]));
    for (const row of rows) byKey.get(row.apiKey.id)?.push({ day: row.day, requests: row.requests });
    return ids.map((id) => byKey.get(id)!);
  },
);
