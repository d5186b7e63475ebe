import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createRoleUsers, createUser } from '../helpers/factories.js';
import { validateUscc } from '../../src/shared/credit-code.js';
import { NameReservation } from '../../src/modules/names/index.js';
import { Enterprise, RegistrationApplication } from '../../src/modules/registration/index.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import {
  COMMITMENT,
  CONFIRM,
  SAVE,
  SUBMIT,
  declaration,
  draftEstablishment,
  gid,
  localId,
  payloadOf,
  reserve,
  run,
  submitted,
} from './helpers.js';

// An establishment from draft to confirmed enterprise: the name reservation becomes USED, the credit
// code passes both checks with the district's code, the licence is issued, all in one transaction.

let app: TestApp;
let users: Awaited<ReturnType<typeof createRoleUsers>>;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  users = await createRoleUsers(app);
});
afterAll(async () => app?.stop());

describe('establishment', () => {
  it('saves a draft as often as the applicant likes, with the name taken from its reservation', async () => {
    const reservation = await reserve(app, users.applicant);
    const first = payloadOf(
      await run(
        app,
        SAVE,
        { input: { kind: 'ESTABLISHMENT', nameReservationId: gid('NameReservation', reservation.id) } },
        users.applicant,
      ),
    );
    expect(first.userErrors).toEqual([]);
    expect(first.application).toMatchObject({
      status: 'DRAFT',
      kind: 'ESTABLISHMENT',
      declaration: { name: reservation.name },
    });
    expect(first.application.number).toMatch(/^DJ20261126\d{6}$/);

    const second = payloadOf(
      await run(
        app,
        SAVE,
        { input: { id: first.application.id, declaration: declaration({ businessScope: '软件开发' }) } },
        users.applicant,
      ),
    );
    expect(second.userErrors).toEqual([]);
    expect(second.application.declaration).toMatchObject({
      name: reservation.name,
      businessScope: '软件开发',
      registeredCapital: { amount: '1000000.00' },
    });
  });

  it('submits a complete application on the same-day track and confirms it into an enterprise with a credit code and licence', async () => {
    const { id, reservation } = await draftEstablishment(app, users.applicant);
    const submittedPayload = payloadOf(
      await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, users.applicant),
    );
    expect(submittedPayload.userErrors).toEqual([]);
    expect(submittedPayload.application).toMatchObject({
      status: 'SUBMITTED',
      receivedOn: '2026-11-26',
      decideBy: '2026-11-26',
      complete: true,
      reviewReasons: [],
    });

    const confirmed = payloadOf(await run(app, CONFIRM, { input: { id, note: '予以确认' } }, users.official));
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.application.status).toBe('CONFIRMED');
    const uscc = confirmed.application.enterprise.uscc as string;
    expect(uscc).toMatch(/^91370211MA/);
    expect(validateUscc(uscc)).toMatchObject({ valid: true, checkCharacterOk: true, organisationCodeOk: true });

    const em = app.em();
    const enterprise = await em.findOneOrFail(Enterprise, { uscc });
    expect(enterprise).toMatchObject({
      name: reservation.name,
      status: 'ACTIVE',
      district: 'HUANGDAO',
      zone: 'QINGDAO_FTZ',
      establishedOn: '2026-11-26',
    });
    const used = await em.findOneOrFail(NameReservation, { id: reservation.id });
    expect(used).toMatchObject({ status: 'USED', enterpriseId: enterprise.id });
    expect(await em.count(AuditEvent, { subjectId: enterprise.id, action: 'enterprise.establish' })).toBe(1);
    expect(
      await em.count(Notification, {
        userId: users.applicant.user.id,
        kind: 'REGISTRATION_CONFIRMED',
        subjectId: localId(id),
      }),
    ).toBe(1);

    const licence = await run(
      app,
      `query($id: ID!) {
        enterprise(id: $id) {
          nameParts { administrativeDivision tradeName industry organisationForm }
          licence { number verificationCode status facts { uscc name } }
        }
      }`,
      {
        id: confirmed.application.enterprise.id,
      },
    );
    expect(licence.enterprise.licence).toMatchObject({ status: 'VALID', facts: { uscc, name: reservation.name } });
    expect(licence.enterprise.nameParts).toEqual({
      administrativeDivision: '青岛',
      tradeName: reservation.name.slice(2, -'信息技术有限公司'.length),
      industry: '信息技术',
      organisationForm: '有限公司',
    });
  });

  it('refuses to submit an incomplete application, naming each item, and submits nothing', async () => {
    const applicant = await createUser(app);
    const { id } = await draftEstablishment(app, applicant, {
      liaison: null,
      operatingTerm: null,
      registeredCapital: { amount: '999.00' },
    });
    const payload = payloadOf(await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant, 'en'));
    expect(payload.application).toBeNull();
    expect(payload.userErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'REQUIRED', field: ['input', 'declaration', 'liaison'] }),
        expect.objectContaining({ code: 'REQUIRED', field: ['input', 'declaration', 'operatingTerm'] }),
        expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'declaration', 'investors'] }),
      ]),
    );
    const stored = await app
      .em()
      .findOneOrFail(RegistrationApplication, { number: { $ne: '' }, applicant: applicant.user.id });
    expect(stored.status).toBe('DRAFT');
  });

  it('puts a foreign-invested application on the 3-working-day track', async () => {
    const applicant = await createUser(app);
    const { application } = await submitted(
      app,
      applicant,
      {
        foreignInvested: true,
        serviceAgent: { name: '青岛送达代理有限公司', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' },
      },
      { foreignInvested: true },
    );
    expect(application).toMatchObject({ complete: false, reviewReasons: ['FOREIGN_INVESTED'], decideBy: '2026-12-01' });
  });
});
