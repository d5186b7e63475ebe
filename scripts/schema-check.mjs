// Breaking changes to the schema partners use need a deprecation first or a written reason.
//
// schema/schema.graphql is what the code builds (`npm run build:server` writes it with
// src/app/print-schema.ts; test/platform/schema.test.ts fails while it is stale), so comparing its
// versions in git compares what the API served. @graphql-inspector classifies each change; a
// breaking one passes only when
//   - it removes a field, input field or enum value that the previous version had already marked
//     @deprecated (DiffRule.suppressRemovalOfDeprecatedField makes that "dangerous"), or
//   - the commit that made it says why, in a trailer line:  Schema-break: <the reason>
//     (for uncommitted work, the same reason in the SCHEMA_BREAK_REASON environment variable).
//
//   node scripts/schema-check.mjs                 the uncommitted schema against HEAD's, and the last
//                                                 commit (first-parent) that changed the schema against
//                                                 its parent; run by `npm run lint`. On a clean clone
//                                                 (CI) only the second applies.
//   node scripts/schema-check.mjs --base <ref>    every first-parent commit since <ref> that changed the
//                                                 schema (a pull request: --base origin/main)
//   node scripts/schema-check.mjs --old a.graphql --new b.graphql [--reason "..."]
//
// A merge commit is compared with its first parent and may carry the reason in any merged commit.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CriticalityLevel, DiffRule, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const SCHEMA_PATH = 'schema/schema.graphql';
const TRAILER = /^schema-break:[ \t]*(\S.*)$/gim;

/** The changes from one schema text to the other, split by how they affect existing clients. */
export async function compareSchemas(oldText, newText) {
  const changes = await diff(buildSchema(oldText), buildSchema(newText), [DiffRule.suppressRemovalOfDeprecatedField]);
  return {
    breaking: changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
  };
}

/** The reasons given in `Schema-break:` trailer lines of commit messages. */
export function breakReasons(messages) {
  return [...messages.matchAll(TRAILER)].map((m) => m[1].trim());
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

/** The schema at a revision, or null where the revision or the file does not exist (root commit, shallow clone). */
function schemaAt(revision) {
  try {
    return git('show', `${revision}:${SCHEMA_PATH}`);
  } catch {
    return null;
  }
}

/**
 * One comparison: `label` names it in the report. Returns the lines to report as failures (empty
 * when the change is compatible or explained).
 */
async function check(label, oldText, newText, reasons) {
  if (oldText === null || newText === null || oldText === newText) return [];
  const { breaking, dangerous } = await compareSchemas(oldText, newText);
  for (const change of dangerous) console.log(`schema-check: ${label}: note: ${change.message}`);
  if (breaking.length === 0) return [];
  if (reasons.length > 0) {
    console.log(`schema-check: ${label}: ${breaking.length} breaking change(s), explained: ${reasons.join('; ')}`);
    return [];
  }
  return [
    `${label}: ${breaking.length} breaking change(s) without a deprecation first or a written reason:`,
    ...breaking.map((c) => `  - ${c.path ?? ''}  ${c.message}`),
  ];
}

/** The first-parent commits that changed the schema: since `base`, or the last one. */
function schemaCommits(base) {
  const range = base ? [`${base}..HEAD`] : ['-1', 'HEAD'];
  const out = git('rev-list', '--first-parent', ...range, '--', SCHEMA_PATH).trim();
  return out ? out.split('\n').reverse() : [];
}

async function checkCommit(commit) {
  const subject = git('log', '-1', '--format=%h %<(60,trunc)%s', commit).trim();
  const parent = `${commit}^1`;
  const before = schemaAt(parent);
  if (before === null) {
    console.log(`schema-check: ${subject}: no earlier schema to compare with (first commit, or a shallow clone)`);
    return [];
  }
  // Every commit the change brings in: the commit itself, or all those a merge brings.
  const messages = git('log', '--format=%B', `${parent}..${commit}`);
  return check(subject, before, schemaAt(commit), breakReasons(messages));
}

async function main() {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      old: { type: 'string' },
      new: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const pendingReasons = [values.reason ?? process.env.SCHEMA_BREAK_REASON ?? ''].filter((r) => r.trim() !== '');
  const failures = [];
  let compared = 0;

  if (values.old || values.new) {
    if (!values.old || !values.new) throw new Error('--old and --new go together');
    compared += 1;
    failures.push(
      ...(await check(
        `${values.old} -> ${values.new}`,
        readFileSync(values.old, 'utf8'),
        readFileSync(values.new, 'utf8'),
        pendingReasons,
      )),
    );
  } else {
    for (const commit of schemaCommits(values.base)) {
      compared += 1;
      failures.push(...(await checkCommit(commit)));
    }
    const working = readFileSync(SCHEMA_PATH, 'utf8');
    const head = schemaAt('HEAD');
    if (head !== null && head !== working) {
      compared += 1;
      failures.push(...(await check('uncommitted schema/schema.graphql', head, working, pendingReasons)));
    }
  }

  if (failures.length > 0) {
    console.error(`schema-check: ${failures.join('\n')}`);
    console.error(
      'schema-check: deprecate the field first (remove it in a later change), or say why in the commit ' +
        'message with a line "Schema-break: <reason>" (SCHEMA_BREAK_REASON="<reason>" for uncommitted work).',
    );
    process.exitCode = 1;
    return;
  }
  console.log(`schema-check: ${compared} schema change(s) compared, no unexplained breaking change`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
