// `npm run soak`: does every subscriber get every event it may see, once, in order, under load?
//
// Starts the compiled server (dist/, `npm run build:server` first) as `npm start` runs it on a server
// database: a primary with WORKERS workers on 127.0.0.1, a fresh database with the demo data, the
// PostgreSQL event bus. Then, for DURATION seconds, LOOPS request loops share about RATE requests/s
// (bank searches, name checks, demand publishes, offers, accepts) while SUBSCRIBERS graphql-ws
// subscriptions to financingDemandPublished (two per socket, several sockets per bank, various filters)
// count what they receive by id. Expected for each subscription: every demand published (and
// acknowledged) after all subscriptions were live that matches its filter. Reported per
// subscription: missing, duplicate, foreign (not matching its filter), out of order (a demand
// announced after a later one of the same publishing loop), and errors. Exits 0 only when every
// count is zero; 1 otherwise; 2 if the run itself failed. Stops by itself: the server, the database
// and every socket are gone when it exits.
//
//   node scripts/soak-subscriptions.mjs [--duration=600] [--loops=24] [--rate=250] [--subscribers=20]
//     [--workers=2] [--drain=60] [--database-url=postgres://postgres@127.0.0.1:5432/postgres]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';

const ROOT = resolve(import.meta.dirname, '..');
const MAIN = join(ROOT, 'dist/src/main.js');
const DEMO_PASSWORD = 'Qingdao-demo-1';
const BANKS = ['bank@demo.local', 'bank2@demo.local'];
const APPLICANT = 'applicant@demo.local';

function option(name, fallback) {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : fallback;
}
function count(name, fallback, min, max) {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be ${min}..${max}`);
  return value;
}

const settings = {
  durationS: count('duration', 600, 5, 3600),
  loops: count('loops', 24, 5, 200),
  rate: count('rate', 250, 1, 5000),
  subscribers: count('subscribers', 20, 2, 200),
  workers: count('workers', 2, 1, 16),
  drainS: count('drain', 60, 5, 600),
};
const adminUrl = new URL(
  option('database-url', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(adminUrl.hostname)) {
  console.error('The soak runs only against a PostgreSQL server on this machine (127.0.0.1).');
  process.exit(2);
}
if (!existsSync(MAIN)) {
  console.error('No compiled server: run `npm run build:server` first.');
  process.exit(2);
}

const log = (message) => process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const cleanups = [];
let server;
let soakDatabaseUrl;
const serverLog = { lines: [], listenerWarnings: 0, concurrentQueryWarnings: 0, errors: 0 };

// A hard stop: whatever happens, the run ends (and cleans up) shortly after its planned length.
const hardStop = setTimeout(
  () => {
    log('the run took too long; stopping');
    void finish(2);
  },
  (settings.durationS + settings.drainS + 240) * 1000,
);

async function finish(code) {
  clearTimeout(hardStop);
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`cleanup: ${error.message}`));
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void finish(2));

// ---- the server ---------------------------------------------------------------------------------

async function startServer() {
  const database = `qes_soak_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${database}"`);
  await admin.end();
  cleanups.push(async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl.toString() });
    await cleanup.connect();
    await cleanup.query(`drop database if exists "${database}" with (force)`);
    await cleanup.end();
  });
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  soakDatabaseUrl = databaseUrl.toString();
  const port = await freePort();
  const { SERVER_NODE_FLAGS } = await import(join(ROOT, 'dist/src/runtime-flags.js'));
  server = spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl.toString(),
      EVENT_BUS: 'postgres',
      WORKERS: String(settings.workers),
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVE_WEB: '0',
      DEMO_DATA: '1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_POINTS_PER_MINUTE: '100000000',
      SIGNING_KEY: 'soak-signing-key-0123456789abcdef0123456789',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    if ((await Promise.race([stopped, sleep(20_000, 'late')])) === 'late') server.kill('SIGKILL');
  });
  const read = (stream) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.includes('MaxListenersExceededWarning')) serverLog.listenerWarnings++;
        if (line.includes('already executing a query')) serverLog.concurrentQueryWarnings++;
        try {
          const entry = JSON.parse(line);
          if (entry.level >= 50) {
            serverLog.errors++;
            if (serverLog.lines.length < 20) serverLog.lines.push(line.slice(0, 300));
          }
        } catch {
          // the banner, or a warning Node.js printed
        }
      }
    });
  };
  read(server.stdout);
  read(server.stderr);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error('the server did not start within 2 minutes');
    const probe = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).catch(() => null);
    if (probe?.ok) return base;
    await sleep(500);
  }
}

