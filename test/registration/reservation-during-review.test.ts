import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { createSystemContext } from '../../src/app/context.js';
import { NameReservation } from '../../src/modules/names/names.entity.js';
import { sweepLapsedReservations } from '../../src/modules/names/reservations.service.js';
import { CONFIRM, WITHDRAW, payloadOf, reserve, run, submitted } from './helpers.js';

// 规定 第十八条: a reserved name lapses after 2 months unless a registration uses it. An application
// submitted while the reservation was live is not defeated by the registry's own review time.

let app: TestApp;
let applicant: TestUser;
let rival: TestUser;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  rival = await createUser(app);
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

async function afterLapse<T>(reservation: NameReservation, work: () => Promise<T>): Promise<T> {
  const saved = app.clock.now();
  app.clock.set(new Date(reservation.expiresAt.getTime() + 60_000).toISOString());
  try {
    await sweepLapsedReservations(createSystemContext(app.orm, app.deps));
    return await work();
  } finally {
    app.clock.set(saved.toISOString());
  }
}

async function rivalReserves(name: string) {
  const result = await run(
    app,
    `mutation($input: ReserveEnterpriseNameInput!) { reserveEnterpriseName(input: $input) { reservation { id } userErrors { code } } }`,
    {
      input: {
        name,
        district: 'HUANGDAO',
        kind: 'LIMITED_LIABILITY_COMPANY',
        industry: 'I65',
        foreignInvested: false,
        priorApprovalRequired: false,
        similarNameUndertaking: { termsVersion: 1, accepted: true, signatoryName: '王海川' },
      },
    },
    rival,
  );
  return result.reserveEnterpriseName as { reservation: { id: string } | null; userErrors: { code: string }[] };
}

describe('a reservation that lapses while the registry reviews the application using it', () => {
  it('规定 Art. 18: is kept for the application submitted in time: nobody else can take the name, and the official can still confirm', async () => {
    const { id, reservation } = await submitted(app, applicant);

    const stillHeld = await afterLapse(reservation, async () => {
      expect(await rivalReserves(reservation.name)).toMatchObject({
        reservation: null,
        userErrors: [{ code: 'NAME_UNAVAILABLE' }],
      });
      return payloadOf(await run(app, CONFIRM, { input: { id, note: '材料齐全，予以确认。' } }, official));
    });

    expect(stillHeld.userErrors).toEqual([]);
    expect(stillHeld.application.enterprise.name).toBe(reservation.name);
    const stored = await app.em().findOneOrFail(NameReservation, { id: reservation.id });
    expect(stored).toMatchObject({ status: 'USED', heldForApplicationId: null });
  });

  it('规定 Art. 18: lapses as usual once the application is withdrawn', async () => {
    const { id, reservation } = await submitted(app, applicant);
    const withdrawn = await run(app, WITHDRAW, { input: { id } }, applicant);
    expect(withdrawn.withdrawRegistrationApplication.userErrors).toEqual([]);

    const taken = await afterLapse(reservation, () => rivalReserves(reservation.name));

    expect(taken.userErrors).toEqual([]);
    const stored = await app.em().findOneOrFail(NameReservation, { id: reservation.id });
    expect(stored.status).toBe('EXPIRED');
  });

  it('a reservation never used by a submitted application lapses at its time', async () => {
    const reservation = await reserve(app, applicant);
    const taken = await afterLapse(reservation, () => rivalReserves(reservation.name));
    expect(taken.userErrors).toEqual([]);
  });
});
