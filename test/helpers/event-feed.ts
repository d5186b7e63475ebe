import { expect } from 'vitest';
import { fromGlobalId } from '../../src/shared/ids.js';
import type { TestApp } from './app.js';

// Reading the partners' event feed in module tests: which events of a type a reader sees, and the
// assertion every new event type is tested with (written once, seen by exactly its object's readers).

const FEED = `query($after: String, $types: [String!]) {
  events(after: $after, first: 100, filter: { types: $types }) {
    edges { node { type subjectId } } pageInfo { hasNextPage endCursor } } }`;

/**
 * Waits until every event written so far is readable: the feed withholds rows of transactions newer
 * than the oldest one running on the PostgreSQL server, and other test files share that server.
 */
export async function feedSettled(app: TestApp): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await app
      .em()
      .execute(
        `select coalesce(max(xact_id) < pg_snapshot_xmin(pg_current_snapshot()), true) as ok from domain_events`,
      );
    if (row.ok) return;
    if (Date.now() > deadline) throw new Error('events not readable after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The subject IDs (global) of the events of `type` the holder of `token` reads, in feed order. */
export async function feedSubjects(app: TestApp, token: string, type: string): Promise<string[]> {
  const subjects: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await app.execute(FEED, { after, types: [type] }, { token, language: 'en' });
    expect(result.errors).toBeUndefined();
    const page = result.data!.events as {
      edges: { node: { type: string; subjectId: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    subjects.push(...page.edges.map((e) => e.node.subjectId));
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return subjects;
  }
}

/**
 * The event `type` about `subjectId` is in the outbox exactly once, every reader in `seenBy` reads it
 * once, and no reader in `hiddenFrom` reads it.
 */
export async function expectFeedEvent(
  app: TestApp,
  type: string,
  subjectId: string,
  readers: { seenBy: string[]; hiddenFrom: string[] },
): Promise<void> {
  await feedSettled(app);
  const [row] = await app
    .em()
    .execute<{ n: number }[]>(`select count(*)::int as n from domain_events where type = ? and subject_id = ?`, [
      type,
      fromGlobalId(subjectId)!.id,
    ]);
  expect(row!.n, `${type} rows for ${subjectId}`).toBe(1);
  for (const token of readers.seenBy) {
    expect((await feedSubjects(app, token, type)).filter((id) => id === subjectId)).toEqual([subjectId]);
  }
  for (const token of readers.hiddenFrom) {
    expect(await feedSubjects(app, token, type)).not.toContain(subjectId);
  }
}
