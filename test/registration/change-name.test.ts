import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { EnterpriseName } from '../../src/modules/names/index.js';
import { Enterprise } from '../../src/modules/registration/index.js';
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
    expect(errorsOf(data)).toEqual([{ code: 'NAME_UNAVAILABLE', field: ['input', 'newName'] }]);
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
    expect(errorsOf(data)).toContainEqual({ code: 'NAME_UNAVAILABLE', field: ['input', 'newName'] });
    expect(await app.em().count(EnterpriseName, {})).toBe(holds);
  });

  it('规定 Art. 17 via 实施细则 Art. 34: a name reserved in another district of the city conflicts', async () => {
    const { id: enterpriseId } = await enterprise();
    const name = newName();
    await reserve(app, stranger, { name, district: 'SHINAN' });
    const { data } = await submitChange(enterpriseId, name);
    expect(errorsOf(data)).toEqual([{ code: 'NAME_UNAVAILABLE', field: ['input', 'newName'] }]);
  });

  it('规定 告知承诺 via 实施细则 Art. 34: a special name declared directly needs the written commitment, which is recorded', async () => {
    const { id: enterpriseId } = await enterprise();
    const name = `${tradeName()}信息技术有限公司`;
    const refused = await submitChange(enterpriseId, name);
    expect(errorsOf(refused.data)).toEqual([{ code: 'COMMITMENT_REQUIRED', field: ['input', 'nameCommitment'] }]);

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

// 规定 告知承诺 applied to 实施细则 第三十四条: a special name declared directly is granted on its commitment
// when the change is confirmed, then verified afterwards in the registry's one verification queue, with
// the outcomes of a reserved special name (domain-rules §2).
describe('a special name declared directly is verified afterwards (实施细则 Art. 34, 规定 告知承诺)', () => {
  const QUEUE = /* GraphQL */ `
    query {
      nameVerificationQueue(first: 100) {
        edges {
          node {
            id
            name
            status
            special
            commitment {
              signatoryName
              termsVersion
            }
            verification {
              status
              dueBy
            }
            declaredInApplication {
              id
              number
              kind
            }
          }
        }
      }
    }
  `;
  const RECORD = /* GraphQL */ `
    mutation ($input: RecordNameVerificationInput!) {
      recordNameVerification(input: $input) {
        reservation {
          id
          status
          verification {
            status
          }
        }
        userErrors {
          code
          field
        }
      }
    }
  `;
  const PUBLIC_ENTERPRISE = /* GraphQL */ `
    query ($id: ID!) {
      enterprise(id: $id) {
        name
        uscc
      }
    }
  `;

  async function termsVersion(): Promise<number> {
    const terms = (await app.execute(`{ nameCommitmentTerms { version } }`, {})).data as any;
    return terms.nameCommitmentTerms.version as number;
  }

  /** A change declaring a special name (no division: 规定 告知承诺) directly, submitted with its commitment. */
  async function submitSpecial(enterpriseId: string) {
    const name = `${tradeName()}信息技术有限公司`;
    const commitment = { termsVersion: await termsVersion(), accepted: true, signatoryName: '王海川' };
    const { id, data } = await submitChange(enterpriseId, name, commitment);
    expect(payloadOf(data).userErrors).toEqual([]);
    return { id, name, version: commitment.termsVersion };
  }

  async function queue(): Promise<any[]> {
    const data = await run(app, QUEUE, {}, registrar);
    return data.nameVerificationQueue.edges.map((e: { node: unknown }) => e.node);
  }

  it('实施细则 Art. 34: confirming the change puts the special name in the verification queue, due in 20 working days, with its commitment and its application', async () => {
    const { id: enterpriseId } = await enterprise();
    const { id, name, version } = await submitSpecial(enterpriseId);
    // Under review it is held, not yet granted: nothing to verify.
    expect((await queue()).filter((r) => r.name === name)).toEqual([]);

    expect(payloadOf(await run(app, CONFIRM, { input: { id } }, registrar)).userErrors).toEqual([]);
    const rows = (await queue()).filter((r) => r.name === name);
    expect(rows).toEqual([
      {
        id: expect.any(String),
        name,
        status: 'USED',
        special: true,
        commitment: { signatoryName: '王海川', termsVersion: version },
        // 2026-11-26 (Thursday) + 20 working days.
        verification: { status: 'PENDING', dueBy: '2026-12-24' },
        declaredInApplication: { id, number: expect.any(String), kind: 'CHANGE' },
      },
    ]);
  });

  it('实施细则 Art. 34: a false commitment found revokes the directly declared name: the enterprise must change it within 30 days and the public sees its credit code instead (规定 告知承诺)', async () => {
    const { id: enterpriseId } = await enterprise();
    const { id, name } = await submitSpecial(enterpriseId);
    expect(payloadOf(await run(app, CONFIRM, { input: { id } }, registrar)).userErrors).toEqual([]);
    const [row] = (await queue()).filter((r) => r.name === name);

    const verdict = await run(
      app,
      RECORD,
      { input: { id: row.id, outcome: 'FALSE_COMMITMENT', note: '无跨省经营事实' } },
      registrar,
    );
    expect(verdict.recordNameVerification).toEqual({
      reservation: { id: row.id, status: 'REVOKED', verification: { status: 'FALSE_COMMITMENT' } },
      userErrors: [],
    });
    expect((await queue()).filter((r) => r.name === name)).toEqual([]);

    const seenByPublic = await run(app, PUBLIC_ENTERPRISE, { id: enterpriseId }, stranger);
    expect(seenByPublic.enterprise.name).toBe(seenByPublic.enterprise.uscc);
    const seenByAgent = await run(app, PUBLIC_ENTERPRISE, { id: enterpriseId }, applicant);
    expect(seenByAgent.enterprise.name).toBe(name);
    const registered = await app.em().findOneOrFail(Enterprise, { id: localId(enterpriseId) });
    expect(registered.nameChangeRequiredBy).toBe('2026-12-26');
  });

  it('实施细则 Art. 34: a commitment found true leaves the queue and the enterprise keeps its name', async () => {
    const { id: enterpriseId } = await enterprise();
    const { id, name } = await submitSpecial(enterpriseId);
    expect(payloadOf(await run(app, CONFIRM, { input: { id } }, registrar)).userErrors).toEqual([]);
    const [row] = (await queue()).filter((r) => r.name === name);

    const verdict = await run(app, RECORD, { input: { id: row.id, outcome: 'COMPLIANT', note: null } }, registrar);
    expect(verdict.recordNameVerification.userErrors).toEqual([]);
    expect(verdict.recordNameVerification.reservation.status).toBe('USED');
    expect((await queue()).filter((r) => r.name === name)).toEqual([]);
    const seenByPublic = await run(app, PUBLIC_ENTERPRISE, { id: enterpriseId }, stranger);
    expect(seenByPublic.enterprise.name).toBe(name);
  });

  it('实施细则 Art. 34: a special-name change refused or withdrawn never enters the queue, nor does an ordinary name declared directly', async () => {
    const refused = await submitSpecial((await enterprise()).id);
    expect(
      payloadOf(await run(app, REJECT, { input: { id: refused.id, reasons: ['材料不符合法定形式'] } }, registrar))
        .userErrors,
    ).toEqual([]);
    const withdrawn = await submitSpecial((await enterprise()).id);
    expect(payloadOf(await run(app, WITHDRAW, { input: { id: withdrawn.id } }, applicant)).userErrors).toEqual([]);
    const ordinary = newName();
    const { id } = await submitChange((await enterprise()).id, ordinary);
    expect(payloadOf(await run(app, CONFIRM, { input: { id } }, registrar)).userErrors).toEqual([]);

    const names = (await queue()).map((r) => r.name);
    expect(names).not.toContain(refused.name);
    expect(names).not.toContain(withdrawn.name);
    expect(names).not.toContain(ordinary);
  });
});
