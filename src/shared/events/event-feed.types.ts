import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ConnectionType } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { PageArgsType } from '../graphql/page-args.js';
import { FEED_EVENT_TYPES } from './event-types.js';

@ObjectType('DomainEvent', {
  description:
    'Something that happened on the platform, as the event feed reports it: what happened and to which object. Load the object with `node(id:)` for its current state (with your own permissions).',
})
export class FeedEventType {
  @Field({ description: 'The event type, e.g. FINANCING_OFFER_RECEIVED or ENTERPRISE_REGISTERED.' })
  type!: string;

  @Field({ description: 'The GraphQL type of the object the event is about (FinancingOffer, Enterprise …).' })
  subjectType!: string;

  @Field(() => ID, { description: 'The global ID of the object the event is about.' })
  subjectId!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  occurredAt!: Date;

  @Field({ description: 'The feed position of this event: pass it as `after` to continue after it.' })
  cursor!: string;
}

export const FeedEventConnection = ConnectionType(FeedEventType, 'DomainEvent', 'domain event');

@InputType({ description: 'Which events of the feed.' })
export class EventFeedFilter {
  @Field(() => [String], {
    nullable: true,
    description: `Only events of these types (at most 50): ${FEED_EVENT_TYPES.map((t) => t.type).join(', ')}.`,
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  types?: string[] | null;
}

@ArgsType()
export class EventFeedArgs extends PageArgsType {}
