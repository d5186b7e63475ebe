import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { inTransaction } from '../../src/shared/transaction.js';
import { DomainError } from '../../src/shared/errors.js';
import {
  EnterpriseName,
  NameReservation,
  markReservationUsed,
  registerEnterpriseName,
  releaseEnterpriseName,
  takeReservationForRegistration,
} from '../../src/modules/names/index.js';
import { reserveName } from '../../src/modules/names/reservations.service.js';
import { findConflicts } from '../../src/modules/names/name-index.service.js';
import { parseName, normaliseName } from '../../src/modules/names/rules/index.js';
import { UNDERTAKING_V1, contextFor, reservationId } from './helpers.js';

// The functions the registration module calls (src/modules/names/index.ts), exercised directly.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(async () => app?.stop());

async function reserve(token: string, name: string) {
  const ctx = await contextFor(app, token);
  return reserveName(ctx, ctx.viewer.userId as string, {
    name,
    district: 'SHINAN',
    industry: 'I65',
    kind: 'LIMITED_LIABILITY_COMPANY',
    foreignInvested: false,
    priorApprovalRequired: false,
    commitment: null,
    similarNameUndertaking: UNDERTAKING_V1,
  });
}

async function problemsOf(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error.problems;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function conflictsWith(name: string) {
  return contextFor(app).then((ctx) => findConflicts(ctx, parseName(normaliseName(name)).parts));
}

describe('the contract with the registration module', () => {
  it('takes the applicant’s own live reservation, marks it used and indexes the enterprise name in its place', async () => {
    const applicant = await createUser(app);
    const reservation = await reserve(applicant.token, '青岛契约软件有限公司');
    const enterpriseId = crypto.randomUUID();

    const ctx = await contextFor(app, applicant.token);
    await inTransaction(ctx, async (tx) => {
      const taken = await takeReservationForRegistration(tx, reservationId(reservation), applicant.user.id, [
        'input',
        'nameReservationId',
      ]);
      expect(taken).toMatchObject({
        name: '青岛契约软件有限公司',
        status: 'RESERVED',
        district: 'SHINAN',
        industry: 'I65',
      });
      markReservationUsed(tx, taken, enterpriseId);
      await registerEnterpriseName(tx, {
        enterpriseId,
        name: taken.name,
        district: taken.district,
        industry: taken.industry,
        kind: taken.kind,
      });
      await tx.em.flush();
    });

    const stored = await app.em().findOneOrFail(NameReservation, { id: reservation.id });
    expect(stored).toMatchObject({ status: 'USED', enterpriseId });
    const rows = await app
      .em()
      .find(EnterpriseName, { name: '青岛契约软件有限公司' }, { orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.status, r.enterpriseId, r.reservationId])).toEqual(
      expect.arrayContaining([
        ['RELEASED', null, reservation.id],
        ['ACTIVE', enterpriseId, null],
      ]),
    );
    const conflicts = await conflictsWith('青岛契约软件股份有限公司');
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'IDENTICAL', source: 'REGISTERED', enterpriseId })]);
  });

  it('refuses another applicant’s reservation as not found, with the caller’s field path', async () => {
    const owner = await createUser(app);
    const stranger = await createUser(app);
    const reservation = await reserve(owner.token, '青岛他人软件有限公司');
    const ctx = await contextFor(app, stranger.token);
    const problems = await problemsOf(() =>
      inTransaction(ctx, (tx) =>
        takeReservationForRegistration(tx, reservationId(reservation), stranger.user.id, ['input', 'name']),
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'name'] })]);
  });

  it('refuses a malformed id as not found', async () => {
    const applicant = await createUser(app);
    const ctx = await contextFor(app, applicant.token);
    const problems = await problemsOf(() => takeReservationForRegistration(ctx, 'nonsense', applicant.user.id, ['x']));
    expect(problems).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['x'] })]);
  });

  it('refuses a lapsed reservation as INVALID_STATE once its two months have passed', async () => {
    const applicant = await createUser(app);
    const reservation = await reserve(applicant.token, '青岛过期软件有限公司');
    const ctx = await contextFor(app, applicant.token);
    const saved = app.clock.now();
    app.clock.set(new Date(reservation.expiresAt.getTime() + 1));
    try {
      const problems = await problemsOf(() =>
        takeReservationForRegistration(ctx, reservationId(reservation), applicant.user.id, ['id']),
      );
      expect(problems).toEqual([
        expect.objectContaining({ code: 'INVALID_STATE', messageKey: 'names.reservation.EXPIRED' }),
      ]);
    } finally {
      app.clock.set(saved);
    }
  });

  it('refuses a used reservation as INVALID_STATE', async () => {
    const applicant = await createUser(app);
    const reservation = await reserve(applicant.token, '青岛用过软件有限公司');
    const ctx = await contextFor(app, applicant.token);
    await inTransaction(ctx, async (tx) => {
      markReservationUsed(
        tx,
        await takeReservationForRegistration(tx, reservationId(reservation), applicant.user.id, ['id']),
        crypto.randomUUID(),
      );
      await tx.em.flush();
    });
    const again = await contextFor(app, applicant.token);
    const problems = await problemsOf(() =>
      takeReservationForRegistration(again, reservationId(reservation), applicant.user.id, ['id']),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'INVALID_STATE', messageKey: 'names.reservation.USED' }),
    ]);
  });

  it('keeps a released enterprise name blocking others for one year, then frees it', async () => {
    const enterpriseId = crypto.randomUUID();
    const ctx = await contextFor(app);
    await inTransaction(ctx, async (tx) => {
      await registerEnterpriseName(tx, {
        enterpriseId,
        name: '青岛旧名贸易有限公司',
        district: 'SHINAN',
        industry: 'F51',
        kind: 'LIMITED_LIABILITY_COMPANY',
      });
      await tx.em.flush();
    });
    const releasedAt = app.clock.now();
    await inTransaction(await contextFor(app), async (tx) => {
      await releaseEnterpriseName(tx, { enterpriseId, releasedAt });
      await tx.em.flush();
    });
    expect(await conflictsWith('青岛旧名贸易有限公司')).toEqual([
      expect.objectContaining({ kind: 'IDENTICAL', source: 'RECENTLY_RELEASED', enterpriseId }),
    ]);
    const saved = app.clock.now();
    app.clock.set(new Date(releasedAt.getTime() + 366 * 24 * 3600_000));
    try {
      expect(await conflictsWith('青岛旧名贸易有限公司')).toEqual([]);
    } finally {
      app.clock.set(saved);
    }
  });
});
