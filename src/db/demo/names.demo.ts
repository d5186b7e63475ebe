import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps, RequestContext } from '../../shared/context.js';
import { DomainError } from '../../shared/errors.js';
import { Loaders } from '../../shared/loaders.js';
import { inTransaction } from '../../shared/transaction.js';
import { User } from '../../modules/accounts/index.js';
import { EnterpriseName, NameReservation } from '../../modules/names/index.js';
import { addIndexEntry } from '../../modules/names/name-index.service.js';
import { DISTRICT_VALUES as DISTRICTS, type DistrictValue } from '../../modules/names/names.entity.js';
import { namesReference } from '../../modules/names/reference.service.js';
import { reserveName } from '../../modules/names/reservations.service.js';
import { industryCodeOf, normaliseName, parseName } from '../../modules/names/rules/index.js';

// Names demo data: a few hundred registered Qingdao names in the conflict index, so a name check in
// the demo finds real-looking conflicts (try 青岛琴屿房地产有限公司 in Shinan: similar to 青岛琴屿地产有限公司;
// 青岛勤屿海洋科技有限公司: a homophone), and reservations for applicant@demo.local, one of them a
// special name granted on a commitment and waiting in the official's verification queue.
// Idempotent: only missing names and reservations are added.

// Trade names in the local manner (places, sea, hills), none of them a division or an industry word.
const TRADE_NAMES = [
  '琴屿',
  '栈桥',
  '八大关',
  '石老人',
  '浮山',
  '汇泉',
  '太平角',
  '银沙滩',
  '小麦岛',
  '鳌山',
  '琅琊台',
  '灵山湾',
  '凤凰岛',
  '信号山',
  '观象',
  '鱼山',
  '贮水山',
  '海泊河',
  '湛山',
  '燕岛',
  '团岛',
  '大珠山',
  '藏马山',
  '胶澳',
  '华严',
  '太清',
  '仰口',
  '北九水',
  '棘洪滩',
  '流亭',
  '上马',
  '惜福',
  '沙子口',
  '午山',
  '金家岭',
  '海晏',
  '福瀛',
  '琴韵',
  '海晶',
  '鲁信',
  '青港',
  '崂顶',
  '天泰',
  '瀚海',
  '蔚蓝',
  '澜湾',
  '泊岸',
  '望海',
  '听涛',
  '观澜',
];
// Sound-alikes of trade names above, registered in the same district and industry: the check warns.
const HOMOPHONES: [string, string][] = [
  ['勤屿', '琴屿'],
  ['展桥', '栈桥'],
  ['汇全', '汇泉'],
  ['福山', '浮山'],
];
const INDUSTRIES = [
  '海洋科技',
  '智能科技',
  '软件',
  '信息技术',
  '商贸',
  '贸易',
  '物流',
  '冷链物流',
  '餐饮管理',
  '酒店管理',
  '啤酒',
  '食品',
  '水产',
  '建筑工程',
  '装饰工程',
  '地产',
  '文化传媒',
  '旅游',
  '教育咨询',
  '机械',
  '电子',
  '化工',
  '生物科技',
  '医药',
  '汽车销售',
  '船舶',
  '新能源',
  '环保科技',
  '服装',
  '投资管理',
];
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司'];

export interface DemoName {
  name: string;
  district: DistrictValue;
}

