import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../helpers/app.js';
import { EnterpriseName } from '../../src/modules/names/index.js';
import { BusinessLicence, Enterprise } from '../../src/modules/registration/registration.entity.js';
import { AuditEvent } from '../../src/shared/audit/audit.entity.js';
import { Notification } from '../../src/shared/notifications/notification.entity.js';
import { expectFeedEvent } from '../helpers/event-feed.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { createEnterprise } from '../financing/helpers.js';
import { establish, localId, run } from '../registration/helpers.js';
import { CLOSE, DRAW, FINDING, PUBLIC_NOTICE, REVOKE, nothingWritten } from './helpers.js';

// Random inspection (双随机) and revocation, through the API: the draw is reproducible from its
// recorded seed; a false declaration leads to a notice with a deadline in working days (or a 45-day
// public notice where the enterprise cannot be reached), then revocation, public, with the licence
// cancelled and the name released. Each test works on its own day, so its window holds only its own
// enterprises.

let app: TestApp;
let applicant: TestUser;
/** Every market-regulation official of this database (the roster the draws pick from), by user id. */
const officials = new Map<string, TestUser>();
let registrar: TestUser;

beforeAll(async () => {
  app = await TestApp.start();
  applicant = await createUser(app, { role: 'APPLICANT' });
  for (let i = 0; i < 3; i++) {
    const official = await createUser(app, { role: 'OFFICIAL', department: 'MARKET_REGULATION' });
    officials.set(official.user.id, official);
  }
  registrar = [...officials.values()][0]!;
});
afterAll(async () => {
  await app?.stop();
});

async function enterprisesOn(day: string, count: number): Promise<{ id: string; name: string }[]> {
  app.clock.set(`${day}T10:00:00+08:00`);
  const list = [];
  for (let i = 0; i < count; i++) list.push((await establish(app, applicant, registrar)).enterprise);
  return list;
}

async function draw(input: Record<string, unknown>, by = registrar) {
  const payload = (await run(app, DRAW, { input }, by)).drawInspectionSample;
  return payload as { sample: any; userErrors: { code: string; field: string[]; message: string }[] };
}

/** The inspection of `enterpriseId` in a sample and the official drawn to inspect it. */
function inspectionOf(sample: any, enterpriseId: string): { id: string; inspector: TestUser } {
  const node = sample.inspections.edges.map((e: any) => e.node).find((n: any) => n.enterprise.id === enterpriseId);
  return { id: node.id, inspector: officials.get(localId(node.inspectors[0].id))! };
}

async function falseDeclaration(day: string) {
  const [enterprise] = await enterprisesOn(day, 1);
  const drawn = await draw({ confirmedFrom: day, confirmedTo: day, sampleSize: 10, inspectorsPerEnterprise: 1 });
  expect(drawn.userErrors).toEqual([]);
  const inspection = inspectionOf(drawn.sample, enterprise!.id);
  const recorded = (
    await run(
      app,
      FINDING,
      { input: { id: inspection.id, finding: 'FALSE_DECLARATION', note: '住所系虚假地址，实地无此门牌' } },
      inspection.inspector,
    )
  ).recordInspectionFinding;
  expect(recorded.userErrors).toEqual([]);
  return { enterprise: enterprise!, inspection, proceeding: recorded.inspection.proceeding };
}

const PUBLIC = /* GraphQL */ `
  query ($id: ID!) {
    enterprise(id: $id) {
      status
      licence {
        number
      }
      revocation {
        status
        revokedOn
        revocationReason
        ground
        publicNoticeUntil
      }
    }
    enterpriseRevocations(first: 100) {
      edges {
        node {
          id
          status
          revokedOn
          revocationReason
          ground
          answerBy
          enterprise {
            id
          }
        }
      }
    }
  }
`;

