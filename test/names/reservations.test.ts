import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { fromGlobalId } from '../../src/shared/ids.js';
import { NameReservation } from '../../src/modules/names/index.js';
import { sweepLapsedReservations } from '../../src/modules/names/reservations.service.js';
import { COMMITMENT_V1, MY_RESERVATIONS, contextFor, namesRowCounts, registerNames, reserveViaApi } from './helpers.js';

// reserveEnterpriseName and myNameReservations: granting, refusing with nothing written, lapsing by
// the clock, and two applicants asking for one name at the same moment.

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  await registerNames(app, [{ name: '青岛崂峰智能科技有限公司', industry: 'I65' }]);
});
afterAll(async () => app?.stop());

function localId(globalId: string): string {
  return fromGlobalId(globalId)!.id;
}

describe('reserving an ordinary name', () => {
  it('grants an available name at once for 2 months, to the end of that day in Shanghai, and tells the applicant', async () => {
    const applicant = await createUser(app);

    const payload = await reserveViaApi(app, applicant.token, '青岛浮山湾软件有限公司');

    expect(payload.userErrors).toEqual([]);
    expect(payload.reservation).toMatchObject({
      name: '青岛浮山湾软件有限公司',
      special: false,
      status: 'RESERVED',
      reservedAt: '2026-11-26T09:00:00.000+08:00',
      expiresAt: '2027-01-26T23:59:59.999+08:00',
      commitment: null,
      verification: null,
    });
    const id = localId(payload.reservation!.id);
    const notifications = await app.em().find(Notification, { userId: applicant.user.id });
    expect(notifications).toEqual([
      expect.objectContaining({ kind: 'NAME_RESERVED', subjectType: 'NameReservation', subjectId: id }),
    ]);
    expect(await app.em().find(AuditEvent, { subjectId: id })).toEqual([
      expect.objectContaining({
        action: 'nameReservation.reserve',
        toState: 'RESERVED',
        actorUserId: applicant.user.id,
      }),
    ]);
  });

  it('keeps the name 12 months when a prior approval is needed', async () => {
    const applicant = await createUser(app);
    const payload = await reserveViaApi(app, applicant.token, '青岛太平角医药有限公司', {
      industry: 'F51',
      priorApprovalRequired: true,
    });
    expect(payload.reservation?.expiresAt).toBe('2027-11-26T23:59:59.999+08:00');
  });

  it('grants a name that is only SIMILAR to an existing one', async () => {
    const applicant = await createUser(app);
    const payload = await reserveViaApi(app, applicant.token, '青岛大崂峰智能科技有限公司');
    expect(payload.userErrors).toEqual([]);
    expect(payload.reservation?.status).toBe('RESERVED');
  });

  it('lists the applicant’s own reservations newest first, and none of anyone else’s', async () => {
    const applicant = await createUser(app);
    const other = await createUser(app);
    await reserveViaApi(app, applicant.token, '青岛鱼山路咨询有限公司', { industry: 'L72' });
    app.clock.advance(60_000);
    await reserveViaApi(app, applicant.token, '青岛龙山路咨询有限公司', { industry: 'L72' });
    await reserveViaApi(app, other.token, '青岛观海路咨询有限公司', { industry: 'L72' });

    const mine = await app.execute(MY_RESERVATIONS, { first: 10 }, { token: applicant.token });

    expect(mine.data?.myNameReservations.totalCount).toBe(2);
    expect(mine.data?.myNameReservations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      '青岛龙山路咨询有限公司',
      '青岛鱼山路咨询有限公司',
    ]);
  });
});

