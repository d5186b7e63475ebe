import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { createRequestContext } from '../src/app/context.js';
import { createPlatformDeps } from '../src/app/platform.js';
import { createAppServer } from '../src/app/server.js';
import { loadConfig } from '../src/config.js';
import { migrate, openDatabase } from '../src/db/orm.js';
import { checkEnterpriseName } from '../src/modules/names/check.service.js';
import { indexKeysOf } from '../src/modules/names/name-index.service.js';
import { DISTRICT_VALUES as DISTRICTS, type DistrictValue } from '../src/modules/names/names.entity.js';

// npm run bench:names — loads 200,000 synthetic registered names into the PostgreSQL database at
// DATABASE_URL (once: a second run reuses them) and times 1,000 checkEnterpriseName operations
// through the real GraphQL pipeline (Apollo, validation, cost limit, resolvers, SQL), reporting the
// median and the 99th percentile. The target is a median under 20 ms.

const TARGET_ROWS = Number(process.env.BENCH_NAMES_ROWS ?? 200_000);
const CHECKS = Number(process.env.BENCH_NAMES_CHECKS ?? 1_000);
const MARK = new Date('2000-01-01T00:00:00Z'); // created_at of the synthetic rows

// Characters trade names are commonly made of, and the industry words and forms they take.
const CHARS = [
  ...'海川华泰鑫源瑞丰恒达盛通宏远凯星汇金鼎诚信德祥和顺安康明辉聚博睿智新创银龙腾飞翔宇航天成佳美嘉禾润泽东方正阳光大元亨利贞同仁合兴隆昌永春秋宁静雅致远峰峦岳山岩石松柏竹梅兰菊荷莲桥湾港岛礁蓝青碧翠云霞虹霖雨露泉溪涛澜浩渺洋帆舟锦绣富贵',
];
const INDUSTRIES = [
  '科技',
  '智能科技',
  '信息技术',
  '软件',
  '贸易',
  '商贸',
  '国际贸易',
  '物流',
  '餐饮',
  '建筑工程',
  '地产',
  '房地产',
  '置业',
  '酒业',
  '食品',
  '机械',
  '电子',
  '生物科技',
  '医药',
  '文化传媒',
  '教育咨询',
  '投资管理',
  '酒店管理',
  '海洋科技',
  '装饰工程',
  '汽车销售',
  '服装',
  '化工',
  '环保科技',
  '新能源',
];
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司'];

// A deterministic generator (mulberry32), so every run loads and checks the same names.
let seed = 20261126;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function syntheticTradeName(): string {
  const length = random() < 0.7 ? 2 : 3;
  let name = '';
  for (let i = 0; i < length; i++) name += pick(CHARS);
  return name;
}

function syntheticName(): string {
  return `青岛${syntheticTradeName()}${pick(INDUSTRIES)}${pick(FORMS)}`;
}

