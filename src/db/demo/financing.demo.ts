import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlatformDeps } from '../../shared/context.js';
import { Organisation, User, hashPassword } from '../../modules/accounts/index.js';
import { Enterprise } from '../../modules/registration/index.js';
import {
  CreditProduct,
  FinancingDemand,
  FinancingDemandAlert,
  FinancingDemandContact,
  FinancingOffer,
  FinancingSettings,
} from '../../modules/financing/financing.entity.js';
import {
  CreditProductAudience,
  CreditProductStatus,
  FinancingDemandStatus,
  FinancingOfferStatus,
  FinancingPurpose,
  GuaranteeType,
} from '../../modules/financing/financing.enums.js';
import {
  CREDIT_PRODUCT_PUBLISHED,
  CREDIT_PRODUCT_RETIRED,
  FINANCING_DEMAND_EXPIRED,
  FINANCING_DEMAND_PUBLISHED,
  FINANCING_DEMAND_WITHDRAWN,
  FINANCING_OFFER_ACCEPTED,
  FINANCING_OFFER_DECLINED,
  FINANCING_OFFER_DISBURSED,
  FINANCING_OFFER_RECEIVED,
  closedDemandAudience,
  offerAudience,
  openDemandAudience,
} from '../../modules/financing/financing.events.js';
import { insertDomainEvents, PUBLIC, type RecordedEvent } from '../../shared/events/domain-events.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

// 金企通 demo data: five banks (the two demo banks and three more, each with an officer) with their
// credit products, and a few hundred financing demands of the registered demo enterprises over the
// last four months, in every state, with offers, so that the bank search, the enterprise's view and
// the figures all look real. Written as rows that keep every invariant of the services (offer counts,
// first offer, accepted bank); the numbers come from a fixed seed, so every start gives the same set.
// Idempotent: skipped once any demand exists. Needs the registration demo step first.
// The events the services would have recorded are written to the partners' event feed with the rows
// (feedEventsOf), in the order they happened, so the feed shows the demo's financing business too.

const EXTRA_BANKS = [
  {
    name: '中国工商银行股份有限公司青岛市分行',
    uscc: '91370200863601581U',
    officer: 'bank3@demo.local',
    displayName: '赵信贷',
  },
  {
    name: '中国建设银行股份有限公司青岛市分行',
    uscc: '91370200863600837X',
    officer: 'bank4@demo.local',
    displayName: '钱信贷',
  },
  {
    name: '招商银行股份有限公司青岛分行',
    uscc: '91370200863607213Y',
    officer: 'bank5@demo.local',
    displayName: '孙信贷',
  },
];

const PRODUCTS = [
  {
    name: '普惠信用贷',
    description: '面向小微企业的纯信用流动资金贷款，线上申请，最快当日放款。',
    min: 100_000,
    max: 3_000_000,
    terms: [3, 36],
    rates: ['3.45', '4.80'],
    guarantees: [GuaranteeType.CREDIT],
    audience: [CreditProductAudience.SMALL_AND_MICRO],
    online: true,
  },
  {
    name: '科技成长贷',
    description: '面向科技型中小企业，知识产权质押或担保公司担保。',
    min: 500_000,
    max: 10_000_000,
    terms: [12, 60],
    rates: ['3.60', '5.20'],
    guarantees: [GuaranteeType.PLEDGE, GuaranteeType.GUARANTEE_COMPANY, GuaranteeType.CREDIT],
    audience: [CreditProductAudience.TECHNOLOGY, CreditProductAudience.STARTUP],
    online: false,
  },
  {
    name: '外贸订单贷',
    description: '以进出口订单和应收账款为依据的贸易融资，服务自贸片区外贸企业。',
    min: 300_000,
    max: 20_000_000,
    terms: [3, 24],
    rates: ['3.30', '5.00'],
    guarantees: [GuaranteeType.PLEDGE, GuaranteeType.GUARANTEE],
    audience: [CreditProductAudience.FOREIGN_TRADE, CreditProductAudience.FOREIGN_INVESTED],
    online: true,
  },
  {
    name: '厂房抵押贷',
    description: '以厂房、土地使用权抵押的固定资产贷款，期限最长十年。',
    min: 2_000_000,
    max: 100_000_000,
    terms: [12, 120],
    rates: ['3.85', '5.80'],
    guarantees: [GuaranteeType.MORTGAGE],
    audience: [CreditProductAudience.ALL],
    online: false,
  },
];

