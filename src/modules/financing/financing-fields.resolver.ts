import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { checkPageSize, emptyPageInfo, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import { EnterpriseType, enterpriseById } from '../registration/index.js';
import { canSeeContact, offerScope } from './financing.access.js';
import {
  activeProductTotal,
  bankById,
  contactByDemandId,
  demandById,
  offerTotal,
  offersPage,
  productById,
  productsPage,
  type NestedPage,
} from './financing.loaders.js';
import {
  BankType,
  ContactPersonType,
  CreditProductConnection,
  CreditProductType,
  FinancingDemandType,
  FinancingOfferConnection,
  FinancingOfferType,
} from './financing.types.js';

// Field resolvers of the financing types. Each loads through a DataLoader, so a page of 50 demands
// with their enterprises and offers costs one statement per kind, whatever the page size.

function connectionOf<T>(
  page: NestedPage<T>,
  after: string | null | undefined,
  total: () => Promise<number>,
): ConnectionData<T> {
  return {
    edges: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items.at(-1)?.cursor ?? null,
    },
    totalCount: lazy(total),
  };
}

@Resolver(() => FinancingDemandType)
export class FinancingDemandFieldsResolver {
  @FieldResolver(() => EnterpriseType, { description: 'The enterprise that published it (its public facts).' })
  async enterprise(@Root() demand: FinancingDemandType, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(enterpriseById).load(demand.enterpriseId);
  }

  @FieldResolver(() => ContactPersonType, {
    nullable: true,
    description:
      'Whom to contact. Null for a bank until the enterprise accepts its offer or consents to share contact data; always null for officials and partner systems.',
  })
  async contact(@Root() demand: FinancingDemandType, @Ctx() ctx: RequestContext): Promise<ContactPersonType | null> {
    if (!(await canSeeContact(ctx, demand))) return null;
    return ctx.loaders.get(contactByDemandId).load(demand.id);
  }

  @FieldResolver(() => FinancingOfferConnection, {
    description:
      'Offers on it, newest first: the enterprise (and finance officials) see all, a bank only its own, others none.',
  })
  async offers(
    @Root() demand: FinancingDemandType,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many items, at most 100 (default 20).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor).' })
    after?: string | null,
  ): Promise<ConnectionData<FinancingOfferType>> {
    const size = checkPageSize(ctx, first);
    const scope = await offerScope(ctx, demand);
    if (scope.kind === 'NONE' || size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
    const bankId = scope.kind === 'BANK' ? scope.bankId : null;
    const page = await ctx.loaders
      .get(offersPage)
      .load({ parentId: demand.id, first: size, after: after ?? null, bankId });
    return connectionOf(page, after, () => ctx.loaders.get(offerTotal).load(`${demand.id}|${bankId ?? ''}`));
  }
}

@Resolver(() => FinancingOfferType)
export class FinancingOfferFieldsResolver {
  @FieldResolver(() => FinancingDemandType, { description: 'The demand it answers.' })
  async demand(@Root() offer: FinancingOfferType, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(demandById).load(offer.demandId);
  }

  @FieldResolver(() => BankType, { description: 'The bank that made it.' })
  async bank(@Root() offer: FinancingOfferType, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(bankById).load(offer.bankId);
  }

  @FieldResolver(() => CreditProductType, {
    nullable: true,
    description: 'The credit product it is made under, if any.',
  })
  async product(@Root() offer: FinancingOfferType, @Ctx() ctx: RequestContext) {
    return offer.productId ? ctx.loaders.get(productById).load(offer.productId) : null;
  }
}

@Resolver(() => CreditProductType)
export class CreditProductFieldsResolver {
  @FieldResolver(() => BankType, { description: 'The bank that offers it.' })
  async bank(@Root() product: CreditProductType, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(bankById).load(product.bankId);
  }
}

@Resolver(() => BankType)
export class BankFieldsResolver {
  @FieldResolver(() => CreditProductConnection, { description: 'Its active credit products, newest first.' })
  async products(
    @Root() bank: BankType,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many items, at most 100 (default 20).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor).' })
    after?: string | null,
  ): Promise<ConnectionData<CreditProductType>> {
    const size = checkPageSize(ctx, first);
    if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
    const page = await ctx.loaders.get(productsPage).load({ parentId: bank.id, first: size, after: after ?? null });
    return connectionOf(page, after, () => ctx.loaders.get(activeProductTotal).load(bank.id));
  }
}
