import { ArrayMaxSize } from 'class-validator';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { RequestContext } from '../context.js';
import { PageArgsType } from '../graphql/page-args.js';
import { MutationWithPayload } from '../graphql/mutation.js';
import { loadNode } from '../graphql/node-loading.js';
import { Node } from '../graphql/node.js';
import { translateForPeople } from '../messages.js';
import { Notification } from './notification.entity.js';
import { NOTIFICATION_RECEIVED, listNotifications, markRead } from './notification.service.js';
import { MarkNotificationsReadPayload, NotificationConnection, NotificationType } from './notification.types.js';
import type { DomainEvent } from '../pubsub.js';
import { freshForEvent, liveEvents } from '../subscriptions.js';

@InputType({ description: "Which of the viewer's notifications." })
export class NotificationFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only unread ones.' })
  unreadOnly?: boolean | null;
}

@InputType({ description: 'Notifications to mark read.' })
class MarkNotificationsReadInput {
  @Field(() => [ID], { description: "Global IDs of the viewer's own notifications (at most 100)." })
  @ArrayMaxSize(100)
  ids!: string[];
}

const SIGNED_IN = ['APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'ADMIN'];

@Resolver(() => NotificationType)
export class NotificationResolver {
  @Authorized(...SIGNED_IN)
  @Query(() => NotificationConnection, { description: "The viewer's own inbox, newest first. Any signed-in user." })
  notifications(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgsType,
    @Arg('filter', () => NotificationFilter, { nullable: true, description: 'Only these.' })
    filter?: NotificationFilter,
  ) {
    return listNotifications(ctx, ctx.viewer.userId as string, filter?.unreadOnly ?? false, page);
  }

  @Authorized(...SIGNED_IN)
  @MutationWithPayload(() => MarkNotificationsReadPayload, {
    description: "Marks the viewer's own notifications read. Any signed-in user.",
  })
  async markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MarkNotificationsReadInput, { description: 'The notifications to mark read.' })
    input: MarkNotificationsReadInput,
  ) {
    return { notifications: await markRead(ctx, ctx.viewer.userId as string, input.ids) };
  }

  @Authorized(...SIGNED_IN)
  @Subscription(() => NotificationType, {
    description:
      "Each new notification of the viewer's own, as it is sent. Any signed-in user: authenticate with connectionParams { authorization: 'Bearer …' }.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      return liveEvents(ctx, NOTIFICATION_RECEIVED, { id: ctx.viewer.userId as string });
    },
  })
  async notificationReceived(@Root() event: DomainEvent, @Ctx() ctx: RequestContext): Promise<Notification> {
    // Loaded fresh with the subscriber's own context (its `subject` too); the event carries only the id.
    freshForEvent(ctx);
    return ctx.em.findOneOrFail(Notification, { id: event.id, userId: ctx.viewer.userId as string });
  }

  @FieldResolver(() => String, { description: "Title in the caller's language." })
  title(@Root() notification: Notification, @Ctx() ctx: RequestContext): string {
    return translateForPeople(ctx.locale, notification.titleKey, notification.params);
  }

  @FieldResolver(() => String, { description: "Text in the caller's language." })
  body(@Root() notification: Notification, @Ctx() ctx: RequestContext): string {
    return translateForPeople(ctx.locale, notification.bodyKey, notification.params);
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'The object it is about, when the viewer may still see it.',
  })
  subject(@Root() notification: Notification, @Ctx() ctx: RequestContext) {
    if (!notification.subjectType || !notification.subjectId) return null;
    return loadNode(ctx, notification.subjectType, notification.subjectId);
  }
}
