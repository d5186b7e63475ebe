import type pg from 'pg';

// The synthetic 金企通 data set, generated inside PostgreSQL with generate_series (no rows travel over
// the wire). Identifiers are md5-derived UUIDs, so every row can name its neighbours without a join:
// demand i belongs to enterprise (i × 7919 mod E), and its two offers are offers 2i and 2i+1.
//
// Shape: 30% of enterprises are in Huangdao (the FTZ district), the rest spread over the other nine;
// 70% of demands are OPEN (published over the last 58 days); 10% MATCHED, 10% CLOSED (disbursed), 5%
// WITHDRAWN, 5% EXPIRED; every demand has two offers from two different banks.

export interface Sizes {
  enterprises: number;
  demands: number;
  banks: number;
  applicants: number;
}

export const OTHER_DISTRICTS = [
  'SHINAN',
  'SHIBEI',
  'LAOSHAN',
  'LICANG',
  'CHENGYANG',
  'JIMO',
  'JIAOZHOU',
  'PINGDU',
  'LAIXI',
];
const INDUSTRIES = [
  'I65',
  'C39',
  'C34',
  'C36',
  'F51',
  'F52',
  'G54',
  'G59',
  'K70',
  'L72',
  'M73',
  'E48',
  'C13',
  'C26',
  'C38',
  'H62',
  'I64',
  'M75',
  'A01',
  'C29',
];

const uuid = (prefix: string, expression: string) => `md5('${prefix}' || (${expression})::text)::uuid`;

/** SQL expressions of enterprise j's facts, shared by the enterprise rows and the demands copying them. */
function enterpriseFacts(j: string) {
  const others = `(array[${OTHER_DISTRICTS.map((d) => `'${d}'`).join(',')}])[1 + ((${j}) % 9)]`;
  return {
    district: `(case when (${j}) % 10 < 3 then 'HUANGDAO' else ${others} end)`,
    industry: `(array[${INDUSTRIES.map((c) => `'${c}'`).join(',')}])[1 + ((${j}) / 10) % ${INDUSTRIES.length}]`,
    foreignInvested: `((${j}) % 10 = 7)`,
  };
}

/** Written on the demands table once a load has finished: a half-loaded database never passes for a loaded one. */
export function loadMarker(sizes: Sizes): string {
  return `bench data set: ${sizes.enterprises} enterprises, ${sizes.demands} demands, ${sizes.banks} banks`;
}

