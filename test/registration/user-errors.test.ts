import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { Enterprise } from '../../src/modules/registration/index.js';
import {
  CLEAR,
  COMMITMENT,
  CONFIRM,
  CORRECT,
  DEREG_COMMITMENT,
  APPROVE_EXTENSION,
  EXTEND,
  REJECT,
  SAVE,
  SUBMIT,
  WITHDRAW,
  declaration,
  draftEstablishment,
  errorsOf,
  establish,
  gid,
  localId,
  nothingWritten,
  payloadOf,
  reserve,
  residentId,
  run,
  submitted,
} from './helpers.js';

// Every refusal of the registration API: a UserError with its code and input path, and not a row
// written (applications, enterprises, clearances, licences, history, audit, notifications, names).

let app: TestApp;
let applicant: TestUser;
let other: TestUser;
let official: TestUser;
let secondOfficial: TestUser;
let tax: TestUser;
beforeAll(async () => {
  app = await TestApp.start({ now: '2026-11-26T09:00:00+08:00' });
  applicant = await createUser(app);
  other = await createUser(app);
  official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  secondOfficial = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
  tax = await createUser(app, { role: 'OFFICIAL', department: 'TAX' });
});
afterAll(async () => app?.stop());

async function refused(query: string, input: Record<string, unknown>, user: TestUser) {
  return nothingWritten(app, async () => {
    const data = await run(app, query, { input }, user);
    expect(payloadOf(data).application ?? null).toBeNull();
    return errorsOf(data);
  });
}

