import { LockMode } from '@mikro-orm/core';
import { recordAudit } from '../../shared/audit/audit.service.js';
import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem } from '../../shared/errors.js';
import { inTransaction } from '../../shared/transaction.js';
import { FinancingSettings } from './financing.entity.js';
import './financing.messages.js';

// The figures of 金企通 an administrator keeps (one row, seeded by its migration). Only publishing a
// demand reads them: a demand stores its expiry, so demands already published keep theirs and the
// bank search, which reads the stored expiry, never touches this row.

/** A demand may stay open for a year at most: older offers would rest on figures long out of date. */
export const MAX_DEMAND_VALIDITY_DAYS = 365;
const SUBJECT_ID = '00000000-0000-0000-0000-00000000f001';

export async function financingSettings(ctx: RequestContext): Promise<FinancingSettings> {
  const settings = await ctx.em.findOne(FinancingSettings, { id: 1 });
  if (!settings) throw new Error('financing settings are missing: run the migrations');
  return settings;
}

/** ADMIN: how long demands published from now on stay open to offers. */
export async function updateFinancingSettings(
  ctx: RequestContext,
  input: { demandValidityDays: number },
): Promise<FinancingSettings> {
  const days = input.demandValidityDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DEMAND_VALIDITY_DAYS) {
    throw new DomainError(
      problem(UserErrorCode.OUT_OF_RANGE, 'financing.settingsRange', ['input', 'demandValidityDays'], {
        max: MAX_DEMAND_VALIDITY_DAYS,
      }),
    );
  }
  return inTransaction(ctx, async (tx) => {
    const settings = await tx.em.findOneOrFail(
      FinancingSettings,
      { id: 1 },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const before = settings.demandValidityDays;
    settings.demandValidityDays = days;
    settings.updatedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'financing.settings.update',
      subjectType: 'FinancingSettings',
      subjectId: SUBJECT_ID,
      fromState: String(before),
      toState: String(days),
      details: { demandValidityDays: { before, after: days } },
    });
    await tx.em.flush();
    return settings;
  });
}
