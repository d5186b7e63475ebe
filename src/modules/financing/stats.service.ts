import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem } from '../../shared/errors.js';
import { District } from '../../shared/graphql/reference.types.js';
import { toGlobalId } from '../../shared/ids.js';
import { money } from '../../shared/money.js';
import { FinancingStatsGrouping } from './financing.enums.js';
import { industryOf, select } from './financing.view.js';
import { FinancingStatsRowType } from './financing.types.js';

// The figures of 金企通 (domain-rules §5: claim rate, time to first response, obtained rate, time to
// disbursement, amount per enterprise), computed in SQL over the demands published in a date range
// (Asia/Shanghai calendar days, both ends included). Medians are percentile_cont(0.5).

const DISTRICT_NAMES: Record<District, { zh: string; en: string }> = {
  SHINAN: { zh: '市南区', en: 'Shinan District' },
  SHIBEI: { zh: '市北区', en: 'Shibei District' },
  HUANGDAO: { zh: '黄岛区', en: 'Huangdao District' },
  LAOSHAN: { zh: '崂山区', en: 'Laoshan District' },
  LICANG: { zh: '李沧区', en: 'Licang District' },
  CHENGYANG: { zh: '城阳区', en: 'Chengyang District' },
  JIMO: { zh: '即墨区', en: 'Jimo District' },
  JIAOZHOU: { zh: '胶州市', en: 'Jiaozhou City' },
  PINGDU: { zh: '平度市', en: 'Pingdu City' },
  LAIXI: { zh: '莱西市', en: 'Laixi City' },
};

interface StatsRow {
  key: string;
  label: string | null;
  demandCount: number;
  amountRequested: string;
  enterpriseCount: number;
  claimedCount: number;
  claimRate: string | null;
  medianHours: string | null;
  obtainedCount: number;
  obtainedRate: string | null;
  disbursedCount: number | null;
  amountDisbursed: string | null;
  financedEnterprises: number | null;
  medianDays: string | null;
}

const MAX_RANGE_DAYS = 5 * 366;

/** Offers whose disbursement was recorded, with calendar days from acceptance (Asia/Shanghai). */
const DISBURSED = `select o.demand_id, o.bank_id, o.disbursed_amount_fen,
  (o.disbursed_on - (o.accepted_at at time zone 'Asia/Shanghai')::date) as days
  from financing_offers o join demands dm on dm.id = o.demand_id where o.status = 'DISBURSED'`;

function demandGroupSql(key: string): string {
  return `with demands as (
      select d.id, d.enterprise_id, d.amount_fen, d.published_at, d.first_offer_at, d.accepted_offer_id, ${key} as key
      from financing_demands d where d.published_at >= ?::timestamptz and d.published_at < ?::timestamptz
    ), disbursed as (${DISBURSED}),
    base as (
      select dm.key, count(*)::int as "demandCount", sum(dm.amount_fen)::text as "amountRequested",
        count(distinct dm.enterprise_id)::int as "enterpriseCount", count(dm.first_offer_at)::int as "claimedCount",
        round(count(dm.first_offer_at)::numeric / count(*), 4)::text as "claimRate",
        round((percentile_cont(0.5) within group (order by extract(epoch from dm.first_offer_at - dm.published_at) / 3600))::numeric, 1)::text as "medianHours",
        count(dm.accepted_offer_id)::int as "obtainedCount",
        round(count(dm.accepted_offer_id)::numeric / count(*), 4)::text as "obtainedRate"
      from demands dm group by dm.key
    ), money as (
      select dm.key, count(*)::int as "disbursedCount", sum(x.disbursed_amount_fen)::text as "amountDisbursed",
        count(distinct dm.enterprise_id)::int as "financedEnterprises",
        round((percentile_cont(0.5) within group (order by x.days))::numeric, 1)::text as "medianDays"
      from disbursed x join demands dm on dm.id = x.demand_id group by dm.key
    )
    select base.*, null as label, money."disbursedCount", money."amountDisbursed", money."financedEnterprises", money."medianDays"
    from base left join money on money.key = base.key order by base.key`;
}

