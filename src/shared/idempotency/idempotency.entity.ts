import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A create-type mutation done under a client's idempotency key: a retry with the same key (same
 * viewer) answers with the object this row names instead of creating another one.
 */
@Entity({ tableName: 'idempotency_keys' })
@Unique({ properties: ['scope', 'key'] })
@Index({ properties: ['createdAt'] })
export class IdempotencyKey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Whose key it is: "user:<id>", "apiKey:<id>", or "anonymous" for sign-up. */
  @Property({ type: 'string', length: 60 })
  scope!: string;

  /** The client's key, as sent. */
  @Property({ type: 'string', length: 100 })
  key!: string;

  /** The mutation's name, e.g. "publishFinancingDemand". */
  @Property({ type: 'string', length: 60 })
  operation!: string;

  /** HMAC-SHA256 (hex) of the operation and the canonical input: tells a retry from a reuse of the key. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  /** Local id of the object the first request created (null until the create has run). */
  @Property({ type: 'uuid', nullable: true })
  resultId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
