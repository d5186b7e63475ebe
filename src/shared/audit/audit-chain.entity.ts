import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The hash chain over the audit trail: one link per event, in the order the events were committed.
 * Written only by the database (the deferred trigger of the AuditChain migration), never by the
 * application; append-only like the events themselves.
 */
@Entity({ tableName: 'audit_chain' })
export class AuditChainLink {
  /** Position in the chain: 1, 2, 3 … without gaps. */
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  linkNumber!: string;

  @Unique()
  @Property({ type: 'uuid' })
  eventId!: string;

  /** sha256 (hex) over the previous link's hash, this position and the event's canonical content. */
  @Property({ type: 'string', length: 64 })
  hash!: string;
}