async function step(client: pg.Client, what: string, sql: string): Promise<void> {
  const started = Date.now();
  await client.query(sql);
  process.stdout.write(`  ${what.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Fills a freshly migrated database with the synthetic set. */
export async function loadDataSet(client: pg.Client, sizes: Sizes, passwordHash: string): Promise<void> {
  const { enterprises: E, demands: N, banks: B, applicants: A } = sizes;
  const started = Date.now();
  await client.query(`set session_replication_role = replica`); // generated rows are consistent: skip FK triggers
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set work_mem = '256MB'`);

  // Secondary indexes are dropped for the load and rebuilt after it (much faster than maintaining them row by row).
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename in ('financing_demands', 'financing_offers', 'financing_demand_contacts', 'enterprises')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const index of indexes) await client.query(`drop index "${index.indexname}"`);

  await step(
    client,
    `${B} banks with an officer each, ${A} applicants`,
    `insert into organisations (id, kind, name, uscc, created_at)
       select ${uuid('bench-bank-', 'b')}, 'BANK', '基准测试银行' || lpad(b::text, 2, '0') || '股份有限公司', null, now() - interval '400 days'
       from generate_series(0, ${B - 1}) b;
     insert into users (id, email, display_name, password_hash, role, department, organisation_id, locale, foreign_investor, created_at, disabled_at)
       select ${uuid('bench-officer-', 'b')}, 'bench-officer-' || b || '@bench.local', '信贷员' || b, '${passwordHash}', 'BANK_OFFICER', null,
              ${uuid('bench-bank-', 'b')}, 'ZH_CN', false, now() - interval '400 days', null
       from generate_series(0, ${B - 1}) b;
     insert into users (id, email, display_name, password_hash, role, department, organisation_id, locale, foreign_investor, created_at, disabled_at)
       select ${uuid('bench-applicant-', 'a')}, 'bench-applicant-' || a || '@bench.local', '经办人' || a, '${passwordHash}', 'APPLICANT', null,
              null, 'ZH_CN', false, now() - interval '400 days', null
       from generate_series(0, ${A - 1}) a;`,
  );

  const ef = enterpriseFacts('j');
  await step(
    client,
    `${E.toLocaleString('en')} enterprises`,
    `insert into enterprises (id, uscc, name, name_parts, kind, foreign_invested, district, zone, industry, registered_capital_fen,
       business_scope, legal_representative_name, registered_address, established_on, deregistered_on, status, agent_ids,
       name_change_required_by, declaration, created_at, updated_at, version)
     select ${uuid('bench-ent-', 'j')}, '91370200' || lpad(j::text, 9, '0') || 'X', '青岛基准' || j || '科技有限公司',
       json_build_object('administrativeDivision', '青岛', 'tradeName', '基准' || j, 'industry', '科技', 'organisationForm', '有限公司'),
       'LIMITED_LIABILITY_COMPANY', ${ef.foreignInvested}, ${ef.district}, 'NONE', ${ef.industry}, (1000000 + j % 1000 * 100000)::bigint * 100,
       '软件开发；信息技术咨询服务；数据处理和存储支持服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广', '法定代表人' || j,
       '青岛市' || j || '号', date '2015-01-01' + (j % 3000), null, 'ACTIVE', array[${uuid('bench-applicant-', `j % ${A}`)}], null,
       json_build_object(
         'kind', 'LIMITED_LIABILITY_COMPANY', 'industry', ${ef.industry}, 'foreignInvested', ${ef.foreignInvested},
         'businessScope', '软件开发；信息技术咨询服务；数据处理和存储支持服务',
         'registeredAddress', json_build_object('district', ${ef.district}, 'zone', 'NONE', 'address', '青岛市' || j || '号', 'postalCode', '266000'),
         'registeredCapital', json_build_object('amount', (1000000 + j % 1000 * 100000)::text || '.00'),
         'legalRepresentative', json_build_object('name', '法定代表人' || j, 'idType', 'RESIDENT_ID_CARD', 'idNumber', '37021119850101123' || (j % 10), 'nationality', 'CN', 'phone', '1380000' || lpad((j % 10000)::text, 4, '0')),
         'investors', json_build_array(json_build_object('kind', 'NATURAL_PERSON', 'name', '股东' || j, 'subscribedCapital', json_build_object('amount', '1000000.00')))
       )::jsonb,
       now() - interval '300 days', now() - interval '300 days', 1
     from generate_series(0, ${E - 1}) j;`,
  );

  // Demand i: enterprise j = i × 7919 mod E; status by i mod 20; the two offers 2i (bank b0) and 2i+1 (bank b1).
  const j = `(i * 7919) % ${E}`;
  const df = enterpriseFacts(j);
  const kind = `(i % 20)`; // 0-13 OPEN, 14-15 MATCHED, 16-17 CLOSED, 18 WITHDRAWN, 19 EXPIRED
  const status = `(case when ${kind} < 14 then 'OPEN' when ${kind} < 16 then 'MATCHED' when ${kind} < 18 then 'CLOSED' when ${kind} = 18 then 'WITHDRAWN' else 'EXPIRED' end)`;
  const published = `(case when ${kind} = 19 then now() - interval '61 days' - (i % 300) * interval '1 day'
                      else now() - (${N} - i)::float8 / ${N} * interval '58 days' end)`;
  const b0 = `((i * 3) % ${B})`;
  await step(
    client,
    `${N.toLocaleString('en')} demands`,
    `insert into financing_demands (id, number, enterprise_id, district, industry, foreign_invested, amount_fen, term_months, purpose,
       guarantee_type, collateral, max_annual_rate, desired_on, contact_consent, status, published_at, expires_at, offer_count,
       first_offer_at, accepted_offer_id, accepted_bank_id, matched_at, ended_at, published_by_id)
     select ${uuid('bench-demand-', 'i')}, 'RZB' || lpad(i::text, 9, '0'), ${uuid('bench-ent-', j)}, ${df.district}, ${df.industry}, ${df.foreignInvested},
       (100000 * (1 + (i * 31) % 200))::bigint * 100, (array[6, 12, 24, 36, 60])[1 + i % 5],
       (array['WORKING_CAPITAL', 'FIXED_ASSETS', 'TECHNOLOGY_UPGRADE', 'TRADE_FINANCE', 'OTHER'])[1 + (i / 7) % 5],
       (array['CREDIT', 'GUARANTEE', 'MORTGAGE', 'PLEDGE', 'GUARANTEE_COMPANY'])[1 + (i / 3) % 5],
       case when (i / 3) % 5 in (2, 3) then '厂房及土地使用权一处' end, (3.5 + (i % 30) / 10.0)::numeric(7, 4), null, i % 10 = 0,
       s.status, s.published, s.published + interval '60 days', 2, s.published + (i % 48) * interval '1 hour',
       case when s.status in ('MATCHED', 'CLOSED') then ${uuid('bench-offer-', '2 * i')} end,
       case when s.status in ('MATCHED', 'CLOSED') then ${uuid('bench-bank-', b0)} end,
       case when s.status in ('MATCHED', 'CLOSED') then s.published + interval '3 days' end,
       case when s.status = 'CLOSED' then s.published + interval '8 days' when s.status = 'WITHDRAWN' then s.published + interval '5 days'
            when s.status = 'EXPIRED' then s.published + interval '60 days' end,
       ${uuid('bench-applicant-', `(${j}) % ${A}`)}
     from generate_series(0::bigint, ${N - 1}) i, lateral (select ${status} as status, ${published} as published) s;`,
  );

  await step(
    client,
    `${N.toLocaleString('en')} contact persons`,
    `insert into financing_demand_contacts (demand_id, name, phone, email, id_number)
     select ${uuid('bench-demand-', 'i')}, '联系人' || i, '139' || lpad((i % 100000000)::text, 8, '0'), null, null
     from generate_series(0, ${N - 1}) i;`,
  );

  // Offer k answers demand d = k / 2; r = k mod 2 picks the bank (two different banks per demand).
  await step(
    client,
    `${(2 * N).toLocaleString('en')} offers`,
    `insert into financing_offers (id, demand_id, bank_id, product_id, amount_fen, annual_rate, term_months, note, status, created_at,
       created_by_id, decided_at, accepted_at, disbursed_amount_fen, disbursed_on, disbursed_at)
     select ${uuid('bench-offer-', 'k')}, d.id, ${uuid('bench-bank-', 'x.bank')}, null, d.amount_fen * (8 + x.r) / 10, (3.6 + (k % 20) / 10.0)::numeric(7, 4),
       d.term_months, null, x.status, least(d.first_offer_at + x.r * interval '1 hour', now()), ${uuid('bench-officer-', 'x.bank')},
       case when x.status <> 'PENDING' then coalesce(d.matched_at, d.ended_at) end,
       case when x.status in ('ACCEPTED', 'DISBURSED') then d.matched_at end,
       case when x.status = 'DISBURSED' then d.amount_fen * 8 / 10 end,
       case when x.status = 'DISBURSED' then (d.matched_at + interval '4 days')::date end,
       case when x.status = 'DISBURSED' then d.matched_at + interval '4 days' end
     from generate_series(0, ${2 * N - 1}) k
     join financing_demands d on d.id = ${uuid('bench-demand-', 'k / 2')}
     cross join lateral (select k % 2 as r, ((k / 2) * 3 + (k % 2) * 7) % ${B} as bank,
       case d.status when 'OPEN' then 'PENDING' when 'WITHDRAWN' then 'DECLINED' when 'EXPIRED' then 'EXPIRED'
         when 'MATCHED' then (case when k % 2 = 0 then 'ACCEPTED' else 'DECLINED' end)
         else (case when k % 2 = 0 then 'DISBURSED' else 'DECLINED' end) end as status) x;`,
  );

  await step(
    client,
    `${3 * B} credit products`,
    `insert into credit_products (id, bank_id, name, description, min_amount_fen, max_amount_fen, min_term_months, max_term_months,
       min_annual_rate, max_annual_rate, guarantee_types, audience, online_application, application_url, status, published_at, retired_at)
     select ${uuid('bench-product-', 'p')}, ${uuid('bench-bank-', `p % ${B}`)}, (array['普惠信用贷', '科技成长贷', '外贸订单贷'])[1 + p / ${B}],
       '基准测试产品', 10000000, 5000000000, 6, 60, 3.45, 6.00, '["CREDIT", "GUARANTEE"]', '["SMALL_AND_MICRO"]', true, null, 'ACTIVE',
       now() - p * interval '1 day', null
     from generate_series(0, ${3 * B - 1}) p;
     select setval('financing_demand_number_seq', ${N});`,
  );

  for (const index of indexes) await step(client, `index ${index.indexname}`.slice(0, 44), index.indexdef);
  await client.query(`set session_replication_role = origin`);
  await step(
    client,
    'vacuum analyze',
    `vacuum (analyze) enterprises, financing_demands, financing_demand_contacts, financing_offers, users, organisations`,
  );
  await client.query(`comment on table financing_demands is '${loadMarker(sizes)}'`);
  process.stdout.write(`  loaded in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
