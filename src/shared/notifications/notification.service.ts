import type { RequestContext } from '../context.js';
import { DomainError, UserErrorCode, problem } from '../errors.js';
import { localIdOf } from '../ids.js';
import { paginate, type ConnectionData, type PageArgs } from '../graphql/connection.js';
import { Notification } from './notification.entity.js';

export const NOTIFICATION_RECEIVED = 'NOTIFICATION_RECEIVED';

export interface NotifyInput {
  userId: string;
  kind: string;
  subjectType?: string;
  subjectId?: string;
  titleKey: string;
  bodyKey: string;
  params?: Record<string, string | number>;
}

/**
 * Adds a notification in the caller's transaction; subscribers hear of it after commit.
 * Modules call this in the same transaction as the state change it reports.
 */
export function notify(tx: RequestContext, input: NotifyInput): Notification {
  const notification = tx.em.create(Notification, {
    id: crypto.randomUUID(),
    userId: input.userId,
    kind: input.kind,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    titleKey: input.titleKey,
    bodyKey: input.bodyKey,
    params: input.params ?? {},
    createdAt: tx.deps.clock.now(),
    readAt: null,
  });
  tx.em.persist(notification);
  tx.afterCommit.push(() => tx.deps.events.publish(NOTIFICATION_RECEIVED, input.userId, { id: notification.id }));
  return notification;
}

/** The same notification to each of these users (an enterprise's agents, say), in the caller's transaction. */
export function notifyEach(tx: RequestContext, userIds: readonly string[], input: Omit<NotifyInput, 'userId'>): void {
  for (const userId of userIds) notify(tx, { ...input, userId });
}

export function listNotifications(
  ctx: RequestContext,
  userId: string,
  unreadOnly: boolean,
  page: PageArgs,
): Promise<ConnectionData<Notification>> {
  return paginate(ctx, Notification, unreadOnly ? { userId, readAt: null } : { userId }, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    ...page,
  });
}

/** Marks the viewer's own notifications read; ids of others' notifications are reported as not found. */
export async function markRead(ctx: RequestContext, userId: string, globalIds: string[]): Promise<Notification[]> {
  const ids = globalIds.map((globalId) => localIdOf(globalId, 'Notification'));
  const problems = ids.flatMap((id, index) =>
    id === null ? [problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'ids', String(index)])] : [],
  );
  if (problems.length) throw new DomainError(problems);
  if (ids.length > 100) {
    throw new DomainError(problem(UserErrorCode.OUT_OF_RANGE, 'error.outOfRange', ['input', 'ids']));
  }
  const found = await ctx.em.find(Notification, { id: { $in: ids as string[] }, userId });
  const foundIds = new Set(found.map((n) => n.id));
  const missing = ids.flatMap((id, index) =>
    foundIds.has(id as string)
      ? []
      : [problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'ids', String(index)])],
  );
  if (missing.length) throw new DomainError(missing);
  const now = ctx.deps.clock.now();
  for (const notification of found) notification.readAt ??= now;
  await ctx.em.flush();
  return found;
}
