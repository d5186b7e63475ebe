import type { MikroORM } from '@mikro-orm/postgresql';
import { shanghaiDate } from '../../shared/clock.js';
import type { PlatformDeps, RequestContext } from '../../shared/context.js';
import { District, Zone } from '../../shared/graphql/reference.types.js';
import { toGlobalId } from '../../shared/ids.js';
import { Loaders } from '../../shared/loaders.js';
import { addCalendarDays } from '../../shared/working-days.js';
import { Organisation, User, hashPassword } from '../../modules/accounts/index.js';
import { Enterprise } from '../../modules/registration/index.js';
import { Host } from '../../modules/hosting/index.js';
import { ForwardedDocumentKind, HostKind } from '../../modules/hosting/hosting.enums.js';
import * as hosting from '../../modules/hosting/hosting.service.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

// 住所托管 demo data, made through the hosting services (so every invariant holds: occupancy counts
// the active agreements, deadlines come from the calendar): host@demo.local's verified law firm with
// two addresses, one nearly full; host2@demo.local's verified accounting firm; a pending application;
// agreements in every state; forwarded items acknowledged and overdue; an unreachable report waiting
// for an official; one enterprise on the abnormal-operations list. Idempotent: skipped once any host
// exists. Needs the registration demo step first (its enterprises are the hosted ones).

const DAY = 86_400_000;

const FIRMS = [
  {
    email: 'host2@demo.local',
    displayName: '马会计',
    organisation: '青岛振青会计师事务所有限公司',
    kind: 'ACCOUNTING_FIRM' as const,
  },
  { email: 'host3@demo.local', displayName: '冯律师', organisation: '山东海纳律师事务所', kind: 'LAW_FIRM' as const },
];

function contextAs(orm: MikroORM, deps: PlatformDeps, user: User, at: Date): RequestContext {
  const loaders = new Loaders();
  const ctx: RequestContext = {
    requestId: 'demo-hosting',
    locale: 'ZH_CN',
    viewer: {
      kind: 'USER',
      userId: user.id,
      sessionId: null,
      apiKeyId: null,
      role: user.role,
      department: user.department,
      organisationId: user.organisation?.id ?? null,
      organisationAdmin: false,
      scopes: [],
      rateLimitKey: 'demo',
    },
    clientAddress: null,
    em: orm.em.fork(),
    loaders,
    deps: { ...deps, clock: { now: () => new Date(at) } },
    afterCommit: [],
  };
  loaders.bind(ctx);
  return ctx;
}

