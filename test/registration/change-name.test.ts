import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { EnterpriseName } from '../../src/modules/names/index.js';
import {
  COMMITMENT,
  CONFIRM,
  CORRECT,
  REJECT,
  SAVE,
  SUBMIT,
  WITHDRAW,
  establish,
  errorsOf,
  gid,
  localId,
  nothingWritten,
  payloadOf,
  reserve,
  run,
  tradeName,
} from './helpers.js';

// 市场主体登记管理条例实施细则 第三十四条: a change of name may be applied for directly, without a separate
// name reservation. The name gets the names module's full check at submission and is held while the
// registry reviews the application; confirmation registers it and releases the old name (with its
// 1-year protection, 规定 第十七条); withdrawal or refusal frees it at once.

const CHECK = /* GraphQL */ `
  query ($input: CheckEnterpriseNameInput!) {
    checkEnterpriseName(input: $input) {
      available
      conflicts {
        kind
        source
      }
    }
  }
`;

let app: TestApp;
let applicant: TestUser;
let stranger: TestUser;
let registrar: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  stranger = await createUser(app);
  registrar = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
});
afterAll(async () => app?.stop());

/** A registered enterprise of the applicant; returns its global id and name. */
async function enterprise(): Promise<{ id: string; name: string }> {
  const confirmed = await establish(app, applicant, registrar, {
    articlesOfAssociation: { adoptedOn: '2026-09-01', text: '第一条 为规范公司的组织和行为，制定本章程。' },
  });
  return { id: confirmed.enterprise.id, name: confirmed.enterprise.name };
}

async function draftChange(enterpriseId: string, input: Record<string, unknown>) {
  return run(
    app,
    SAVE,
    { input: { kind: 'CHANGE', enterpriseId, changeDecidedOn: '2026-11-20', ...input } },
    applicant,
  );
}

async function submitChange(enterpriseId: string, newName: string, nameCommitment?: Record<string, unknown>) {
  const draft = payloadOf(await draftChange(enterpriseId, { newName }));
  expect(draft.userErrors).toEqual([]);
  const data = await run(
    app,
    SUBMIT,
    { input: { id: draft.application.id, commitment: COMMITMENT, ...(nameCommitment ? { nameCommitment } : {}) } },
    applicant,
  );
  return { id: draft.application.id as string, data };
}

async function available(name: string): Promise<boolean> {
  const data = await run(app, CHECK, { input: { name, industry: 'I65', district: 'SHINAN' } }, stranger);
  return data.checkEnterpriseName.available;
}

const newName = () => `青岛${tradeName()}信息技术有限公司`;