describe('drawing an inspection sample', () => {
  it('draws the same enterprises and inspectors again from the same seed, records the seed, and another seed draws others', async () => {
    const day = '2026-11-02';
    const enterprises = await enterprisesOn(day, 6);
    const input = {
      confirmedFrom: day,
      confirmedTo: day,
      sampleSize: 3,
      inspectorsPerEnterprise: 2,
      seed: 'QD-2026-11',
    };
    const first = await draw(input);
    const second = await draw(input);
    expect(first.userErrors).toEqual([]);
    const picked = (sample: any) =>
      sample.inspections.edges.map((e: any) => [e.node.enterprise.id, e.node.inspectors.map((u: any) => u.id)]);
    expect(picked(second.sample)).toEqual(picked(first.sample));
    expect(first.sample).toMatchObject({
      seed: 'QD-2026-11',
      populationSize: 6,
      rosterSize: 3,
      reproducible: true,
      inspections: { totalCount: 3 },
    });
    expect(second.sample.number).not.toBe(first.sample.number);
    for (const [enterpriseId, inspectors] of picked(first.sample)) {
      expect(enterprises.map((e) => e.id)).toContain(enterpriseId);
      expect(new Set(inspectors).size).toBe(2);
    }
    const audit = await app
      .em()
      .findOneOrFail(AuditEvent, { action: 'supervision.drawSample', subjectId: localId(first.sample.id) });
    expect(audit.details).toMatchObject({ seed: 'QD-2026-11', populationSize: 6, sampleSize: 3 });

    const seeds = new Set<string>();
    for (const seed of ['a1', 'b2', 'c3', 'd4', 'e5']) {
      const other = await draw({ ...input, seed });
      seeds.add(JSON.stringify(picked(other.sample).map((p: any) => p[0])));
    }
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('chooses and records a seed when none is given', async () => {
    const day = '2026-11-06';
    await enterprisesOn(day, 2);
    const drawn = await draw({ confirmedFrom: day, confirmedTo: day, sampleSize: 1 });
    expect(drawn.userErrors).toEqual([]);
    expect(drawn.sample.seed).toMatch(/^[0-9a-f]{24}$/);
    expect(drawn.sample.inspectorsPerEnterprise).toBe(2);
    expect(drawn.sample.reproducible).toBe(true);
  });

  it('refuses bad input with a clear userError and writes nothing', async () => {
    app.clock.set('2026-11-09T10:00:00+08:00');
    const ok = { confirmedFrom: '2026-11-02', confirmedTo: '2026-11-06', sampleSize: 2, inspectorsPerEnterprise: 1 };
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ ...ok, confirmedFrom: '2026-11-07' }, 'OUT_OF_RANGE', ['input', 'confirmedFrom']],
      [{ ...ok, confirmedTo: '2026-11-10' }, 'OUT_OF_RANGE', ['input', 'confirmedTo']],
      [{ ...ok, confirmedFrom: '2025-01-01' }, 'OUT_OF_RANGE', ['input', 'confirmedFrom']],
      [{ ...ok, sampleSize: 0 }, 'OUT_OF_RANGE', ['input', 'sampleSize']],
      [{ ...ok, sampleSize: 201 }, 'OUT_OF_RANGE', ['input', 'sampleSize']],
      [{ ...ok, inspectorsPerEnterprise: 4 }, 'OUT_OF_RANGE', ['input', 'inspectorsPerEnterprise']],
      [{ ...ok, seed: 'has space' }, 'INVALID_FORMAT', ['input', 'seed']],
      [{ ...ok, confirmedFrom: '2026-10-01', confirmedTo: '2026-10-02' }, 'NOT_FOUND', ['input', 'confirmedFrom']],
    ];
    for (const [input, code, field] of cases) {
      const payload = await nothingWritten(app, () => draw(input));
      expect(
        payload.userErrors.map(({ code, field }) => ({ code, field })),
        JSON.stringify(input),
      ).toEqual([{ code, field }]);
      expect(payload.userErrors[0]!.message.length).toBeGreaterThan(3);
    }
  });
});

