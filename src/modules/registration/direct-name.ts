import type { RequestContext } from '../../shared/context.js';
import { UserErrorCode, problem, type Problem } from '../../shared/errors.js';
import {
  EnterpriseName,
  addIndexEntry,
  checkName,
  findConflicts,
  lockNameKeys,
  namesReference,
  releaseIndexEntry,
} from '../names/index.js';
import type { Declaration } from './registration.declaration.js';
import type { Enterprise, NameCommitmentData, RegistrationApplication } from './registration.entity.js';

// A change of name filed directly, without a separate reservation (市场主体登记管理条例实施细则 第三十四条).
// At submission the name gets the names module's full check (structure, prohibited words, divisions,
// city-wide conflicts; a special name needs the written commitment, as a reservation would), and the
// name is held in the conflict index while the application is under review: an ACTIVE index row that
// never lapses, whose holder id (the index's reservation_id) is the application's id. The row is
// released on withdrawal or refusal, and gives way to the enterprise's registered name on confirmation.

/** The written commitment of a special name declared directly (规定 告知承诺), as the names module asks it of a reservation. */
export interface NameCommitmentCommand {
  termsVersion: number;
  accepted: boolean;
  signatoryName: string;
}

/** Whether a change application declares a new name of its own (no reservation, a name other than the enterprise's). */
export function declaresNameDirectly(application: RegistrationApplication, enterprise: Enterprise | null): boolean {
  return (
    application.kind === 'CHANGE' &&
    !application.nameReservationId &&
    !!enterprise &&
    !!application.declaration.name &&
    application.declaration.name !== enterprise.name
  );
}

export interface DirectNameCheck {
  problems: Problem[];
  /** The name as the names module normalises it. */
  name: string;
  special: boolean;
  commitment: NameCommitmentData | null;
}

/**
 * The names module's check of a directly declared name, in the submission's transaction: its rules,
 * the special-name commitment, and the IDENTICAL names across the city (the enterprise's own names,
 * current or recently released, are not conflicts; nor is this application's own hold).
 */
export async function checkDirectName(
  tx: RequestContext,
  application: RegistrationApplication,
  enterprise: Enterprise,
  declaration: Declaration,
  commitment: NameCommitmentCommand | null,
): Promise<DirectNameCheck> {
  const reference = await namesReference(tx);
  const check = checkName(
    {
      name: declaration.name!,
      district: declaration.registeredAddress?.district ?? enterprise.district,
      industry: declaration.industry ?? null,
      kind: declaration.kind ?? enterprise.kind,
      foreignInvested: declaration.foreignInvested ?? false,
    },
    reference,
  );
  const problems: Problem[] = check.violations.map((v) =>
    v.rule === 'INDUSTRY_CODE_UNKNOWN'
      ? problem(UserErrorCode.INVALID_INPUT, v.messageKey, ['input', 'declaration', 'industry'], v.params)
      : problem(UserErrorCode.NAME_UNAVAILABLE, v.messageKey, ['input', 'newName'], v.params),
  );
  let commitmentData: NameCommitmentData | null = null;
  if (check.special) {
    const field = ['input', 'nameCommitment'];
    const version = reference.terms.version;
    if (!commitment) {
      problems.push(
        problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.commitmentRequired', field, {
          version,
          reasonsZh: check.specialReasons.map((r) => r.zh).join('；'),
          reasonsEn: check.specialReasons.map((r) => r.en).join('; '),
        }),
      );
    } else {
      if (commitment.termsVersion !== version) {
        problems.push(
          problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.termsVersionOutdated', [...field, 'termsVersion'], {
            version,
          }),
        );
      }
      if (!commitment.accepted) {
        problems.push(
          problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.commitmentNotAccepted', [...field, 'accepted']),
        );
      }
      if (!commitment.signatoryName.trim()) {
        problems.push(
          problem(UserErrorCode.COMMITMENT_REQUIRED, 'names.reserve.signatoryRequired', [...field, 'signatoryName']),
        );
      }
      commitmentData = {
        termsVersion: version,
        signatoryName: commitment.signatoryName.trim(),
        committedAt: tx.deps.clock.now().toISOString(),
        specialReasons: check.specialReasons.map((r) => r.code),
      };
    }
  }
  if (check.violations.length === 0 && check.parts.tradeName) {
    await lockNameKeys(tx, check.normalised);
    const conflicts = await findConflicts(tx, check.parts, { exceptReservationId: application.id });
    for (const conflict of conflicts) {
      if (conflict.kind !== 'IDENTICAL' || conflict.enterpriseId === enterprise.id) continue;
      problems.push(
        problem(UserErrorCode.NAME_UNAVAILABLE, 'names.reserve.conflict', ['input', 'newName'], {
          existingName: conflict.name,
          detailZh: conflict.zh,
          detailEn: conflict.en,
        }),
      );
    }
  }
  return { problems, name: check.normalised, special: check.special, commitment: commitmentData };
}

/** The application's live hold in the conflict index, if any. */
function heldRows(tx: RequestContext, applicationId: string): Promise<EnterpriseName[]> {
  return tx.em.find(EnterpriseName, { reservationId: applicationId, status: 'ACTIVE' });
}

/** Holds the name for the application under review (replacing a hold on another name); in the caller's transaction. */
export async function holdDirectName(
  tx: RequestContext,
  application: RegistrationApplication,
  name: string,
  declaration: Declaration,
  enterprise: Enterprise,
): Promise<void> {
  const now = tx.deps.clock.now();
  let keep = false;
  for (const row of await heldRows(tx, application.id)) {
    if (row.name === name) keep = true;
    else releaseIndexEntry(row, now, false);
  }
  if (keep) return;
  // The released row leaves the unique index of live names before the new one enters it.
  await tx.em.flush();
  addIndexEntry(tx, {
    name,
    district: declaration.registeredAddress?.district ?? enterprise.district,
    industryCode: declaration.industry ?? null,
    reservationId: application.id,
    expiresAt: null,
  });
}

/** Ends the application's hold (withdrawal, refusal, or its name registered): the name is free at once. */
export async function releaseDirectNameHold(tx: RequestContext, applicationId: string): Promise<void> {
  const now = tx.deps.clock.now();
  for (const row of await heldRows(tx, applicationId)) releaseIndexEntry(row, now, false);
}
