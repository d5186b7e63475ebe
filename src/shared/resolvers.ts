// The platform's own operations: node lookup, calendar, notifications, audit trail.
import { AuditResolver } from './audit/audit.resolver.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { EventFeedResolver } from './events/event-feed.resolver.js';
import { NodeResolver } from './graphql/node.resolver.js';
import { nodeIdResolver, registerNodeType } from './graphql/node.js';
import { byKeys } from './loaders.js';
import { Notification } from './notifications/notification.entity.js';
import { NotificationResolver } from './notifications/notification.resolver.js';
import { NotificationType } from './notifications/notification.types.js';

registerNodeType({
  typeName: 'Notification',
  entity: Notification,
  // Only the recipient sees a notification.
  load: async (ctx, ids) =>
    ctx.viewer.userId
      ? byKeys(ids, await ctx.em.find(Notification, { id: { $in: [...ids] }, userId: ctx.viewer.userId }), (n) => n.id)
      : ids.map(() => null),
});

export const platformResolvers = [
  NodeResolver,
  CalendarResolver,
  NotificationResolver,
  AuditResolver,
  EventFeedResolver,
  nodeIdResolver(NotificationType, 'Notification'),
] as const;