function alteredCheckCharacter(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

const FTZ_AGENT = { name: '青岛送达代理有限公司', address: '青岛市市南区香港中路 10 号', phone: '0532-80000000' };

describe('saveRegistrationDraft refusals', () => {
  it('a new application needs its kind', async () => {
    expect(await refused(SAVE, {}, applicant)).toEqual([{ code: 'REQUIRED', field: ['input', 'kind'] }]);
  });

  it('an establishment names no enterprise; a change or deregistration needs one the applicant acts for, still active', async () => {
    const confirmed = await establish(app, applicant, official);
    expect(await refused(SAVE, { kind: 'ESTABLISHMENT', enterpriseId: confirmed.enterprise.id }, applicant)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'enterpriseId'] },
    ]);
    expect(await refused(SAVE, { kind: 'CHANGE' }, applicant)).toEqual([
      { code: 'REQUIRED', field: ['input', 'enterpriseId'] },
    ]);
    expect(await refused(SAVE, { kind: 'CHANGE', enterpriseId: confirmed.enterprise.id }, other)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'enterpriseId'] },
    ]);
    expect(await refused(SAVE, { kind: 'DEREGISTRATION', enterpriseId: confirmed.id }, applicant)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'enterpriseId'] },
    ]);
    const em = app.em();
    const enterprise = await em.findOneOrFail(Enterprise, { id: localId(confirmed.enterprise.id) });
    enterprise.status = 'REVOKED';
    await em.flush();
    expect(await refused(SAVE, { kind: 'CHANGE', enterpriseId: confirmed.enterprise.id }, applicant)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'enterpriseId'] },
    ]);
  });

  it("another applicant's draft, a submitted application, or a changed kind cannot be saved", async () => {
    const { id } = await draftEstablishment(app, applicant);
    expect(await refused(SAVE, { id, declaration: {} }, other)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'id'] },
    ]);
    expect(await refused(SAVE, { id, kind: 'CHANGE' }, applicant)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'kind'] },
    ]);
    expect(await refused(SAVE, { id: gid('Enterprise', localId(id)) }, applicant)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'id'] },
    ]);
    const { id: submittedId } = await submitted(app, applicant);
    expect(await refused(SAVE, { id: submittedId, declaration: {} }, applicant)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
  });

  it("a reservation must be the applicant's own and still reserved", async () => {
    const others = await reserve(app, other);
    expect(
      await refused(SAVE, { kind: 'ESTABLISHMENT', nameReservationId: gid('NameReservation', others.id) }, applicant),
    ).toEqual([{ code: 'NOT_FOUND', field: ['input', 'nameReservationId'] }]);
    const mine = await reserve(app, applicant);
    app.clock.set('2027-03-01T09:00:00+08:00');
    try {
      expect(
        await refused(SAVE, { kind: 'ESTABLISHMENT', nameReservationId: gid('NameReservation', mine.id) }, applicant),
      ).toEqual([{ code: 'INVALID_STATE', field: ['input', 'nameReservationId'] }]);
    } finally {
      app.clock.set('2026-11-26T09:00:00+08:00');
    }
  });

  it('details belong to their kind of application', async () => {
    const confirmed = await establish(app, applicant, official);
    const reservation = await reserve(app, applicant);
    expect(
      await refused(
        SAVE,
        {
          kind: 'DEREGISTRATION',
          enterpriseId: confirmed.enterprise.id,
          nameReservationId: gid('NameReservation', reservation.id),
          declaration: {},
          changeDecidedOn: '2026-11-20',
        },
        applicant,
      ),
    ).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'nameReservationId'] },
      { code: 'INVALID_INPUT', field: ['input', 'declaration'] },
      { code: 'INVALID_INPUT', field: ['input', 'changeDecidedOn'] },
    ]);
    expect(await refused(SAVE, { kind: 'ESTABLISHMENT', deregistration: { reason: '歇业' } }, applicant)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'deregistration'] },
    ]);
  });

  it('reports every malformed item with its path and saves none of them', async () => {
    const { id } = await draftEstablishment(app, applicant);
    const bad = declaration({
      industry: 'A99',
      businessScope: 'x'.repeat(2001),
      registeredAddress: {
        district: 'SHINAN',
        zone: 'QINGDAO_FTZ',
        address: '青岛市市南区香港中路 1 号',
        postalCode: '2660',
      },
      registeredCapital: { amount: '12.345' },
      legalRepresentative: {
        name: '王海川',
        idType: 'RESIDENT_ID_CARD',
        idNumber: alteredCheckCharacter(residentId()),
        nationality: 'China',
        phone: 'call me',
      },
      investors: [
        {
          kind: 'NATURAL_PERSON',
          name: '王海川',
          idType: 'PASSPORT',
          idNumber: '?',
          country: 'CN',
          subscribedCapital: { amount: '0' },
        },
        {
          kind: 'ENTERPRISE',
          name: '某公司',
          registrationNumber: '914403001922038217',
          country: 'CN',
          subscribedCapital: { amount: '1.00' },
        },
        { kind: 'ENTERPRISE', name: '某外国公司', country: 'DE', subscribedCapital: { amount: '1.00' } },
      ],
      articlesOfAssociation: { adoptedOn: '2026-11-20', text: '  ' },
      operatingTerm: { longTerm: true, endsOn: '2046-11-25' },
      officers: [{ name: '', position: 'DIRECTOR', idType: 'HK_MACAO_PERMIT', idNumber: 'X123' }],
      liaison: { name: '张联络', phone: '', email: 'not-an-email' },
    });
    expect(await refused(SAVE, { id, declaration: bad }, applicant)).toEqual([
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'registeredCapital', 'amount'] },
      { code: 'TOO_LONG', field: ['input', 'declaration', 'businessScope'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'registeredAddress', 'postalCode'] },
      { code: 'INVALID_INPUT', field: ['input', 'declaration', 'registeredAddress', 'zone'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'legalRepresentative', 'idNumber'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'legalRepresentative', 'nationality'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'legalRepresentative', 'phone'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'investors', '0', 'idNumber'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'investors', '1', 'registrationNumber'] },
      { code: 'INVALID_INPUT', field: ['input', 'declaration', 'operatingTerm', 'endsOn'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'officers', '0', 'idNumber'] },
      { code: 'INVALID_FORMAT', field: ['input', 'declaration', 'liaison', 'email'] },
      { code: 'INVALID_INPUT', field: ['input', 'declaration', 'industry'] },
    ]);
  });

  it('saves a half-filled draft (items left blank) and reports those blanks at submission', async () => {
    const { id } = await draftEstablishment(app, applicant);
    const half = declaration({
      investors: [
        {
          kind: 'NATURAL_PERSON',
          name: '王海川',
          idType: 'RESIDENT_ID_CARD',
          idNumber: '',
          country: 'CN',
          subscribedCapital: { amount: '' },
        },
      ],
      officers: [{ name: '', position: 'EXECUTIVE_DIRECTOR', idType: 'RESIDENT_ID_CARD', idNumber: residentId() }],
      liaison: { name: '张联络', phone: '' },
    });
    const saved = payloadOf(await run(app, SAVE, { input: { id, declaration: half } }, applicant));
    expect(saved.userErrors).toEqual([]);
    expect(saved.application.id).toBe(id);
    expect(await refused(SUBMIT, { id, commitment: COMMITMENT }, applicant)).toEqual(
      expect.arrayContaining([
        { code: 'REQUIRED', field: ['input', 'declaration', 'investors', '0', 'idNumber'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'investors', '0', 'subscribedCapital', 'amount'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'officers', '0', 'name'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'liaison', 'phone'] },
      ]),
    );
  });

  it('refuses an industry code that is not a GB/T 4754-2017 division, and more than 50 investors', async () => {
    const { id } = await draftEstablishment(app, applicant);
    const investor = {
      kind: 'NATURAL_PERSON',
      name: '投资人',
      idType: 'RESIDENT_ID_CARD',
      idNumber: residentId(),
      country: 'CN',
      subscribedCapital: { amount: '1.00' },
    };
    expect(
      await refused(
        SAVE,
        { id, declaration: declaration({ industry: 'I99', investors: Array(51).fill(investor) }) },
        applicant,
      ),
    ).toEqual([
      { code: 'OUT_OF_RANGE', field: ['input', 'declaration', 'investors'] },
      { code: 'INVALID_INPUT', field: ['input', 'declaration', 'industry'] },
    ]);
  });
});

