import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';
import {
  ACCEPT,
  ID_NUMBER,
  MAKE_OFFER,
  PHONE,
  createCast,
  makeOffer,
  offerInput,
  publishDemand,
  type Cast,
} from './helpers.js';

// The one secret of 金企通: until the enterprise accepts a bank's offer or consents, no bank sees the
// contact person's phone or identity number, by any path: a field, node(), nodes(), an offer's demand,
// an error message, a notification or a subscription. Each test also searches the whole response
// text, so a new field that leaked it would fail here too.

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

const CONTACT = `contact { name phone email idNumber }`;

function expectNoSecret(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(PHONE);
  expect(text).not.toContain(ID_NUMBER);
}

async function demandAs(token: string | null, id: string) {
  return app.execute(
    `query($id: ID!) { financingDemand(id: $id) { id ${CONTACT} offerCount offers { totalCount edges { node { id bank { id } } } } } }`,
    { id },
    { token },
  );
}

describe('the contact person', () => {
  it('is shown to the enterprise itself', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const result = await demandAs(cast.owner.token, id);
    expect(result.data!.financingDemand.contact).toEqual({
      name: '王海川',
      phone: PHONE,
      email: 'wang@example.cn',
      idNumber: ID_NUMBER,
    });
  });

  it('is hidden from banks, officials and partners in the search, and from a bank whose offer is pending', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    await makeOffer(app, cast.bankA, id);
    const search = `{ financingDemands(first: 100) { edges { node { id ${CONTACT} } } } }`;
    for (const token of [cast.bankA.token, cast.bankB.token, cast.finance.token, cast.registrar.token, cast.partner]) {
      const result = await app.execute(search, {}, { token });
      expect(result.errors).toBeUndefined();
      const node = result.data!.financingDemands.edges.find((e: any) => e.node.id === id)?.node;
      expect(node).toEqual({ id, contact: null });
      expectNoSecret(result);
    }
    for (const token of [cast.bankA.token, cast.bankB.token, cast.finance.token, cast.partner]) {
      const single = await demandAs(token, id);
      expect(single.data!.financingDemand.contact).toBeNull();
      expectNoSecret(single);
    }
  });

  it('is hidden through node() and nodes() exactly as through the field', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerId = await makeOffer(app, cast.bankA, id);
    const query = `query($id: ID!, $offer: ID!) {
      node(id: $id) { ... on FinancingDemand { id ${CONTACT} } }
      nodes(ids: [$id, $offer]) { ... on FinancingDemand { id ${CONTACT} } ... on FinancingOffer { id demand { ${CONTACT} } } }
    }`;
    for (const token of [cast.bankA.token, cast.bankB.token, cast.partner, cast.finance.token]) {
      const result = await app.execute(query, { id, offer: offerId }, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data!.node).toEqual({ id, contact: null });
      expectNoSecret(result);
    }
  });

  it("is hidden through an offer's demand until the offer is accepted, and shown to that bank only", async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, id);
    await makeOffer(app, cast.bankB, id, { amount: { amount: '1000000.00' } });
    const viaOffer = `{ myFinancingOffers(first: 100) { edges { node { id demand { id ${CONTACT} } } } } }`;
    const before = await app.execute(viaOffer, {}, { token: cast.bankA.token });
    expectNoSecret(before);

    const accepted = await app.execute(ACCEPT, { input: { id: offerA } }, { token: cast.owner.token });
    expect(accepted.data!.acceptFinancingOffer.userErrors).toEqual([]);

    const forA = await demandAs(cast.bankA.token, id);
    expect(forA.data!.financingDemand.contact.phone).toBe(PHONE);
    // The other officer of the same bank sees it too: the bank accepted, not the person.
    expect((await demandAs(cast.bankA2.token, id)).data!.financingDemand.contact.phone).toBe(PHONE);
    const forB = await demandAs(cast.bankB.token, id);
    expect(forB.data!.financingDemand).toMatchObject({ id, contact: null });
    expectNoSecret(forB);
    const viaOfferB = await app.execute(viaOffer, {}, { token: cast.bankB.token });
    expectNoSecret(viaOfferB);
    for (const token of [cast.finance.token, cast.partner]) expectNoSecret(await demandAs(token, id));
  });

  it('is shown to every bank once the enterprise consented, never to officials or partners', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId, { contactConsent: true });
    expect((await demandAs(cast.bankB.token, id)).data!.financingDemand.contact.phone).toBe(PHONE);
    expect((await demandAs(cast.bankA.token, id)).data!.financingDemand.contact.idNumber).toBe(ID_NUMBER);
    expectNoSecret(await demandAs(cast.finance.token, id));
    expectNoSecret(await demandAs(cast.partner, id));
  });

  it('never appears in an error message or a notification a bank receives', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    await makeOffer(app, cast.bankA, id);
    const refusals = [
      offerInput(id), // a second pending offer
      offerInput(id, { annualRate: '9.99' }), // above the ceiling
      offerInput(id, { amount: { amount: '99999999.00' } }), // above the amount asked for
    ];
    for (const input of refusals) {
      for (const language of ['zh-CN', 'en']) {
        const result = await app.execute(MAKE_OFFER, { input }, { token: cast.bankA.token, language });
        expect(result.data!.makeFinancingOffer.userErrors.length).toBeGreaterThan(0);
        expectNoSecret(result);
      }
    }
    const inbox = await app.execute(
      `{ notifications(first: 100) { edges { node { title body } } } }`,
      {},
      { token: cast.bankA.token },
    );
    expectNoSecret(inbox);
    const owner = await app.execute(
      `{ notifications(first: 100) { edges { node { title body } } } }`,
      {},
      { token: cast.owner.token },
    );
    expect(owner.data!.notifications.edges.length).toBeGreaterThan(0);
  });

  it('is hidden in the financingDemandPublished subscription', async () => {
    const client = wsClient(app, { authorization: `Bearer ${cast.bankB.token}` });
    clients.push(client);
    type Published = { financingDemandPublished: { id: string; contact: unknown; enterprise: { name: string } } };
    const subscription = subscribe<Published>(
      client,
      `subscription { financingDemandPublished(filter: { districts: [HUANGDAO] }) { id ${CONTACT} enterprise { name } } }`,
    );
    const published: string[] = [];
    const deadline = Date.now() + 10_000;
    while (subscription.results.length === 0 && Date.now() < deadline) {
      published.push(await publishDemand(app, cast.owner, cast.enterpriseId));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => subscription.results.length > 0, 'a published demand');
    subscription.unsubscribe();
    expect(subscription.results[0]!.errors).toBeUndefined();
    expect(published).toContain(subscription.results[0]!.data!.financingDemandPublished.id);
    expect(subscription.results[0]!.data!.financingDemandPublished.contact).toBeNull();
    expectNoSecret(subscription.results);
  });
});

describe('offers', () => {
  it('a bank sees only its own offers on a demand, and how many there are', async () => {
    const id = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, id);
    const offerB = await makeOffer(app, cast.bankB, id, { amount: { amount: '1000000.00' } });
    const forA = (await demandAs(cast.bankA.token, id)).data!.financingDemand;
    expect(forA.offerCount).toBe(2);
    expect(forA.offers.totalCount).toBe(1);
    expect(forA.offers.edges.map((e: any) => e.node.id)).toEqual([offerA]);
    const forB = (await demandAs(cast.bankB.token, id)).data!.financingDemand;
    expect(forB.offers.edges.map((e: any) => e.node.id)).toEqual([offerB]);
    const forOwner = (await demandAs(cast.owner.token, id)).data!.financingDemand;
    expect(forOwner.offers.edges.map((e: any) => e.node.id).sort()).toEqual([offerA, offerB].sort());
    const forPartner = (await demandAs(cast.partner, id)).data!.financingDemand;
    expect(forPartner.offers).toEqual({ totalCount: 0, edges: [] });
    // Another bank's offer is as if it did not exist.
    const node = await app.execute(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: offerA },
      { token: cast.bankB.token },
    );
    expect(node.data!.node).toBeNull();
  });
});