describe('from a false declaration to revocation', () => {
  it('issues a notice with a deadline in working days, then revokes: REVOKED, public, licence cancelled, name released', async () => {
    const { enterprise, proceeding } = await falseDeclaration('2026-11-03');
    // 10 working days after Tuesday 3 November, the day of the notice not counted.
    expect(proceeding).toMatchObject({ status: 'NOTICE_ISSUED', noticeIssuedOn: '2026-11-03', answerBy: '2026-11-17' });
    // The notice is about the proceeding, so that the enterprise can open it and answer.
    expect(await app.em().count(Notification, { userId: applicant.user.id, subjectId: localId(proceeding.id) })).toBe(
      1,
    );
    // Not public while the enterprise may still answer.
    const early = await run(app, PUBLIC, { id: enterprise.id });
    expect(early.enterprise.revocation).toBeNull();
    expect(early.enterpriseRevocations.edges.some((e: any) => e.node.id === proceeding.id)).toBe(false);

    const tooEarly = await nothingWritten(
      app,
      async () =>
        (await run(app, REVOKE, { input: { id: proceeding.id, reason: '提交虚假材料取得登记' } }, registrar))
          .revokeEnterpriseRegistration,
    );
    expect(tooEarly.userErrors.map((e: any) => e.code)).toEqual(['INVALID_STATE']);
    expect(tooEarly.userErrors[0].message).toContain('2026-11-17');

    app.clock.set('2026-11-18T09:00:00+08:00');
    const revoked = (
      await run(app, REVOKE, { input: { id: proceeding.id, reason: '提交虚假材料取得登记' } }, registrar)
    ).revokeEnterpriseRegistration;
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.proceeding).toMatchObject({
      status: 'REVOKED',
      revokedOn: '2026-11-18',
      revocationReason: '提交虚假材料取得登记',
      enterprise: { status: 'REVOKED' },
    });

    const publicView = await run(app, PUBLIC, { id: enterprise.id });
    expect(publicView.enterprise).toMatchObject({
      status: 'REVOKED',
      revocation: {
        status: 'REVOKED',
        revokedOn: '2026-11-18',
        revocationReason: '提交虚假材料取得登记',
        ground: null,
      },
    });
    const listed = publicView.enterpriseRevocations.edges.find((e: any) => e.node.id === proceeding.id);
    expect(listed.node).toMatchObject({ status: 'REVOKED', ground: null, answerBy: null });
    const licences = await app.em().find(BusinessLicence, { enterprise: localId(enterprise.id) });
    expect(licences.length).toBeGreaterThan(0);
    expect(licences.every((l) => l.status === 'CANCELLED')).toBe(true);
    const names = await app.em().find(EnterpriseName, { enterpriseId: localId(enterprise.id) });
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name.status).toBe('RELEASED');
      expect(name.protectedUntil?.toISOString().slice(0, 4)).toBe('2027');
    }
    const actions = (await app.em().find(AuditEvent, { action: { $like: 'supervision.%' } })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['supervision.recordFinding', 'supervision.issueNotice', 'supervision.revoke']),
    );
    expect(await app.em().count(AuditEvent, { action: 'enterprise.revoke', subjectId: localId(enterprise.id) })).toBe(
      1,
    );

    const again = await nothingWritten(
      app,
      async () =>
        (await run(app, REVOKE, { input: { id: proceeding.id, reason: '再次撤销' } }, registrar))
          .revokeEnterpriseRegistration,
    );
    expect(again.userErrors.map((e: any) => e.code)).toEqual(['INVALID_STATE']);
  });

  it('puts an unreachable enterprise under a 45-day public notice, public, before revoking', async () => {
    const { enterprise, proceeding } = await falseDeclaration('2026-11-04');
    const notice = (
      await run(
        app,
        PUBLIC_NOTICE,
        { input: { id: proceeding.id, reason: '登记住所无法联系，邮寄送达被退回' } },
        registrar,
      )
    ).startRevocationPublicNotice;
    expect(notice.userErrors).toEqual([]);
    expect(notice.proceeding).toMatchObject({
      status: 'PUBLIC_NOTICE',
      publicNoticeFrom: '2026-11-04',
      publicNoticeUntil: '2026-12-19',
      publicNoticeReason: '登记住所无法联系，邮寄送达被退回',
    });
    const publicView = await run(app, PUBLIC, { id: enterprise.id });
    expect(publicView.enterprise.revocation).toMatchObject({
      status: 'PUBLIC_NOTICE',
      publicNoticeUntil: '2026-12-19',
    });
    expect(publicView.enterpriseRevocations.edges.some((e: any) => e.node.id === proceeding.id)).toBe(true);
    // Public from now on, and so in every reader's event feed, once.
    const outsider = await createUser(app, { role: 'APPLICANT' });
    await expectFeedEvent(app, 'REVOCATION_PUBLIC_NOTICE_STARTED', proceeding.id, {
      seenBy: [outsider.token, registrar.token],
      hiddenFrom: [],
    });

    app.clock.set('2026-12-19T18:00:00+08:00');
    const early = await nothingWritten(
      app,
      async () =>
        (await run(app, REVOKE, { input: { id: proceeding.id, reason: '虚假登记' } }, registrar))
          .revokeEnterpriseRegistration,
    );
    expect(early.userErrors[0].message).toContain('2026-12-19');
    app.clock.set('2026-12-20T09:00:00+08:00');
    const revoked = (await run(app, REVOKE, { input: { id: proceeding.id, reason: '虚假登记' } }, registrar))
      .revokeEnterpriseRegistration;
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.proceeding).toMatchObject({ status: 'REVOKED', revokedOn: '2026-12-20' });
  });

  it('refuses the wrong inspector, a second finding, a false declaration without what was false, and steps in the wrong state', async () => {
    const day = '2026-11-05';
    const [enterprise] = await enterprisesOn(day, 1);
    const drawn = await draw({ confirmedFrom: day, confirmedTo: day, sampleSize: 1, inspectorsPerEnterprise: 1 });
    const inspection = inspectionOf(drawn.sample, enterprise!.id);
    const other = [...officials.values()].find((o) => o !== inspection.inspector)!;
    const finding = (user: TestUser, input: Record<string, unknown>) =>
      nothingWritten(
        app,
        async () => (await run(app, FINDING, { input: { id: inspection.id, ...input } }, user)).recordInspectionFinding,
      );
    const codes = (payload: any) => payload.userErrors.map((e: any) => ({ code: e.code, field: e.field }));
    expect(codes(await finding(other, { finding: 'COMPLIANT' }))).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'id'] },
    ]);
    expect(codes(await finding(inspection.inspector, { finding: 'FALSE_DECLARATION', note: '  ' }))).toEqual([
      { code: 'REQUIRED', field: ['input', 'note'] },
    ]);
    const compliant = (
      await run(app, FINDING, { input: { id: inspection.id, finding: 'COMPLIANT' } }, inspection.inspector)
    ).recordInspectionFinding;
    expect(compliant.userErrors).toEqual([]);
    expect(compliant.inspection).toMatchObject({ status: 'COMPLETED', finding: 'COMPLIANT', proceeding: null });
    expect(codes(await finding(inspection.inspector, { finding: 'DEFECTS_CORRECTED' }))).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);

    const { proceeding } = await falseDeclaration('2026-11-10');
    const step = (query: string, input: Record<string, unknown>) =>
      nothingWritten(app, async () => Object.values(await run(app, query, { input }, registrar))[0] as any);
    expect(codes(await step(CLOSE, { id: proceeding.id, reason: ' ' }))).toEqual([
      { code: 'REQUIRED', field: ['input', 'reason'] },
    ]);
    expect(codes(await step(REVOKE, { id: 'bm9wZQ', reason: '虚假登记' }))).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'id'] },
    ]);
    const closed = (
      await run(app, CLOSE, { input: { id: proceeding.id, reason: '企业提交产权证明，住所属实' } }, registrar)
    ).closeRevocationProceeding;
    expect(closed.proceeding).toMatchObject({
      status: 'CLOSED',
      closedReason: '企业提交产权证明，住所属实',
      enterprise: { status: 'ACTIVE' },
    });
    app.clock.set('2026-12-30T09:00:00+08:00');
    for (const query of [REVOKE, CLOSE, PUBLIC_NOTICE])
      expect(codes(await step(query, { id: proceeding.id, reason: '虚假登记' }))).toEqual([
        { code: 'INVALID_STATE', field: ['input', 'id'] },
      ]);
  });
});

