import 'reflect-metadata';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { subscribe, waitFor, wsClient, type OpenSubscription } from '../helpers/ws.js';
import { createCast, demandInput, makeOffer, PUBLISH, type Cast } from '../financing/helpers.js';

// Exact delivery under load, on the PostgreSQL event bus: several banks' subscriptions (two of them
// on one socket, with different filters) while loops publish demands, make offers and search at the
// same time. Counted by id: each subscription receives every matching demand published while it was
// subscribed, once, in publishing order, and nothing another subscription asked for.
// A shorter version of scripts/soak-subscriptions.mjs.
const url = process.env.TEST_DATABASE_URL;

const LOOPS = 5;
const PER_LOOP = 24;
const SELECTION = `id district amount { amount } offerCount enterprise { name }`;

type Published = { financingDemandPublished: { id: string; district: string; amount: { amount: string } } };

interface Watch {
  name: string;
  token: () => string;
  filter: string;
  matches: (demand: { district: string; amountFen: number }) => boolean;
}

const WATCHES: Watch[] = [
  {
    name: 'bank A, Huangdao',
    token: () => cast.bankA.token,
    filter: '{ districts: [HUANGDAO] }',
    matches: (d) => d.district === 'HUANGDAO',
  },
  {
    name: 'bank A, Shinan',
    token: () => cast.bankA.token,
    filter: '{ districts: [SHINAN] }',
    matches: (d) => d.district === 'SHINAN',
  },
  { name: 'bank A officer 2, all', token: () => cast.bankA2.token, filter: '{}', matches: () => true },
  {
    name: 'bank B, 3 million and more',
    token: () => cast.bankB.token,
    filter: '{ amountMin: { amount: "3000000.00" } }',
    matches: (d) => d.amountFen >= 300_000_000,
  },
  { name: 'bank B, all', token: () => cast.bankB.token, filter: '{}', matches: () => true },
];

let app: TestApp;
let cast: Cast;
const clients: Client[] = [];

describe.runIf(url)('subscription delivery under load', () => {
  beforeAll(async () => {
    app = await TestApp.start({ postgresEventBus: true, config: { rateLimitPointsPerMinute: 1_000_000 } });
    cast = await createCast(app);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app?.stop();
  });

  /** Publishes a demand of Huangdao (the owner's enterprise) or Shinan (the other's); returns its id and facts. */
  async function publish(shinan: boolean, amountFen: number) {
    const result = await app.execute(
      PUBLISH,
      {
        input: demandInput(shinan ? toGlobalId('Enterprise', cast.otherEnterprise.id) : cast.enterpriseId, {
          amount: { amount: (amountFen / 100).toFixed(2) },
          maxAnnualRate: null,
        }),
      },
      { token: (shinan ? cast.other : cast.owner).token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.publishFinancingDemand.userErrors).toEqual([]);
    const id = result.data!.publishFinancingDemand.demand.id as string;
    return { id, district: shinan ? 'SHINAN' : 'HUANGDAO', amountFen };
  }

  it('delivers every matching event to every subscription, once, in order, and nothing else', async () => {
    const subscriptions = new Map<Watch, OpenSubscription<Published>>();
    const byToken = new Map<string, Client>();
    for (const watch of WATCHES) {
      let client = byToken.get(watch.token());
      if (!client) {
        client = wsClient(app, { authorization: `Bearer ${watch.token()}` });
        clients.push(client);
        byToken.set(watch.token(), client);
      }
      subscriptions.set(
        watch,
        subscribe<Published>(
          client,
          `subscription { financingDemandPublished(filter: ${watch.filter}) { ${SELECTION} } }`,
        ),
      );
    }
    const received = (watch: Watch) =>
      subscriptions.get(watch)!.results.map((r) => {
        expect(r.errors).toBeUndefined();
        return r.data!.financingDemandPublished.id;
      });

    // graphql-ws does not acknowledge a subscription: publish until every one has heard something.
    const warmUp = new Set<string>();
    for (let i = 0; !WATCHES.every((watch) => received(watch).length > 0); i++) {
      if (i > 100) throw new Error('the subscriptions did not start');
      warmUp.add((await publish(i % 2 === 1, 500_000_000)).id);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // The load: loops publishing (each in its own order), a bank making offers on them and searching.
    const published: { id: string; district: string; amountFen: number; loop: number; seq: number }[] = [];
    let loading = true;
    const publishing = Array.from({ length: LOOPS }, async (_, loop) => {
      for (let seq = 0; seq < PER_LOOP; seq++) {
        const amountFen = (1 + ((loop * PER_LOOP + seq) % 9)) * 100_000_000;
        published.push({ ...(await publish((loop + seq) % 2 === 0, amountFen)), loop, seq });
      }
    });
    const background = (async () => {
      while (loading) {
        const recent = published.at(-1);
        if (recent) await makeOffer(app, cast.bankB, recent.id, { amount: { amount: '100000.00' } }).catch(() => {});
        const search = await app.execute(
          `{ financingDemands(first: 20) { edges { node { id offerCount } } } }`,
          {},
          {
            token: cast.bankA.token,
          },
        );
        expect(search.errors).toBeUndefined();
      }
    })();
    await Promise.all(publishing);
    loading = false;
    await background;

    const expected = (watch: Watch) => published.filter((demand) => watch.matches(demand)).map((d) => d.id);
    // Counted as results arrive: the server runs in this same process, and a costly poll would starve it.
    const heard = new Map(WATCHES.map((watch) => [watch, { ids: new Set<string>(), counted: 0 }]));
    const hasAllOf = (watch: Watch, wanted: string[]) => {
      const tally = heard.get(watch)!;
      const results = subscriptions.get(watch)!.results;
      for (; tally.counted < results.length; tally.counted++) {
        const id = results[tally.counted]!.data?.financingDemandPublished.id;
        if (id) tally.ids.add(id);
      }
      return wanted.every((id) => tally.ids.has(id));
    };
    const wanted = new Map(WATCHES.map((watch) => [watch, expected(watch)]));
    await waitFor(
      () => WATCHES.every((watch) => hasAllOf(watch, wanted.get(watch)!)),
      'every subscription to receive what it asked for',
      20_000,
    ).catch(() => undefined);

    const loopOf = new Map(published.map((d) => [d.id, d]));
    const reports = WATCHES.map((watch) => {
      const ids = received(watch).filter((id) => !warmUp.has(id));
      const wanted = new Set(expected(watch));
      const latestSeqOfLoop = new Map<number, number>();
      let outOfOrder = 0;
      for (const id of ids) {
        const demand = loopOf.get(id);
        if (!demand) continue;
        // Within one loop, a demand published after another is announced after it.
        if ((latestSeqOfLoop.get(demand.loop) ?? -1) > demand.seq) outOfOrder++;
        latestSeqOfLoop.set(demand.loop, Math.max(latestSeqOfLoop.get(demand.loop) ?? -1, demand.seq));
      }
      return {
        subscription: watch.name,
        missing: [...wanted].filter((id) => !ids.includes(id)).length,
        duplicates: ids.length - new Set(ids).size,
        foreign: ids.filter((id) => !wanted.has(id)).length,
        outOfOrder,
      };
    });
    expect(reports).toEqual(
      WATCHES.map((watch) => ({ subscription: watch.name, missing: 0, duplicates: 0, foreign: 0, outOfOrder: 0 })),
    );
  }, 60_000);
});
