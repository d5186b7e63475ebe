import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps, RequestContext } from '../../shared/context.js';
import { Loaders } from '../../shared/loaders.js';
import { toGlobalId } from '../../shared/ids.js';
import { addCalendarDays } from '../../shared/working-days.js';
import { shanghaiDate } from '../../shared/clock.js';
import { User, hashPassword } from '../../modules/accounts/index.js';
import { reserveName } from '../../modules/names/reservations.service.js';
import { namesReference } from '../../modules/names/reference.service.js';
import type { NameReservation } from '../../modules/names/index.js';
import { RegistrationApplication } from '../../modules/registration/index.js';
import type { Declaration } from '../../modules/registration/registration.declaration.js';
import type { DistrictValue, ZoneValue } from '../../modules/registration/registration.entity.js';
import * as registration from '../../modules/registration/registration.service.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

// Registration demo data, made through the module's own services (so credit codes, licences, names,
// history, audit and notifications are all real): a few dozen confirmed enterprises across the
// districts and the FTZ, and applications in every state for the official's queue. Idempotent: skipped
// once the demo applicant has applications.

type District = DistrictValue;
type Zone = ZoneValue;

interface DemoEnterprise {
  trade: string;
  industryWord: string;
  industry: string;
  district: District;
  zone: Zone;
  capitalYuan: number;
  scope: string;
  representative: string;
}

