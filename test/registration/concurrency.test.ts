import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { NameReservation } from '../../src/modules/names/index.js';
import {
  BusinessLicence,
  Enterprise,
  RegistrationApplication,
} from '../../src/modules/registration/registration.entity.js';
import {
  CLEAR,
  CONFIRM,
  DEREG_COMMITMENT,
  REJECT,
  SAVE,
  SUBMIT,
  establish,
  localId,
  payloadOf,
  run,
  submitted,
} from './helpers.js';

// Two officials deciding the same application at the same moment: exactly one decision takes effect
// (the application row is locked for the decision; the loser then finds it decided).

let app: TestApp;
let applicant: TestUser;
let first: TestUser;
let second: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  first = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  second = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

function outcome(data: Record<string, any> | null | undefined): string {
  const payload = Object.values(data ?? {})[0] as { application: unknown; userErrors: { code: string }[] };
  return payload.userErrors.length ? payload.userErrors[0]!.code : 'OK';
}

describe('two officials at once', () => {
  it('confirming the same application at the same moment: one enterprise, one credit code, one licence', async () => {
    for (let round = 0; round < 5; round++) {
      const { id, reservation } = await submitted(app, applicant);
      const results = await Promise.all(
        [first, second].map((official) => app.execute(CONFIRM, { input: { id } }, { token: official.token })),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      const outcomes = results.map((r) => outcome(r.data));
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
      expect(['INVALID_STATE', 'CONCURRENT_UPDATE']).toContain(outcomes.find((o) => o !== 'OK'));

      const em = app.em();
      const enterprises = await em.find(Enterprise, { name: reservation.name });
      expect(enterprises).toHaveLength(1);
      expect(await em.count(BusinessLicence, { enterprise: enterprises[0]!.id })).toBe(1);
      expect(await em.count(AuditEvent, { subjectId: localId(id), action: 'registration.confirm' })).toBe(1);
      expect((await em.findOneOrFail(NameReservation, { id: reservation.id })).enterpriseId).toBe(enterprises[0]!.id);
    }
  });

  it('one confirming while another rejects: exactly one decision stands', async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await submitted(app, applicant);
      const results = await Promise.all([
        app.execute(CONFIRM, { input: { id } }, { token: first.token }),
        app.execute(REJECT, { input: { id, reasons: ['住所不符合要求'] } }, { token: second.token }),
      ]);
      const outcomes = results.map((r) => outcome(r.data));
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
      const stored = await app.em().findOneOrFail(RegistrationApplication, { id: localId(id) });
      expect(stored.status).toBe(outcomes[0] === 'OK' ? 'CONFIRMED' : 'REJECTED');
      expect(
        await app.em().count(AuditEvent, {
          subjectId: localId(id),
          action: { $in: ['registration.confirm', 'registration.reject'] },
        }),
      ).toBe(1);
    }
  });

  it('four departments clearing at the same moment all count, and the decision falls due once', async () => {
    const confirmed = await establish(app, applicant, first);
    const draft = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            kind: 'DEREGISTRATION',
            enterpriseId: confirmed.enterprise.id,
            deregistration: { reason: '解散', liquidationCompletedOn: '2026-11-25' },
          },
        },
        applicant,
      ),
    );
    const id = draft.application.id;
    await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant);
    const clearers = await Promise.all(
      (['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const).map((department) =>
        createUser(app, { role: 'OFFICIAL', department }),
      ),
    );
    const results = await Promise.all(
      clearers.map((c) => app.execute(CLEAR, { input: { id, outcome: 'CLEARED' } }, { token: c.token })),
    );
    expect(results.map((r) => outcome(r.data))).toEqual(['OK', 'OK', 'OK', 'OK']);
    const data = await run(
      app,
      `query($id: ID!) { registrationApplication(id: $id) { decideBy clearances { status } } }`,
      { id },
      first,
    );
    expect(data.registrationApplication).toEqual({
      decideBy: '2026-11-26',
      clearances: [{ status: 'CLEARED' }, { status: 'CLEARED' }, { status: 'CLEARED' }, { status: 'CLEARED' }],
    });
  });
});