async function load(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ count: string }>(
    'select count(*) from enterprise_names where created_at = $1',
    [MARK],
  );
  let present = Number(rows[0]!.count);
  if (present >= TARGET_ROWS) {
    process.stdout.write(`${present} synthetic names already loaded\n`);
    return;
  }
  process.stdout.write(`loading ${TARGET_ROWS - present} synthetic names…\n`);
  const started = Date.now();
  const batch = 2_000;
  while (present < TARGET_ROWS) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = 0; i < Math.min(batch, TARGET_ROWS - present); i++) {
      const keys = indexKeysOf(syntheticName());
      const base = values.length;
      values.push(
        randomUUID(),
        randomUUID(),
        keys.name,
        pick(DISTRICTS),
        keys.tradeName,
        keys.tradeNamePinyin,
        keys.tradeNameGrams,
        keys.reorderKey,
        keys.industryWord,
        keys.industryGroup,
        MARK,
      );
      tuples.push(`(${Array.from({ length: 11 }, (_, k) => `$${base + k + 1}`).join(', ')})`);
    }
    await client.query(
      `insert into enterprise_names (id, enterprise_id, name, district, trade_name, trade_name_pinyin, trade_name_grams, reorder_key, industry_word, industry_group, created_at) values ${tuples.join(', ')}`,
      values,
    );
    present += tuples.length;
  }
  // As autovacuum would after a bulk load: fresh statistics and a visibility map for the planner.
  await client.query('vacuum analyze enterprise_names');
  process.stdout.write(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  if (!config.databaseUrl)
    throw new Error('set DATABASE_URL to a PostgreSQL database (it gets 200,000 synthetic names)');
  const database = await openDatabase({ kind: 'server', url: config.databaseUrl, poolSize: 4 });
  await migrate(database.orm);
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    await load(client);
  } finally {
    await client.end();
  }

  const deps = await createPlatformDeps(
    { ...config, signingKey: config.signingKey ?? 'bench-signing-key-0123456789abcdef0123' },
    pino({ level: 'silent' }),
  );
  await deps.calendar.reload(database.orm.em.fork());
  const server = await createAppServer(database.orm, deps);
  const query = `query Check($input: CheckEnterpriseNameInput!) {
    checkEnterpriseName(input: $input) {
      name available special parts { tradeName industry }
      violations { rule message } conflicts { name kind rule message source } specialReasons { code }
    }
  }`;
  // Half the checks reuse trade names that exist (so conflicts are found and compared), half are new.
  const inputs = Array.from({ length: CHECKS + 50 }, (_, i) => ({
    name: i % 2 === 0 ? syntheticName() : `青岛${syntheticTradeName()}${pick(CHARS)}${pick(INDUSTRIES)}有限公司`,
    district: i % 3 === 0 ? null : pick(DISTRICTS),
  }));

  const timings: number[] = [];
  let conflicts = 0;
  for (const [i, input] of inputs.entries()) {
    const contextValue = await createRequestContext(database.orm, deps, {
      authorization: null,
      acceptLanguage: 'zh-CN',
      ip: '127.0.0.1',
    });
    const started = process.hrtime.bigint();
    const response = await server.apollo.executeOperation({ query, variables: { input } }, { contextValue });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(
        JSON.stringify(response.body.kind === 'single' ? response.body.singleResult.errors : 'incremental'),
      );
    }
    const data = response.body.singleResult.data as { checkEnterpriseName: { conflicts: unknown[] } };
    if (i >= 50) {
      // The first 50 warm the caches and the JIT; they are not counted.
      timings.push(elapsed);
      conflicts += data.checkEnterpriseName.conflicts.length;
    }
  }
  timings.sort((a, b) => a - b);

  // The same checks through the service alone (no GraphQL), to tell the pipeline's share from the rules' and SQL's.
  const serviceTimings: number[] = [];
  for (const [i, input] of inputs.entries()) {
    const ctx = await createRequestContext(database.orm, deps, {
      authorization: null,
      acceptLanguage: 'zh-CN',
      ip: '127.0.0.1',
    });
    const started = process.hrtime.bigint();
    await checkEnterpriseName(ctx, { name: input.name, district: input.district as DistrictValue | null });
    if (i >= 50) serviceTimings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  serviceTimings.sort((a, b) => a - b);
  const rows = await database.orm.em
    .fork()
    .getConnection()
    .execute<{ count: string }[]>('select count(*) from enterprise_names');
  process.stdout.write(
    [
      `names in the conflict index: ${rows[0]!.count}`,
      `checkEnterpriseName × ${timings.length} (GraphQL pipeline, PostgreSQL): median ${percentile(timings, 50).toFixed(2)} ms, p99 ${percentile(timings, 99).toFixed(2)} ms, max ${timings.at(-1)!.toFixed(2)} ms`,
      `the same through the service alone: median ${percentile(serviceTimings, 50).toFixed(2)} ms, p99 ${percentile(serviceTimings, 99).toFixed(2)} ms`,
      `conflicts found: ${conflicts} (${(conflicts / timings.length).toFixed(2)} per check)`,
      '',
    ].join('\n'),
  );
  await server.stop();
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
