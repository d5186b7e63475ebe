import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../graphql/common.types.js';
import { ConnectionType } from '../graphql/connection.js';
import type { Role as RoleValue } from '../viewer.js';

@ObjectType('AuditEvent', { description: 'One recorded state change: who did what to which object, when.' })
export class AuditEventType {
  @Field(() => ID, { description: 'Identifier of the event.' })
  id!: string;

  @Field({ description: 'Stable verb, e.g. "registration.confirm".' })
  action!: string;

  @Field(() => ID, { nullable: true, description: 'Global ID of the user who acted, if a user did.' })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Global ID of the API key that acted, if a partner system did.' })
  actorApiKeyId!: string | null;

  @Field(() => Role, { nullable: true, description: "The actor's role at the time." })
  actorRole!: RoleValue | null;

  @Field(() => ID, { description: 'Global ID of the object changed.' })
  subjectId!: string;

  @Field(() => String, { nullable: true, description: 'State before.' })
  fromState!: string | null;

  @Field(() => String, { nullable: true, description: 'State after.' })
  toState!: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field({ description: 'Request id, to find the log lines of the request.' })
  requestId!: string;
}

export const AuditEventConnection = ConnectionType(AuditEventType, 'AuditEvent', 'audit event');