/** A port free on 127.0.0.1 (the server's log level hides the banner that names the port it chose). */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// ---- requests -----------------------------------------------------------------------------------

const http = { ok: 0, failed: 0, userErrors: 0, byStatus: {} };

async function graphql(base, query, variables = {}, token) {
  let response;
  try {
    response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    http.failed++;
    http.byStatus.network = (http.byStatus.network ?? 0) + 1;
    return null;
  }
  http.byStatus[response.status] = (http.byStatus[response.status] ?? 0) + 1;
  const body = await response.json().catch(() => null);
  if (response.status !== 200 || !body || body.errors) {
    http.failed++;
    return null;
  }
  http.ok++;
  return body.data;
}

async function signIn(base, email) {
  const data = await graphql(
    base,
    `
      mutation ($input: SignInInput!) {
        signIn(input: $input) {
          token
          userErrors {
            code
          }
        }
      }
    `,
    { input: { email, password: DEMO_PASSWORD } },
  );
  const token = data?.signIn?.token;
  if (!token) throw new Error(`could not sign in as ${email}`);
  return token;
}

const PUBLISH = `mutation($input: PublishFinancingDemandInput!) {
  publishFinancingDemand(input: $input) { demand { id } userErrors { code } } }`;
const OFFER = `mutation($input: MakeFinancingOfferInput!) {
  makeFinancingOffer(input: $input) { offer { id } userErrors { code } } }`;
const ACCEPT = `mutation($input: AcceptFinancingOfferInput!) {
  acceptFinancingOffer(input: $input) { offer { id status } userErrors { code } } }`;
const SEARCH = `query($filter: FinancingDemandFilter) {
  financingDemands(first: 20, filter: $filter) { edges { node { id amount { amount } district offerCount } } } }`;
const CHECK_NAME = `query($input: CheckEnterpriseNameInput!) { checkEnterpriseName(input: $input) { name available } }`;
const MY_OPEN_DEMANDS = `{ myFinancingDemands(first: 10, filter: { status: OPEN }) {
  edges { node { id offers(first: 5) { edges { node { id status } } } } } } }`;
const AMOUNTS_YUAN = [500_000, 1_000_000, 2_000_000, 3_000_000, 5_000_000, 8_000_000];

// ---- the run ------------------------------------------------------------------------------------

