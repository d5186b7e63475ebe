import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { inTransaction } from '../../shared/transaction.js';
import { RegistrationSettings } from './acting-for.entity.js';
import { RegistrationCommitmentTermsVersion, type CommitmentTextValue } from './commitment-terms.entity.js';
import type { RegistrationKindValue } from './registration.entity.js';
import './registration-admin.messages.js';

// What an administrator keeps for the registration service: the validity of an invitation to act
// for an enterprise, and the commitment texts applicants sign.

/** An invitation open longer than three months would outlive the reason it was sent. */
export const MAX_INVITATION_VALID_DAYS = 90;
const SETTINGS_SUBJECT_ID = '00000000-0000-0000-0000-00000000c001';
const TERMS_SUBJECT_ID = '00000000-0000-0000-0000-00000000c002';

/** The label prefix of the versions an administrator publishes, e.g. REG-2027.2. */
const VERSION_PREFIX: Record<CommitmentTextValue, string> = {
  ESTABLISHMENT: 'REG',
  CHANGE: 'CHG',
  DEREGISTRATION: 'DEREG',
  SIMPLIFIED_NOTICE: 'SIMPLE-DEREG',
};

export async function registrationSettings(ctx: RequestContext): Promise<RegistrationSettings> {
  const settings = await ctx.em.findOne(RegistrationSettings, { id: 1 });
  if (!settings) throw new Error('registration settings are missing: run the migrations');
  return settings;
}

/** ADMIN: how long invitations sent from now on stay open; those already sent keep their expiry. */
export async function updateRegistrationSettings(
  ctx: RequestContext,
  input: { agentInvitationValidDays: number },
): Promise<RegistrationSettings> {
  const days = input.agentInvitationValidDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_INVITATION_VALID_DAYS) {
    throw new DomainError(
      problem(UserErrorCode.OUT_OF_RANGE, 'registration.settingsRange', ['input', 'agentInvitationValidDays'], {
        max: MAX_INVITATION_VALID_DAYS,
      }),
    );
  }
  return inTransaction(ctx, async (tx) => {
    const settings = await tx.em.findOneOrFail(
      RegistrationSettings,
      { id: 1 },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const before = settings.agentInvitationValidDays;
    settings.agentInvitationValidDays = days;
    settings.updatedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'registration.settings.update',
      subjectType: 'RegistrationSettings',
      subjectId: SETTINGS_SUBJECT_ID,
      fromState: String(before),
      toState: String(days),
      details: { agentInvitationValidDays: { before, after: days } },
    });
    await tx.em.flush();
    return settings;
  });
}

/** The text an application of this kind commits to (the investors' promise for a simplified notice). */
export function commitmentTextOf(kind: RegistrationKindValue, simplifiedNotice: boolean): CommitmentTextValue {
  return simplifiedNotice && kind === 'DEREGISTRATION' ? 'SIMPLIFIED_NOTICE' : kind;
}

/** The version in force of a text: the one applicants read and sign now. */
export async function currentCommitmentTerms(
  em: EntityManager,
  text: CommitmentTextValue,
): Promise<RegistrationCommitmentTermsVersion> {
  const [terms] = await em.find(
    RegistrationCommitmentTermsVersion,
    { text },
    { orderBy: { number: 'desc' }, limit: 1 },
  );
  if (!terms) throw new Error('registration commitment terms are missing: run the migrations');
  return terms;
}

/** One version of a text, or null when there is no such version. */
export function commitmentTermsVersion(
  em: EntityManager,
  text: CommitmentTextValue,
  number: number,
): Promise<RegistrationCommitmentTermsVersion | null> {
  return em.findOne(RegistrationCommitmentTermsVersion, { text, number });
}

/** The problems of a commitment given on `terms`, the version in force (see commitment-terms.entity.ts). */
export function commitmentProblems(
  terms: { version: string },
  commitment: { termsVersion: string; accepted: boolean; signatoryName: string },
): Problem[] {
  const field = ['input', 'commitment'];
  const problems: Problem[] = [];
  if (commitment.termsVersion !== terms.version) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'registration.commitmentTermsOutdated', [...field, 'termsVersion'], {
        version: terms.version,
      }),
    );
  }
  if (!commitment.accepted) {
    problems.push(
      problem(UserErrorCode.COMMITMENT_REQUIRED, 'registration.commitmentNotAccepted', [...field, 'accepted']),
    );
  }
  if (!commitment.signatoryName.trim()) {
    problems.push(problem(UserErrorCode.REQUIRED, 'error.required', [...field, 'signatoryName']));
  }
  return problems;
}

export interface PublishCommitmentCommand {
  kind: RegistrationKindValue;
  simplifiedNotice: boolean;
  textZh: string;
  textEn: string;
}

/**
 * ADMIN: publishes the next version of a commitment text. Applicants must sign it from now on;
 * applications and notices already submitted keep the version (and the words) they were signed on.
 */
export async function publishCommitmentTerms(
  ctx: RequestContext,
  command: PublishCommitmentCommand,
): Promise<RegistrationCommitmentTermsVersion> {
  const textZh = command.textZh.trim();
  const textEn = command.textEn.trim();
  const problems: Problem[] = [];
  if (command.simplifiedNotice && command.kind !== 'DEREGISTRATION') {
    problems.push(
      problem(UserErrorCode.INVALID_INPUT, 'registration.terms.noticeOnlyForDeregistration', [
        'input',
        'simplifiedNotice',
      ]),
    );
  }
  if (!textZh) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'textZh']));
  if (!textEn) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'textEn']));
  throwIfProblems(problems);
  const text = commitmentTextOf(command.kind, command.simplifiedNotice);
  try {
    return await inTransaction(ctx, async (tx) => {
      const current = await currentCommitmentTerms(tx.em, text);
      const now = tx.deps.clock.now();
      const number = current.number + 1;
      const terms = tx.em.create(RegistrationCommitmentTermsVersion, {
        text,
        number,
        version: `${VERSION_PREFIX[text]}-${shanghaiDate(now).slice(0, 4)}.${number}`,
        textZh,
        textEn,
        publishedAt: now,
        publishedBy: tx.viewer.userId,
      });
      recordAudit(tx, {
        action: 'registration.commitmentTerms.publish',
        subjectType: 'RegistrationCommitmentTerms',
        subjectId: TERMS_SUBJECT_ID,
        fromState: current.version,
        toState: terms.version,
        details: { text },
      });
      await tx.em.flush();
      return terms;
    });
  } catch (error) {
    // Two administrators publishing the same text at once: the second is told to reload.
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(problem(UserErrorCode.CONCURRENT_UPDATE, 'error.concurrentUpdate'));
    }
    throw error;
  }
}
