import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelog, schemaChanges } from '../../scripts/docs/changelog.mjs';

// The /docs changelog: GraphQL Inspector's comparison of two schema texts, grouped by criticality,
// and the list of releases (schema/releases/<version>.graphql) it is made from.

const V1 = /* GraphQL */ `
  type Query {
    demand(id: ID!): Demand
    demands(first: Int): [Demand!]!
  }
  type Demand {
    id: ID!
    amount: String!
    district: District!
  }
  enum District {
    HUANGDAO
    CHENGYANG
  }
`;

/** Removes a field (breaking), adds an enum value and an optional argument (dangerous: results may differ), adds a field (safe). */
const V2 = /* GraphQL */ `
  type Query {
    demand(id: ID!): Demand
    demands(first: Int, after: String): [Demand!]!
  }
  type Demand {
    id: ID!
    district: District!
    publishedAt: String
  }
  enum District {
    HUANGDAO
    CHENGYANG
    JIMO
  }
`;

describe('schema changes between two releases', () => {
  it('lists a removed field as breaking, a new enum value or argument as dangerous and a new field as safe', async () => {
    const changes = await schemaChanges(V1, V2);
    expect(changes.breaking).toEqual([
      { message: "Field 'amount' was removed from object type 'Demand'", path: 'Demand.amount' },
    ]);
    expect(changes.dangerous.map((c) => c.path).sort()).toEqual(['District.JIMO', 'Query.demands.after']);
    expect(changes.safe.map((c) => c.path)).toEqual(['Demand.publishedAt']);
  });

  it('finds nothing between a schema and itself', async () => {
    expect(await schemaChanges(V1, V1)).toEqual({ breaking: [], dangerous: [], safe: [] });
  });

  it('makes a required argument breaking', async () => {
    const changes = await schemaChanges(V1, V1.replace('demands(first: Int)', 'demands(first: Int!)'));
    expect(changes.breaking.map((c) => c.path)).toEqual(['Query.demands.first']);
  });
});

describe('the changelog of the release snapshots', () => {
  it('compares each release with the one before, newest first, in version order, and the working schema with the last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'releases-'));
    writeFileSync(join(dir, '0.9.0.graphql'), V1);
    // 0.10.0 sorts after 0.9.0 (numerically, not as text).
    writeFileSync(join(dir, '0.10.0.graphql'), V2);
    writeFileSync(join(dir, 'README.md'), 'not a schema');

    const entries = await changelog(dir, V2.replace('publishedAt: String', ''));
    expect(entries.map((e) => e.version)).toEqual([null, '0.10.0', '0.9.0']);
    expect(entries[0]!.changes.breaking.map((c) => c.path)).toEqual(['Demand.publishedAt']);
    expect(entries[1]!.changes.breaking.map((c) => c.path)).toEqual(['Demand.amount']);
    expect(entries[2]).toEqual({ version: '0.9.0', first: true, changes: { breaking: [], dangerous: [], safe: [] } });
  });

  it('has no unreleased entry when the working schema is the last release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'releases-'));
    writeFileSync(join(dir, '1.0.0.graphql'), V1);
    expect((await changelog(dir, V1)).map((e) => e.version)).toEqual(['1.0.0']);
  });
});
