import { AuditEvent } from '../../shared/audit/audit.entity.js';
import { byKeys, defineLoader, groupByKeys } from '../../shared/loaders.js';
import { NameReservation } from '../names/index.js';
import { BusinessLicence, DepartmentClearance, Enterprise, RegistrationApplication } from './registration.entity.js';

// One query per loader and batch: a list of 100 applications with their enterprise, applicant,
// reservation, clearances and history costs the same few statements as a list of one.

export const enterpriseById = defineLoader<string, Enterprise | null>('registration.enterpriseById', async (ctx, ids) =>
  byKeys(ids, await ctx.em.find(Enterprise, { id: { $in: [...ids] } }), (e) => e.id),
);

/** The ids of the enterprises each user acts for (is one of the agents of). */
export const actingEnterpriseIdsByUserId = defineLoader<string, ReadonlySet<string>>(
  'registration.actingEnterpriseIdsByUserId',
  async (ctx, userIds) => {
    // Ids only, from the GIN index on agent_ids: hydrating every enterprise a user acts for, to test
    // membership, would cost more than the answer.
    const rows = await ctx.em.execute<{ id: string; agent: string }[]>(
      `select e.id, a.agent from enterprises e cross join unnest(e.agent_ids) as a(agent)
        where e.agent_ids && array[?]::uuid[] and a.agent in (?)`,
      [[...userIds], [...userIds]],
    );
    return userIds.map((userId) => new Set(rows.filter((e) => e.agent === userId).map((e) => e.id)));
  },
);

export const applicationById = defineLoader<string, RegistrationApplication | null>(
  'registration.applicationById',
  async (ctx, ids) => byKeys(ids, await ctx.em.find(RegistrationApplication, { id: { $in: [...ids] } }), (a) => a.id),
);

export const validLicenceByEnterpriseId = defineLoader<string, BusinessLicence | null>(
  'registration.validLicenceByEnterpriseId',
  async (ctx, ids) =>
    byKeys(
      ids,
      await ctx.em.find(BusinessLicence, { enterprise: { $in: [...ids] }, status: 'VALID' }),
      (l) => l.enterprise.id,
    ),
);

export const clearancesByApplicationId = defineLoader<string, DepartmentClearance[]>(
  'registration.clearancesByApplicationId',
  async (ctx, ids) =>
    groupByKeys(
      ids,
      await ctx.em.find(DepartmentClearance, { application: { $in: [...ids] } }, { orderBy: { department: 'asc' } }),
      (c) => c.application.id,
    ),
);

export const historyByApplicationId = defineLoader<string, AuditEvent[]>(
  'registration.historyByApplicationId',
  async (ctx, ids) =>
    groupByKeys(
      ids,
      await ctx.em.find(
        AuditEvent,
        { subjectType: 'RegistrationApplication', subjectId: { $in: [...ids] } },
        { orderBy: { seq: 'asc' } },
      ),
      (e) => e.subjectId,
    ),
);

export const reservationById = defineLoader<string, NameReservation | null>(
  'registration.reservationById',
  async (ctx, ids) => byKeys(ids, await ctx.em.find(NameReservation, { id: { $in: [...ids] } }), (r) => r.id),
);
