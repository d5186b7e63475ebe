import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { checkPageSize, emptyPageInfo, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import { EnterpriseType, enterpriseById, type Enterprise, type EnterpriseSummary } from '../registration/index.js';
import { bankOf, canSeeContact, offerScope } from './financing.access.js';
import { pageInfoOf } from './financing.cursor.js';
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
import { pageEnterprises, pageOffers } from './financing.search.js';
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
// with their enterprises and offers costs one statement per kind, whatever the page size. They run
// hundreds of times per page and need none of type-graphql's wrapping, so the schema calls them
// directly (shared/graphql/direct-resolvers.ts).

function connectionOf<T>(
  page: NestedPage<T>,
  after: string | null | undefined,
  total: () => Promise<number>,
): ConnectionData<T> {
  return {
    edges: page.items,
    pageInfo: pageInfoOf(page.items, page.hasNextPage, Boolean(after)),
    totalCount: lazy(total),
  };
}

// The roots are the read model's rows (plain objects, financing.view.ts). Typed structurally, so that
// type-graphql's metadata records no class to copy each row into, and the schema calls these methods directly.
type DemandRoot = Readonly<FinancingDemandType>;
type OfferRoot = Readonly<FinancingOfferType>;
type CreditProductRoot = Readonly<CreditProductType>;
type BankRoot = Readonly<BankType>;

const EMPTY: ConnectionData<never> = { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };

function enterpriseOf(
  ctx: RequestContext,
  demand: FinancingDemandType,
): Promise<Enterprise | null> | EnterpriseSummary | null {
  const fromPage = pageEnterprises.get(demand);
  if (fromPage !== undefined) return fromPage;
  return ctx.loaders.get(enterpriseById).load(demand.enterpriseId);
}

async function contactOf(ctx: RequestContext, demand: FinancingDemandType): Promise<ContactPersonType | null> {
  if (!(await canSeeContact(ctx, demand))) return null;
  return ctx.loaders.get(contactByDemandId).load(demand.id);
}

function offerPageOf(
  ctx: RequestContext,
  demand: FinancingDemandType,
  size: number,
  after: string | null | undefined,
  bankId: string | null,
): Promise<ConnectionData<FinancingOfferType>> {
  return ctx.loaders
    .get(offersPage)
    .load({ parentId: demand.id, first: size, after: after ?? null, bankId })
    .then((page) => connectionOf(page, after, () => ctx.loaders.get(offerTotal).load(`${demand.id}|${bankId ?? ''}`)));
}

function offersOf(
  ctx: RequestContext,
  demand: FinancingDemandType,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<ConnectionData<FinancingOfferType>> | ConnectionData<FinancingOfferType> {
  const size = checkPageSize(ctx, first);
  if (size === 0) return EMPTY;
  // A bank (the busy case) sees its own offers: decided without waiting for anything.
  const bankId = bankOf(ctx.viewer);
  const fromPage = bankId ? pageOffers.get(demand) : undefined;
  if (fromPage && fromPage.bankId === bankId && fromPage.size === size && !after) {
    return connectionOf(fromPage, after, () => ctx.loaders.get(offerTotal).load(`${demand.id}|${bankId}`));
  }
  if (bankId) return offerPageOf(ctx, demand, size, after, bankId);
  return offerScope(ctx, demand).then((scope) =>
    scope.kind === 'NONE' ? EMPTY : offerPageOf(ctx, demand, size, after, scope.kind === 'BANK' ? scope.bankId : null),
  );
}

function productsOf(
  ctx: RequestContext,
  bank: BankType,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<ConnectionData<CreditProductType>> | ConnectionData<CreditProductType> {
  const size = checkPageSize(ctx, first);
  if (size === 0) return EMPTY;
  return ctx.loaders
    .get(productsPage)
    .load({ parentId: bank.id, first: size, after: after ?? null })
    .then((page) => connectionOf(page, after, () => ctx.loaders.get(activeProductTotal).load(bank.id)));
}

@Resolver(() => FinancingDemandType)
export class FinancingDemandFieldsResolver {
  @FieldResolver(() => EnterpriseType, { description: 'The enterprise that published it (its public facts).' })
  enterprise(@Root() demand: DemandRoot, @Ctx() ctx: RequestContext) {
    return enterpriseOf(ctx, demand);
  }

  @FieldResolver(() => ContactPersonType, {
    nullable: true,
    description:
      'Whom to contact. Null for a bank until the enterprise accepts its offer or consents to share contact data; always null for officials and partner systems.',
  })
  contact(@Root() demand: DemandRoot, @Ctx() ctx: RequestContext): Promise<ContactPersonType | null> {
    return contactOf(ctx, demand);
  }

  @FieldResolver(() => FinancingOfferConnection, {
    description:
      'Offers on it, newest first: the enterprise (and finance officials) see all, a bank only its own, others none.',
  })
  offers(
    @Root() demand: DemandRoot,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many items, at most 100 (default 20).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor).' })
    after?: string | null,
  ) {
    return offersOf(ctx, demand, first, after);
  }
}

@Resolver(() => FinancingOfferType)
export class FinancingOfferFieldsResolver {
  @FieldResolver(() => FinancingDemandType, { description: 'The demand it answers.' })
  demand(@Root() offer: OfferRoot, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(demandById).load(offer.demandId);
  }

  @FieldResolver(() => BankType, { description: 'The bank that made it.' })
  bank(@Root() offer: OfferRoot, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(bankById).load(offer.bankId);
  }

  @FieldResolver(() => CreditProductType, {
    nullable: true,
    description: 'The credit product it is made under, if any.',
  })
  product(@Root() offer: OfferRoot, @Ctx() ctx: RequestContext) {
    return offer.productId ? ctx.loaders.get(productById).load(offer.productId) : null;
  }
}

@Resolver(() => CreditProductType)
export class CreditProductFieldsResolver {
  @FieldResolver(() => BankType, { description: 'The bank that offers it.' })
  bank(@Root() product: CreditProductRoot, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(bankById).load(product.bankId);
  }
}

@Resolver(() => BankType)
export class BankFieldsResolver {
  @FieldResolver(() => CreditProductConnection, { description: 'Its active credit products, newest first.' })
  products(
    @Root() bank: BankRoot,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many items, at most 100 (default 20).' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor).' })
    after?: string | null,
  ) {
    return productsOf(ctx, bank, first, after);
  }
}
