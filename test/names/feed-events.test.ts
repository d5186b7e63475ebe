import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemContext } from '../../src/app/context.js';
import { markReservationUsed, takeReservationForRegistration } from '../../src/modules/names/index.js';
import { sweepLapsedReservations } from '../../src/modules/names/reservations.service.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { TestApp } from '../helpers/app.js';
import { expectFeedEvent } from '../helpers/event-feed.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { COMMITMENT_V1, contextFor, reserveViaApi } from './helpers.js';

// Name decisions in the partners' event feed: each once, seen by the applicant, the registry's officials
// and administrators (the readers of a reservation), never by another applicant or another department.

let app: TestApp;
let registrar: TestUser;
let admin: TestUser;
let stranger: TestUser;
let finance: TestUser;

beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  admin = await createUser(app, { role: 'ADMIN' });
  stranger = await createUser(app);
  finance = await createUser(app, { role: 'OFFICIAL', department: 'FINANCE' });
});
afterAll(async () => app?.stop());

async function reserve(name: string, special = false) {
  const holder = await createUser(app);
  const payload = await reserveViaApi(app, holder.token, name, special ? { commitment: COMMITMENT_V1 } : {});
  expect(payload.userErrors).toEqual([]);
  return { holder, id: payload.reservation!.id };
}

function readers(holder: TestUser) {
  return { seenBy: [holder.token, registrar.token, admin.token], hiddenFrom: [stranger.token, finance.token] };
}

async function verify(id: string, outcome: string, note: string | null) {
  const result = await app.execute(
    `mutation($input: RecordNameVerificationInput!) { recordNameVerification(input: $input) { userErrors { code } } }`,
    { input: { id, outcome, note } },
    { token: registrar.token },
  );
  expect(result.data!.recordNameVerification.userErrors).toEqual([]);
}

describe('name events in the feed', () => {
  it('a reservation granted', async () => {
    const { holder, id } = await reserve('青岛澜汐软件有限公司');
    await expectFeedEvent(app, 'NAME_RESERVED', id, readers(holder));
  });

  it('a special name verified, and one revoked for a false commitment', async () => {
    const compliant = await reserve('海澜星辰科技有限公司', true);
    await verify(compliant.id, 'COMPLIANT', null);
    await expectFeedEvent(app, 'NAME_RESERVATION_VERIFIED', compliant.id, readers(compliant.holder));
    const falseOne = await reserve('国际澜汐物流有限公司', true);
    await verify(falseOne.id, 'FALSE_COMMITMENT', '承诺不实');
    await expectFeedEvent(app, 'NAME_RESERVATION_REVOKED', falseOne.id, readers(falseOne.holder));
  });

  it('a reservation used by a registration', async () => {
    const { holder, id } = await reserve('青岛澜庭咨询有限公司');
    await inTransaction(await contextFor(app, holder.token), async (tx) => {
      const reservation = await takeReservationForRegistration(tx, id, holder.user.id, ['id']);
      markReservationUsed(tx, reservation, randomUUID());
      await tx.em.flush();
    });
    await expectFeedEvent(app, 'NAME_RESERVATION_USED', id, readers(holder));
  });

  it('a reservation lapsed, written by the sweep', async () => {
    const { holder, id } = await reserve('青岛澜岸贸易有限公司');
    const saved = app.clock.now();
    try {
      app.clock.set('2027-12-01T09:00:00+08:00');
      expect(await sweepLapsedReservations(createSystemContext(app.orm, app.deps))).toBeGreaterThanOrEqual(1);
    } finally {
      app.clock.set(saved);
    }
    // Read back at the test's own time (the readers' sessions would have expired a year on).
    await expectFeedEvent(app, 'NAME_RESERVATION_EXPIRED', id, readers(holder));
  });
});
