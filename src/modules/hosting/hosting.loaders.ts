import { byKeys, defineLoader, groupByKeys } from '../../shared/loaders.js';
import { AbnormalOperationsListing, Host, HostedAddress, HostingAgreement } from './hosting.entity.js';
import { HostingAgreementStatus } from './hosting.enums.js';

// Batched reads by id: every field below a list costs one statement for the whole page.

export const hostById = defineLoader<string, Host | null>('hosting.hostById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(Host, { id: { $in: [...ids] } }), (h) => h.id),
);

export const addressById = defineLoader<string, HostedAddress | null>('hosting.addressById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(HostedAddress, { id: { $in: [...ids] } }), (a) => a.id),
);

export const agreementById = defineLoader<string, HostingAgreement | null>('hosting.agreementById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(HostingAgreement, { id: { $in: [...ids] } }), (a) => a.id),
);

/** Every listing of each enterprise, newest first (current and past: both are public facts). */
export const listingsByEnterprise = defineLoader<string, AbnormalOperationsListing[]>(
  'hosting.listingsByEnterprise',
  async (ctx, ids) =>
    groupByKeys(
      ids,
      await ctx.em.find(
        AbnormalOperationsListing,
        { enterpriseId: { $in: [...ids] } },
        { orderBy: { listedOn: 'desc', id: 'desc' } },
      ),
      (l) => l.enterpriseId,
    ),
);

/** The address each enterprise is hosted at now (its active agreement's), or null. */
export const hostedAddressByEnterprise = defineLoader<string, HostedAddress | null>(
  'hosting.hostedAddressByEnterprise',
  async (ctx, ids) => {
    const agreements = await ctx.em.find(
      HostingAgreement,
      { enterpriseId: { $in: [...ids] }, status: HostingAgreementStatus.ACTIVE },
      { fields: ['enterpriseId', 'addressId'] },
    );
    const addresses = agreements.length
      ? await ctx.em.find(HostedAddress, { id: { $in: agreements.map((a) => a.addressId) } })
      : [];
    return ids.map((id) => {
      const agreement = agreements.find((a) => a.enterpriseId === id);
      return (agreement && addresses.find((a) => a.id === agreement.addressId)) ?? null;
    });
  },
);
