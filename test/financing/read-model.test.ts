import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveStatus } from '../../src/modules/financing/financing.expiry.js';
import { FinancingDemandStatus } from '../../src/modules/financing/financing.enums.js';
import {
  CreditProductType,
  FinancingDemandType,
  FinancingOfferType,
} from '../../src/modules/financing/financing.types.js';
import {
  ReadModel,
  Reads,
  cursorInstant,
  instant,
  unreadFields,
  viewSelect,
} from '../../src/modules/financing/financing.view.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { rootConversions } from '../../src/shared/graphql/direct-resolvers.js';
import { serializeInstant } from '../../src/shared/graphql/scalars.js';
import { TestApp } from '../helpers/app.js';
import {
  ACCEPT,
  WITHDRAW_DEMAND,
  createCast,
  createEnterprise,
  makeOffer,
  publishDemand,
  type Cast,
} from './helpers.js';

// The financing read model (financing.view.ts): select lists derived from the selected fields, one
// "effectively expired" expression for every read, instants written by PostgreSQL, exact cursors.

describe('the derived select list', () => {
  it('covers every field of the view types with SQL or a field resolver', () => {
    expect(unreadFields(FinancingDemandType)).toEqual([]);
    expect(unreadFields(FinancingOfferType)).toEqual([]);
    expect(unreadFields(CreditProductType)).toEqual([]);
  });

  it('catches a view field that declares no SQL when the type is defined', () => {
    const define = () => {
      @ReadModel({ key: 'x.id' })
      @ObjectType('ReadModelProbe')
      class Probe {
        @Field()
        @Reads('x.name')
        name!: string;

        @Field()
        forgotten!: string;
      }
      return Probe;
    };
    expect(define).toThrow('ReadModelProbe: no SQL for forgotten');
  });

  it('reads only the selected fields, the id, and what the selected resolvers and access rules read', () => {
    const { sql } = viewSelect(FinancingDemandType, new Set(['number', 'contact', '__typename']));
    expect(sql).toContain('d.number as "number"');
    expect(sql).toContain('d.id as "id"');
    expect(sql).toContain('d.contact_consent as "contactConsent"');
    expect(sql).toContain('d.accepted_bank_id as "acceptedBankId"');
    expect(sql).toContain('d.enterprise_id as "enterpriseId"');
    expect(sql).not.toContain('collateral');
    expect(sql).not.toContain('amount_fen');
  });

  it('is built once per selection, whatever the order of the fields', () => {
    const one = viewSelect(FinancingOfferType, new Set(['status', 'amount', 'bank']));
    expect(viewSelect(FinancingOfferType, new Set(['bank', 'amount', 'status']))).toBe(one);
    expect(one.sql).toContain('o.bank_id as "bankId"');
  });

  it('refuses a field the type does not know rather than serving it as undefined', () => {
    expect(() => viewSelect(FinancingDemandType, new Set(['number', 'nonsense']))).toThrow(
      'FinancingDemand.nonsense: neither SQL nor a field resolver',
    );
  });
});

let app: TestApp;
let cast: Cast;

beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

describe('instants', () => {
  it('are written by PostgreSQL as the DateTime scalar writes a Date, before 1970 and after 2100 too', async () => {
    const samples = [
      '1900-01-01T00:00:00.000Z',
      '1969-12-31T15:59:59.999Z',
      '1988-06-01T12:34:56.789Z',
      '2026-11-26T01:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
      '2100-03-01T00:00:00.001Z',
      '2399-12-31T23:59:59.999Z',
    ];
    const rows = await app
      .em()
      .execute<{ text: string; cursor: string }[]>(
        `select ${instant('t.at')} as text, ${cursorInstant('t.at')} as cursor from unnest(string_to_array(?, ',')::timestamptz[]) with ordinality as t(at, n) order by t.n`,
        [samples.join(',')],
      );
    expect(rows.map((row) => row.text)).toEqual(samples.map((sample) => serializeInstant(new Date(sample))));
    expect(rows[2]!.cursor).toBe('1988-06-01T12:34:56.789000Z');
  });
});