describe('refusing a reservation, with nothing written', () => {
  it.each([
    ['a one-character trade name', '青岛海有限公司', 'NAME_UNAVAILABLE', ['input', 'name']],
    ['a prohibited word', '青岛海川赌场娱乐有限公司', 'NAME_UNAVAILABLE', ['input', 'name']],
    ['a form that does not fit the kind', '青岛海川科技合伙企业', 'NAME_UNAVAILABLE', ['input', 'name']],
    ['an IDENTICAL registered name', '青岛市南崂峰智能科技有限公司', 'NAME_UNAVAILABLE', ['input', 'name']],
  ])('refuses %s: %s', async (_what, name, code, field) => {
    const applicant = await createUser(app);
    const before = await namesRowCounts(app);

    const payload = await reserveViaApi(app, applicant.token, name);

    expect(payload.reservation).toBeNull();
    expect(payload.userErrors.length).toBeGreaterThan(0);
    expect(payload.userErrors).toEqual(expect.arrayContaining([expect.objectContaining({ code, field })]));
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it('names the existing name an IDENTICAL conflict is with, in the caller’s language', async () => {
    const applicant = await createUser(app);
    const zh = await reserveViaApi(app, applicant.token, '青岛市南崂峰智能科技有限公司');
    const en = await reserveViaApi(app, applicant.token, '青岛市南崂峰智能科技有限公司', {}, 'en');

    expect(zh.userErrors).toHaveLength(1);
    expect(zh.userErrors[0]!.message).toBe(
      '与已有名称“青岛崂峰智能科技有限公司”冲突：字号“崂峰”与行业表述“智能科技”均与已有名称相同',
    );
    expect(en.userErrors[0]!.message).toContain('Conflicts with the existing name “青岛崂峰智能科技有限公司”');
  });

  it('refuses an unknown industry code on the industry field', async () => {
    const applicant = await createUser(app);
    const before = await namesRowCounts(app);
    const payload = await reserveViaApi(app, applicant.token, '青岛石径科技有限公司', { industry: 'Q99' });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'industry'] }),
    ]);
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it('refuses an empty name as REQUIRED', async () => {
    const applicant = await createUser(app);
    const payload = await reserveViaApi(app, applicant.token, '');
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'name'] })]);
  });

  it('refuses a name the applicant already holds', async () => {
    const applicant = await createUser(app);
    await reserveViaApi(app, applicant.token, '青岛燕儿岛科技有限公司');
    const again = await reserveViaApi(app, applicant.token, '青岛燕儿岛科技有限公司');
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'NAME_UNAVAILABLE' })]);
  });
});

describe('reserving a special name under notification-and-commitment', () => {
  it('refuses without a commitment (COMMITMENT_REQUIRED, giving the reasons and the terms version) and writes nothing', async () => {
    const applicant = await createUser(app);
    const before = await namesRowCounts(app);

    const payload = await reserveViaApi(app, applicant.token, '海岸线智能科技有限公司', {}, 'en');

    expect(payload.reservation).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        code: 'COMMITMENT_REQUIRED',
        field: ['input', 'commitment'],
        message: expect.stringMatching(/special name \(The name has no administrative division\.\): accept version 1/),
      },
    ]);
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it.each([
    ['an outdated terms version', { ...COMMITMENT_V1, termsVersion: 0 }, ['input', 'commitment', 'termsVersion']],
    ['terms not accepted', { ...COMMITMENT_V1, accepted: false }, ['input', 'commitment', 'accepted']],
    ['no signatory', { ...COMMITMENT_V1, signatoryName: '  ' }, ['input', 'commitment', 'signatoryName']],
  ])('refuses %s with COMMITMENT_REQUIRED and writes nothing', async (_what, commitment, field) => {
    const applicant = await createUser(app);
    const before = await namesRowCounts(app);
    const payload = await reserveViaApi(app, applicant.token, '海岸线云计算有限公司', { commitment });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'COMMITMENT_REQUIRED', field })]);
    expect(await namesRowCounts(app)).toEqual(before);
  });

  it('grants a special name at once on a commitment to the current terms, storing who, when and which version, due for verification in 20 working days', async () => {
    const applicant = await createUser(app);

    const payload = await reserveViaApi(app, applicant.token, '海岸线（青岛）科技有限公司', {
      commitment: COMMITMENT_V1,
    });

    expect(payload.userErrors).toEqual([]);
    expect(payload.reservation).toMatchObject({
      special: true,
      status: 'RESERVED',
      commitment: { termsVersion: 1, signatoryName: '王海川', acceptedAt: payload.reservation!.reservedAt },
      // Thursday 26 November 2026 + 20 working days (the day of the grant not counted).
      verification: { status: 'PENDING', dueBy: '2026-12-24', overdue: false, note: null, decidedAt: null },
    });
    const stored = await app.em().findOneOrFail(NameReservation, { id: localId(payload.reservation!.id) });
    expect(stored).toMatchObject({
      commitmentTermsVersion: 1,
      commitmentSignatoryName: '王海川',
      verificationStatus: 'PENDING',
    });
  });

  it('ignores a commitment given for an ordinary name', async () => {
    const applicant = await createUser(app);
    const payload = await reserveViaApi(app, applicant.token, '青岛团岛软件有限公司', { commitment: COMMITMENT_V1 });
    expect(payload.reservation).toMatchObject({ special: false, commitment: null, verification: null });
  });
});