describe('submitRegistrationApplication refusals', () => {
  it('needs the current commitment, accepted and signed', async () => {
    const { id } = await draftEstablishment(app, applicant);
    expect(
      await refused(
        SUBMIT,
        { id, commitment: { termsVersion: 'REG-2020.1', accepted: false, signatoryName: ' ' } },
        applicant,
      ),
    ).toEqual([
      { code: 'COMMITMENT_REQUIRED', field: ['input', 'commitment', 'termsVersion'] },
      { code: 'COMMITMENT_REQUIRED', field: ['input', 'commitment', 'accepted'] },
      { code: 'REQUIRED', field: ['input', 'commitment', 'signatoryName'] },
    ]);
  });

  it('needs every item its legal form requires', async () => {
    const { id } = await draftEstablishment(app, applicant, {
      industry: null,
      businessScope: null,
      registeredAddress: null,
      legalRepresentative: null,
      registeredCapital: null,
      investors: null,
      articlesOfAssociation: null,
      officers: [
        { name: '李清', position: 'SUPERVISOR', idType: 'RESIDENT_ID_CARD', idNumber: residentId('19900215', '456') },
      ],
      liaison: null,
      operatingTerm: null,
      foreignInvested: true,
    });
    expect(await refused(SUBMIT, { id, commitment: COMMITMENT }, applicant)).toEqual(
      expect.arrayContaining([
        { code: 'REQUIRED', field: ['input', 'declaration', 'industry'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'businessScope'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'registeredAddress'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'legalRepresentative'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'liaison'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'operatingTerm'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'registeredCapital'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'investors'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'articlesOfAssociation'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'officers'] },
        { code: 'REQUIRED', field: ['input', 'declaration', 'serviceAgent'] },
        { code: 'CONFLICT', field: ['input', 'declaration', 'foreignInvested'] },
      ]),
    );
  });

  it('refuses a capital the investors do not add up to, a term already over and articles adopted tomorrow', async () => {
    const { id } = await draftEstablishment(app, applicant, {
      registeredCapital: { amount: '2000000.00' },
      operatingTerm: { longTerm: false, endsOn: '2026-11-26' },
      articlesOfAssociation: { adoptedOn: '2026-11-27', text: '章程' },
    });
    expect(await refused(SUBMIT, { id, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'declaration', 'investors'] },
      { code: 'OUT_OF_RANGE', field: ['input', 'declaration', 'operatingTerm', 'endsOn'] },
      { code: 'OUT_OF_RANGE', field: ['input', 'declaration', 'articlesOfAssociation', 'adoptedOn'] },
    ]);
  });

  it('refuses a declaration that contradicts its name reservation', async () => {
    const { id } = await draftEstablishment(
      app,
      applicant,
      {
        kind: 'JOINT_STOCK_COMPANY',
        industry: 'I64',
        registeredAddress: { district: 'SHINAN', zone: 'NONE', address: '青岛市市南区香港中路 1 号' },
      },
      {},
    );
    expect(await refused(SUBMIT, { id, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'CONFLICT', field: ['input', 'declaration', 'kind'] },
      { code: 'CONFLICT', field: ['input', 'declaration', 'registeredAddress', 'district'] },
      { code: 'CONFLICT', field: ['input', 'declaration', 'industry'] },
    ]);
  });

  it('needs a name reservation, not used by another application in progress', async () => {
    const draft = payloadOf(
      await run(app, SAVE, { input: { kind: 'ESTABLISHMENT', declaration: declaration() } }, applicant),
    );
    expect(await refused(SUBMIT, { id: draft.application.id, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'REQUIRED', field: ['input', 'nameReservationId'] },
    ]);
    const first = await submitted(app, applicant);
    const second = payloadOf(
      await run(
        app,
        SAVE,
        {
          input: {
            kind: 'ESTABLISHMENT',
            nameReservationId: gid('NameReservation', first.reservation.id),
            declaration: declaration(),
          },
        },
        applicant,
      ),
    );
    expect(await refused(SUBMIT, { id: second.application.id, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'CONFLICT', field: ['input', 'nameReservationId'] },
    ]);
  });

  it('cannot submit twice', async () => {
    const { id } = await submitted(app, applicant);
    expect(await refused(SUBMIT, { id, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
  });

  it('a change: dated, not in the future, changing something, with no other application in progress', async () => {
    const confirmed = await establish(app, applicant, official);
    const save = async (input: Record<string, unknown>) => {
      const data = payloadOf(
        await run(app, SAVE, { input: { kind: 'CHANGE', enterpriseId: confirmed.enterprise.id, ...input } }, applicant),
      );
      expect(data.userErrors).toEqual([]);
      return data.application.id as string;
    };
    const unchanged = await save({ changeDecidedOn: '2026-10-26' });
    expect(await refused(SUBMIT, { id: unchanged, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'declaration'] },
    ]);
    const undated = await save({ declaration: declaration({ businessScope: '软件开发' }) });
    expect(await refused(SUBMIT, { id: undated, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'REQUIRED', field: ['input', 'changeDecidedOn'] },
    ]);
    const future = await save({
      declaration: declaration({ businessScope: '软件开发' }),
      changeDecidedOn: '2026-11-27',
    });
    expect(await refused(SUBMIT, { id: future, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'OUT_OF_RANGE', field: ['input', 'changeDecidedOn'] },
    ]);

    const first = await save({
      declaration: declaration({ businessScope: '软件开发' }),
      changeDecidedOn: '2026-10-27',
    });
    expect(
      payloadOf(await run(app, SUBMIT, { input: { id: first, commitment: COMMITMENT } }, applicant)).userErrors,
    ).toEqual([]);
    const second = await save({
      declaration: declaration({ businessScope: '数据处理' }),
      changeDecidedOn: '2026-11-20',
    });
    expect(await refused(SUBMIT, { id: second, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'CONFLICT', field: ['input', 'enterpriseId'] },
    ]);
  });

  it('条例 Art. 33: a deregistration needs a reason, and a 20-day public notice on the platform first (simplified) or the liquidation date (ordinary)', async () => {
    const confirmed = await establish(app, applicant, official);
    const save = async (deregistration: Record<string, unknown>) => {
      const data = payloadOf(
        await run(
          app,
          SAVE,
          { input: { kind: 'DEREGISTRATION', enterpriseId: confirmed.enterprise.id, deregistration } },
          applicant,
        ),
      );
      expect(data.userErrors).toEqual([]);
      return data.application.id as string;
    };
    const simplified = await save({ simplified: true, publicNoticeFrom: '2026-11-07' });
    expect(await refused(SUBMIT, { id: simplified, commitment: DEREG_COMMITMENT }, applicant)).toEqual([
      { code: 'REQUIRED', field: ['input', 'deregistration', 'reason'] },
      { code: 'REQUIRED', field: ['input', 'deregistration', 'simplified'] },
    ]);
    const noNotice = await save({ reason: '决定解散', simplified: true });
    expect(await refused(SUBMIT, { id: noNotice, commitment: DEREG_COMMITMENT }, applicant)).toEqual([
      { code: 'REQUIRED', field: ['input', 'deregistration', 'simplified'] },
    ]);
    const ordinary = await save({ reason: '决定解散', simplified: false });
    expect(await refused(SUBMIT, { id: ordinary, commitment: DEREG_COMMITMENT }, applicant)).toEqual([
      { code: 'REQUIRED', field: ['input', 'deregistration', 'liquidationCompletedOn'] },
    ]);
    const wrongTerms = await save({ reason: '决定解散', simplified: true, publicNoticeFrom: '2026-11-06' });
    expect(await refused(SUBMIT, { id: wrongTerms, commitment: COMMITMENT }, applicant)).toEqual([
      { code: 'COMMITMENT_REQUIRED', field: ['input', 'commitment', 'termsVersion'] },
      { code: 'REQUIRED', field: ['input', 'deregistration', 'simplified'] },
    ]);
  });
});

describe('decision refusals', () => {
  it('officials never see drafts; a decided application cannot be decided or withdrawn again', async () => {
    const { id: draft } = await draftEstablishment(app, applicant);
    expect(await refused(CONFIRM, { id: draft }, official)).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
    const confirmed = await establish(app, applicant, official);
    for (const [query, input] of [
      [CONFIRM, { id: confirmed.id }],
      [REJECT, { id: confirmed.id, reasons: ['重复'] }],
      [CORRECT, { id: confirmed.id, items: [{ field: ['declaration', 'businessScope'], message: '补正' }] }],
    ] as const) {
      expect(await refused(query, input, official)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'id'] }]);
    }
    expect(await refused(WITHDRAW, { id: confirmed.id }, applicant)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
  });

  it('规定 Art. 18: a reservation that lapsed before the application was submitted cannot be used', async () => {
    const { id } = await draftEstablishment(app, applicant);
    app.clock.set('2027-03-01T09:00:00+08:00');
    try {
      expect(await refused(SUBMIT, { id, commitment: COMMITMENT }, applicant)).toEqual([
        { code: 'INVALID_STATE', field: ['input', 'nameReservationId'] },
      ]);
    } finally {
      app.clock.set('2026-11-26T09:00:00+08:00');
    }
  });

  it('a rejection needs reasons, each at most 500 characters', async () => {
    const { id } = await submitted(app, applicant);
    expect(await refused(REJECT, { id, reasons: [] }, official)).toEqual([
      { code: 'REQUIRED', field: ['input', 'reasons'] },
    ]);
    expect(await refused(REJECT, { id, reasons: ['  '] }, official)).toEqual([
      { code: 'REQUIRED', field: ['input', 'reasons'] },
    ]);
    expect(await refused(REJECT, { id, reasons: ['x'.repeat(501)] }, official)).toEqual([
      { code: 'TOO_LONG', field: ['input', 'reasons'] },
    ]);
  });

  it('a correction notice names declared items, each once, each with a message', async () => {
    const { id } = await submitted(app, applicant);
    expect(await refused(CORRECT, { id, items: [] }, official)).toEqual([
      { code: 'REQUIRED', field: ['input', 'items'] },
    ]);
    expect(
      await refused(
        CORRECT,
        {
          id,
          items: [
            { field: ['declaration', 'favouriteColour'], message: '?' },
            { field: ['deregistration', 'reason'], message: '?' },
            { field: ['declaration', 'businessScope'], message: '请规范表述' },
            { field: ['declaration', 'businessScope'], message: '重复' },
            { field: ['declaration', 'liaison'], message: ' ' },
          ],
        },
        official,
      ),
    ).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'items', '0', 'field'] },
      { code: 'INVALID_INPUT', field: ['input', 'items', '1', 'field'] },
      { code: 'INVALID_INPUT', field: ['input', 'items', '3', 'field'] },
      { code: 'REQUIRED', field: ['input', 'items', '4', 'message'] },
    ]);
  });

  it('an extension: only on the 3-working-day track, only once, with a reason', async () => {
    const { id: sameDay } = await submitted(app, applicant);
    expect(await refused(EXTEND, { id: sameDay, reason: '需要核实' }, official)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'id'] },
    ]);
    const { id } = await submitted(
      app,
      applicant,
      { foreignInvested: true, serviceAgent: FTZ_AGENT },
      { foreignInvested: true },
    );
    expect(await refused(EXTEND, { id, reason: '  ' }, official)).toEqual([
      { code: 'REQUIRED', field: ['input', 'reason'] },
    ]);
    expect(await refused(APPROVE_EXTENSION, { id }, official)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
    expect(
      payloadOf(await run(app, EXTEND, { input: { id, reason: '需要核实外国投资者资格' } }, official)).userErrors,
    ).toEqual([]);
    expect(await refused(EXTEND, { id, reason: '再次申请' }, official)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
    expect(payloadOf(await run(app, APPROVE_EXTENSION, { input: { id } }, secondOfficial)).userErrors).toEqual([]);
    expect(await refused(EXTEND, { id, reason: '再次延长' }, official)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
  });

  it('条例 Art. 19: the official who asked for an extension cannot approve it', async () => {
    const { id } = await submitted(
      app,
      applicant,
      { foreignInvested: true, serviceAgent: FTZ_AGENT },
      { foreignInvested: true },
    );
    expect(
      payloadOf(await run(app, EXTEND, { input: { id, reason: '需要核实外国投资者资格' } }, official)).userErrors,
    ).toEqual([]);
    expect(await refused(APPROVE_EXTENSION, { id }, official)).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'id'] },
    ]);
  });

  it('a deregistration is confirmed only once every department has cleared it', async () => {
    const confirmed = await establish(app, applicant, official);
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
    expect(
      payloadOf(await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant)).userErrors,
    ).toEqual([]);
    expect(payloadOf(await run(app, CLEAR, { input: { id, outcome: 'CLEARED' } }, tax)).userErrors).toEqual([]);
    expect(await refused(CONFIRM, { id }, official)).toEqual([{ code: 'NOT_ALLOWED', field: ['input', 'id'] }]);
  });
});