describe('an open demand at its expiry time (expires_at == now)', () => {
  const DAY = 24 * 3600_000;
  let demandId: string;
  let offerId: string;
  let expiresAt: Date;

  beforeAll(async () => {
    demandId = await publishDemand(app, cast.owner, cast.enterpriseId, { amount: { amount: '4444444.00' } });
    offerId = await makeOffer(app, cast.bankA, demandId);
    const [row] = await app
      .em()
      .execute<{ at: Date }[]>('select expires_at as at from financing_demands where id = ?', [
        Buffer.from(demandId, 'base64url').toString().split(':')[1],
      ]);
    expiresAt = new Date(row!.at);
    expect(expiresAt.getTime() - app.clock.now().getTime()).toBeGreaterThan(DAY);
  });

  /** What every read says of the demand and its offer at the clock's time. */
  async function everyRead() {
    const demand = `id status endedAt offers { edges { node { id status decidedAt } } }`;
    const offer = `id status decidedAt`;
    const read = async (query: string, token: string) => {
      const result = await app.execute(query, { id: demandId, offerId }, { token });
      expect(result.errors).toBeUndefined();
      return result.data as any;
    };
    const byId = await read(`query($id: ID!) { financingDemand(id: $id) { ${demand} } }`, cast.owner.token);
    const node = await read(
      `query($id: ID!) { node(id: $id) { ... on FinancingDemand { ${demand} } } }`,
      cast.owner.token,
    );
    const offerNode = await read(
      `query($offerId: ID!) { node(id: $offerId) { ... on FinancingOffer { ${offer} } } }`,
      cast.bankA.token,
    );
    const mine = async (status: string) =>
      (
        await read(
          `{ myFinancingDemands(first: 100, filter: { status: ${status} }) { edges { node { ${demand} } } } }`,
          cast.owner.token,
        )
      ).myFinancingDemands.edges.filter((e: any) => e.node.id === demandId);
    const bankOffers = async (status: string) =>
      (
        await read(
          `{ myFinancingOffers(first: 100, filter: { status: ${status} }) { edges { node { ${offer} } } } }`,
          cast.bankA.token,
        )
      ).myFinancingOffers.edges.filter((e: any) => e.node.id === offerId);
    const search = async (status: string) =>
      (
        await read(
          `{ financingDemands(first: 100, filter: { status: ${status}, amountMin: { amount: "4444444.00" }, amountMax: { amount: "4444444.00" } }) { edges { node { ${demand} } } } }`,
          cast.bankA.token,
        )
      ).financingDemands.edges;
    return {
      byId: byId.financingDemand,
      node: node.node,
      offerNode: offerNode.node,
      mineOpen: await mine('OPEN'),
      mineExpired: await mine('EXPIRED'),
      offersPending: await bankOffers('PENDING'),
      offersExpired: await bankOffers('EXPIRED'),
      searchOpen: await search('OPEN'),
      searchExpired: await search('EXPIRED'),
    };
  }

  it('is still open a millisecond before, in every read', async () => {
    app.clock.set(new Date(expiresAt.getTime() - 1));
    const reads = await everyRead();
    expect(reads.byId).toMatchObject({ status: 'OPEN', endedAt: null });
    expect(reads.byId.offers.edges[0].node).toMatchObject({ status: 'PENDING', decidedAt: null });
    expect(reads.node).toEqual(reads.byId);
    expect(reads.offerNode).toMatchObject({ status: 'PENDING', decidedAt: null });
    expect(reads.mineOpen.map((e: any) => e.node)).toEqual([reads.byId]);
    expect(reads.mineExpired).toEqual([]);
    expect(reads.offersPending.map((e: any) => e.node)).toEqual([reads.offerNode]);
    expect(reads.offersExpired).toEqual([]);
    expect(reads.searchOpen.map((e: any) => e.node)).toEqual([reads.byId]);
    expect(reads.searchExpired).toEqual([]);
    expect(effectiveStatus({ status: FinancingDemandStatus.OPEN, expiresAt }, app.clock.now())).toBe('OPEN');
  });

  it('is expired, with its pending offers, in every read and for the mutations', async () => {
    app.clock.set(expiresAt);
    const reads = await everyRead();
    const ended = serializeInstant(expiresAt);
    expect(reads.byId).toMatchObject({ status: 'EXPIRED', endedAt: ended });
    expect(reads.byId.offers.edges[0].node).toEqual({ id: offerId, status: 'EXPIRED', decidedAt: ended });
    expect(reads.node).toEqual(reads.byId);
    expect(reads.offerNode).toEqual({ id: offerId, status: 'EXPIRED', decidedAt: ended });
    expect(reads.mineOpen).toEqual([]);
    expect(reads.mineExpired.map((e: any) => e.node)).toEqual([reads.byId]);
    expect(reads.offersPending).toEqual([]);
    expect(reads.offersExpired.map((e: any) => e.node)).toEqual([reads.offerNode]);
    expect(reads.searchOpen).toEqual([]);
    expect(reads.searchExpired.map((e: any) => e.node)).toEqual([reads.byId]);
    // The entities' rule, for mutations, agrees at the same instant.
    expect(effectiveStatus({ status: FinancingDemandStatus.OPEN, expiresAt }, app.clock.now())).toBe('EXPIRED');
    const withdraw = await app.execute(WITHDRAW_DEMAND, { input: { id: demandId } }, { token: cast.owner.token });
    expect(withdraw.data!.withdrawFinancingDemand.userErrors.map((e: any) => e.code)).toEqual(['INVALID_STATE']);
    const accept = await app.execute(ACCEPT, { input: { id: offerId } }, { token: cast.owner.token });
    expect(accept.data!.acceptFinancingOffer.userErrors.map((e: any) => e.code)).toEqual(['INVALID_STATE']);
  });
});

