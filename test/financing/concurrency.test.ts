import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../src/shared/ids.js';
import { TestApp } from '../helpers/app.js';
import { bearer, postGraphql } from '../helpers/http.js';
import { ACCEPT, MAKE_OFFER, createCast, makeOffer, offerInput, publishDemand, type Cast } from './helpers.js';

// Simultaneous requests over real HTTP. On the PostgreSQL server (TEST_DATABASE_URL) they run on
// separate connections and meet at the demand's row lock; on the embedded database they queue.

let app: TestApp;
let cast: Cast;
beforeAll(async () => {
  app = await TestApp.start();
  cast = await createCast(app);
});
afterAll(async () => app?.stop());

async function acceptedOffers(demandId: string): Promise<number> {
  const [row] = await app
    .em()
    .execute<{ n: number }[]>(
      `select count(*)::int as n from financing_offers where demand_id = ? and status = 'ACCEPTED'`,
      [fromGlobalId(demandId)!.id],
    );
  return row!.n;
}

describe('at the same moment', () => {
  it('two acceptances of two offers on one demand: exactly one wins, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
      const offers = [
        await makeOffer(app, cast.bankA, demandId),
        await makeOffer(app, cast.bankB, demandId, { amount: { amount: '1000000.00' } }),
      ];
      const results = await Promise.all(
        offers.map((id) => postGraphql(app, { query: ACCEPT, variables: { input: { id } } }, bearer(cast.owner.token))),
      );
      const payloads = results.map((r) => r.json.data.acceptFinancingOffer);
      const winners = payloads.filter((p) => p.userErrors.length === 0);
      const losers = payloads.filter((p) => p.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].userErrors[0].code).toBe('INVALID_STATE');
      expect(await acceptedOffers(demandId)).toBe(1);
    }
  });

  it('the same offer accepted twice at once: one acceptance, one refusal', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerId = await makeOffer(app, cast.bankA, demandId);
    const results = await Promise.all(
      [1, 2].map(() =>
        postGraphql(app, { query: ACCEPT, variables: { input: { id: offerId } } }, bearer(cast.owner.token)),
      ),
    );
    const codes = results
      .map((r) => r.json.data.acceptFinancingOffer.userErrors.map((e: { code: string }) => e.code).join() || 'OK')
      .sort();
    expect(codes).toEqual(['INVALID_STATE', 'OK']);
    expect(await acceptedOffers(demandId)).toBe(1);
  });

  it('two offers of one bank on one demand at once: one offer, one ALREADY_EXISTS', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const results = await Promise.all(
      [cast.bankA, cast.bankA2].map((officer) =>
        postGraphql(app, { query: MAKE_OFFER, variables: { input: offerInput(demandId) } }, bearer(officer.token)),
      ),
    );
    const codes = results
      .map((r) => r.json.data.makeFinancingOffer.userErrors.map((e: { code: string }) => e.code).join() || 'OK')
      .sort();
    expect(codes).toEqual(['ALREADY_EXISTS', 'OK']);
    const [row] = await app
      .em()
      .execute<{ n: number; c: number }[]>(
        `select count(*)::int as n, max(d.offer_count) as c from financing_offers o join financing_demands d on d.id = o.demand_id where o.demand_id = ?`,
        [fromGlobalId(demandId)!.id],
      );
    expect(row).toEqual({ n: 1, c: 1 });
  });

  it('an offer racing an acceptance: either the offer lands before and is declined, or it is refused', async () => {
    const demandId = await publishDemand(app, cast.owner, cast.enterpriseId);
    const offerA = await makeOffer(app, cast.bankA, demandId);
    const [accept, offer] = await Promise.all([
      postGraphql(app, { query: ACCEPT, variables: { input: { id: offerA } } }, bearer(cast.owner.token)),
      postGraphql(
        app,
        { query: MAKE_OFFER, variables: { input: offerInput(demandId, { amount: { amount: '1000000.00' } }) } },
        bearer(cast.bankB.token),
      ),
    ]);
    expect(accept.json.data.acceptFinancingOffer.userErrors).toEqual([]);
    const made = offer.json.data.makeFinancingOffer;
    const rows = await app
      .em()
      .execute<{ status: string }[]>(`select status from financing_offers where demand_id = ? order by status`, [
        fromGlobalId(demandId)!.id,
      ]);
    if (made.userErrors.length) {
      expect(made.userErrors[0].code).toBe('INVALID_STATE');
      expect(rows.map((r) => r.status)).toEqual(['ACCEPTED']);
    } else {
      expect(rows.map((r) => r.status)).toEqual(['ACCEPTED', 'DECLINED']);
    }
  });
});
