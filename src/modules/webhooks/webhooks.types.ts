import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, UserError } from '../../shared/graphql/common.types.js';
import { ConnectionType } from '../../shared/graphql/connection.js';
import { Node } from '../../shared/graphql/node.js';
import { District } from '../../shared/graphql/reference.types.js';
import { GuaranteeType } from '../financing/index.js';
import { WebhookDeliveryStatus, WebhookDisabledReason } from './webhooks.entity.js';

registerEnumType(WebhookDisabledReason, {
  name: 'WebhookDisabledReason',
  description: 'Why an endpoint receives nothing.',
  valuesConfig: {
    BY_ADMIN: { description: "The organisation's administrator turned it off." },
    FAILING: { description: 'Its deliveries failed without a break for 24 hours; enable it again once it is fixed.' },
  },
});

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or for a retry (nextAttemptAt).' },
    SUCCEEDED: { description: 'The endpoint answered with a 2xx status.' },
    FAILED: { description: 'Every attempt failed; no more retries. Redeliver to try again.' },
  },
});

@ObjectType('WebhookDemandFilter', {
  description: "A bank endpoint's filter of new financing demands: the same filter as the bank's demand alerts.",
})
export class WebhookDemandFilterType {
  @Field(() => [District], { nullable: true, description: 'Any of these districts; null: any.' })
  districts!: District[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these GB/T 4754-2017 division codes; null: any.' })
  industries!: string[] | null;

  @Field(() => Money, { nullable: true, description: 'Amount asked for at least this.' })
  amountMin!: Money | null;

  @Field(() => Money, { nullable: true, description: 'Amount asked for at most this.' })
  amountMax!: Money | null;

  @Field(() => Int, { nullable: true, description: 'Term at most this many months.' })
  termMonthsMax!: number | null;

  @Field(() => [GuaranteeType], { nullable: true, description: 'Any of these guarantee types; null: any.' })
  guaranteeTypes!: GuaranteeType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only foreign-invested (true) or only domestic (false) enterprises.',
  })
  foreignInvested!: boolean | null;
}

@ObjectType('WebhookEndpoint', {
  implements: Node,
  description:
    "An HTTPS endpoint of the viewer's organisation that receives its events as signed POST requests (see the webhooks guide). Only the organisation's administrator sees it.",
})
export class WebhookEndpointType extends Node {
  @Field({ description: 'Where the events are POSTed.' })
  url!: string;

  @Field({ description: 'What the endpoint is for (may be empty).' })
  description!: string;

  @Field(() => [String], { description: 'The event types it receives; empty: every type the organisation may read.' })
  eventTypes!: string[];

  @Field({ description: 'Whether it receives deliveries.' })
  enabled!: boolean;

  @Field(() => WebhookDisabledReason, { nullable: true, description: 'Why it is disabled; null when enabled.' })
  disabledReason!: WebhookDisabledReason | null;

  @Field({ description: 'The first characters of the signing secret, to tell which one is deployed.' })
  secretPrefix!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when every attempt has failed; null when the last one succeeded. At 24 hours it is disabled.',
  })
  failingSince!: Date | null;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last changed.' })
  updatedAt!: Date;
}

@ObjectType('WebhookDelivery', {
  implements: Node,
  description: 'One event sent to one endpoint, with the outcome of its last attempt.',
})
export class WebhookDeliveryType extends Node {
  @Field({ description: 'The event type (also sent as X-QES-Event).' })
  eventType!: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt; null when none came back.' })
  responseStatus!: number | null;

  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  durationMs!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt got no HTTP status: TIMEOUT (10 s), NETWORK or REFUSED_ADDRESS.',
  })
  error!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (PENDING only).' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last attempt was made.' })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { description: 'When the delivery was written.' })
  createdAt!: Date;
}

export const WebhookEndpointConnection = ConnectionType(WebhookEndpointType, 'WebhookEndpoint', 'webhook endpoint');
export const WebhookDeliveryConnection = ConnectionType(WebhookDeliveryType, 'WebhookDelivery', 'webhook delivery');

@ObjectType({ description: 'Result of createWebhookEndpoint.' })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointType, { nullable: true, description: 'The new endpoint.' })
  endpoint?: WebhookEndpointType;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret, shown this once: store it where the endpoint verifies signatures.',
  })
  secret?: string;

  @Field(() => [UserError], { description: 'Problems that prevented the creation; nothing was created.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of updateWebhookEndpoint.' })
export class UpdateWebhookEndpointPayload {
  @Field(() => WebhookEndpointType, { nullable: true, description: 'The endpoint as changed.' })
  endpoint?: WebhookEndpointType;

  @Field(() => [UserError], { description: 'Problems that prevented the change; nothing changed.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of deleteWebhookEndpoint.' })
export class DeleteWebhookEndpointPayload {
  @Field(() => String, { nullable: true, description: 'The global ID of the deleted endpoint.' })
  deletedEndpointId?: string;

  @Field(() => [UserError], { description: 'Problems that prevented the deletion.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of rotateWebhookSecret.' })
export class RotateWebhookSecretPayload {
  @Field(() => WebhookEndpointType, { nullable: true, description: 'The endpoint, with its new secret prefix.' })
  endpoint?: WebhookEndpointType;

  @Field(() => String, {
    nullable: true,
    description: 'The new signing secret, shown this once; deliveries are signed with it from now on.',
  })
  secret?: string;

  @Field(() => [UserError], { description: 'Problems that prevented the rotation; nothing changed.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of redeliverWebhook.' })
export class RedeliverWebhookPayload {
  @Field(() => WebhookDeliveryType, { nullable: true, description: 'The new delivery, due at once.' })
  delivery?: WebhookDeliveryType;

  @Field(() => [UserError], { description: 'Problems that prevented the redelivery.' })
  userErrors!: UserError[];
}
