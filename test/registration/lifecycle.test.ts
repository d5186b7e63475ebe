import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';
import { EnterpriseName, NameReservation } from '../../src/modules/names/index.js';
import { BusinessLicence, Enterprise } from '../../src/modules/registration/registration.entity.js';
import { REGISTRATION_APPLICATION_UPDATED } from '../../src/modules/registration/registration.service.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import {
  CLEAR,
  COMMITMENT,
  CONFIRM,
  DEREG_COMMITMENT,
  SAVE,
  SUBMIT,
  declaration,
  establish,
  gid,
  localId,
  payloadOf,
  reserve,
  residentId,
  run,
  tradeName,
} from './helpers.js';

// After establishment: changes (keeping the history, a new licence when a licence fact changes, a new
// name only with a reservation), a special name found false (the public sees the credit code), and
// one-stop deregistration followed live over a real WebSocket.

let app: TestApp;
let applicant: TestUser;
let official: TestUser;
const clients: Client[] = [];
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app?.stop();
});

async function change(enterpriseId: string, input: Record<string, unknown>) {
  const draft = payloadOf(
    await run(
      app,
      SAVE,
      { input: { kind: 'CHANGE', enterpriseId, changeDecidedOn: '2026-11-20', ...input } },
      applicant,
    ),
  );
  expect(draft.userErrors).toEqual([]);
  const sent = payloadOf(
    await run(app, SUBMIT, { input: { id: draft.application.id, commitment: COMMITMENT } }, applicant),
  );
  expect(sent.userErrors).toEqual([]);
  const confirmed = payloadOf(await run(app, CONFIRM, { input: { id: draft.application.id } }, official));
  expect(confirmed.userErrors).toEqual([]);
  return confirmed.application;
}

const ENTERPRISE = /* GraphQL */ `
  query ($id: ID!) {
    enterprise(id: $id) {
      name
      uscc
      status
      businessScope
      legalRepresentative
      registeredCapital {
        amount
      }
      nameChangeRequiredBy
      licence {
        number
        verificationCode
      }
      changes(first: 10) {
        edges {
          node {
            kind
            items {
              item
              before
              after
            }
          }
        }
      }
    }
  }
`;

describe('changes', () => {
  it('updates the registered items, keeps the public history and issues a new licence', async () => {
    const established = await establish(app, applicant, official);
    const before = (await run(app, ENTERPRISE, { id: established.enterprise.id })).enterprise;
    app.clock.advance(3600_000);
    await change(established.enterprise.id, {
      declaration: declaration({
        businessScope: '软件开发；人工智能应用软件开发',
        legalRepresentative: {
          name: '李清',
          idType: 'RESIDENT_ID_CARD',
          idNumber: residentId('19900215', '456'),
          nationality: 'CN',
        },
        registeredCapital: { amount: '2000000.00' },
        investors: [
          {
            kind: 'NATURAL_PERSON',
            name: '王海川',
            idType: 'RESIDENT_ID_CARD',
            idNumber: residentId(),
            country: 'CN',
            subscribedCapital: { amount: '2000000.00' },
          },
        ],
      }),
    });
    const after = (await run(app, ENTERPRISE, { id: established.enterprise.id })).enterprise;
    expect(after).toMatchObject({
      uscc: before.uscc,
      businessScope: '软件开发；人工智能应用软件开发',
      legalRepresentative: '李清',
      registeredCapital: { amount: '2000000.00' },
    });
    expect(after.licence.number).not.toBe(before.licence.number);
    expect(after.changes.edges.map((e: any) => e.node.kind)).toEqual(['ESTABLISHMENT', 'CHANGE']);
    expect(after.changes.edges[1].node.items).toEqual([
      {
        item: 'businessScope',
        before: '软件开发；信息技术咨询服务；数据处理和存储支持服务',
        after: '软件开发；人工智能应用软件开发',
      },
      { item: 'registeredCapital', before: '1000000.00', after: '2000000.00' },
      { item: 'legalRepresentative', before: '王海川', after: '李清' },
      { item: 'investors', before: null, after: null },
    ]);
    const json = JSON.stringify(after);
    expect(json).not.toContain(residentId('19900215', '456'));

    const old = (
      await run(
        app,
        `query($c: String!) { verifyBusinessLicence(verificationCode: $c) { genuine current licence { status } } }`,
        {
          c: before.licence.verificationCode,
        },
      )
    ).verifyBusinessLicence;
    expect(old).toEqual({ genuine: true, current: false, licence: { status: 'SUPERSEDED' } });
  });

  it('a new name needs a new reservation; the old name is released and stays protected for a year', async () => {
    const established = await establish(app, applicant, official);
    const renamed = await reserve(app, applicant, { name: `青岛${tradeName()}信息技术有限公司` });
    await change(established.enterprise.id, { nameReservationId: gid('NameReservation', renamed.id) });
    const enterprise = await app.em().findOneOrFail(Enterprise, { id: localId(established.enterprise.id) });
    expect(enterprise.name).toBe(renamed.name);
    const names = await app
      .em()
      .find(EnterpriseName, { enterpriseId: enterprise.id }, { orderBy: { createdAt: 'asc' } });
    expect(names.map((n) => [n.name, n.status])).toEqual(
      expect.arrayContaining([
        [established.enterprise.name, 'RELEASED'],
        [renamed.name, 'ACTIVE'],
      ]),
    );
    const released = names.find((n) => n.status === 'RELEASED')!;
    expect(released.protectedUntil!.getTime() - released.releasedAt!.getTime()).toBeGreaterThanOrEqual(
      365 * 86_400_000,
    );
    expect((await app.em().findOneOrFail(NameReservation, { id: renamed.id })).status).toBe('USED');
  });
});