async function main() {
  log(
    `duration ${settings.durationS} s, ${settings.loops} loops at ~${settings.rate} req/s, ${settings.subscribers} subscribers, ${settings.workers} workers`,
  );
  const base = await startServer();
  log(`server listening at ${base}`);

  const applicant = await signIn(base, APPLICANT);
  const enterprisesData = await graphql(
    base,
    `
      {
        myEnterprises(first: 100) {
          edges {
            node {
              id
              district
              status
            }
          }
        }
      }
    `,
    {},
    applicant,
  );
  const enterprises = (enterprisesData?.myEnterprises.edges ?? [])
    .map((e) => e.node)
    .filter((e) => e.status === 'ACTIVE');
  if (enterprises.length === 0) throw new Error('the demo applicant acts for no active enterprise');
  const districts = [...new Set(enterprises.map((e) => e.district))];

  // Subscribers: several sessions per bank, two subscriptions per socket with different filters.
  const subscriptions = [];
  const sockets = Math.ceil(settings.subscribers / 2);
  const filters = [
    { text: '{}', matches: () => true },
    { text: `{ districts: [${districts[0]}] }`, matches: (d) => d.district === districts[0] },
    { text: '{ amountMin: { amount: "2000000.00" } }', matches: (d) => d.amountYuan >= 2_000_000 },
    {
      text: `{ districts: [${districts.at(-1)}], amountMin: { amount: "1000000.00" } }`,
      matches: (d) => d.district === districts.at(-1) && d.amountYuan >= 1_000_000,
    },
  ];
  for (let s = 0; s < sockets; s++) {
    const token = await signIn(base, BANKS[s % BANKS.length]);
    const client = createClient({
      url: `${base.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
    });
    cleanups.push(async () => client.dispose());
    for (let k = 0; k < 2 && subscriptions.length < settings.subscribers; k++) {
      const filter = filters[(s * 2 + k) % filters.length];
      const subscription = {
        name: `#${subscriptions.length} ${BANKS[s % BANKS.length]} session ${s} ${filter.text}`,
        filter,
        received: [],
        errors: [],
        ended: false,
      };
      client.subscribe(
        {
          query: `subscription { financingDemandPublished(filter: ${filter.text}) { id district amount { amount } } }`,
        },
        {
          next: (result) => {
            if (result.errors) subscription.errors.push(result.errors[0]?.extensions?.code ?? 'error');
            else subscription.received.push(result.data.financingDemandPublished.id);
          },
          error: (error) => {
            subscription.ended = true;
            subscription.errors.push(
              Array.isArray(error) ? (error[0]?.extensions?.code ?? 'error') : `closed ${error?.code ?? ''}`,
            );
          },
          complete: () => {
            subscription.ended = true;
          },
        },
      );
      subscriptions.push(subscription);
    }
  }

  // Live when each has heard something: publish warm-up demands (matching every filter) until then.
  const warmUp = new Set();
  const warmUpDeadline = Date.now() + 60_000;
  while (subscriptions.some((s) => s.received.length === 0)) {
    if (Date.now() > warmUpDeadline) throw new Error('the subscriptions did not start within a minute');
    for (const enterprise of [
      enterprises.find((e) => e.district === districts[0]),
      enterprises.find((e) => e.district === districts.at(-1)),
    ]) {
      const data = await graphql(base, PUBLISH, { input: demandInput(enterprise.id, 8_000_000) }, applicant);
      if (data?.publishFinancingDemand.demand) warmUp.add(data.publishFinancingDemand.demand.id);
    }
    await sleep(200);
  }
  log(`all ${subscriptions.length} subscriptions live; loading for ${settings.durationS} s`);

  // The load: loops of each kind, each paced to its share of the rate.
  const published = []; // { id, district, amountYuan, loop, seq }
  const bankTokens = await Promise.all(BANKS.map((email) => signIn(base, email)));
  const kinds = ['search', 'search', 'name', 'publish', 'offer', 'accept'];
  const interval = (1000 * settings.loops) / settings.rate;
  const stopAt = Date.now() + settings.durationS * 1000;
  const loop = async (index) => {
    const kind = kinds[index % kinds.length];
    const token = kind === 'search' || kind === 'offer' ? bankTokens[index % bankTokens.length] : applicant;
    for (let seq = 0; Date.now() < stopAt; seq++) {
      const started = Date.now();
      if (kind === 'publish') {
        const enterprise = enterprises[(index + seq) % enterprises.length];
        const amountYuan = AMOUNTS_YUAN[(index * 7 + seq) % AMOUNTS_YUAN.length];
        const data = await graphql(base, PUBLISH, { input: demandInput(enterprise.id, amountYuan) }, token);
        const demand = data?.publishFinancingDemand.demand;
        if (demand) published.push({ id: demand.id, district: enterprise.district, amountYuan, loop: index, seq });
        else if (data) http.userErrors++;
      } else if (kind === 'offer') {
        const recent = published[published.length - 1 - (seq % Math.min(20, published.length || 1))];
        if (recent) {
          const data = await graphql(
            base,
            OFFER,
            {
              input: { demandId: recent.id, amount: { amount: '100000.00' }, annualRate: '4.10', termMonths: 12 },
            },
            token,
          );
          if (data?.makeFinancingOffer.userErrors.length) http.userErrors++;
        }
      } else if (kind === 'accept') {
        const data = await graphql(base, MY_OPEN_DEMANDS, {}, token);
        const offer = data?.myFinancingDemands.edges
          .flatMap((e) => e.node.offers.edges.map((o) => o.node))
          .find((o) => o.status === 'PENDING');
        if (offer) {
          const accepted = await graphql(base, ACCEPT, { input: { id: offer.id } }, token);
          if (accepted?.acceptFinancingOffer.userErrors.length) http.userErrors++;
        }
      } else if (kind === 'name') {
        await graphql(base, CHECK_NAME, { input: { name: `青岛海川${seq % 97}智能科技有限公司` } });
      } else {
        await graphql(base, SEARCH, { filter: { districts: [districts[seq % districts.length]] } }, token);
      }
      const wait = interval - (Date.now() - started);
      if (wait > 0) await sleep(wait);
    }
  };
  const progress = setInterval(() => {
    const heard = subscriptions.reduce((n, s) => n + s.received.length, 0);
    log(`${http.ok} requests ok, ${http.failed} failed, ${published.length} demands published, ${heard} events heard`);
  }, 30_000);
  const started = Date.now();
  await Promise.all(Array.from({ length: settings.loops }, (_, i) => loop(i)));
  clearInterval(progress);
  const loadSeconds = (Date.now() - started) / 1000;
  log(`load done: ${http.ok + http.failed} requests in ${loadSeconds.toFixed(0)} s; draining`);

  // Drain: wait until every subscription has every event it should have, or the drain time passes.
  const expected = new Map(
    subscriptions.map((s) => [s, published.filter((d) => s.filter.matches(d)).map((d) => d.id)]),
  );
  const complete = (s) => {
    const got = new Set(s.received);
    return s.ended || expected.get(s).every((id) => got.has(id));
  };
  const drainDeadline = Date.now() + settings.drainS * 1000;
  while (!subscriptions.every(complete) && Date.now() < drainDeadline) await sleep(500);

  // The counts.
  const seqOf = new Map(published.map((d) => [d.id, d]));
  let failures = 0;
  const rows = subscriptions.map((s) => {
    const wanted = new Set(expected.get(s));
    const ids = s.received.filter((id) => !warmUp.has(id));
    const got = new Set(ids);
    const lastSeqOfLoop = new Map();
    let outOfOrder = 0;
    for (const id of ids) {
      const demand = seqOf.get(id);
      if (!demand) continue;
      if ((lastSeqOfLoop.get(demand.loop) ?? -1) > demand.seq) outOfOrder++;
      lastSeqOfLoop.set(demand.loop, Math.max(lastSeqOfLoop.get(demand.loop) ?? -1, demand.seq));
    }
    const row = {
      subscription: s.name,
      expected: wanted.size,
      received: ids.length,
      missing: [...wanted].filter((id) => !got.has(id)).length,
      duplicates: s.received.length - new Set(s.received).size,
      foreign: ids.filter((id) => !wanted.has(id)).length,
      outOfOrder,
      errors: s.errors.join(' ') || '-',
    };
    if (row.missing || row.duplicates || row.foreign || row.outOfOrder || s.errors.length) failures++;
    return row;
  });

  // What the database holds: every acknowledged demand, and never two accepted offers on one demand.
  const check = new pg.Client({ connectionString: soakDatabaseUrl });
  await check.connect();
  const localIds = published.map((d) => Buffer.from(d.id, 'base64url').toString('utf8').split(':').at(-1));
  const stored = (
    await check.query('select count(*)::int as n from financing_demands where id::text = any($1)', [localIds])
  ).rows[0].n;
  const doubleAccepted = (
    await check.query(
      `select count(*)::int as n from (select demand_id from financing_offers where status = 'ACCEPTED' group by demand_id having count(*) > 1) d`,
    )
  ).rows[0].n;
  await check.end();

  const expectedTotal = rows.reduce((n, r) => n + r.expected, 0);
  const deliveredTotal = rows.reduce((n, r) => n + r.expected - r.missing, 0);
  console.table(rows);
  log(
    [
      `requests: ${http.ok + http.failed} in ${loadSeconds.toFixed(0)} s (${((http.ok + http.failed) / loadSeconds).toFixed(0)}/s), failed ${http.failed}, by status ${JSON.stringify(http.byStatus)}, user errors ${http.userErrors}`,
      `demands published during the load: ${published.length}; in the database: ${stored}; demands with two accepted offers: ${doubleAccepted}`,
      `events: expected ${expectedTotal}, delivered ${deliveredTotal} (${expectedTotal ? ((100 * deliveredTotal) / expectedTotal).toFixed(2) : '100'}%), duplicates ${rows.reduce((n, r) => n + r.duplicates, 0)}, foreign ${rows.reduce((n, r) => n + r.foreign, 0)}, out of order ${rows.reduce((n, r) => n + r.outOfOrder, 0)}`,
      `server: ${serverLog.listenerWarnings} MaxListenersExceededWarning, ${serverLog.concurrentQueryWarnings} "already executing a query", ${serverLog.errors} errors logged`,
      ...serverLog.lines,
    ].join('\n'),
  );
  const exact = failures === 0 && stored === published.length && doubleAccepted === 0 && http.failed === 0;
  log(
    exact
      ? 'EXACT: every subscriber got every event it may see, once, in order'
      : `NOT EXACT: ${failures} subscriptions off`,
  );
  await finish(exact ? 0 : 1);
}

function demandInput(enterpriseId, amountYuan) {
  return {
    enterpriseId,
    amount: { amount: `${amountYuan}.00` },
    termMonths: 24,
    purpose: 'WORKING_CAPITAL',
    guaranteeType: 'CREDIT',
    collateral: null,
    maxAnnualRate: null,
    desiredOn: null,
    contactConsent: false,
    contact: { name: '王海川', phone: '13912345678', email: null, idNumber: null },
  };
}

main().catch(async (error) => {
  log(`the run failed: ${error.stack ?? error}`);
  await finish(2);
});