/** The demo's registered names: each trade name in six industries, in districts chosen by position. */
export function demoNames(): DemoName[] {
  const names: DemoName[] = [];
  TRADE_NAMES.forEach((trade, t) => {
    for (let k = 0; k < 6; k++) {
      const industry = INDUSTRIES[(t * 7 + k * 5) % INDUSTRIES.length]!;
      const district = k < 2 ? 'SHINAN' : DISTRICTS[(t + k) % DISTRICTS.length]!;
      names.push({ name: `青岛${trade}${industry}${FORMS[(t + k) % FORMS.length]}`, district });
    }
  });
  // Names the demo's sample checks meet in Shinan.
  names.push({ name: '青岛琴屿地产有限公司', district: 'SHINAN' });
  names.push({ name: '青岛琴屿海洋科技有限公司', district: 'SHINAN' });
  for (const [sound, like] of HOMOPHONES)
    names.push(
      { name: `青岛${sound}文化传媒有限公司`, district: 'SHINAN' },
      { name: `青岛${like}文化传媒有限公司`, district: 'LAOSHAN' },
    );
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = `${n.district}|${normaliseName(n.name)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function demoContext(orm: MikroORM, deps: PlatformDeps, user: User | null): RequestContext {
  const loaders = new Loaders();
  const ctx: RequestContext = {
    requestId: 'demo-names',
    locale: 'ZH_CN',
    viewer: {
      kind: user ? 'USER' : 'ANONYMOUS',
      userId: user?.id ?? null,
      sessionId: null,
      apiKeyId: null,
      role: user?.role ?? null,
      department: user?.department ?? null,
      organisationId: null,
      organisationAdmin: false,
      scopes: [],
      rateLimitKey: 'demo',
    },
    clientAddress: null,
    em: orm.em.fork(),
    loaders,
    deps,
    afterCommit: [],
  };
  loaders.bind(ctx);
  return ctx;
}

const RESERVATIONS = [
  { name: '青岛蔚澜海洋科技有限公司', district: 'LAOSHAN', industry: 'M73', special: false },
  { name: '青岛听潮文化传媒有限公司', district: 'SHINAN', industry: 'R87', special: false },
  // 国际 makes the name special: granted on the applicant's commitment, verified afterwards.
  { name: '青岛蔚澜国际贸易有限公司', district: 'HUANGDAO', industry: 'F51', special: true },
] as const;

export async function loadDemoNames(
  orm: MikroORM,
  deps: PlatformDeps,
): Promise<{ names: number; reservations: number }> {
  const em = orm.em.fork();
  const wanted = demoNames().map((n) => ({ ...n, name: normaliseName(n.name) }));
  const existing = await em.find(
    EnterpriseName,
    { name: { $in: wanted.map((n) => n.name) }, reservationId: null },
    { fields: ['name', 'district'] },
  );
  const have = new Set(existing.map((row) => `${row.district}|${row.name}`));
  const missing = wanted.filter((n) => !have.has(`${n.district}|${n.name}`));
  if (missing.length) {
    await inTransaction(demoContext(orm, deps, null), async (tx) => {
      for (const n of missing) {
        const { parts } = parseName(n.name);
        addIndexEntry(tx, {
          name: n.name,
          district: n.district,
          industryCode: parts.industry ? industryCodeOf(parts.industry) : null,
        });
      }
      await tx.em.flush();
    });
  }

  let reserved = 0;
  const applicant = await em.findOne(User, { email: 'applicant@demo.local' });
  if (applicant) {
    for (const r of RESERVATIONS) {
      if (await em.count(NameReservation, { applicantId: applicant.id, name: r.name })) continue;
      const ctx = demoContext(orm, deps, applicant);
      const { terms, undertaking } = await namesReference(ctx);
      try {
        await reserveName(ctx, applicant.id, {
          name: r.name,
          district: r.district,
          industry: r.industry,
          kind: 'LIMITED_LIABILITY_COMPANY',
          foreignInvested: false,
          priorApprovalRequired: false,
          commitment: r.special
            ? { termsVersion: terms.version, accepted: true, signatoryName: applicant.displayName }
            : null,
          similarNameUndertaking: {
            termsVersion: undertaking.version,
            accepted: true,
            signatoryName: applicant.displayName,
          },
        });
        reserved += 1;
      } catch (error) {
        // A name another demo step took first: the demo goes on without this reservation.
        if (!(error instanceof DomainError)) throw error;
        deps.logger.warn(
          { name: r.name, problems: error.problems.map((p) => p.messageKey) },
          'demo name reservation skipped',
        );
      }
    }
  }
  return { names: missing.length, reservations: reserved };
}