describe('cursors', () => {
  it('find the next row exactly when publication times are a microsecond apart', async () => {
    const enterprise = await createEnterprise(app, cast.owner);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        await publishDemand(app, cast.owner, toGlobalId('Enterprise', enterprise.id), {
          amount: { amount: '5555555.00' },
        }),
      );
    }
    // Five instants within the same millisecond: the API's text cannot tell them apart, the cursor must.
    const local = ids.map((id) => Buffer.from(id, 'base64url').toString().split(':')[1]!);
    for (const [i, id] of local.entries()) {
      await app
        .em()
        .execute(
          `update financing_demands set published_at = '2026-11-20T10:00:00.123000Z'::timestamptz + ? * interval '1 microsecond' where id = ?`,
          [i, id],
        );
    }
    const seen: string[] = [];
    const texts = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const result: any = await app.execute(
        `query($after: String) { myFinancingDemands(first: 1, after: $after, filter: { enterpriseId: "${toGlobalId('Enterprise', enterprise.id)}" }) {
          edges { cursor node { id publishedAt } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { token: cast.owner.token },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data.myFinancingDemands;
      for (const edge of page.edges) {
        seen.push(edge.node.id);
        texts.add(edge.node.publishedAt);
        // The cursor keeps the exact key, in the format cursors have always carried (older ones still decode).
        expect(JSON.parse(Buffer.from(edge.cursor, 'base64url').toString())[0]).toMatch(
          /^2026-11-20T10:00:00\.12300\dZ$/,
        );
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    expect([...texts]).toEqual(['2026-11-20T18:00:00.123+08:00']);
    // The bank search's cursors too (its own statement, financing.search.ts).
    const searched: string[] = [];
    after = null;
    do {
      const result: any = await app.execute(
        `query($after: String) { financingDemands(first: 1, after: $after, filter: { amountMin: { amount: "5555555.00" }, amountMax: { amount: "5555555.00" } }) {
          edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { token: cast.bankA.token },
      );
      expect(result.errors).toBeUndefined();
      searched.push(...result.data.financingDemands.edges.map((edge: any) => edge.node.id));
      after = result.data.financingDemands.pageInfo.hasNextPage
        ? result.data.financingDemands.pageInfo.endCursor
        : null;
    } while (after);
    expect(searched).toEqual([...ids].reverse());
  });
});

describe('the field resolvers of the rows', () => {
  it('run directly on the rows, without type-graphql copying each into its class', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    await makeOffer(app, cast.bankA, demandId);
    const before = rootConversions();
    const rows = `edges { node { id enterprise { id name industry { name } } contact { name }
      offers(first: 5) { edges { node { id bank { id name products(first: 2) { edges { node { id bank { name } } } } }
      product { id } demand { id } } } } } }`;
    for (const [query, token] of [
      [`{ financingDemands(first: 50) { ${rows} } }`, cast.bankA.token],
      [`{ myFinancingDemands(first: 50) { ${rows} } }`, cast.owner.token],
      [
        `{ myFinancingOffers(first: 50) { edges { node { id bank { name } demand { id enterprise { name } } } } } }`,
        cast.bankA.token,
      ],
    ] as const) {
      const result = await app.execute(query, {}, { token });
      expect(result.errors).toBeUndefined();
    }
    expect(rootConversions() - before).toBe(0);
  });
});