// Trade names and industries chosen to pass the names rules and not to clash with each other.
const ENTERPRISES: DemoEnterprise[] = [
  {
    trade: '海川',
    industryWord: '智能科技',
    industry: 'I65',
    district: 'HUANGDAO',
    zone: 'QINGDAO_FTZ',
    capitalYuan: 5_000_000,
    scope: '人工智能应用软件开发；信息技术咨询服务',
    representative: '王海川',
  },
  {
    trade: '瑞丰',
    industryWord: '经贸',
    industry: 'F51',
    district: 'HUANGDAO',
    zone: 'QINGDAO_FTZ',
    capitalYuan: 10_000_000,
    scope: '货物进出口；技术进出口；国内贸易代理',
    representative: '刘瑞丰',
  },
  {
    trade: '德源',
    industryWord: '冷链物流',
    industry: 'G59',
    district: 'HUANGDAO',
    zone: 'QINGDAO_FTZ',
    capitalYuan: 8_000_000,
    scope: '低温仓储；道路货物运输；国际货物运输代理',
    representative: '赵德源',
  },
  {
    trade: '鑫宏',
    industryWord: '船务',
    industry: 'G55',
    district: 'HUANGDAO',
    zone: 'QINGDAO_FTZ',
    capitalYuan: 20_000_000,
    scope: '国际船舶代理；无船承运业务',
    representative: '孙鑫宏',
  },
  {
    trade: '博达',
    industryWord: '医疗器械',
    industry: 'C35',
    district: 'HUANGDAO',
    zone: 'QINGDAO_FTZ',
    capitalYuan: 3_000_000,
    scope: '第二类医疗器械销售；医疗设备租赁',
    representative: '钱博达',
  },
  {
    trade: '嘉盛',
    industryWord: '融资租赁',
    industry: 'J69',
    district: 'HUANGDAO',
    zone: 'QINGDAO_FTZ',
    capitalYuan: 50_000_000,
    scope: '融资租赁业务；租赁业务',
    representative: '周嘉盛',
  },
  {
    trade: '恒益',
    industryWord: '海洋科技',
    industry: 'M75',
    district: 'HUANGDAO',
    zone: 'NONE',
    capitalYuan: 2_000_000,
    scope: '海洋工程技术研发；技术服务',
    representative: '吴恒益',
  },
  {
    trade: '澜岳',
    industryWord: '酒店管理',
    industry: 'H61',
    district: 'SHINAN',
    zone: 'NONE',
    capitalYuan: 1_000_000,
    scope: '酒店管理；住宿服务',
    representative: '郑澜岳',
  },
  {
    trade: '朗晟',
    industryWord: '文化传媒',
    industry: 'R87',
    district: 'SHINAN',
    zone: 'NONE',
    capitalYuan: 500_000,
    scope: '组织文化艺术交流活动；广告设计、代理',
    representative: '冯朗晟',
  },
  {
    trade: '钧琪',
    industryWord: '咨询',
    industry: 'L72',
    district: 'SHINAN',
    zone: 'NONE',
    capitalYuan: 300_000,
    scope: '企业管理咨询；财务咨询',
    representative: '陈钧琪',
  },
  {
    trade: '璟煜',
    industryWord: '餐饮管理',
    industry: 'H62',
    district: 'SHIBEI',
    zone: 'NONE',
    capitalYuan: 600_000,
    scope: '餐饮服务；餐饮管理',
    representative: '褚璟煜',
  },
  {
    trade: '聚源',
    industryWord: '水产',
    industry: 'A04',
    district: 'PINGDU',
    zone: 'NONE',
    capitalYuan: 800_000,
    scope: '水产养殖；水产品批发',
    representative: '曹聚源',
  },
  {
    trade: '蓝湾',
    industryWord: '食品',
    industry: 'C14',
    district: 'SHIBEI',
    zone: 'NONE',
    capitalYuan: 1_500_000,
    scope: '食品生产；食品销售',
    representative: '蒋蓝湾',
  },
  {
    trade: '金潮',
    industryWord: '电子科技',
    industry: 'C39',
    district: 'LAOSHAN',
    zone: 'NONE',
    capitalYuan: 10_000_000,
    scope: '电子元器件制造；集成电路设计',
    representative: '沈金潮',
  },
  {
    trade: '远帆',
    industryWord: '生物医药',
    industry: 'C27',
    district: 'LAOSHAN',
    zone: 'NONE',
    capitalYuan: 30_000_000,
    scope: '药品研发；生物化工产品技术研发',
    representative: '韩远帆',
  },
  {
    trade: '暖阳',
    industryWord: '花卉',
    industry: 'A01',
    district: 'LAIXI',
    zone: 'NONE',
    capitalYuan: 400_000,
    scope: '花卉种植；园艺产品销售',
    representative: '华暖阳',
  },
  {
    trade: '禾丰',
    industryWord: '农业科技',
    industry: 'A01',
    district: 'LICANG',
    zone: 'NONE',
    capitalYuan: 2_000_000,
    scope: '农业科学研究和试验发展；蔬菜种植',
    representative: '朱禾丰',
  },
  {
    trade: '云帆',
    industryWord: '装饰工程',
    industry: 'E50',
    district: 'LICANG',
    zone: 'NONE',
    capitalYuan: 1_000_000,
    scope: '住宅室内装饰装修；建筑装饰材料销售',
    representative: '秦云帆',
  },
  {
    trade: '星辰',
    industryWord: '新能源',
    industry: 'D44',
    district: 'CHENGYANG',
    zone: 'NONE',
    capitalYuan: 20_000_000,
    scope: '太阳能发电技术服务；储能技术服务',
    representative: '尤星辰',
  },
  {
    trade: '海纳',
    industryWord: '轨道交通',
    industry: 'C37',
    district: 'CHENGYANG',
    zone: 'NONE',
    capitalYuan: 50_000_000,
    scope: '城市轨道交通设备制造；铁路机车车辆配件制造',
    representative: '许海纳',
  },
  {
    trade: '百川',
    industryWord: '服饰',
    industry: 'C18',
    district: 'JIMO',
    zone: 'NONE',
    capitalYuan: 1_200_000,
    scope: '服装制造；服饰研发',
    representative: '何百川',
  },
  {
    trade: '汇智',
    industryWord: '教育科技',
    industry: 'P83',
    district: 'JIMO',
    zone: 'NONE',
    capitalYuan: 500_000,
    scope: '教育咨询服务；教学专用仪器销售',
    representative: '吕汇智',
  },
  {
    trade: '众诚',
    industryWord: '物流',
    industry: 'G58',
    district: 'JIAOZHOU',
    zone: 'SCO_DEMO_ZONE',
    capitalYuan: 10_000_000,
    scope: '国际货物运输代理；多式联运服务',
    representative: '施众诚',
  },
  {
    trade: '和泰',
    industryWord: '贸易',
    industry: 'F51',
    district: 'JIAOZHOU',
    zone: 'SCO_DEMO_ZONE',
    capitalYuan: 5_000_000,
    scope: '货物进出口；农副产品销售',
    representative: '张和泰',
  },
  {
    trade: '通达',
    industryWord: '机械制造',
    industry: 'C34',
    district: 'JIAOZHOU',
    zone: 'NONE',
    capitalYuan: 6_000_000,
    scope: '通用设备制造；机械零件加工',
    representative: '孔通达',
  },
  {
    trade: '骏腾',
    industryWord: '汽车服务',
    industry: 'O81',
    district: 'SHIBEI',
    zone: 'NONE',
    capitalYuan: 800_000,
    scope: '机动车修理和维护；汽车零配件零售',
    representative: '卫骏腾',
  },
  {
    trade: '长风',
    industryWord: '建材',
    industry: 'C30',
    district: 'PINGDU',
    zone: 'NONE',
    capitalYuan: 3_000_000,
    scope: '建筑材料销售；新型建材制造',
    representative: '严长风',
  },
  {
    trade: '启航',
    industryWord: '软件',
    industry: 'I65',
    district: 'LAOSHAN',
    zone: 'NONE',
    capitalYuan: 1_000_000,
    scope: '软件开发；软件销售',
    representative: '杨启航',
  },
  {
    trade: '润泽',
    industryWord: '养老服务',
    industry: 'Q85',
    district: 'LAIXI',
    zone: 'NONE',
    capitalYuan: 1_000_000,
    scope: '养老服务；护理机构服务',
    representative: '金润泽',
  },
  {
    trade: '弘毅',
    industryWord: '电子商务',
    industry: 'F52',
    district: 'CHENGYANG',
    zone: 'NONE',
    capitalYuan: 1_000_000,
    scope: '互联网销售；日用百货销售',
    representative: '魏弘毅',
  },
];

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A made-up resident ID number with a correct check character. */
function demoIdNumber(n: number): string {
  const first17 = `370202${1970 + (n % 30)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * RESIDENT_ID_WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

function demoDeclaration(e: DemoEnterprise, n: number, foreignInvested = false): Declaration {
  const fen = e.capitalYuan * 100;
  return {
    kind: 'LIMITED_LIABILITY_COMPANY',
    industry: e.industry,
    foreignInvested,
    businessScope: e.scope,
    registeredAddress: {
      district: e.district,
      zone: e.zone,
      address: `青岛市${ADDRESS_DISTRICT[e.district]}${e.trade}路 ${n + 1} 号`,
      postalCode: null,
    },
    registeredCapitalFen: fen,
    legalRepresentative: {
      name: e.representative,
      idType: 'RESIDENT_ID_CARD',
      idNumber: demoIdNumber(n),
      nationality: 'CN',
      phone: '13800000000',
    },
    investors: [
      {
        kind: 'NATURAL_PERSON',
        name: e.representative,
        idType: 'RESIDENT_ID_CARD',
        idNumber: demoIdNumber(n),
        registrationNumber: null,
        country: 'CN',
        subscribedCapitalFen: fen,
        contributionForm: 'CURRENCY',
        subscribedBy: '2035-12-31',
      },
    ],
    articlesOfAssociation: {
      adoptedOn: '2025-01-02',
      text: '第一条 为规范公司的组织和行为，根据《中华人民共和国公司法》制定本章程。',
    },
    operatingTerm: { longTerm: true, endsOn: null },
    officers: [
      { name: e.representative, position: 'EXECUTIVE_DIRECTOR', idType: 'RESIDENT_ID_CARD', idNumber: demoIdNumber(n) },
    ],
    liaison: { name: e.representative, phone: '0532-80000000', email: null },
    serviceAgent: foreignInvested
      ? { name: '青岛送达服务有限公司', address: '青岛市市南区香港中路 10 号', phone: '0532-81111111', email: null }
      : null,
  };
}

const ADDRESS_DISTRICT: Record<District, string> = {
  SHINAN: '市南区',
  SHIBEI: '市北区',
  HUANGDAO: '黄岛区',
  LAOSHAN: '崂山区',
  LICANG: '李沧区',
  CHENGYANG: '城阳区',
  JIMO: '即墨区',
  JIAOZHOU: '胶州市',
  PINGDU: '平度市',
  LAIXI: '莱西市',
};

/** A context acting as `user`, with the clock set to `at` (so the demo's history spreads over past days). */
function contextAs(orm: MikroORM, deps: PlatformDeps, user: User, at: Date): RequestContext {
  const loaders = new Loaders();
  const ctx: RequestContext = {
    requestId: 'demo-registration',
    locale: 'ZH_CN',
    viewer: {
      kind: 'USER',
      userId: user.id,
      sessionId: null,
      apiKeyId: null,
      role: user.role,
      department: user.department,
      organisationId: null,
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

// The demo loads into a fresh database: the commitment versions in force are those the migration seeds.
const COMMITMENT = (name: string) => ({
  termsVersion: 'REG-2026.1',
  accepted: true,
  signatoryName: name,
});

/** `days` working days before `from` (Asia/Shanghai), at 10:00. */
function workingDaysAgo(deps: PlatformDeps, from: Date, days: number, hour = 10): Date {
  const day = deps.calendar.current.addWorkingDays(shanghaiDate(from), -days);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

export async function loadDemoRegistration(orm: MikroORM, deps: PlatformDeps): Promise<void> {
  const em = orm.em.fork();
  const byEmail = async (email: string) => em.findOne(User, { email });
  const applicant = await byEmail('applicant@demo.local');
  const investor = await byEmail('investor@demo.local');
  const official = await byEmail('official@demo.local');
  if (!applicant || !investor || !official) return;
  if ((await em.count(RegistrationApplication, { applicant: applicant.id })) > 0) return;

  // Applicant accounts acting for the other demo enterprises.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const agents: User[] = [applicant];
  for (let i = 1; i <= 5; i++) {
    const email = `enterprise${i}@demo.local`;
    agents.push(
      (await byEmail(email)) ??
        em.create(User, {
          email,
          displayName: `示范企业经办人 ${i}`,
          passwordHash,
          role: 'APPLICANT',
          department: null,
          organisation: null,
          locale: 'ZH_CN',
          foreignInvestor: false,
          createdAt: deps.clock.now(),
          disabledAt: null,
        }),
    );
  }
  await em.flush();
  const clearers = await em.find(User, {
    email: { $in: ['tax@demo.local', 'social@demo.local', 'medical@demo.local', 'housing@demo.local'] },
  });
  const clearer = (department: string) => clearers.find((u) => u.department === department);

  const now = deps.clock.now();
  const as = (user: User, at: Date) => contextAs(orm, deps, user, at);

  async function reserve(user: User, e: DemoEnterprise, at: Date, foreignInvested = false): Promise<NameReservation> {
    const ctx = as(user, at);
    const { undertaking } = await namesReference(ctx);
    return reserveName(ctx, user.id, {
      name: `青岛${e.trade}${e.industryWord}有限公司`,
      district: e.district,
      industry: e.industry,
      kind: 'LIMITED_LIABILITY_COMPANY',
      foreignInvested,
      priorApprovalRequired: false,
      commitment: null,
      similarNameUndertaking: { termsVersion: undertaking.version, accepted: true, signatoryName: user.displayName },
    });
  }

  async function draft(user: User, e: DemoEnterprise, n: number, at: Date, foreignInvested = false) {
    const reservation = await reserve(user, e, at, foreignInvested);
    return registration.saveDraft(as(user, at), {
      id: null,
      kind: 'ESTABLISHMENT',
      enterpriseId: null,
      nameReservationId: toGlobalId('NameReservation', reservation.id),
      changeDecidedOn: undefined,
      declaration: demoDeclaration(e, n, foreignInvested),
      deregistration: undefined,
    });
  }

  async function submit(user: User, applicationId: string, at: Date, name: string) {
    return registration.submit(as(user, at), toGlobalId('RegistrationApplication', applicationId), COMMITMENT(name));
  }

  // 24 confirmed enterprises, established over the past months; the first acted for by applicant@demo.local.
  const established: { applicationId: string; enterpriseId: string; agent: User; e: DemoEnterprise; n: number }[] = [];
  for (let n = 0; n < 24; n++) {
    const e = ENTERPRISES[n]!;
    const agent = agents[n % agents.length]!;
    const at = workingDaysAgo(deps, now, 240 - n * 9);
    const application = await draft(agent, e, n, at);
    await submit(agent, application.id, at, e.representative);
    const confirmed = await registration.confirm(
      as(official, at),
      toGlobalId('RegistrationApplication', application.id),
      '材料齐全，符合法定形式，予以确认。',
    );
    established.push({ applicationId: confirmed.id, enterpriseId: confirmed.enterprise!.id, agent, e, n });
  }

  // A confirmed change of business scope (the history shows it).
  {
    const { enterpriseId, agent, e, n } = established[0]!;
    const at = workingDaysAgo(deps, now, 20);
    const changed = await registration.saveDraft(as(agent, at), {
      id: null,
      kind: 'CHANGE',
      enterpriseId: toGlobalId('Enterprise', enterpriseId),
      nameReservationId: undefined,
      changeDecidedOn: addCalendarDays(shanghaiDate(at), -5),
      declaration: { ...demoDeclaration(e, n), businessScope: `${e.scope}；数据处理和存储支持服务` },
      deregistration: undefined,
    });
    await submit(agent, changed.id, at, e.representative);
    await registration.confirm(as(official, at), toGlobalId('RegistrationApplication', changed.id), null);
  }

  // The official's queue: applications in every state.
  const fresh = ENTERPRISES.slice(24);
  // SUBMITTED, complete: due today.
  const sameDay = await draft(applicant, fresh[0]!, 24, now);
  await submit(applicant, sameDay.id, new Date(now.getTime() - 3600_000), fresh[0]!.representative);
  // SUBMITTED by a foreign investor: the 3-working-day track, received two working days ago.
  const foreignAt = workingDaysAgo(deps, now, 2);
  const foreign = await draft(investor, fresh[1]!, 25, foreignAt, true);
  await submit(investor, foreign.id, foreignAt, 'Anna Müller');
  // SUBMITTED and extended once.
  const extendedAt = workingDaysAgo(deps, now, 4);
  const extended = await draft(agents[1]!, fresh[2]!, 26, extendedAt, true);
  await submit(agents[1]!, extended.id, extendedAt, fresh[2]!.representative);
  await registration.extend(
    as(official, workingDaysAgo(deps, now, 2)),
    toGlobalId('RegistrationApplication', extended.id),
    '需核实外国投资者主体资格证明的真实性。',
  );
  // CORRECTION_REQUESTED with one consolidated notice.
  const correctionAt = workingDaysAgo(deps, now, 1);
  const correction = await draft(applicant, fresh[3]!, 27, correctionAt);
  await submit(applicant, correction.id, correctionAt, fresh[3]!.representative);
  await registration.requestCorrection(
    as(official, correctionAt),
    toGlobalId('RegistrationApplication', correction.id),
    [
      {
        field: ['declaration', 'businessScope'],
        message: '“养老服务”须按经营范围规范表述写为“养老服务（不含医疗服务）”。',
      },
      { field: ['declaration', 'liaison', 'phone'], message: '请填写联络员本人的手机号码。' },
    ],
  );
  // REJECTED.
  const rejectedAt = workingDaysAgo(deps, now, 6);
  const rejected = await draft(agents[2]!, fresh[4]!, 28, rejectedAt);
  await submit(agents[2]!, rejected.id, rejectedAt, fresh[4]!.representative);
  await registration.reject(as(official, rejectedAt), toGlobalId('RegistrationApplication', rejected.id), [
    '经营范围含须经许可的项目，未提交相关许可文件。',
  ]);
  // WITHDRAWN.
  const withdrawnAt = workingDaysAgo(deps, now, 8);
  const withdrawn = await draft(agents[3]!, fresh[5]!, 29, withdrawnAt);
  await submit(agents[3]!, withdrawn.id, withdrawnAt, fresh[5]!.representative);
  await registration.withdraw(
    as(agents[3]!, workingDaysAgo(deps, now, 7)),
    toGlobalId('RegistrationApplication', withdrawn.id),
  );
  // DRAFT: started by applicant@demo.local, not yet complete.
  await registration.saveDraft(as(applicant, now), {
    id: null,
    kind: 'ESTABLISHMENT',
    enterpriseId: null,
    nameReservationId: undefined,
    changeDecidedOn: undefined,
    declaration: { kind: 'LIMITED_LIABILITY_COMPANY', industry: 'I64', businessScope: '互联网信息服务' },
    deregistration: undefined,
  });
  // SUBMITTED change of an enterprise acted for by applicant@demo.local.
  {
    const { enterpriseId, e, n } = established[agents.length]!;
    const at = workingDaysAgo(deps, now, 1);
    const change = await registration.saveDraft(as(applicant, at), {
      id: null,
      kind: 'CHANGE',
      enterpriseId: toGlobalId('Enterprise', enterpriseId),
      nameReservationId: undefined,
      changeDecidedOn: addCalendarDays(shanghaiDate(at), -3),
      declaration: {
        ...demoDeclaration(e, n),
        registeredCapitalFen: e.capitalYuan * 200,
        investors: demoDeclaration(e, n).investors!.map((i) => ({ ...i, subscribedCapitalFen: e.capitalYuan * 200 })),
      },
      deregistration: undefined,
    });
    await submit(applicant, change.id, at, e.representative);
  }
  // SUBMITTED deregistration: housing fund cleared, tax blocked, the others pending.
  {
    const { enterpriseId, agent } = established[1]!;
    const at = workingDaysAgo(deps, now, 3);
    const deregistration = await registration.saveDraft(as(agent, at), {
      id: null,
      kind: 'DEREGISTRATION',
      enterpriseId: toGlobalId('Enterprise', enterpriseId),
      nameReservationId: undefined,
      changeDecidedOn: undefined,
      declaration: undefined,
      deregistration: {
        reason: '股东会决议解散',
        simplified: false,
        publicNoticeFrom: null,
        liquidationCompletedOn: addCalendarDays(shanghaiDate(at), -10),
      },
    });
    const id = toGlobalId('RegistrationApplication', deregistration.id);
    await registration.submit(as(agent, at), id, {
      termsVersion: 'DEREG-2026.1',
      accepted: true,
      signatoryName: '刘瑞丰',
    });
    const housing = clearer('HOUSING_FUND');
    const tax = clearer('TAX');
    if (housing) await registration.recordClearance(as(housing, workingDaysAgo(deps, now, 2)), id, 'CLEARED', null);
    if (tax)
      await registration.recordClearance(
        as(tax, workingDaysAgo(deps, now, 1)),
        id,
        'BLOCKED',
        '欠缴 2026 年第三季度企业所得税 12,800.00 元。',
      );
  }
}