describe('a special name found to rest on a false commitment', () => {
  it('the enterprise must change its name within 30 days, and until then the public sees its credit code', async () => {
    const name = `青岛${tradeName()}国际贸易有限公司`;
    const established = await establish(
      app,
      applicant,
      official,
      { industry: 'F51' },
      { name, industry: 'F51', commitment: true },
    );
    expect(established.reviewReasons).toEqual(['SPECIAL_NAME']);
    const reservation = await app.em().findOneOrFail(NameReservation, { name });
    const verified = await app.execute(
      `mutation($input: RecordNameVerificationInput!) { recordNameVerification(input: $input) { userErrors { code } } }`,
      {
        input: {
          id: gid('NameReservation', reservation.id),
          outcome: 'FALSE_COMMITMENT',
          note: '承诺的授权文件不实。',
        },
      },
      { token: official.token },
    );
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.recordNameVerification.userErrors).toEqual([]);

    const publicView = (await run(app, ENTERPRISE, { id: established.enterprise.id })).enterprise;
    expect(publicView).toMatchObject({ name: established.enterprise.uscc, nameChangeRequiredBy: '2026-12-26' });
    expect((await run(app, ENTERPRISE, { id: established.enterprise.id }, official)).enterprise.name).toBe(name);
    expect((await run(app, ENTERPRISE, { id: established.enterprise.id }, applicant)).enterprise.name).toBe(name);
    const search = await run(app, `query($s: String!) { enterprises(filter: { search: $s }) { totalCount } }`, {
      s: name.slice(2, 5),
    });
    expect(search.enterprises.totalCount).toBe(0);
    expect(
      await app.em().count(Notification, {
        userId: applicant.user.id,
        kind: 'NAME_REVOKED',
        subjectId: localId(established.enterprise.id),
      }),
    ).toBe(1);

    const renamed = await reserve(app, applicant, { industry: 'F51', name: `青岛${tradeName()}贸易有限公司` });
    await change(established.enterprise.id, { nameReservationId: gid('NameReservation', renamed.id) });
    expect((await run(app, ENTERPRISE, { id: established.enterprise.id })).enterprise).toMatchObject({
      name: renamed.name,
      nameChangeRequiredBy: null,
    });
  });
});

