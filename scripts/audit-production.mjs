#!/usr/bin/env node
// CI: `npm audit --omit=dev`, failing on any high or critical advisory in what production installs,
// unless .ci/audit-exceptions.json names the advisory with the reason it does not apply.
// When the registry's audit endpoint cannot be reached (a closed network, a proxy answering 405), the
// audit did not happen: this says so plainly and does not fail the build for it.
// `--report FILE` judges a saved `npm audit --json` report instead of asking the registry.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const BLOCKING = new Set(['high', 'critical']);
const exceptions = JSON.parse(readFileSync(new URL('../.ci/audit-exceptions.json', import.meta.url), 'utf8'));

function auditReport() {
  const at = process.argv.indexOf('--report');
  if (at > 0) return readFileSync(process.argv[at + 1], 'utf8');
  const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  if (result.error) return JSON.stringify({ error: { summary: String(result.error) } });
  return result.stdout;
}

let report;
try {
  report = JSON.parse(auditReport());
} catch {
  report = { error: { summary: 'npm audit did not answer with JSON' } };
}

if (!report.metadata?.vulnerabilities) {
  const why = report.message ?? report.error?.summary ?? 'no audit report';
  console.log(`== npm audit: NOT CHECKED: the registry's audit endpoint could not be reached (${why}).`);
  console.log(
    '   Production dependencies were not audited in this run; run `npm audit --omit=dev` where the registry is reachable.',
  );
  process.exit(0);
}

const blocking = [];
for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
  for (const via of vulnerability.via ?? []) {
    // A string `via` names another vulnerable package, reported under its own name.
    if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
    if (exceptions[via.url]) {
      console.log(`== npm audit: ${name} ${via.severity} ${via.url} accepted: ${exceptions[via.url]}`);
      continue;
    }
    blocking.push(`${name} (${via.range ?? vulnerability.range}): ${via.severity}, ${via.title}, ${via.url}`);
  }
}
const counts = report.metadata.vulnerabilities;
console.log(
  `== npm audit (production dependencies): ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`,
);
if (blocking.length > 0) {
  console.log(
    `High or critical advisories without a written exception (.ci/audit-exceptions.json):\n  ${blocking.join('\n  ')}`,
  );
  process.exit(1);
}
