import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation, User } from '../accounts/index.js';

/** Why an endpoint is not receiving deliveries. */
export enum WebhookDisabledReason {
  /** Its organisation's administrator turned it off. */
  BY_ADMIN = 'BY_ADMIN',
  /** Its deliveries failed without a break for 24 hours (webhook-delivery.ts). */
  FAILING = 'FAILING',
}

export enum WebhookDeliveryStatus {
  /** Waiting for its first attempt or for a retry (`nextAttemptAt`). */
  PENDING = 'PENDING',
  /** The endpoint answered 2xx. */
  SUCCEEDED = 'SUCCEEDED',
  /** Every attempt failed; no more retries (redeliver to try again). */
  FAILED = 'FAILED',
}

/**
 * An HTTPS endpoint of an organisation that receives its events, signed. It reads the outbox like the
 * organisation's own feed reader: `cursorXactId`/`cursorPosition` is the feed position up to which the
 * dispatcher has written its deliveries (webhook-dispatch.ts).
 */
@Entity({ tableName: 'webhook_endpoints' })
@Index({ properties: ['organisationId', 'createdAt', 'id'] })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { mapToPk: true, fieldName: 'organisation_id', deleteRule: 'cascade' })
  organisationId!: string;

  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Property({ type: 'string', length: 500 })
  description: string & Opt = '';

  /** The event types it receives; empty: every type its organisation may read. */
  @Property({ type: 'json' })
  eventTypes: string[] & Opt = [];

  /** For a bank: the demand filter (financing's DemandFilter, as its alerts store it); null: every demand. */
  @Property({ type: 'json', nullable: true })
  demandFilter: Record<string, unknown> | null = null;

  @Property({ type: 'boolean' })
  enabled: boolean & Opt = true;

  @Enum({ items: () => WebhookDisabledReason, nativeEnumName: 'webhook_disabled_reason', nullable: true })
  disabledReason: WebhookDisabledReason | null = null;

  /**
   * The signing secret, encrypted (webhook-secrets.ts). Not a hash, unlike API keys: the platform must
   * compute HMAC-SHA256 with the secret itself for every delivery, and a hash cannot do that.
   */
  @Property({ type: 'text', lazy: true })
  secretCiphertext!: string;

  /** The first characters of the secret, so people can tell which one the partner has deployed. */
  @Property({ type: 'string', length: 16 })
  secretPrefix!: string;

  /** Since when every attempt has failed (null: the last attempt succeeded, or none yet). */
  @Property({ type: 'datetime', nullable: true })
  failingSince: Date | null = null;

  @Property({ type: 'string', columnType: 'xid8' })
  cursorXactId!: string;

  @Property({ type: 'bigint' })
  cursorPosition!: string;

  @ManyToOne(() => User, { mapToPk: true, fieldName: 'created_by_id' })
  createdById!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/**
 * One event sent to one endpoint, with its attempts. The body is fixed when the delivery is written, so
 * every retry and redelivery sends the same bytes (and the same event id); a redelivery is a new row
 * pointing at the one it repeats.
 */
@Entity({ tableName: 'webhook_deliveries' })
@Index({ properties: ['endpointId', 'createdAt', 'id'] })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookEndpoint, { mapToPk: true, fieldName: 'endpoint_id', deleteRule: 'cascade' })
  endpointId!: string;

  /** The outbox position of the event (domain_events.position). */
  @Property({ type: 'bigint' })
  eventPosition!: string;

  @Property({ type: 'string', length: 100 })
  eventType!: string;

  /** The JSON body as sent. */
  @Property({ type: 'text', lazy: true })
  body!: string;

  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status' })
  status!: WebhookDeliveryStatus;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  /** When the next attempt is due (PENDING only). */
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;

  /** An attempt in progress holds the delivery until then, so two runs never send it at once. */
  @Property({ type: 'datetime', nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  responseStatus: number | null = null;

  @Property({ type: 'integer', nullable: true })
  durationMs: number | null = null;

  /** Why the last attempt failed without an HTTP status: TIMEOUT, NETWORK, REFUSED_ADDRESS. */
  @Property({ type: 'string', length: 40, nullable: true })
  error: string | null = null;

  @ManyToOne(() => WebhookDelivery, {
    mapToPk: true,
    fieldName: 'redelivery_of_id',
    nullable: true,
    deleteRule: 'set null',
  })
  redeliveryOfId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

export const webhooksEntities = [WebhookEndpoint, WebhookDelivery];