describe('one-stop deregistration', () => {
  const UPDATED = /* GraphQL */ `
    subscription ($id: ID!) {
      registrationApplicationUpdated(id: $id) {
        status
        decideBy
        clearances {
          department
          status
          note
        }
      }
    }
  `;

  it('departments clear in any order; the applicant follows each step live; the enterprise ends when all have cleared', async () => {
    const established = await establish(app, applicant, official);
    const draft = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            kind: 'DEREGISTRATION',
            enterpriseId: established.enterprise.id,
            deregistration: { reason: '股东会决议解散', liquidationCompletedOn: '2026-11-25' },
          },
        },
        applicant,
      ),
    );
    const id = draft.application.id as string;
    await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant);

    const client = wsClient(app, { authorization: `Bearer ${applicant.token}` });
    clients.push(client);
    const live = subscribe<any>(client, UPDATED, { id });
    // No "subscribed" acknowledgement in graphql-ws: nudge until the first event arrives.
    const deadline = Date.now() + 10_000;
    while (live.results.length === 0 && Date.now() < deadline) {
      app.deps.events.publish(REGISTRATION_APPLICATION_UPDATED, localId(id), { id: localId(id), status: 'SUBMITTED' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(live.results.length).toBeGreaterThan(0);
    // A nudge may still be on its way: each step below waits for the event that shows its own change.
    const lastShows = (check: (application: any) => boolean) => () => {
      const latest = live.results.at(-1)?.data?.registrationApplicationUpdated;
      return latest !== undefined && check(latest);
    };

    const officials = Object.fromEntries(
      await Promise.all(
        (['TAX', 'SOCIAL_INSURANCE', 'MEDICAL_INSURANCE', 'HOUSING_FUND'] as const).map(
          async (d) => [d, await createUser(app, { role: 'OFFICIAL', department: d })] as const,
        ),
      ),
    );
    const steps = [
      ['HOUSING_FUND', 'CLEARED', null],
      ['TAX', 'BLOCKED', '欠缴 2026 年 10 月增值税 1,280.00 元'],
      ['MEDICAL_INSURANCE', 'CLEARED', null],
      ['SOCIAL_INSURANCE', 'CLEARED', null],
      ['TAX', 'CLEARED', '已缴清'],
    ] as const;
    for (const [department, outcome, note] of steps) {
      const result = payloadOf(await run(app, CLEAR, { input: { id, outcome, note } }, officials[department]!));
      expect(result.userErrors).toEqual([]);
      await waitFor(
        lastShows((application) =>
          application.clearances.some(
            (c: any) => c.department === department && c.status === outcome && c.note === note,
          ),
        ),
        `the ${department} ${outcome} event`,
      );
      const latest = live.results.at(-1)!;
      expect(latest.errors).toBeUndefined();
      expect(latest.data.registrationApplicationUpdated.clearances).toContainEqual({
        department,
        status: outcome,
        note,
      });
    }
    expect(live.results.at(-1)!.data.registrationApplicationUpdated.decideBy).toBe('2026-11-26');

    const confirmed = payloadOf(await run(app, CONFIRM, { input: { id } }, official));
    expect(confirmed.userErrors).toEqual([]);
    await waitFor(
      lastShows((application) => application.status === 'CONFIRMED'),
      'the confirmation event',
    );
    expect(live.results.at(-1)!.data.registrationApplicationUpdated.status).toBe('CONFIRMED');
    live.unsubscribe();

    const enterprise = await app.em().findOneOrFail(Enterprise, { id: localId(established.enterprise.id) });
    expect(enterprise).toMatchObject({ status: 'DEREGISTERED', deregisteredOn: '2026-11-26' });
    expect(await app.em().count(BusinessLicence, { enterprise: enterprise.id, status: 'VALID' })).toBe(0);
    const name = await app.em().findOneOrFail(EnterpriseName, { enterpriseId: enterprise.id });
    expect(name.status).toBe('RELEASED');
    expect(
      await app
        .em()
        .count(Notification, { userId: applicant.user.id, kind: 'DEREGISTRATION_CLEARANCE', subjectId: localId(id) }),
    ).toBe(5);
  });

  it('another applicant cannot follow it, nor can an anonymous caller', async () => {
    const established = await establish(app, applicant, official);
    const draft = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            kind: 'DEREGISTRATION',
            enterpriseId: established.enterprise.id,
            deregistration: { reason: '解散', liquidationCompletedOn: '2026-11-25' },
          },
        },
        applicant,
      ),
    );
    const id = draft.application.id as string;
    await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant);
    const stranger = await createUser(app);
    for (const [params, code] of [
      [{ authorization: `Bearer ${stranger.token}` }, 'NOT_FOUND'],
      [{}, 'UNAUTHENTICATED'],
    ] as const) {
      const client = wsClient(app, params);
      clients.push(client);
      const attempt = subscribe<any>(client, UPDATED, { id });
      const { error } = await attempt.ended;
      const errors = (attempt.results[0]?.errors ?? error) as { extensions?: { code?: string } }[];
      expect(errors?.[0]?.extensions?.code).toBe(code);
      expect(attempt.results.every((r) => !r.data)).toBe(true);
    }
  });
});
