import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { DomainError, UserErrorCode, problem } from '../errors.js';
import { localIdOf } from '../ids.js';
import { paginate, type ConnectionData, type PageArgs } from '../graphql/connection.js';
import { inTransaction } from '../transaction.js';
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
  return addNotification(tx, input, randomUUID(), tx.deps.clock.now());
}

function addNotification(tx: RequestContext, input: NotifyInput, id: string, createdAt: Date): Notification {
  const notification = tx.em.create(Notification, {
    id,
    userId: input.userId,
    kind: input.kind,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    titleKey: input.titleKey,
    bodyKey: input.bodyKey,
    params: input.params ?? {},
    createdAt,
    readAt: null,
  });
  tx.em.persist(notification);
  tx.afterCommit.push(() => tx.deps.events.publish(NOTIFICATION_RECEIVED, input.userId, { id: notification.id }));
  return notification;
}

/** The job that writes one notification to many users (see notifyEach). */
export const NOTIFICATION_FAN_OUT = 'notifications.fanOut';

/**
 * What the fan-out job carries. Ids and time are fixed when the change is made: the notifications
 * read as of that change, and a job retried after it had committed adds none of them twice.
 */
export interface FanOut {
  notification: Omit<NotifyInput, 'userId'>;
  recipients: { userId: string; id: string }[];
  /** When the change it reports was made (ISO 8601). */
  createdAt: string;
}

/**
 * The same notification to each of these users (an enterprise's agents, say). With a job queue (a
 * server database) it is a job added in the caller's transaction, so it is sent if and only if the
 * change commits, and the mutation does not wait for the writes; embedded, they are written inline.
 */
export async function notifyEach(
  tx: RequestContext,
  userIds: readonly string[],
  input: Omit<NotifyInput, 'userId'>,
): Promise<void> {
  if (userIds.length === 0) return;
  const fanOut: FanOut = {
    notification: input,
    recipients: userIds.map((userId) => ({ userId, id: randomUUID() })),
    createdAt: tx.deps.clock.now().toISOString(),
  };
  if (tx.deps.jobQueue) await tx.deps.jobQueue.enqueue(tx, NOTIFICATION_FAN_OUT, fanOut);
  else addFanOut(tx, fanOut, new Set());
}

function addFanOut(tx: RequestContext, fanOut: FanOut, written: ReadonlySet<string>): number {
  const createdAt = new Date(fanOut.createdAt);
  const due = fanOut.recipients.filter((recipient) => !written.has(recipient.id));
  for (const { userId, id } of due) addNotification(tx, { ...fanOut.notification, userId }, id, createdAt);
  return due.length;
}

/** The fan-out job's work: writes those of its notifications not yet written; returns how many it wrote. */
export function deliverFanOut(ctx: RequestContext, fanOut: FanOut): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const ids = fanOut.recipients.map((recipient) => recipient.id);
    const written = await tx.em.find(Notification, { id: { $in: ids } }, { fields: ['id'] });
    return addFanOut(tx, fanOut, new Set(written.map((notification) => notification.id)));
  });
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
