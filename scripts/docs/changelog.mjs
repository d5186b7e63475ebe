// The API changelog: each release's schema compared with the one before it by GraphQL Inspector
// (@graphql-inspector/core), every change classed as breaking, dangerous or safe.
//
// Releases are the snapshots in schema/releases/<version>.graphql (committed, so a clean checkout
// has them without git history); the schema of the working tree (schema/schema.graphql), compared
// with the newest snapshot, is "unreleased".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff, CriticalityLevel } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** @typedef {{ message: string, path: string | null }} SchemaChange */
/** @typedef {{ breaking: SchemaChange[], dangerous: SchemaChange[], safe: SchemaChange[] }} SchemaChanges */

/** The changes from one schema text (SDL) to another, by criticality, each group in schema order. */
export async function schemaChanges(oldText, newText) {
  const changes = await diff(buildSchema(oldText), buildSchema(newText));
  /** @type {SchemaChanges} */
  const grouped = { breaking: [], dangerous: [], safe: [] };
  for (const change of changes) {
    const entry = { message: change.message, path: change.path ?? null };
    if (change.criticality.level === CriticalityLevel.Breaking) grouped.breaking.push(entry);
    else if (change.criticality.level === CriticalityLevel.Dangerous) grouped.dangerous.push(entry);
    else grouped.safe.push(entry);
  }
  return grouped;
}

/** Orders versions like 0.10.0 after 0.9.1 (numeric parts, then the rest as text). */
function compareVersions(a, b) {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const order = Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : x.localeCompare(y);
    if (order !== 0) return order;
  }
  return 0;
}

/** The release snapshots (schema/releases/<version>.graphql), oldest first. */
export function releaseSnapshots(releasesDir) {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => file.slice(0, -'.graphql'.length))
    .sort(compareVersions)
    .map((version) => ({ version, text: readFileSync(join(releasesDir, `${version}.graphql`), 'utf8') }));
}

/**
 * The changelog, newest first: the working schema against the last release (version null, when it
 * differs), then each release against the one before; the first release has no predecessor (first: true).
 */
export async function changelog(releasesDir, currentText) {
  const releases = releaseSnapshots(releasesDir);
  const entries = [];
  const last = releases.at(-1);
  if (last) {
    const unreleased = await schemaChanges(last.text, currentText);
    const count = unreleased.breaking.length + unreleased.dangerous.length + unreleased.safe.length;
    if (count > 0) entries.push({ version: null, first: false, changes: unreleased });
  }
  for (let i = releases.length - 1; i >= 0; i--) {
    const previous = releases[i - 1];
    const changes = previous
      ? await schemaChanges(previous.text, releases[i].text)
      : { breaking: [], dangerous: [], safe: [] };
    entries.push({ version: releases[i].version, first: !previous, changes });
  }
  return entries;
}