describe('the desk lists in a fixed number of statements', () => {
  const SAMPLES = /* GraphQL */ `
    query ($first: Int!) {
      inspectionSamples(first: $first) {
        edges { node { id reproducible drawnByName ${'inspections(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { node { id finding assignedToMe enterprise { id name uscc status } inspectors { id displayName } proceeding { id status } } } }'} } }
      }
    }
  `;
  const PROCEEDINGS = /* GraphQL */ `
    query ($first: Int!) {
      revocationProceedings(first: $first) {
        edges {
          node {
            id
            status
            ground
            answerBy
            revocable
            enterprise {
              id
              name
              uscc
              status
            }
            inspection {
              id
              finding
              findingNote
              recordedByName
              sample {
                number
              }
              enterprise {
                id
              }
              inspectors {
                displayName
              }
            }
          }
        }
      }
    }
  `;

  /** 20 enterprises confirmed on one day, drawn 3 times; every inspection of the last draw finds a false declaration. */
  async function twentyProceedings() {
    const day = '2026-10-20';
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await createEnterprise(app, applicant)).id);
    await app.em().nativeUpdate(Enterprise, { id: { $in: ids } }, { establishedOn: day });
    app.clock.set('2027-01-05T10:00:00+08:00');
    let last: any;
    for (const seed of ['n1', 'n2', 'n3']) {
      last = await draw({ confirmedFrom: day, confirmedTo: day, sampleSize: 20, inspectorsPerEnterprise: 1, seed });
      expect(last.userErrors).toEqual([]);
      app.clock.advance(60_000);
    }
    for (const edge of last.sample.inspections.edges) {
      const inspector = officials.get(localId(edge.node.inspectors[0].id))!;
      const input = { id: edge.node.id, finding: 'FALSE_DECLARATION', note: '经营场所虚假' };
      expect((await run(app, FINDING, { input }, inspector)).recordInspectionFinding.userErrors).toEqual([]);
    }
  }

  async function statements(query: string, first: number, rowsOf: (data: any) => any[]) {
    let rows: any[] = [];
    const sql = await app.countQueries(async () => {
      rows = rowsOf(await run(app, query, { first }, registrar));
    });
    expect(rows).toHaveLength(first);
    return { count: sql.length, rows };
  }

  it('samples with their inspections, enterprises, inspectors and proceedings: as many statements for 1 sample as for 3', async () => {
    await twentyProceedings();
    const rowsOf = (data: any) => data.inspectionSamples.edges.map((e: any) => e.node);
    await statements(SAMPLES, 1, rowsOf); // caches loaded on first use are not counted
    const one = await statements(SAMPLES, 1, rowsOf);
    const three = await statements(SAMPLES, 3, rowsOf);
    for (const sample of three.rows) {
      expect(sample.inspections.totalCount).toBe(20);
      expect(sample.inspections.edges).toHaveLength(20);
    }
    expect(three.rows[0].inspections.edges.every((e: any) => e.node.proceeding?.status === 'NOTICE_ISSUED')).toBe(true);
    console.info(`inspectionSamples: ${one.count} statements for 1 sample, ${three.count} for 3 (60 inspections)`);
    expect(three.count).toBe(one.count);
  });

  it('a sample’s first page of inspections hands out cursors the next page turns through', async () => {
    const data = await run(
      app,
      SAMPLES.replace('inspections(first: 100)', 'inspections(first: 7)'),
      { first: 1 },
      registrar,
    );
    const page = data.inspectionSamples.edges[0].node.inspections;
    expect(page).toMatchObject({ totalCount: 20, pageInfo: { hasNextPage: true } });
    const next = await run(
      app,
      `query ($id: ID!, $after: String) { node(id: $id) { ... on InspectionSample { inspections(first: 100, after: $after) { edges { node { id } } } } } }`,
      { id: data.inspectionSamples.edges[0].node.id, after: page.pageInfo.endCursor },
      registrar,
    );
    const ids = [...page.edges, ...next.node.inspections.edges].map((e: any) => e.node.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('proceedings with their inspection and enterprise: as many statements for 1 proceeding as for 20', async () => {
    const rowsOf = (data: any) => data.revocationProceedings.edges.map((e: any) => e.node);
    await statements(PROCEEDINGS, 1, rowsOf);
    const one = await statements(PROCEEDINGS, 1, rowsOf);
    const twenty = await statements(PROCEEDINGS, 20, rowsOf);
    for (const proceeding of twenty.rows) {
      expect(proceeding.inspection).toMatchObject({
        finding: 'FALSE_DECLARATION',
        enterprise: { id: proceeding.enterprise.id },
      });
    }
    console.info(`revocationProceedings: ${one.count} statements for 1 proceeding, ${twenty.count} for 20`);
    expect(twenty.count).toBe(one.count);
  });
});

describe('the enterprise answers a notice of intended revocation (陈述申辩)', () => {
  const ANSWER = /* GraphQL */ `
    mutation Answer($input: AnswerRevocationNoticeInput!) {
      answerRevocationNotice(input: $input) {
        proceeding {
          id
          answerable
          answer {
            statement
            evidence
            answeredAt
            answeredByName
          }
        }
        userErrors {
          code
          field
          message
        }
      }
    }
  `;
  const NOTICE = /* GraphQL */ `
    query ($id: ID!) {
      node(id: $id) {
        ... on RevocationProceeding {
          id
          status
          ground
          answerBy
          answerable
          revocable
          enterprise {
            id
          }
          answer {
            statement
            evidence
            answeredByName
          }
        }
      }
    }
  `;
  const answer = async (input: Record<string, unknown>, by: TestUser = applicant) =>
    (await run(app, ANSWER, { input }, by)).answerRevocationNotice;
  const codes = (payload: any) => payload.userErrors.map((e: any) => ({ code: e.code, field: e.field }));

  it('the enterprise reads its notice and answers within the deadline; the official sees the answer before deciding, and the inspector is told', async () => {
    const { enterprise, proceeding, inspection } = await falseDeclaration('2026-11-11');
    const seen = await run(app, NOTICE, { id: proceeding.id }, applicant);
    expect(seen.node).toMatchObject({
      status: 'NOTICE_ISSUED',
      ground: '住所系虚假地址，实地无此门牌',
      answerBy: '2026-11-25',
      answerable: true,
      revocable: false,
      enterprise: { id: enterprise.id },
      answer: null,
    });
    // The notification leads to the notice itself.
    expect(await app.em().count(Notification, { userId: applicant.user.id, subjectId: localId(proceeding.id) })).toBe(
      1,
    );

    app.clock.set('2026-11-25T20:00:00+08:00');
    const given = await answer({
      id: proceeding.id,
      statement: '  该地址系本公司租赁的办公场所，门牌已于近期更换。 ',
      evidence: '房屋租赁合同（2026-08-01 至 2029-07-31）；街道办出具的门牌变更证明。',
    });
    expect(given.userErrors).toEqual([]);
    expect(given.proceeding).toMatchObject({
      answerable: false,
      answer: {
        statement: '该地址系本公司租赁的办公场所，门牌已于近期更换。',
        evidence: '房屋租赁合同（2026-08-01 至 2029-07-31）；街道办出具的门牌变更证明。',
        answeredByName: applicant.user.displayName,
      },
    });
    const official = await run(app, NOTICE, { id: proceeding.id }, registrar);
    expect(official.node.answer).toMatchObject({ statement: '该地址系本公司租赁的办公场所，门牌已于近期更换。' });
    expect(official.node.answerable).toBe(false);
    expect(
      await app.em().count(Notification, { userId: inspection.inspector.user.id, subjectId: localId(proceeding.id) }),
    ).toBe(1);
    expect(
      await app.em().count(AuditEvent, { action: 'supervision.answerNotice', subjectId: localId(proceeding.id) }),
    ).toBe(1);

    // Once only.
    const again = await nothingWritten(app, () => answer({ id: proceeding.id, statement: '补充说明' }));
    expect(codes(again)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'id'] }]);
  });

  it('after the deadline the answer is refused with the last day, and nothing is written', async () => {
    const { proceeding } = await falseDeclaration('2026-11-12');
    app.clock.set('2026-11-27T08:00:00+08:00'); // answerBy is Thursday 26 November
    const seen = await run(app, NOTICE, { id: proceeding.id }, applicant);
    expect(seen.node).toMatchObject({ answerBy: '2026-11-26', answerable: false });
    const late = await nothingWritten(app, () => answer({ id: proceeding.id, statement: '地址属实' }));
    expect(codes(late)).toEqual([{ code: 'INVALID_STATE', field: ['input', 'id'] }]);
    expect(late.userErrors[0].message).toContain('2026-11-26');
    const english = await app.execute(
      ANSWER,
      { input: { id: proceeding.id, statement: '地址属实' } },
      { token: applicant.token, language: 'en' },
    );
    expect(english.data!.answerRevocationNotice.userErrors[0].message).toBe(
      'The time to answer ended on 2026-11-26: an answer can no longer be given.',
    );
  });

  it('refuses an empty statement, another applicant (as if the notice did not exist), and a closed proceeding; nothing is written', async () => {
    const { proceeding } = await falseDeclaration('2026-11-13');
    const stranger = await createUser(app, { role: 'APPLICANT' });
    expect(codes(await nothingWritten(app, () => answer({ id: proceeding.id, statement: ' \n ' })))).toEqual([
      { code: 'REQUIRED', field: ['input', 'statement'] },
    ]);
    expect(
      codes(await nothingWritten(app, () => answer({ id: proceeding.id, statement: '地址属实' }, stranger))),
    ).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
    expect((await run(app, NOTICE, { id: proceeding.id }, stranger)).node).toBeNull();
    const closed = (await run(app, CLOSE, { input: { id: proceeding.id, reason: '住所属实' } }, registrar))
      .closeRevocationProceeding;
    expect(closed.userErrors).toEqual([]);
    expect(codes(await nothingWritten(app, () => answer({ id: proceeding.id, statement: '地址属实' })))).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'id'] },
    ]);
  });
});
