import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { readEventFeed } from './event-feed.service.js';
import { EventFeedArgs, EventFeedFilter, FeedEventConnection } from './event-feed.types.js';

@Resolver()
export class EventFeedResolver {
  @Authorized('SCOPE:EVENTS_READ', 'APPLICANT', 'BANK_OFFICER', 'HOST_AGENT', 'OFFICIAL', 'ADMIN')
  @Query(() => FeedEventConnection, {
    description:
      'The event feed: every event the viewer may see (the same visibility as the objects themselves; public register events for every reader), oldest first, in an order in which no event is ever inserted before a position already read. Keep `pageInfo.endCursor` and pass it as `after` to resume, also after an empty page; events are kept 30 days, and a cursor older than that is refused with CURSOR_EXPIRED (resync, then follow the feed again). totalCount counts the page only. Role: partner API key with EVENTS_READ, or any signed-in user (its own events).',
  })
  events(
    @Ctx() ctx: RequestContext,
    @Args() page: EventFeedArgs,
    @Arg('filter', () => EventFeedFilter, { nullable: true, description: 'Only these.' }) filter?: EventFeedFilter,
  ) {
    return readEventFeed(ctx, { ...page, types: filter?.types ?? null });
  }
}