const PURPOSES = Object.values(FinancingPurpose);
const GUARANTEES = Object.values(GuaranteeType);
const DAY = 24 * 3600_000;
const HOUR = 3600_000;

/** A small deterministic generator (LCG): the same demo set on every start. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function rate(value: number): string {
  return value.toFixed(4);
}

export async function loadDemoFinancing(orm: MikroORM, deps: PlatformDeps): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(FinancingDemand, {})) > 0) return;
  const enterprises = await em.find(Enterprise, { status: 'ACTIVE' }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  if (enterprises.length === 0) return;
  const now = deps.clock.now();
  const validity = (await em.findOneOrFail(FinancingSettings, { id: 1 })).demandValidityDays * DAY;

  // Banks and their officers.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const bank of EXTRA_BANKS) {
    const organisation =
      (await em.findOne(Organisation, { name: bank.name })) ??
      em.create(Organisation, { kind: 'BANK', name: bank.name, uscc: bank.uscc, createdAt: now });
    if (!(await em.findOne(User, { email: bank.officer }))) {
      em.create(User, {
        email: bank.officer,
        displayName: bank.displayName,
        passwordHash,
        role: 'BANK_OFFICER',
        department: null,
        organisation,
        locale: 'ZH_CN',
        foreignInvestor: false,
        createdAt: now,
        disabledAt: null,
      });
    }
  }
  await em.flush();
  // One officer per bank makes the offers: a bank's administrator (bankadmin@, who manages its keys) is not one.
  const officers = await em.find(
    User,
    { role: 'BANK_OFFICER', organisationAdmin: false, organisation: { kind: 'BANK' } },
    { orderBy: { email: 'asc' } },
  );
  if (officers.length === 0) return;
  const banks = officers.map((officer) => ({ bankId: officer.organisation!.id, officerId: officer.id }));

  // Two to four products per bank.
  const next = random(20261126);
  const productsByBank = new Map<string, CreditProduct[]>();
  for (const [b, bank] of banks.entries()) {
    const chosen = PRODUCTS.filter((_, i) => (i + b) % 4 !== 3 || b % 2 === 0);
    productsByBank.set(
      bank.bankId,
      chosen.map((p, i) =>
        em.create(CreditProduct, {
          bankId: bank.bankId,
          name: p.name,
          description: p.description,
          minAmountFen: p.min * 100,
          maxAmountFen: p.max * 100,
          minTermMonths: p.terms[0]!,
          maxTermMonths: p.terms[1]!,
          minAnnualRate: rate(Number(p.rates[0]) + b * 0.05),
          maxAnnualRate: rate(Number(p.rates[1]) + b * 0.05),
          guaranteeTypes: p.guarantees,
          audience: p.audience,
          onlineApplication: p.online,
          applicationUrl: p.online ? `https://bank${b + 1}.example.cn/apply` : null,
          status: i === 3 && b === 4 ? CreditProductStatus.RETIRED : CreditProductStatus.ACTIVE,
          publishedAt: new Date(now.getTime() - (200 - b * 10 - i) * DAY),
          retiredAt: i === 3 && b === 4 ? new Date(now.getTime() - 20 * DAY) : null,
        }),
      ),
    );
  }

  // 300 demands over the last 120 days. Those published within the validity period are mostly open;
  // older ones were matched (and often disbursed), withdrawn or expired.
  const [sequence] = await em.execute<{ n: string }[]>(`select nextval('financing_demand_number_seq')::text as n`);
  // A demand names its accepted offer and the offer names its demand: the acceptances are written
  // once both rows exist.
  const acceptances: { demand: FinancingDemand; offer: FinancingOffer }[] = [];
  const histories: { demand: FinancingDemand; offers: FinancingOffer[] }[] = [];
  let number = Number(sequence!.n);
  const year = new Date(now.getTime() + 8 * HOUR).getUTCFullYear();
  for (let i = 0; i < 300; i++) {
    const enterprise = enterprises[i % enterprises.length]!;
    const publishedAt = new Date(now.getTime() - Math.floor(next() * 120 * DAY) - 3600_000);
    const expiresAt = new Date(publishedAt.getTime() + validity);
    const amountFen = Math.round((5 + Math.floor(next() * 400)) * 50_000) * 100;
    const guaranteeType = GUARANTEES[Math.floor(next() * GUARANTEES.length)]!;
    const expired = expiresAt.getTime() <= now.getTime();
    const roll = next();
    let status: FinancingDemandStatus;
    if (expired)
      status =
        roll < 0.55
          ? FinancingDemandStatus.CLOSED
          : roll < 0.75
            ? FinancingDemandStatus.MATCHED
            : roll < 0.85
              ? FinancingDemandStatus.WITHDRAWN
              : FinancingDemandStatus.EXPIRED;
    else
      status =
        roll < 0.65
          ? FinancingDemandStatus.OPEN
          : roll < 0.8
            ? FinancingDemandStatus.MATCHED
            : roll < 0.93
              ? FinancingDemandStatus.CLOSED
              : FinancingDemandStatus.WITHDRAWN;
    const maxRateE4 = next() < 0.2 ? null : 38_000 + Math.floor(next() * 30) * 1000;
    const demand = em.create(FinancingDemand, {
      number: `RZ${year}${String(number++).padStart(7, '0')}`,
      enterpriseId: enterprise.id,
      district: enterprise.district as FinancingDemand['district'],
      industry: enterprise.industry ?? 'L72',
      foreignInvested: enterprise.foreignInvested,
      amountFen,
      termMonths: [6, 12, 12, 24, 36, 60][Math.floor(next() * 6)]!,
      purpose: PURPOSES[Math.floor(next() * PURPOSES.length)]!,
      guaranteeType,
      collateral:
        guaranteeType === GuaranteeType.MORTGAGE
          ? '自有厂房一处，建筑面积 3,200 平方米'
          : guaranteeType === GuaranteeType.PLEDGE
            ? '发明专利两项、应收账款'
            : null,
      maxAnnualRate:
        maxRateE4 === null ? null : `${Math.floor(maxRateE4 / 10_000)}.${String(maxRateE4 % 10_000).padStart(4, '0')}`,
      desiredOn: null,
      contactConsent: next() < 0.25,
      status,
      publishedAt,
      expiresAt,
      offerCount: 0,
      firstOfferAt: null,
      acceptedOfferId: null,
      acceptedBankId: null,
      matchedAt: null,
      endedAt: null,
      publishedById: enterprise.agentIds[0]!,
    });
    em.create(FinancingDemandContact, {
      demandId: demand.id,
      name: `${enterprise.legalRepresentativeName ?? '张'}`.slice(0, 1) + (i % 2 ? '经理' : '会计'),
      phone: `1${[3, 5, 7, 8, 9][i % 5]}${String(100_000_000 + i * 7919).slice(-9)}`,
      email: i % 3 === 0 ? `finance${i}@enterprise.example.cn` : null,
      idNumber: null,
    });

    // Offers: one to four banks answer within hours or days (fewer for the newest demands).
    const horizon = Math.min(
      now.getTime(),
      status === FinancingDemandStatus.OPEN ? now.getTime() : expiresAt.getTime(),
    );
    const offerCount =
      status === FinancingDemandStatus.OPEN && next() < 0.3 ? 0 : 1 + Math.floor(next() * Math.min(4, banks.length));
    const first = Math.floor(next() * banks.length);
    const offers: FinancingOffer[] = [];
    for (let k = 0; k < offerCount; k++) {
      const bank = banks[(first + k) % banks.length]!;
      const createdAt = new Date(publishedAt.getTime() + (2 + Math.floor(next() * 70)) * HOUR + k * 5 * HOUR);
      if (createdAt.getTime() >= horizon) break;
      const ceiling = maxRateE4 ?? 60_000;
      const product = productsByBank
        .get(bank.bankId)
        ?.find((p) => p.guaranteeTypes.includes(guaranteeType) && p.status === CreditProductStatus.ACTIVE);
      offers.push(
        em.create(FinancingOffer, {
          demandId: demand.id,
          bankId: bank.bankId,
          productId:
            product && amountFen >= product.minAmountFen && amountFen <= product.maxAmountFen ? product.id : null,
          amountFen: Math.round((amountFen * (0.7 + next() * 0.3)) / 10_000) * 10_000,
          annualRate: rate(Math.min(ceiling, 33_000 + Math.floor(next() * 25) * 1000) / 10_000),
          termMonths: demand.termMonths,
          note: k === 0 ? '可提供上门尽调，三个工作日内出具审批意见。' : null,
          status: FinancingOfferStatus.PENDING,
          createdAt,
          createdById: bank.officerId,
          decidedAt: null,
          acceptedAt: null,
          disbursedAmountFen: null,
          disbursedOn: null,
          disbursedAt: null,
        }),
      );
    }
    histories.push({ demand, offers });
    demand.offerCount = offers.length;
    demand.firstOfferAt = offers[0]?.createdAt ?? null;

    // Settle the offers the way the services would have.
    const matched = status === FinancingDemandStatus.MATCHED || status === FinancingDemandStatus.CLOSED;
    if (matched && offers.length === 0)
      demand.status = expired ? FinancingDemandStatus.EXPIRED : FinancingDemandStatus.OPEN;
    const winner = matched && offers.length ? offers[Math.floor(next() * offers.length)]! : null;
    const decidedAt = new Date(
      Math.min(
        now.getTime() - HOUR,
        (offers.at(-1)?.createdAt.getTime() ?? publishedAt.getTime()) + (6 + Math.floor(next() * 60)) * HOUR,
      ),
    );
    for (const offer of offers) {
      if (winner) {
        offer.status = offer === winner ? FinancingOfferStatus.ACCEPTED : FinancingOfferStatus.DECLINED;
        offer.decidedAt = decidedAt;
      } else if (demand.status === FinancingDemandStatus.WITHDRAWN) {
        offer.status = FinancingOfferStatus.DECLINED;
        offer.decidedAt = decidedAt;
      } else if (demand.status === FinancingDemandStatus.EXPIRED) {
        offer.status = FinancingOfferStatus.EXPIRED;
        offer.decidedAt = expiresAt;
      } else if (next() < 0.15) {
        offer.status = FinancingOfferStatus.DECLINED;
        offer.decidedAt = decidedAt;
      }
    }
    if (winner) {
      winner.acceptedAt = decidedAt;
      acceptances.push({ demand, offer: winner });
      demand.acceptedBankId = winner.bankId;
      demand.matchedAt = decidedAt;
      if (status === FinancingDemandStatus.CLOSED) {
        const disbursedAt = new Date(
          Math.min(now.getTime() - HOUR, decidedAt.getTime() + (1 + Math.floor(next() * 9)) * DAY),
        );
        winner.status = FinancingOfferStatus.DISBURSED;
        winner.disbursedAmountFen = winner.amountFen;
        winner.disbursedAt = disbursedAt;
        winner.disbursedOn = new Date(disbursedAt.getTime() + 8 * HOUR).toISOString().slice(0, 10);
        demand.endedAt = disbursedAt;
      }
    }
    if (demand.status === FinancingDemandStatus.WITHDRAWN) demand.endedAt = decidedAt;
    if (demand.status === FinancingDemandStatus.EXPIRED) demand.endedAt = expiresAt;
  }
  await em.flush();
  for (const { demand, offer } of acceptances) demand.acceptedOfferId = offer.id;
  await insertDomainEvents(em, feedEventsOf([...productsByBank.values()].flat(), histories), now);
  await em.execute(`select setval('financing_demand_number_seq', ?)`, [number]);

  // Bank A's officer keeps an alert for large demands in the free trade zone's district.
  const bankOfficer = await em.findOne(User, { email: 'bank@demo.local' });
  if (bankOfficer?.organisation) {
    em.create(FinancingDemandAlert, {
      userId: bankOfficer.id,
      bankId: bankOfficer.organisation.id,
      name: '黄岛区 500 万元以上',
      filter: {
        status: 'OPEN',
        districts: ['HUANGDAO'],
        industries: null,
        amountMinFen: 500_000_000,
        amountMaxFen: null,
        termMonthsMax: null,
        guaranteeTypes: null,
        foreignInvested: null,
        publishedAfter: null,
      },
      createdAt: now,
    });
  }
  await em.flush();
}

type TimedEvent = Omit<RecordedEvent, 'bus'> & { at: Date };

/**
 * The feed events of the demo's products and demands, oldest first, with the audiences the services
 * give them (financing.events.ts). An offer that expired with its demand has no event of its own.
 */
