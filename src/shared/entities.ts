// The platform's own tables (audit trail, notifications, working-day calendar).
import { AuditEvent } from './audit/audit.entity.js';
import { HolidayCalendarDay, HolidayCalendarYear } from './calendar/calendar.entity.js';
import { Notification } from './notifications/notification.entity.js';

export const platformEntities = [AuditEvent, Notification, HolidayCalendarYear, HolidayCalendarDay];
