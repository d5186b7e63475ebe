import { createServer } from 'node:http';
import pg from 'pg';

// The floor: the same bank search served as cheaply as this machine allows. A bare node:http server,
// a pg pool, and one prepared statement that finds the 50 ids with an index-only scan, then builds the
// whole JSON response for just those rows inside PostgreSQL. No authentication, no GraphQL, no ORM:
// nothing our server does that this one does not is free, so our figures are read as ratios of these.
//
// The statement is prepared once per connection, so its plan is generic: the amount bounds are written
// as \`amount_fen + 0\` so that plan cannot pick the (district, amount) index and sort 100,000 rows; it
// walks (district, published_at) backwards and checks the amount inside the index instead.
//
// POST / with {"district","amountMinFen","amountMaxFen","bankId","after":[publishedAtIso, id] | null}.

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.FLOOR_POOL_SIZE ?? 10),
});

const iso = (column: string) => `to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+08:00"')`;
const gid = (type: string, column: string) =>
  `rtrim(translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
const money = (column: string) =>
  `json_build_object('amount', to_char(${column} / 100.0, 'FM999999999999990.00'), 'currency', 'CNY')`;
const cursorOf = `rtrim(translate(encode(convert_to(json_build_array(to_char(d.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), d.id)::text, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

export function search(keyset: boolean): string {
  return `with page as materialized (
    select d.id, d.published_at from financing_demands d
    where d.status = 'OPEN' and d.district = $1 and d.expires_at > now() and d.amount_fen + 0 >= $2 and d.amount_fen + 0 <= $3
      ${keyset ? 'and (d.published_at, d.id) < ($5::timestamptz, $6::uuid)' : ''}
    order by d.published_at desc, d.id desc limit 51
  ), shown as (select * from page order by published_at desc, id desc limit 50)
  select json_build_object('data', json_build_object('financingDemands', json_build_object(
    'edges', coalesce((
      select json_agg(json_build_object('cursor', ${cursorOf}, 'node', json_build_object(
        'id', ${gid('FinancingDemand', 'd.id')}, 'number', d.number, 'amount', ${money('d.amount_fen')},
        'termMonths', d.term_months, 'purpose', d.purpose, 'guaranteeType', d.guarantee_type,
        'maxAnnualRate', to_char(d.max_annual_rate, 'FM990.00##'), 'publishedAt', ${iso('d.published_at')},
        'expiresAt', ${iso('d.expires_at')}, 'status', d.status, 'offerCount', d.offer_count, 'district', d.district,
        'industry', json_build_object('code', d.industry),
        'enterprise', json_build_object('id', ${gid('Enterprise', 'e.id')}, 'name', e.name, 'uscc', e.uscc,
          'industry', json_build_object('code', e.industry)),
        'offers', json_build_object('edges', coalesce((
          select json_agg(json_build_object('node', json_build_object('id', ${gid('FinancingOffer', 'o.id')}, 'status', o.status,
            'amount', ${money('o.amount_fen')}, 'annualRate', to_char(o.annual_rate, 'FM990.00##'), 'termMonths', o.term_months,
            'createdAt', ${iso('o.created_at')})) order by o.created_at desc, o.id desc)
          from financing_offers o where o.demand_id = d.id and o.bank_id = $4), '[]'))
      )) order by s.published_at desc, s.id desc)
      from shown s join financing_demands d on d.id = s.id join enterprises e on e.id = d.enterprise_id), '[]'),
    'pageInfo', json_build_object('hasNextPage', (select count(*) from page) > 50,
      'endCursor', (select ${cursorOf} from shown s join financing_demands d on d.id = s.id order by s.published_at, s.id limit 1))
  )))::text as body`;
}

const FIRST_PAGE = { name: 'floor_first_page', text: search(false) };
const NEXT_PAGE = { name: 'floor_next_page', text: search(true) };

function serve(): void {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        district: string;
        amountMinFen: number;
        amountMaxFen: number;
        bankId: string;
        after: [string, string] | null;
      };
      const values: unknown[] = [input.district, input.amountMinFen, input.amountMaxFen, input.bankId];
      if (input.after) values.push(input.after[0], input.after[1]);
      pool
        .query<{ body: string }>({ ...(input.after ? NEXT_PAGE : FIRST_PAGE), values })
        .then((result) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(result.rows[0]!.body);
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(String(error));
        });
    });
  });

  server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => process.stdout.write('floor ready\n'));
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) serve();
