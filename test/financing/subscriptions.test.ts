import 'reflect-metadata';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/ids.js';
import { District } from '../../src/shared/graphql/reference.types.js';
import { TestApp } from '../helpers/app.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { subscribe, waitFor, wsClient, type OpenSubscription } from '../helpers/ws.js';
import { createCast, createEnterprise, makeOffer, publishDemand, type Cast } from './helpers.js';

// The two live feeds over a real WebSocket: new demands matching a bank's filter, and new offers on
// an enterprise's demand. Each delivers only what its subscriber may see.

let app: TestApp;
let cast: Cast;
const clients: Client[] = [];
beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app?.stop();
});

/** The code a refused subscription ended with (as an error or as a result with errors). */
async function refusal(subscription: OpenSubscription<unknown>): Promise<string | undefined> {
  const { error } = await subscription.ended;
  const errors = (subscription.results[0]?.errors ?? error) as { extensions?: { code?: string } }[];
  return errors?.[0]?.extensions?.code;
}

function connect(token: string): Client {
  const client = wsClient(app, { authorization: `Bearer ${token}` });
  clients.push(client);
  return client;
}

describe('financingDemandPublished', () => {
  it('delivers to a bank only the new demands matching its filter', async () => {
    const shinan = toGlobalId(
      'Enterprise',
      (await createEnterprise(app, cast.owner, { district: District.SHINAN })).id,
    );
    type Published = { financingDemandPublished: { id: string; district: string; amount: { amount: string } } };
    const subscription = subscribe<Published>(
      connect(cast.bankA.token),
      `subscription { financingDemandPublished(filter: { districts: [SHINAN], amountMin: { amount: "5000000.00" } }) { id district amount { amount } } }`,
    );
    const matching: string[] = [];
    const others: string[] = [];
    const deadline = Date.now() + 10_000;
    while (subscription.results.length === 0 && Date.now() < deadline) {
      // Non-matching first: were the filter ignored, they would arrive first.
      others.push(
        await publishDemand(app, cast.owner, cast.enterpriseId, {
          amount: { amount: '9000000.00' },
          maxAnnualRate: null,
        }),
      );
      others.push(
        await publishDemand(app, cast.owner, shinan, { amount: { amount: '4999999.99' }, maxAnnualRate: null }),
      );
      matching.push(
        await publishDemand(app, cast.owner, shinan, { amount: { amount: '5000000.00' }, maxAnnualRate: null }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => subscription.results.length > 0, 'a matching demand');
    matching.push(
      await publishDemand(app, cast.owner, shinan, { amount: { amount: '7000000.00' }, maxAnnualRate: null }),
    );
    await waitFor(
      () => subscription.results.some((r) => r.data?.financingDemandPublished.id === matching.at(-1)),
      'the last matching demand',
    );
    subscription.unsubscribe();
    const received = subscription.results.map((r) => r.data!.financingDemandPublished);
    expect(received.every((d) => d.district === 'SHINAN' && Number(d.amount.amount) >= 5_000_000)).toBe(true);
    expect(received.map((d) => d.id).some((id) => others.includes(id))).toBe(false);
  });

  it('is refused to an applicant', async () => {
    const subscription = subscribe(connect(cast.owner.token), `subscription { financingDemandPublished { id } }`);
    expect(await refusal(subscription)).toBe('FORBIDDEN');
  });
});

describe('financingOfferReceived', () => {
  it("delivers new offers on the enterprise's demand, with fresh counts each time", async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    type Received = { financingOfferReceived: { id: string; bank: { name: string }; demand: { offerCount: number } } };
    const subscription = subscribe<Received>(
      connect(cast.owner.token),
      `subscription($id: ID!) { financingOfferReceived(demandId: $id) { id bank { name } demand { offerCount } } }`,
      { id: demandId },
    );
    const offers: string[] = [];
    const banks = [cast.bankA, cast.bankB];
    const deadline = Date.now() + 10_000;
    // graphql-ws does not acknowledge a subscription: offer (and withdraw) until one arrives.
    while (subscription.results.length === 0 && Date.now() < deadline) {
      const id = await makeOffer(app, cast.bankA, demandId);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (subscription.results.length === 0) {
        await app.execute(
          `mutation($id: ID!) { withdrawFinancingOffer(input: { id: $id }) { userErrors { code } } }`,
          { id },
          { token: cast.bankA.token },
        );
      } else offers.push(id);
    }
    offers.push(await makeOffer(app, banks[1]!, demandId, { amount: { amount: '1000000.00' } }));
    await waitFor(
      () => subscription.results.some((r) => r.data?.financingOfferReceived.id === offers.at(-1)),
      'the second offer',
    );
    subscription.unsubscribe();
    const last = subscription.results.at(-1)!.data!.financingOfferReceived;
    expect(last.demand.offerCount).toBe(2);
    expect(subscription.results.every((r) => r.errors === undefined)).toBe(true);
  });

  it('ends with close code 4401 when the session that subscribed signs out', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    // A session of its own: the owner's shared one stays signed in for the other tests.
    const signIn = await app.execute(`mutation($input: SignInInput!) { signIn(input: $input) { token } }`, {
      input: { email: cast.owner.user.email, password: TEST_PASSWORD },
    });
    const token = signIn.data?.signIn.token as string;
    const subscription = subscribe(
      connect(token),
      `subscription($id: ID!) { financingOfferReceived(demandId: $id) { id } }`,
      { id: demandId },
    );
    const deadline = Date.now() + 10_000;
    // graphql-ws does not acknowledge a subscription: offer (and withdraw) until one arrives.
    while (subscription.results.length === 0 && Date.now() < deadline) {
      const id = await makeOffer(app, cast.bankA, demandId);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (subscription.results.length === 0)
        await app.execute(
          `mutation($id: ID!) { withdrawFinancingOffer(input: { id: $id }) { userErrors { code } } }`,
          { id },
          { token: cast.bankA.token },
        );
    }
    await waitFor(() => subscription.results.length > 0, 'an offer before signing out');

    await app.execute(`mutation { signOut { signedOut } }`, {}, { token });

    const ended = await Promise.race([
      subscription.ended,
      new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 5000)),
    ]);
    expect(ended).toMatchObject({ error: { code: 4401 } });
  });

  it("reports another enterprise's demand as not found, and refuses banks", async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const query = `subscription($id: ID!) { financingOfferReceived(demandId: $id) { id } }`;
    expect(await refusal(subscribe(connect(cast.other.token), query, { id: demandId }))).toBe('NOT_FOUND');
    expect(await refusal(subscribe(connect(cast.bankA.token), query, { id: demandId }))).toBe('FORBIDDEN');
  });
});