describe('recordDeregistrationClearance refusals', () => {
  it('only for an open deregistration; blocking needs what is owed; a clearance is final', async () => {
    const { id: establishment } = await submitted(app, applicant);
    expect(await refused(CLEAR, { id: establishment, outcome: 'CLEARED' }, tax)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'id'] },
    ]);

    const confirmed = await establish(app, applicant, official);
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
    expect(await refused(CLEAR, { id, outcome: 'CLEARED' }, tax)).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'id'] },
    ]);
    expect(
      payloadOf(await run(app, SUBMIT, { input: { id, commitment: DEREG_COMMITMENT } }, applicant)).userErrors,
    ).toEqual([]);
    expect(await refused(CLEAR, { id, outcome: 'BLOCKED' }, tax)).toEqual([
      { code: 'REQUIRED', field: ['input', 'note'] },
    ]);
    expect(payloadOf(await run(app, CLEAR, { input: { id, outcome: 'CLEARED' } }, tax)).userErrors).toEqual([]);
    expect(await refused(CLEAR, { id, outcome: 'BLOCKED', note: '欠税' }, tax)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'outcome'] },
    ]);
    expect(payloadOf(await run(app, WITHDRAW, { input: { id } }, applicant)).userErrors).toEqual([]);
    const social = await createUser(app, { role: 'OFFICIAL', department: 'SOCIAL_INSURANCE' });
    expect(await refused(CLEAR, { id, outcome: 'CLEARED' }, social)).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
  });
});
