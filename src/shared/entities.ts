// The platform's own tables (audit trail and its hash chain, notifications, working-day calendar,
// idempotency keys).
import { AuditChainLink } from './audit/audit-chain.entity.js';
import { AuditEvent } from './audit/audit.entity.js';
import { HolidayCalendarDay, HolidayCalendarYear } from './calendar/calendar.entity.js';
import { fileEntities } from './files/file.entity.js';
import { IdempotencyKey } from './idempotency/idempotency.entity.js';
import { Notification } from './notifications/notification.entity.js';

export const platformEntities = [
  AuditEvent,
  AuditChainLink,
  Notification,
  HolidayCalendarYear,
  HolidayCalendarDay,
  IdempotencyKey,
  ...fileEntities,
];