export async function loadDemoHosting(orm: MikroORM, deps: PlatformDeps): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Host, {})) > 0) return;
  const host = await em.findOne(User, { email: 'host@demo.local' }, { populate: ['organisation'] });
  const official = await em.findOne(User, { email: 'official@demo.local' });
  if (!host?.organisation || !official) return;

  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const agents: Record<string, User> = {};
  for (const firm of FIRMS) {
    const organisation =
      (await em.findOne(Organisation, { name: firm.organisation })) ??
      em.create(Organisation, { kind: firm.kind, name: firm.organisation, uscc: null, createdAt: now });
    agents[firm.email] =
      (await em.findOne(User, { email: firm.email }, { populate: ['organisation'] })) ??
      em.create(User, {
        email: firm.email,
        displayName: firm.displayName,
        passwordHash,
        role: 'HOST_AGENT',
        department: null,
        organisation,
        locale: 'ZH_CN',
        foreignInvestor: false,
        createdAt: now,
        disabledAt: null,
      });
  }
  await em.flush();
  const host2 = agents['host2@demo.local']!;
  const host3 = agents['host3@demo.local']!;

  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const as = (user: User, days: number) => contextAs(orm, deps, user, daysAgo(days));

  // The firms apply; an official verifies two of them.
  const qindao = await hosting.applyAsHost(as(host, 60), {
    name: host.organisation.name,
    kind: HostKind.LAW_FIRM,
    licenceNumber: '23702201110276543',
    uscc: '31370000MD0176548H',
    district: District.SHINAN,
    officeFloorArea: 420,
    fullTimeSecretaries: 3,
  });
  const zhenqing = await hosting.applyAsHost(as(host2, 58), {
    name: host2.organisation!.name,
    kind: HostKind.ACCOUNTING_FIRM,
    licenceNumber: '37020031',
    uscc: '91370200718038889L',
    district: District.HUANGDAO,
    officeFloorArea: 260,
    fullTimeSecretaries: 2,
  });
  await hosting.applyAsHost(as(host3, 2), {
    name: host3.organisation!.name,
    kind: HostKind.LAW_FIRM,
    licenceNumber: '23702201310298765',
    uscc: '31370000MD02987643',
    district: District.LAOSHAN,
    officeFloorArea: 150,
    fullTimeSecretaries: 1,
  });
  await hosting.verifyHost(as(official, 57), toGlobalId('Host', qindao.id));
  await hosting.verifyHost(as(official, 55), toGlobalId('Host', zhenqing.id));

  const nearlyFull = await hosting.addHostedAddress(as(host, 56), {
    address: '青岛市市南区香港中路 61 号阳光大厦 12 层 1203 室',
    district: District.SHINAN,
    zone: Zone.NONE,
    floorArea: 24,
    capacity: 6,
  });
  const ftz = await hosting.addHostedAddress(as(host, 56), {
    address: '青岛市黄岛区前湾港路 588 号自贸大厦 8 层 806 室',
    district: District.HUANGDAO,
    zone: Zone.QINGDAO_FTZ,
    floorArea: 120,
    capacity: 40,
  });
  const sco = await hosting.addHostedAddress(as(host2, 54), {
    address: '青岛市胶州市上合示范区上合大道 1 号商务中心 5 层 502 室',
    district: District.JIAOZHOU,
    zone: Zone.SCO_DEMO_ZONE,
    floorArea: 80,
    capacity: 30,
  });

  // Registered demo enterprises, the demo applicant's first, so its "my hosting" has something to show.
  const applicant = await em.findOne(User, { email: 'applicant@demo.local' });
  const actsForIt = (e: Enterprise) => !!applicant && e.agentIds.includes(applicant.id);
  const enterprises = (
    await em.find(Enterprise, { status: 'ACTIVE' }, { orderBy: { createdAt: 'asc', id: 'asc' } })
  ).sort((a, b) => Number(actsForIt(b)) - Number(actsForIt(a)));
  if (enterprises.length < 11) return;
  // Each demo enterprise has the one agent that registered it.
  const agentsById = new Map(
    (await em.find(User, { id: { $in: enterprises.flatMap((e) => e.agentIds) } })).map((u) => [u.id, u]),
  );
  const agentOf = (e: Enterprise) => agentsById.get(e.agentIds[0]!)!;
  const request = async (e: Enterprise, addressId: string, days: number) =>
    hosting.requestHosting(as(agentOf(e), days), {
      addressId: toGlobalId('HostedAddress', addressId),
      enterpriseId: toGlobalId('Enterprise', e.id),
    });
  const accept = async (agent: User, agreementId: string, days: number) =>
    hosting.acceptHostingRequest(as(agent, days), toGlobalId('HostingAgreement', agreementId));

  // Five of six places taken at the nearly full address.
  const active = [];
  for (let i = 0; i < 5; i++) {
    const agreement = await request(enterprises[i]!, nearlyFull.id, 50 - i);
    active.push(await accept(host, agreement.id, 49 - i));
  }
  // The free-trade-zone address: one active, one waiting, one refused, one terminated.
  await accept(host, (await request(enterprises[5]!, ftz.id, 40)).id, 39);
  await request(enterprises[6]!, ftz.id, 1);
  const refused = await request(enterprises[7]!, ftz.id, 30);
  await hosting.refuseHostingRequest(
    as(host, 29),
    toGlobalId('HostingAgreement', refused.id),
    '经营范围涉及危险化学品，本所不提供托管',
  );
  const ended = await request(enterprises[8]!, ftz.id, 45);
  await accept(host, ended.id, 44);
  await hosting.terminateHosting(
    as(agentOf(enterprises[8]!), 10),
    toGlobalId('HostingAgreement', ended.id),
    '企业已租赁自有办公场所',
  );
  // The accounting firm hosts one.
  await accept(host2, (await request(enterprises[9]!, sco.id, 20)).id, 19);

  // Forwarded items: one acknowledged, one overdue (both for the first, the demo applicant's, enterprise).
  const first = enterprises[0]!;
  const today = shanghaiDate(now);
  const acknowledged = await hosting.logDocumentForwarding(as(host, 8), {
    enterpriseId: toGlobalId('Enterprise', first.id),
    sender: '国家税务总局青岛市市南区税务局',
    kind: ForwardedDocumentKind.OFFICIAL_DOCUMENT,
    receivedOn: addCalendarDays(today, -9),
    forwardedOn: addCalendarDays(today, -8),
    trackingNumber: 'EMS9812345678',
  });
  await hosting.acknowledgeForwarding(as(agentOf(first), 7), toGlobalId('DocumentForwarding', acknowledged.id));
  await hosting.logDocumentForwarding(as(host, 16), {
    enterpriseId: toGlobalId('Enterprise', first.id),
    sender: '青岛市市场监督管理局',
    kind: ForwardedDocumentKind.LETTER,
    receivedOn: addCalendarDays(today, -17),
    forwardedOn: addCalendarDays(today, -16),
    trackingNumber: 'SF1402345678901',
  });
  await hosting.logDocumentForwarding(as(host, 0), {
    enterpriseId: toGlobalId('Enterprise', active[1]!.enterpriseId!),
    sender: '青岛市人力资源和社会保障局',
    kind: ForwardedDocumentKind.OFFICIAL_DOCUMENT,
    receivedOn: today,
    forwardedOn: today,
    trackingNumber: null,
  });

  // An unreachable report waiting for an official, and one enterprise already on the abnormal list.
  await hosting.reportEnterpriseUnreachable(as(host, 3), {
    enterpriseId: toGlobalId('Enterprise', enterprises[3]!.id),
    attempts: '11 月 2 日、9 日致电法定代表人未接通；11 月 12 日挂号信被退回（查无此人）。',
  });
  const listed = await hosting.reportEnterpriseUnreachable(as(host, 25), {
    enterpriseId: toGlobalId('Enterprise', enterprises[4]!.id),
    attempts: '连续三周电话无人接听，寄送的税务文书两次被退回。',
  });
  await hosting.listEnterpriseAsAbnormal(as(official, 20), {
    reportId: toGlobalId('UnreachableReport', listed.id),
    reason: '通过登记的住所或者经营场所无法联系',
    authority: '青岛市市南区市场监督管理局',
  });
}