describe('a reservation lapses by the clock', () => {
  it('shows EXPIRED once expiresAt has passed, frees the name for another applicant, then the sweep records it and tells the holder', async () => {
    const first = await createUser(app);
    const second = await createUser(app);
    const granted = await reserveViaApi(app, first.token, '青岛信号山文化有限公司', { industry: 'R86' });
    const id = localId(granted.reservation!.id);
    const saved = app.clock.now();
    try {
      app.clock.set('2027-01-26T23:59:59.000+08:00');
      let mine = await app.execute(MY_RESERVATIONS, {}, { token: first.token });
      expect(mine.data?.myNameReservations.edges[0].node.status).toBe('RESERVED');
      expect(
        (await reserveViaApi(app, second.token, '青岛信号山文化有限公司', { industry: 'R86' })).userErrors,
      ).toEqual([expect.objectContaining({ code: 'NAME_UNAVAILABLE' })]);

      app.clock.set('2027-01-27T00:00:00.000+08:00');
      mine = await app.execute(MY_RESERVATIONS, {}, { token: first.token });
      expect(mine.data?.myNameReservations.edges[0].node.status).toBe('EXPIRED');

      const taken = await reserveViaApi(app, second.token, '青岛信号山文化有限公司', { industry: 'R86' });
      expect(taken.userErrors).toEqual([]);
      const lapsed = await app.em().findOneOrFail(NameReservation, { id });
      expect(lapsed).toMatchObject({ status: 'EXPIRED', expiredAt: lapsed.expiresAt });
      expect(
        await app.em().find(Notification, { userId: first.user.id, kind: 'NAME_RESERVATION_EXPIRED' }),
      ).toHaveLength(1);
      expect(await app.em().count(AuditEvent, { subjectId: id, action: 'nameReservation.expire' })).toBe(1);
    } finally {
      app.clock.set(saved);
    }
  });

  it('sweeps every lapsed reservation when asked, once', async () => {
    const applicant = await createUser(app);
    await reserveViaApi(app, applicant.token, '青岛小鱼山科技有限公司');
    const saved = app.clock.now();
    try {
      app.clock.set('2027-12-31T00:00:00+08:00');
      const swept = await sweepLapsedReservations(await contextFor(app));
      expect(swept).toBeGreaterThan(0);
      expect(await sweepLapsedReservations(await contextFor(app))).toBe(0);
      expect(await app.em().count(NameReservation, { status: 'RESERVED', expiresAt: { $lte: app.clock.now() } })).toBe(
        0,
      );
    } finally {
      app.clock.set(saved);
    }
  });
});

describe('two applicants asking for one name at the same moment', () => {
  it('grants it to exactly one of them', async () => {
    const applicants = await Promise.all(Array.from({ length: 6 }, () => createUser(app)));

    const results = await Promise.all(applicants.map((a) => reserveViaApi(app, a.token, '青岛极地海洋科技有限公司')));

    const granted = results.filter((r) => r.reservation !== null);
    expect(granted).toHaveLength(1);
    for (const refused of results.filter((r) => r.reservation === null)) {
      expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'NAME_UNAVAILABLE' })]);
    }
    expect(await app.em().count(NameReservation, { name: '青岛极地海洋科技有限公司' })).toBe(1);
  });

  it('规定 Art. 17: grants one name once in the whole city, when two districts are asked for it at the same time', async () => {
    const [a, b] = await Promise.all([createUser(app), createUser(app)]);

    const results = await Promise.all([
      reserveViaApi(app, a.token, '海岭（青岛）科技有限公司', { district: 'SHINAN', commitment: COMMITMENT_V1 }),
      reserveViaApi(app, b.token, '海岭（青岛）科技有限公司', { district: 'LAOSHAN', commitment: COMMITMENT_V1 }),
    ]);

    expect(results.filter((r) => r.reservation !== null)).toHaveLength(1);
    expect(results.find((r) => r.reservation === null)!.userErrors).toEqual([
      expect.objectContaining({ code: 'NAME_UNAVAILABLE' }),
    ]);
    expect(await app.em().count(NameReservation, { name: '海岭（青岛）科技有限公司' })).toBe(1);
  });

  it('grants only one of two names that are IDENTICAL in law (same trade name and industry, other form)', async () => {
    const [a, b] = await Promise.all([createUser(app), createUser(app)]);

    const results = await Promise.all([
      reserveViaApi(app, a.token, '青岛金沙滩科技有限公司'),
      reserveViaApi(app, b.token, '青岛金沙滩科技股份有限公司', { kind: 'JOINT_STOCK_COMPANY' }),
    ]);

    expect(results.filter((r) => r.reservation !== null)).toHaveLength(1);
  });
});
