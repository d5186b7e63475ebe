import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A message in one user's inbox. Title and body are message keys with parameters, rendered in the
 * reader's language when read, so a user who switches language reads the whole inbox in it.
 */
@Entity({ tableName: 'notifications' })
@Index({ properties: ['userId', 'createdAt', 'id'] })
@Index({
  name: 'notifications_unread_idx',
  expression: 'create index notifications_unread_idx on notifications (user_id, created_at, id) where read_at is null',
})
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  /** Stable code, e.g. "REGISTRATION_CONFIRMED". */
  @Property({ type: 'string', length: 60 })
  kind!: string;

  /** GraphQL type name and local id of the object it is about. */
  @Property({ type: 'string', length: 60, nullable: true })
  subjectType: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null = null;

  @Property({ type: 'string', length: 120 })
  titleKey!: string;

  @Property({ type: 'string', length: 120 })
  bodyKey!: string;

  @Property({ type: 'json' })
  params: Record<string, string | number> = {};

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;
}
