import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection.js';
import { AuditAction, type AuditActionCode } from './audit-actions.js';

@ObjectType('AuditEvent', { description: 'One recorded state change: who did what to which object, when.' })
export class AuditEventType {
  @Field(() => ID, { description: 'Identifier of the event.' })
  id!: string;

  @Field(() => AuditAction, { description: 'What happened.' })
  action!: AuditActionCode;

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

@ObjectType('AuditTrailVerification', {
  description: 'The result of recomputing the audit trail’s hash chain (`verifyAuditTrail`).',
})
export class AuditTrailVerification {
  @Field({ description: 'True when every recorded event is linked and every link holds.' })
  ok!: boolean;

  @Field(() => Int, { description: 'How many events were checked (those committed when the check began).' })
  checkedEvents!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      'Identifier (`AuditEvent.id`) of the first event, in recording order, whose link does not hold: its content or its hash was changed, the event before it was removed, or it was never linked. Null when ok.',
  })
  firstBrokenEventId!: string | null;
}
