import { Cursor } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { StoredFile } from '../../shared/files/file.entity.js';
import { lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import { byKeys, defineLoader, groupByKeys } from '../../shared/loaders.js';
import { ServiceCase, ServiceCaseAttachment, ServiceCaseMessage } from './service-case.entity.js';
import type { ServiceCaseStatus } from './service-case.enums.js';

// What a list of cases reads per case, one statement per loader and batch whatever the page size:
// the cases, their attachments, a page of each case's messages and each case's history. The caller
// (the field resolver) decides from the viewer what a case may show and says so in the key; a batch
// mixes keys of different visibility freely, each group of equal visibility costing one statement.

export const caseById = defineLoader<string, ServiceCase | null>('investorServices.caseById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(ServiceCase, { id: { $in: [...ids] } }), (c) => c.id),
);

export interface AttachmentRow {
  caseId: string;
  file: StoredFile;
}

export const attachmentsByCase = defineLoader<string, AttachmentRow[]>(
  'investorServices.attachmentsByCase',
  async (ctx, ids) => {
    const links = await ctx.em.find(
      ServiceCaseAttachment,
      { caseId: { $in: [...ids] } },
      { orderBy: { attachedAt: 'asc', id: 'asc' } },
    );
    const files = links.length ? await ctx.em.find(StoredFile, { id: { $in: links.map((l) => l.fileId) } }) : [];
    const byId = new Map(files.map((f) => [f.id, f]));
    const rows = links.flatMap((l) => (byId.has(l.fileId) ? [{ caseId: l.caseId, file: byId.get(l.fileId)! }] : []));
    return groupByKeys(ids, rows, (r) => r.caseId);
  },
);

// ---------------------------------------------------------------------------------------------
// Messages

/** Which messages of a case the viewer may read, as decided by service-case.access.ts. */
export interface MessageScope {
  internalNotes: boolean;
  confidential: boolean;
}

export interface MessagePageKey extends MessageScope {
  caseId: string;
  first: number;
  after: string | null;
}

export const MESSAGE_ORDER = { createdAt: 'asc', id: 'asc' } as const;
const scopeKey = (s: MessageScope) => `${s.internalNotes ? 'i' : ''}${s.confidential ? 'c' : ''}`;
const pageKey = (k: MessagePageKey) => `${k.caseId}|${k.first}|${k.after ?? ''}|${scopeKey(k)}`;

function scopeCondition(scope: MessageScope): string {
  return `${scope.internalNotes ? '' : ' and not m.internal'}${scope.confidential ? '' : ' and not m.confidential'}`;
}

/**
 * A page of each case's messages, oldest first, with the same cursors as `paginate` over
 * (createdAt, id): a window function numbers each case's messages, so 20 cases cost one statement.
 */
export const messagesPage = defineLoader<MessagePageKey, ConnectionData<ServiceCaseMessage>>(
  'investorServices.messagesPage',
  async (ctx, keys) => {
    const groups = new Map<string, MessagePageKey[]>();
    for (const key of keys) {
      const shape = `${key.first}|${key.after ?? ''}|${scopeKey(key)}`;
      groups.set(shape, [...(groups.get(shape) ?? []), key]);
    }
    const pages = new Map<string, ConnectionData<ServiceCaseMessage>>();
    for (const group of groups.values()) {
      const { first, after } = group[0]!;
      const caseIds = group.map((k) => k.caseId);
      const params: unknown[] = [caseIds];
      let where = `m.case_id in (?)${scopeCondition(group[0]!)}`;
      // The resolver has checked the cursor against MESSAGE_ORDER (checkCursor).
      if (after) {
        const [createdAt, id] = Cursor.decode(after) as [Date, string];
        where += ' and (m.created_at, m.id) > (?::timestamptz, ?::uuid)';
        params.push(createdAt, id);
      }
      params.push(first + 1);
      const rows = await ctx.em.execute<Record<string, unknown>[]>(
        `select * from (select m.*, row_number() over (partition by m.case_id order by m.created_at, m.id) as rn
           from service_case_messages m where ${where}) x where x.rn <= ? order by x.case_id, x.rn`,
        params,
      );
      const byCase = new Map<string, ServiceCaseMessage[]>();
      for (const row of rows) {
        const { rn: _rn, ...columns } = row;
        const message = ctx.em.map(ServiceCaseMessage, columns);
        byCase.set(message.caseId, [...(byCase.get(message.caseId) ?? []), message]);
      }
      for (const key of group) {
        const all = byCase.get(key.caseId) ?? [];
        const edges = all.slice(0, first).map((node) => ({ cursor: Cursor.encode([node.createdAt, node.id]), node }));
        pages.set(pageKey(key), {
          edges,
          pageInfo: {
            hasNextPage: all.length > first,
            hasPreviousPage: after !== null,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          totalCount: lazy(() => countMessages(ctx, key.caseId, key)),
        });
      }
    }
    return keys.map((key) => pages.get(pageKey(key))!);
  },
);

const scopeOf = (key: MessageScope): MessageScope => ({
  internalNotes: key.internalNotes,
  confidential: key.confidential,
});

const messageCount = defineLoader<MessageScope & { caseId: string }, number>(
  'investorServices.messageCount',
  async (ctx, keys) => {
    const counts = new Map<string, number>();
    const byScope = new Map<string, (MessageScope & { caseId: string })[]>();
    for (const key of keys) byScope.set(scopeKey(key), [...(byScope.get(scopeKey(key)) ?? []), key]);
    for (const [scope, group] of byScope) {
      const rows = await ctx.em.execute<{ case_id: string; n: string }[]>(
        `select m.case_id, count(*) as n from service_case_messages m where m.case_id in (?)${scopeCondition(group[0]!)} group by m.case_id`,
        [group.map((k) => k.caseId)],
      );
      for (const row of rows) counts.set(`${row.case_id}|${scope}`, Number(row.n));
    }
    return keys.map((key) => counts.get(`${key.caseId}|${scopeKey(key)}`) ?? 0);
  },
);

export function countMessages(ctx: RequestContext, caseId: string, scope: MessageScope): Promise<number> {
  return ctx.loaders.get(messageCount).load({ caseId, ...scopeOf(scope) });
}

// ---------------------------------------------------------------------------------------------
// History

/** Steps the investor is not told of: the office's internal notes and who of the office handles it. */
export const OFFICE_ONLY_ACTIONS = ['investorServices.internalNote', 'investorServices.assign'];
export const HISTORY_LIMIT = 100;

export interface HistoryEntry {
  action: string;
  status: ServiceCaseStatus | null;
  at: Date;
}

/** Key: `{ caseId, officeSteps }`; officeSteps only for commerce officials. */
export const historyByCase = defineLoader<{ caseId: string; officeSteps: boolean }, HistoryEntry[]>(
  'investorServices.historyByCase',
  async (ctx, keys) => {
    const entries = new Map<string, HistoryEntry[]>();
    for (const officeSteps of [true, false]) {
      const caseIds = keys.filter((k) => k.officeSteps === officeSteps).map((k) => k.caseId);
      if (caseIds.length === 0) continue;
      const params: unknown[] = [caseIds];
      let where = `e.subject_type = 'ServiceCase' and e.subject_id in (?)`;
      if (!officeSteps) {
        where += ' and e.action not in (?)';
        params.push(OFFICE_ONLY_ACTIONS);
      }
      params.push(HISTORY_LIMIT);
      const rows = await ctx.em.execute<{ subject_id: string; action: string; to_state: string | null; at: Date }[]>(
        `select x.subject_id, x.action, x.to_state, x.at from (
           select e.subject_id, e.action, e.to_state, e.at,
             row_number() over (partition by e.subject_id order by e.seq, e.id) as rn
           from audit_events e where ${where}) x where x.rn <= ? order by x.subject_id, x.rn`,
        params,
      );
      for (const row of rows) {
        const key = `${row.subject_id}|${officeSteps}`;
        const entry = { action: row.action, status: row.to_state as ServiceCaseStatus | null, at: new Date(row.at) };
        entries.set(key, [...(entries.get(key) ?? []), entry]);
      }
    }
    return keys.map((key) => entries.get(`${key.caseId}|${key.officeSteps}`) ?? []);
  },
);
