import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { inTransaction } from '../../src/shared/transaction.js';
import {
  investmentRelationOf,
  markReservationUsed,
  nameTransferOf,
  releaseEnterpriseName,
  NameReservation,
} from '../../src/modules/names/index.js';
import { EnterpriseName, NameTransfer } from '../../src/modules/names/names.entity.js';
import { establish, localId, tradeName } from '../registration/helpers.js';
import { CHECK, COMMITMENT_V1, contextFor, namesRowCounts, registerNames, reserveViaApi } from './helpers.js';

// The exceptions to the identical-name rule (企业名称登记管理规定 第十五条, 第十七条) and the one-year
// protection of a registered name after the registration is revoked (第十七条).

let app: TestApp;
let official: TestUser;
beforeAll(async () => {
  app = await TestApp.start();
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

/** A registered enterprise, established through the registration flow by `agent`; its name and global id. */
async function registeredEnterprise(agent: TestUser) {
  const trade = tradeName();
  const name = `青岛${trade}信息技术有限公司`;
  const application = await establish(app, agent, official, {}, { name });
  return { id: application.enterprise.id as string, name, trade };
}

const CONSENT = /* GraphQL */ `
  mutation Consent($input: ConsentToNameTransferInput!) {
    consentToNameTransfer(input: $input) {
      transfer {
        enterpriseId
        name
        transfereeEmail
        status
        validUntil
        usedAt
        holderMustChangeSince
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

async function consent(token: string, input: Record<string, unknown>) {
  const result = await app.execute(CONSENT, { input }, { token });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.consentToNameTransfer as {
    transfer: null | Record<string, unknown>;
    userErrors: { code: string; field: string[] | null; message: string }[];
  };
}

async function checkAs(token: string | null, input: Record<string, unknown>) {
  const result = await app.execute(CHECK.replace('source\n', 'source\n        exception\n'), { input }, { token });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.checkEnterpriseName as {
    available: boolean;
    conflicts: { name: string; kind: string; source: string; exception: string | null }[];
  };
}

describe('the investment-relationship exception (规定 Art. 17)', () => {
  it('Art. 17: the agent of a registered enterprise reserves an identical name for an enterprise it invests in; the claim is recorded', async () => {
    const agent = await createUser(app);
    const holder = await registeredEnterprise(agent);
    const identical = `青岛${holder.trade}信息技术股份有限公司`;

    const refused = await reserveViaApi(app, agent.token, identical, { kind: 'JOINT_STOCK_COMPANY' });
    expect(refused.userErrors.map((e) => e.code)).toEqual(['NAME_UNAVAILABLE']);

    const checked = await checkAs(agent.token, {
      name: identical,
      kind: 'JOINT_STOCK_COMPANY',
      investmentRelation: { enterpriseId: holder.id, relationship: 'HOLDER_INVESTS_IN_NEW' },
    });
    expect(checked.available).toBe(true);
    expect(checked.conflicts).toContainEqual(
      expect.objectContaining({ name: holder.name, kind: 'IDENTICAL', exception: 'INVESTMENT_RELATIONSHIP' }),
    );

    const granted = await reserveViaApi(app, agent.token, identical, {
      kind: 'JOINT_STOCK_COMPANY',
      investmentRelation: { enterpriseId: holder.id, relationship: 'HOLDER_INVESTS_IN_NEW' },
    });
    expect(granted.userErrors).toEqual([]);
    const row = await app.em().findOneOrFail(NameReservation, localId(granted.reservation!.id));
    expect(investmentRelationOf(row)).toEqual({
      enterpriseId: localId(holder.id),
      relationship: 'HOLDER_INVESTS_IN_NEW',
    });
    const read = await app.execute(
      `query($id: ID!) { node(id: $id) { ... on NameReservation { investmentRelation { enterpriseId relationship } } } }`,
      { id: granted.reservation!.id },
      { token: agent.token },
    );
    expect(read.data?.node).toEqual({
      investmentRelation: { enterpriseId: holder.id, relationship: 'HOLDER_INVESTS_IN_NEW' },
    });
  });

  it('Art. 17: a user who does not act for the enterprise cannot claim the relationship: NOT_FOUND, nothing written', async () => {
    const agent = await createUser(app);
    const holder = await registeredEnterprise(agent);
    const stranger = await createUser(app);
    const before = await namesRowCounts(app);
    const payload = await reserveViaApi(app, stranger.token, `青岛${holder.trade}信息技术股份有限公司`, {
      kind: 'JOINT_STOCK_COMPANY',
      investmentRelation: { enterpriseId: holder.id, relationship: 'NEW_INVESTS_IN_HOLDER' },
    });
    expect(payload.reservation).toBeNull();
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'investmentRelation', 'enterpriseId'] }),
    ]);
    expect(await namesRowCounts(app)).toEqual(before);

    const checked = await checkAs(stranger.token, {
      name: `青岛${holder.trade}信息技术股份有限公司`,
      investmentRelation: { enterpriseId: holder.id, relationship: 'NEW_INVESTS_IN_HOLDER' },
    });
    expect(checked.available).toBe(false);
    expect(checked.conflicts[0]).toMatchObject({ kind: 'IDENTICAL', exception: null });
  });

  it('Art. 17: the relationship with one enterprise does not excuse the identical name of another', async () => {
    const agent = await createUser(app);
    const holder = await registeredEnterprise(agent);
    // Another enterprise with the same trade name and no industry word: identical in every industry.
    await registerNames(app, [{ name: `青岛${holder.trade}有限公司`, district: 'LAOSHAN' }]);
    const payload = await reserveViaApi(app, agent.token, `青岛${holder.trade}信息技术股份有限公司`, {
      kind: 'JOINT_STOCK_COMPANY',
      investmentRelation: { enterpriseId: holder.id, relationship: 'HOLDER_INVESTS_IN_NEW' },
    });
    expect(payload.reservation).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code: 'NAME_UNAVAILABLE' });
    expect(payload.userErrors[0]!.message).toContain(`青岛${holder.trade}有限公司`);
  });

  it('Art. 17: a claim that no identical name needed is not recorded', async () => {
    const agent = await createUser(app);
    const holder = await registeredEnterprise(agent);
    const payload = await reserveViaApi(app, agent.token, `青岛${tradeName()}${tradeName()}咨询有限公司`, {
      industry: 'L72',
      investmentRelation: { enterpriseId: holder.id, relationship: 'HOLDER_INVESTS_IN_NEW' },
    });
    expect(payload.userErrors).toEqual([]);
    const row = await app.em().findOneOrFail(NameReservation, localId(payload.reservation!.id));
    expect(investmentRelationOf(row)).toBeNull();
  });
});

describe('the transferee exception (规定 Art. 15)', () => {
  it('Art. 15: the holder consents, the transferee reserves the identical name, and registering it records that the holder must change its name', async () => {
    const agent = await createUser(app);
    const holder = await registeredEnterprise(agent);
    const transferee = await createUser(app);
    const third = await createUser(app);
    const identical = `青岛${holder.trade}信息技术股份有限公司`;

    const given = await consent(agent.token, {
      enterpriseId: holder.id,
      transfereeEmail: transferee.user.email.toUpperCase(),
    });
    expect(given.userErrors).toEqual([]);
    expect(given.transfer).toMatchObject({
      enterpriseId: holder.id,
      name: holder.name,
      transfereeEmail: transferee.user.email.toLowerCase(),
      status: 'CONSENTED',
      usedAt: null,
    });

    // Someone else is still refused; the check tells the transferee why it may take the name.
    const refused = await reserveViaApi(app, third.token, identical, { kind: 'JOINT_STOCK_COMPANY' });
    expect(refused.userErrors.map((e) => e.code)).toEqual(['NAME_UNAVAILABLE']);
    const checked = await checkAs(transferee.token, { name: identical, kind: 'JOINT_STOCK_COMPANY' });
    expect(checked).toMatchObject({ available: true });
    expect(checked.conflicts[0]).toMatchObject({ name: holder.name, exception: 'NAME_TRANSFER' });

    const granted = await reserveViaApi(app, transferee.token, identical, { kind: 'JOINT_STOCK_COMPANY' });
    expect(granted.userErrors).toEqual([]);
    const reservation = await app.em().findOneOrFail(NameReservation, localId(granted.reservation!.id));
    expect(nameTransferOf(reservation)).toMatchObject({
      holderEnterpriseId: localId(holder.id),
      holderMustChangeSince: null,
    });
    const transfer = await app.em().findOneOrFail(NameTransfer, { enterpriseId: localId(holder.id) });
    expect(transfer).toMatchObject({ status: 'USED', reservationId: reservation.id });

    // Registration uses the reservation: from now the holder must change its name.
    const ctx = await contextFor(app, official.token);
    await inTransaction(ctx, async (tx) => {
      const row = await tx.em.findOneOrFail(NameReservation, reservation.id);
      markReservationUsed(tx, row, crypto.randomUUID());
      await tx.em.flush();
    });
    const after = await app.em().findOneOrFail(NameTransfer, transfer.id);
    expect(after.holderMustChangeSince).toEqual(app.clock.now());
  });

  it('Art. 15: a consent once used or lapsed no longer lets the name pass', async () => {
    const agent = await createUser(app);
    const holder = await registeredEnterprise(agent);
    const transferee = await createUser(app);
    const given = await consent(agent.token, {
      enterpriseId: holder.id,
      transfereeEmail: transferee.user.email,
      validUntil: '2026-11-27',
    });
    expect(given.userErrors).toEqual([]);
    const saved = app.clock.now();
    app.clock.set('2026-11-28T09:00:00+08:00');
    try {
      const payload = await reserveViaApi(app, transferee.token, `青岛${holder.trade}信息技术股份有限公司`, {
        kind: 'JOINT_STOCK_COMPANY',
      });
      expect(payload.userErrors.map((e) => e.code)).toEqual(['NAME_UNAVAILABLE']);
    } finally {
      app.clock.set(saved.toISOString());
    }
  });

  it('Art. 15: only the agent of the enterprise may consent; bad input is refused and writes nothing', async () => {
    const agent = await createUser(app);
    const holder = await registeredEnterprise(agent);
    const stranger = await createUser(app);
    const before = await app.em().count(NameTransfer, {});
    const cases: [TestUser, Record<string, unknown>, string, string[]][] = [
      [stranger, { enterpriseId: holder.id, transfereeEmail: 'x@example.com' }, 'NOT_FOUND', ['input', 'enterpriseId']],
      [
        agent,
        { enterpriseId: holder.id, transfereeEmail: 'not-an-email' },
        'INVALID_FORMAT',
        ['input', 'transfereeEmail'],
      ],
      [
        agent,
        { enterpriseId: holder.id, transfereeEmail: agent.user.email },
        'INVALID_INPUT',
        ['input', 'transfereeEmail'],
      ],
      [
        agent,
        { enterpriseId: holder.id, transfereeEmail: 'x@example.com', validUntil: '2026-11-25' },
        'OUT_OF_RANGE',
        ['input', 'validUntil'],
      ],
      [
        agent,
        { enterpriseId: holder.id, transfereeEmail: 'x@example.com', validUntil: '2028-01-01' },
        'OUT_OF_RANGE',
        ['input', 'validUntil'],
      ],
    ];
    for (const [user, input, code, field] of cases) {
      const payload = await consent(user.token, input);
      expect(payload.transfer).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
    }
    expect(await app.em().count(NameTransfer, {})).toBe(before);
  });
});

describe('the one-year protection of a released registered name (规定 Art. 17)', () => {
  it('Art. 17: a name released because the registration was REVOKED keeps blocking others for 1 year, then frees', async () => {
    const enterpriseId = crypto.randomUUID();
    const trade = tradeName();
    await registerNames(app, [{ name: `青岛${trade}软件有限公司`, enterpriseId, industry: 'I65' }]);
    const releasedAt = app.clock.now();
    const ctx = await contextFor(app);
    await inTransaction(ctx, async (tx) => {
      await releaseEnterpriseName(tx, { enterpriseId, releasedAt, reason: 'REVOKED' });
      await tx.em.flush();
    });
    const row = await app.em().findOneOrFail(EnterpriseName, { enterpriseId });
    expect(row).toMatchObject({ status: 'RELEASED', releaseReason: 'REVOKED' });

    const within = await checkAs(null, { name: `青岛${trade}软件有限公司` });
    expect(within.available).toBe(false);
    expect(within.conflicts[0]).toMatchObject({ kind: 'IDENTICAL', source: 'RECENTLY_RELEASED' });

    const saved = app.clock.now();
    app.clock.set(new Date(releasedAt.getTime() + 366 * 24 * 3600_000).toISOString());
    try {
      // (a session would have expired by then: the public check answers as a reservation would)
      const after = await checkAs(null, { name: `青岛${trade}软件有限公司` });
      expect(after).toMatchObject({ available: true, conflicts: [] });
    } finally {
      app.clock.set(saved.toISOString());
    }
  });

  it('Art. 17: a reservation revoked for a false commitment protects nothing: the name is free at once', async () => {
    const holder = await createUser(app);
    const name = `${tradeName()}${tradeName()}智能科技有限公司`;
    const special = await reserveViaApi(app, holder.token, name, { commitment: COMMITMENT_V1 });
    expect(special.userErrors).toEqual([]);
    const verified = await app.execute(
      `mutation($input: RecordNameVerificationInput!) { recordNameVerification(input: $input) { reservation { status } userErrors { code } } }`,
      { input: { id: special.reservation!.id, outcome: 'FALSE_COMMITMENT', note: '承诺不实' } },
      { token: official.token },
    );
    expect(verified.data?.recordNameVerification).toEqual({ reservation: { status: 'REVOKED' }, userErrors: [] });
    const row = await app.em().findOneOrFail(EnterpriseName, { reservationId: localId(special.reservation!.id) });
    expect(row).toMatchObject({ status: 'RELEASED', protectedUntil: null, releaseReason: null });

    const other = await reserveViaApi(app, (await createUser(app)).token, name, { commitment: COMMITMENT_V1 });
    expect(other.userErrors).toEqual([]);
  });
});