describe('a change of name without a separate reservation (实施细则 Art. 34)', () => {
  it('实施细则 Art. 34: a change declares the new name directly, and confirmation registers it and releases the old name with its 1-year protection (规定 Art. 17)', async () => {
    const { id: enterpriseId, name: oldName } = await enterprise();
    const name = newName();
    const { id, data } = await submitChange(enterpriseId, name);
    expect(payloadOf(data).userErrors).toEqual([]);
    expect(payloadOf(data).application).toMatchObject({ status: 'SUBMITTED', declaration: { name } });

    const confirmed = payloadOf(await run(app, CONFIRM, { input: { id } }, registrar));
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.application.enterprise.name).toBe(name);

    const rows = await app.em().find(EnterpriseName, { name: { $in: [name, oldName] } });
    const registered = rows.filter((r) => r.status === 'ACTIVE');
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ name, enterpriseId: localId(enterpriseId), reservationId: null });
    const old = rows.find((r) => r.name === oldName && r.enterpriseId === localId(enterpriseId))!;
    expect(old.status).toBe('RELEASED');
    expect(old.protectedUntil?.toISOString()).toBe('2027-11-26T01:00:00.000Z');
    // The name stays taken for everyone else, now as a registered name.
    expect(await available(name)).toBe(false);
    expect(await available(oldName)).toBe(false);
  });

  it('实施细则 Art. 34: while the change is under review the name is held: nobody else can reserve or check it as available', async () => {
    const { id: enterpriseId } = await enterprise();
    const name = newName();
    const { data } = await submitChange(enterpriseId, name);
    expect(payloadOf(data).userErrors).toEqual([]);

    const check = await run(app, CHECK, { input: { name, industry: 'I65', district: 'LAOSHAN' } }, stranger);
    expect(check.checkEnterpriseName).toMatchObject({
      available: false,
      conflicts: [{ kind: 'IDENTICAL', source: 'RESERVED' }],
    });
    await expect(reserve(app, stranger, { name, district: 'LAOSHAN' })).rejects.toThrow('names.reserve.conflict');
  });

  it('实施细则 Art. 34: another enterprise cannot declare a name held by a change under review', async () => {
    const first = await enterprise();
    const second = await enterprise();
    const name = newName();
    expect(payloadOf((await submitChange(first.id, name)).data).userErrors).toEqual([]);
    const { data } = await submitChange(second.id, name);
    expect(errorsOf(data)).toEqual([{ code: 'NAME_UNAVAILABLE', field: ['declaration', 'name'] }]);
  });

  it('实施细则 Art. 34: withdrawing the change frees the held name at once', async () => {
    const { id: enterpriseId } = await enterprise();
    const name = newName();
    const { id } = await submitChange(enterpriseId, name);
    expect(await available(name)).toBe(false);
    expect(payloadOf(await run(app, WITHDRAW, { input: { id } }, applicant)).userErrors).toEqual([]);
    expect(await available(name)).toBe(true);
  });

  it('实施细则 Art. 34: refusing the change frees the held name at once', async () => {
    const { id: enterpriseId } = await enterprise();
    const name = newName();
    const { id } = await submitChange(enterpriseId, name);
    const rejected = payloadOf(await run(app, REJECT, { input: { id, reasons: ['材料不符合法定形式'] } }, registrar));
    expect(rejected.userErrors).toEqual([]);
    expect(await available(name)).toBe(true);
  });

  it('规定 Art. 6 via 实施细则 Art. 34: a directly declared name gets the full name rules (no Latin letters) and nothing is written', async () => {
    const { id: enterpriseId } = await enterprise();
    const draft = payloadOf(await draftChange(enterpriseId, { newName: '青岛ABC信息技术有限公司' }));
    expect(draft.userErrors).toEqual([]);
    const holds = await app.em().count(EnterpriseName, {});
    const data = await nothingWritten(app, () =>
      run(app, SUBMIT, { input: { id: draft.application.id, commitment: COMMITMENT } }, applicant),
    );
    expect(errorsOf(data)).toContainEqual({ code: 'NAME_UNAVAILABLE', field: ['declaration', 'name'] });
    expect(await app.em().count(EnterpriseName, {})).toBe(holds);
  });

  it('规定 Art. 17 via 实施细则 Art. 34: a name reserved in another district of the city conflicts', async () => {
    const { id: enterpriseId } = await enterprise();
    const name = newName();
    await reserve(app, stranger, { name, district: 'SHINAN' });
    const { data } = await submitChange(enterpriseId, name);
    expect(errorsOf(data)).toEqual([{ code: 'NAME_UNAVAILABLE', field: ['declaration', 'name'] }]);
  });

  it('规定 告知承诺 via 实施细则 Art. 34: a special name declared directly needs the written commitment, which is recorded', async () => {
    const { id: enterpriseId } = await enterprise();
    const name = `${tradeName()}信息技术有限公司`;
    const refused = await submitChange(enterpriseId, name);
    expect(errorsOf(refused.data)).toEqual([{ code: 'COMMITMENT_REQUIRED', field: ['nameCommitment'] }]);

    const terms = (await app.execute(`{ nameCommitmentTerms { version } }`, {})).data as any;
    const version = terms.nameCommitmentTerms.version as number;
    const accepted = await run(
      app,
      `mutation ($input: SubmitRegistrationApplicationInput!) {
        submitRegistrationApplication(input: $input) {
          application { status reviewReasons nameCommitment { termsVersion signatoryName specialReasons } }
          userErrors { code field }
        }
      }`,
      {
        input: {
          id: refused.id,
          commitment: COMMITMENT,
          nameCommitment: { termsVersion: version, accepted: true, signatoryName: '王海川' },
        },
      },
      applicant,
    );
    expect(accepted.submitRegistrationApplication.userErrors).toEqual([]);
    expect(accepted.submitRegistrationApplication.application).toMatchObject({
      status: 'SUBMITTED',
      reviewReasons: expect.arrayContaining(['SPECIAL_NAME']),
      nameCommitment: { termsVersion: version, signatoryName: '王海川', specialReasons: ['NO_DIVISION'] },
    });
  });

  it('实施细则 Art. 34: a name corrected after a correction notice is held instead of the first, which is freed', async () => {
    const { id: enterpriseId } = await enterprise();
    const first = newName();
    const { id } = await submitChange(enterpriseId, first);
    const notice = payloadOf(
      await run(
        app,
        CORRECT,
        { input: { id, items: [{ field: ['declaration', 'name'], message: '名称与经营范围不符' }] } },
        registrar,
      ),
    );
    expect(notice.userErrors).toEqual([]);
    expect(await available(first)).toBe(false);
    const second = newName();
    expect(payloadOf(await run(app, SAVE, { input: { id, newName: second } }, applicant)).userErrors).toEqual([]);
    const resubmitted = payloadOf(await run(app, SUBMIT, { input: { id, commitment: COMMITMENT } }, applicant));
    expect(resubmitted.userErrors).toEqual([]);
    expect(resubmitted.application.declaration.name).toBe(second);
    expect(await available(first)).toBe(true);
    expect(await available(second)).toBe(false);
  });

  it('实施细则 Art. 34: a new name and a reservation in one application are refused', async () => {
    const { id: enterpriseId } = await enterprise();
    const reservation = await reserve(app, applicant);
    const data = await draftChange(enterpriseId, {
      newName: newName(),
      nameReservationId: gid('NameReservation', reservation.id),
    });
    expect(errorsOf(data)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'newName'] }]);
  });

  it('实施细则 Art. 34: only a change declares a name directly', async () => {
    const data = await run(app, SAVE, { input: { kind: 'ESTABLISHMENT', newName: newName() } }, applicant);
    expect(errorsOf(data)).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'newName'] }]);
  });

  it('实施细则 Art. 34: the change with a separate reservation keeps working', async () => {
    const { id: enterpriseId } = await enterprise();
    const reservation = await reserve(app, applicant);
    const draft = payloadOf(
      await draftChange(enterpriseId, { nameReservationId: gid('NameReservation', reservation.id) }),
    );
    expect(draft.userErrors).toEqual([]);
    const submitted = payloadOf(
      await run(app, SUBMIT, { input: { id: draft.application.id, commitment: COMMITMENT } }, applicant),
    );
    expect(submitted.userErrors).toEqual([]);
    const confirmed = payloadOf(await run(app, CONFIRM, { input: { id: draft.application.id } }, registrar));
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.application.enterprise.name).toBe(reservation.name);
  });
});