const BANK_SQL = `with demands as (
    select d.id, d.enterprise_id, d.amount_fen, d.published_at from financing_demands d where d.published_at >= ?::timestamptz and d.published_at < ?::timestamptz
  ), disbursed as (${DISBURSED}),
  total as (select count(*) as n from demands),
  claims as (
    select o.bank_id, o.demand_id, min(o.created_at) as first_offer_at, bool_or(o.status in ('ACCEPTED', 'DISBURSED')) as obtained
    from financing_offers o join demands dm on dm.id = o.demand_id group by o.bank_id, o.demand_id
  ), base as (
    select c.bank_id::text as key, count(*)::int as "demandCount", sum(dm.amount_fen)::text as "amountRequested",
      count(distinct dm.enterprise_id)::int as "enterpriseCount", count(*)::int as "claimedCount",
      round(count(*)::numeric / nullif((select n from total), 0), 4)::text as "claimRate",
      round((percentile_cont(0.5) within group (order by extract(epoch from c.first_offer_at - dm.published_at) / 3600))::numeric, 1)::text as "medianHours",
      (count(*) filter (where c.obtained))::int as "obtainedCount",
      round((count(*) filter (where c.obtained))::numeric / count(*), 4)::text as "obtainedRate"
    from claims c join demands dm on dm.id = c.demand_id group by c.bank_id
  ), money as (
    select x.bank_id::text as key, count(*)::int as "disbursedCount", sum(x.disbursed_amount_fen)::text as "amountDisbursed",
      count(distinct dm.enterprise_id)::int as "financedEnterprises",
      round((percentile_cont(0.5) within group (order by x.days))::numeric, 1)::text as "medianDays"
    from disbursed x join demands dm on dm.id = x.demand_id group by x.bank_id
  )
  select base.*, org.name as label, money."disbursedCount", money."amountDisbursed", money."financedEnterprises", money."medianDays"
  from base join organisations org on org.id::text = base.key left join money on money.key = base.key order by org.name, base.key`;

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export async function financingStats(
  ctx: RequestContext,
  from: string,
  to: string,
  groupBy: FinancingStatsGrouping,
): Promise<FinancingStatsRowType[]> {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days < 0 || days > MAX_RANGE_DAYS)
    throw new DomainError(problem(UserErrorCode.OUT_OF_RANGE, 'financing.statsRange', ['to']));
  const range = [`${from}T00:00:00+08:00`, `${nextDay(to)}T00:00:00+08:00`];
  const sql =
    groupBy === FinancingStatsGrouping.BANK
      ? BANK_SQL
      : demandGroupSql(
          groupBy === FinancingStatsGrouping.DISTRICT
            ? 'd.district'
            : groupBy === FinancingStatsGrouping.INDUSTRY
              ? 'd.industry'
              : `to_char(d.published_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
        );
  const rows = await select<StatsRow>(ctx, sql, range);
  const en = ctx.locale === 'EN';
  return rows.map((row) => {
    const disbursedFen = row.amountDisbursed ?? '0';
    const financed = row.financedEnterprises ?? 0;
    let key = row.key;
    let label = row.key;
    if (groupBy === FinancingStatsGrouping.DISTRICT) {
      const names = DISTRICT_NAMES[row.key as District];
      label = names ? (en ? names.en : names.zh) : row.key;
    } else if (groupBy === FinancingStatsGrouping.INDUSTRY) {
      label = industryOf(row.key, ctx.locale).name;
    } else if (groupBy === FinancingStatsGrouping.BANK) {
      key = toGlobalId('Bank', row.key);
      label = row.label ?? row.key;
    }
    return Object.assign(new FinancingStatsRowType(), {
      key,
      label,
      demandCount: row.demandCount,
      amountRequested: money(row.amountRequested),
      enterpriseCount: row.enterpriseCount,
      claimedCount: row.claimedCount,
      claimRate: row.claimRate,
      medianHoursToFirstOffer: row.medianHours,
      obtainedCount: row.obtainedCount,
      obtainedRate: row.obtainedRate,
      disbursedCount: row.disbursedCount ?? 0,
      amountDisbursed: money(disbursedFen),
      amountDisbursedPerEnterprise: financed > 0 ? money(BigInt(disbursedFen) / BigInt(financed)) : null,
      medianDaysToDisbursement: row.medianDays,
    });
  });
}