function feedEventsOf(
  products: CreditProduct[],
  histories: { demand: FinancingDemand; offers: FinancingOffer[] }[],
): Omit<RecordedEvent, 'bus'>[] {
  const events: TimedEvent[] = [];
  for (const product of products) {
    const subject = { subjectType: 'CreditProduct', subjectId: product.id, audience: [PUBLIC] };
    events.push({ ...subject, type: CREDIT_PRODUCT_PUBLISHED, at: product.publishedAt });
    if (product.retiredAt) events.push({ ...subject, type: CREDIT_PRODUCT_RETIRED, at: product.retiredAt });
  }
  for (const { demand, offers } of histories) {
    const demandSubject = { subjectType: 'FinancingDemand', subjectId: demand.id };
    events.push({
      ...demandSubject,
      type: FINANCING_DEMAND_PUBLISHED,
      audience: openDemandAudience(demand),
      at: demand.publishedAt,
    });
    for (const offer of offers) {
      const offerSubject = {
        subjectType: 'FinancingOffer',
        subjectId: offer.id,
        audience: offerAudience(demand, offer.bankId),
      };
      events.push({ ...offerSubject, type: FINANCING_OFFER_RECEIVED, at: offer.createdAt });
      if (offer.acceptedAt) events.push({ ...offerSubject, type: FINANCING_OFFER_ACCEPTED, at: offer.acceptedAt });
      if (offer.disbursedAt) events.push({ ...offerSubject, type: FINANCING_OFFER_DISBURSED, at: offer.disbursedAt });
      if (offer.status === FinancingOfferStatus.DECLINED)
        events.push({ ...offerSubject, type: FINANCING_OFFER_DECLINED, at: offer.decidedAt! });
    }
    const closed = {
      ...demandSubject,
      audience: closedDemandAudience(
        demand,
        offers.map((o) => o.bankId),
      ),
    };
    if (demand.status === FinancingDemandStatus.WITHDRAWN)
      events.push({ ...closed, type: FINANCING_DEMAND_WITHDRAWN, at: demand.endedAt! });
    if (demand.status === FinancingDemandStatus.EXPIRED)
      events.push({ ...closed, type: FINANCING_DEMAND_EXPIRED, at: demand.endedAt! });
  }
  // Stable: events of the same moment keep the order they were made in (a demand before its offers).
  return events.sort((a, b) => a.at.getTime() - b.at.getTime()).map(({ at: _at, ...event }) => event);
}
