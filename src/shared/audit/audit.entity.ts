import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One state change, append-only (the migration forbids UPDATE and DELETE on the table). */
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['subjectId', 'at', 'id'] })
export class AuditEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  actorApiKeyId: string | null = null;

  /** The actor's role at the time, kept because roles can change later. */
  @Property({ type: 'string', length: 32, nullable: true })
  actorRole: string | null = null;

  /** Stable verb, e.g. "registration.confirm". */
  @Property({ type: 'string', length: 80 })
  action!: string;

  /** GraphQL type name of the subject. */
  @Property({ type: 'string', length: 60 })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  fromState: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  toState: string | null = null;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'string', length: 64 })
  requestId!: string;

  /** Small facts about the change (never personal ID numbers, passwords or tokens). */
  @Property({ type: 'json', nullable: true })
  details: Record<string, unknown> | null = null;
}
