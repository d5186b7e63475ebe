import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../graphql/common.types.js';
import { ConnectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';

/**
 * Every kind of notification the platform sends. One enum for all modules so clients can switch on it;
 * a module adds its kinds here when it starts sending them.
 */
export enum NotificationKind {
  WELCOME = 'WELCOME',
  NAME_RESERVED = 'NAME_RESERVED',
  NAME_RESERVATION_EXPIRED = 'NAME_RESERVATION_EXPIRED',
  NAME_VERIFIED = 'NAME_VERIFIED',
  NAME_REVOKED = 'NAME_REVOKED',
  REGISTRATION_SUBMITTED = 'REGISTRATION_SUBMITTED',
  REGISTRATION_CONFIRMED = 'REGISTRATION_CONFIRMED',
  REGISTRATION_CORRECTION_REQUESTED = 'REGISTRATION_CORRECTION_REQUESTED',
  REGISTRATION_REJECTED = 'REGISTRATION_REJECTED',
  REGISTRATION_EXTENDED = 'REGISTRATION_EXTENDED',
  REGISTRATION_WITHDRAWN = 'REGISTRATION_WITHDRAWN',
  DEREGISTRATION_CLEARANCE = 'DEREGISTRATION_CLEARANCE',
  SIMPLIFIED_DEREGISTRATION_OBJECTED = 'SIMPLIFIED_DEREGISTRATION_OBJECTED',
  FINANCING_OFFER_RECEIVED = 'FINANCING_OFFER_RECEIVED',
  FINANCING_OFFER_ACCEPTED = 'FINANCING_OFFER_ACCEPTED',
  FINANCING_OFFER_DECLINED = 'FINANCING_OFFER_DECLINED',
  FINANCING_DEMAND_PUBLISHED = 'FINANCING_DEMAND_PUBLISHED',
  SERVICE_CASE_UPDATED = 'SERVICE_CASE_UPDATED',
  HOSTING_HOST_DECIDED = 'HOSTING_HOST_DECIDED',
  HOSTING_REQUESTED = 'HOSTING_REQUESTED',
  HOSTING_REQUEST_DECIDED = 'HOSTING_REQUEST_DECIDED',
  HOSTING_TERMINATED = 'HOSTING_TERMINATED',
  HOSTING_DOCUMENT_FORWARDED = 'HOSTING_DOCUMENT_FORWARDED',
  ABNORMAL_OPERATIONS = 'ABNORMAL_OPERATIONS',
  ENTERPRISE_AGENT_INVITED = 'ENTERPRISE_AGENT_INVITED',
  ENTERPRISE_AGENT_CHANGED = 'ENTERPRISE_AGENT_CHANGED',
  WEBHOOK_ENDPOINT_DISABLED = 'WEBHOOK_ENDPOINT_DISABLED',
  OTHER = 'OTHER',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    WELCOME: { description: 'The account was created.' },
    NAME_RESERVED: { description: 'An enterprise name was reserved or granted.' },
    NAME_RESERVATION_EXPIRED: { description: 'A name reservation lapsed.' },
    NAME_VERIFIED: { description: 'A special-name commitment was verified as compliant.' },
    NAME_REVOKED: { description: 'A special name was revoked for a false commitment.' },
    REGISTRATION_SUBMITTED: { description: 'A registration application was submitted.' },
    REGISTRATION_CONFIRMED: { description: 'A registration application was confirmed.' },
    REGISTRATION_CORRECTION_REQUESTED: { description: 'An official asked for corrections.' },
    REGISTRATION_REJECTED: { description: 'A registration application was rejected.' },
    REGISTRATION_EXTENDED: { description: 'The review period was extended.' },
    REGISTRATION_WITHDRAWN: { description: 'The applicant withdrew a registration application.' },
    DEREGISTRATION_CLEARANCE: { description: 'A department recorded its deregistration clearance.' },
    SIMPLIFIED_DEREGISTRATION_OBJECTED: {
      description:
        'Someone objected to the enterprise’s simplified-deregistration notice: the simplified route has ended.',
    },
    FINANCING_OFFER_RECEIVED: { description: 'A bank made an offer on a financing demand.' },
    FINANCING_OFFER_ACCEPTED: { description: "The enterprise accepted the bank's offer." },
    FINANCING_OFFER_DECLINED: { description: "The bank's offer was declined or closed." },
    FINANCING_DEMAND_PUBLISHED: { description: 'A financing demand matching a saved filter was published.' },
    SERVICE_CASE_UPDATED: { description: 'A step on a foreign-investment consultation, complaint or suggestion.' },
    HOSTING_HOST_DECIDED: { description: "An official decided on the firm's host application or suspended it." },
    HOSTING_REQUESTED: { description: 'An applicant asked the host to host an enterprise.' },
    HOSTING_REQUEST_DECIDED: { description: 'The host accepted or refused a hosting request.' },
    HOSTING_TERMINATED: { description: 'A hosting agreement was terminated by the other side.' },
    HOSTING_DOCUMENT_FORWARDED: { description: 'The host forwarded a document or letter to the enterprise.' },
    ABNORMAL_OPERATIONS: { description: 'The enterprise was put on or taken off the abnormal-operations list.' },
    ENTERPRISE_AGENT_INVITED: {
      description: 'An agent of an enterprise invited the account to act for it: accept it on My enterprises.',
    },
    ENTERPRISE_AGENT_CHANGED: {
      description:
        'Someone started or stopped acting for an enterprise the account acts for (or the account was removed).',
    },
    WEBHOOK_ENDPOINT_DISABLED: {
      description: "A webhook endpoint of the account's organisation failed for 24 hours and was disabled.",
    },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType('Notification', { implements: Node, description: "A message in the viewer's inbox." })
export class NotificationType extends Node {
  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind!: NotificationKind;

  @Field(() => Node, { nullable: true, description: 'The object it is about, when the viewer may still see it.' })
  subject!: Node | null;

  @Field({ description: "Title in the caller's language." })
  title!: string;

  @Field({ description: "Text in the caller's language." })
  body!: string;

  @Field(() => Date, { description: 'When it was sent.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the viewer marked it read.' })
  readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(NotificationType, 'Notification', 'notification');

@ObjectType({ description: 'Result of markNotificationsRead.' })
export class MarkNotificationsReadPayload {
  @Field(() => [NotificationType], { nullable: true, description: 'The notifications now marked read.' })
  notifications?: NotificationType[];

  @Field(() => [UserError], { description: 'Problems that prevented the change.' })
  userErrors!: UserError[];
}
