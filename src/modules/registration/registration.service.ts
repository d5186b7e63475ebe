import { audience, recordDomainEvent } from '../../shared/events/domain-events.js';
import { bindHostingAgreement, stillActiveHostingAgreement, withHostedAddress } from './hosted-address.js';
import { LockMode } from '@mikro-orm/core';
import type { RequestContext } from '../../shared/context.js';
import { recordAudit, type AuditActionCode } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { emptyPageInfo, paginate, type ConnectionData, type PageArgs } from '../../shared/graphql/connection.js';
import { idempotently } from '../../shared/idempotency/idempotency.js';
import { localIdOf, toGlobalId } from '../../shared/ids.js';
import { notify, type NotifyInput } from '../../shared/notifications/notification.service.js';
import { translate } from '../../shared/messages.js';
import { commitmentProblems, currentCommitmentTerms } from './registration-admin.service.js';
import { inTransaction } from '../../shared/transaction.js';
import {
  grantDirectlyDeclaredSpecialName,
  holdReservationForReview,
  markReservationUsed,
  registerEnterpriseName,
  releaseReservationHold,
  releaseEnterpriseName,
  takeReservationForRegistration,
  industryView,
  type NameReservation,
  enterpriseNameParts,
} from '../names/index.js';
import { User } from '../accounts/index.js';
import { canSeeApplication, clearanceDepartmentOf, isRegistrar } from './registration.access.js';
import {
  bracketedChinaProblems,
  changeFilingDueOn,
  CLEARANCE_DEPARTMENTS,
  DECLARATION_ITEMS,
  DEREGISTRATION_ITEMS,
  changedItems,
  declarationCompletenessProblems,
  declarationFormProblems,
  deregistrationCompletenessProblems,
  deregistrationFormProblems,
  publicItemText,
  reviewReasonsOf,
  type ClearanceDepartment,
  type Declaration,
  type DeregistrationDeclaration,
} from './registration.declaration.js';
import {
  DepartmentClearance,
  Enterprise,
  RegistrationApplication,
  type ApplicationSnapshot,
  type CorrectionItemData,
  type RegistrationKindValue,
  type RegistrationStatusValue,
} from './registration.entity.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import { investmentRelationProblems } from './name-relation.js';
import { completeNotice, simplifiedApplicationProblems } from './simplified-deregistration.service.js';
import type { SimplifiedDeregistrationNotice } from './simplified-deregistration.entity.js';
import {
  checkDirectName,
  declaresNameDirectly,
  holdDirectName,
  releaseDirectNameHold,
  type NameCommitmentCommand,
} from './direct-name.js';
import {
  ENTERPRISE_TYPE,
  cancelLicences,
  issueLicence,
  issueUscc,
  recordEnterpriseChange,
} from './enterprise.service.js';
import './registration.messages.js';

/**
 * Whether a change was applied for after its filing deadline (changeFilingDueOn): accepted all the
 * same, and flagged for the official to consider a penalty.
 */
export function lateChangeFiling(ctx: RequestContext, application: RegistrationApplication): boolean {
  if (application.kind !== 'CHANGE' || !application.changeDecidedOn || !application.receivedOn) return false;
  return application.receivedOn > changeFilingDueOn(ctx.deps.calendar.current, application.changeDecidedOn);
}

export const APPLICATION_TYPE = 'RegistrationApplication';
export const NAME_RESERVATION_TYPE = 'NameReservation';
/** Pub/sub topic; the routing id is the application's local id, the payload only ids and the status. */
export const REGISTRATION_APPLICATION_UPDATED = 'REGISTRATION_APPLICATION_UPDATED';

/** Days of review when the materials are not complete in standard form, and of the one extension. */
export const REVIEW_WORKING_DAYS = 3;
export const EXTENSION_WORKING_DAYS = 3;

const OPEN_STATUSES: RegistrationStatusValue[] = ['SUBMITTED', 'CORRECTION_REQUESTED'];
const EDITABLE_STATUSES: RegistrationStatusValue[] = ['DRAFT', 'CORRECTION_REQUESTED'];

// ---------------------------------------------------------------------------------------------
// Helpers

const notFound = (field: string[]) => new DomainError(problem(UserErrorCode.NOT_FOUND, 'error.notFound', field));

function invalidState(application: RegistrationApplication, field: string[] = ['input', 'id']): DomainError {
  return new DomainError(
    problem(UserErrorCode.INVALID_STATE, 'error.invalidState', field, { state: application.status }),
  );
}

/**
 * The application a global ID names, locked for this transaction (a second official deciding at the
 * same moment waits here, then finds the new status), when the viewer may see it.
 */
async function lockApplication(
  tx: RequestContext,
  globalId: string,
  field: string[] = ['input', 'id'],
): Promise<RegistrationApplication> {
  const id = localIdOf(globalId, APPLICATION_TYPE);
  if (!id) throw notFound(field);
  const application = await tx.em.findOne(
    RegistrationApplication,
    { id },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!application || !canSeeApplication(tx.viewer, application)) throw notFound(field);
  return application;
}

async function lockOwnApplication(tx: RequestContext, globalId: string): Promise<RegistrationApplication> {
  const application = await lockApplication(tx, globalId);
  if (application.applicant.id !== tx.viewer.userId) throw notFound(['input', 'id']);
  return application;
}

async function lockForRegistrar(tx: RequestContext, globalId: string): Promise<RegistrationApplication> {
  const application = await lockApplication(tx, globalId);
  if (!isRegistrar(tx.viewer)) throw notFound(['input', 'id']);
  return application;
}

async function lockEnterprise(tx: RequestContext, id: string): Promise<Enterprise | null> {
  return tx.em.findOne(Enterprise, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** Collects a DomainError's problems instead of stopping at the first (other failures propagate). */
async function collect<T>(problems: Problem[], work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      problems.push(...error.problems);
      return null;
    }
    throw error;
  }
}

function today(ctx: RequestContext): string {
  return shanghaiDate(ctx.deps.clock.now());
}

/** The decision day for materials complete in standard form: the day of receipt, or the next working day. */
function sameDay(ctx: RequestContext, receivedOn: string): string {
  const calendar = ctx.deps.calendar.current;
  return calendar.isWorkingDay(receivedOn) ? receivedOn : calendar.addWorkingDays(receivedOn, 1);
}

function snapshotOf(application: RegistrationApplication): ApplicationSnapshot {
  return {
    declaration: application.declaration,
    deregistration: application.deregistration,
    nameReservationId: application.nameReservationId,
    changeDecidedOn: application.changeDecidedOn,
  };
}

/** An application is private: its applicant and officials see its events, never a bank or a partner. */
export function publishUpdate(tx: RequestContext, application: RegistrationApplication): void {
  const { id, status } = application;
  recordDomainEvent(tx, {
    type: REGISTRATION_APPLICATION_UPDATED,
    subjectType: 'RegistrationApplication',
    subjectId: id,
    audience: [audience.user(application.applicant.id), audience.role('OFFICIAL')],
    bus: { topic: REGISTRATION_APPLICATION_UPDATED, topicId: id, payload: { id, status } },
  });
}

function notifyApplicant(
  tx: RequestContext,
  application: RegistrationApplication,
  input: Omit<NotifyInput, 'userId' | 'subjectType' | 'subjectId'>,
): void {
  notify(tx, {
    userId: application.applicant.id,
    subjectType: APPLICATION_TYPE,
    subjectId: application.id,
    ...input,
    params: { number: application.number, ...input.params },
  });
}

function audit(
  tx: RequestContext,
  application: RegistrationApplication,
  action: AuditActionCode,
  fromState: string | null,
  details: Record<string, unknown> = {},
): void {
  recordAudit(tx, {
    action,
    subjectType: APPLICATION_TYPE,
    subjectId: application.id,
    fromState,
    toState: application.status,
    details: { ...details, department: tx.viewer.department },
    // An applicant filing a change or deregistration files it for the enterprise it acts for.
    actingForEnterpriseId:
      application.enterprise && application.applicant.id === tx.viewer.userId ? application.enterprise.id : undefined,
  });
}

async function nextApplicationNumber(tx: RequestContext): Promise<string> {
  const rows = await tx.em.execute<{ n: string }[]>(`select nextval('registration_application_number_seq') as n`);
  return `DJ${today(tx).replace(/-/g, '')}${String(rows[0]!.n).padStart(6, '0')}`;
}

/** An industry code in the right form that is not a GB/T 4754-2017 division. */
function industryProblems(declaration: Declaration, base: string[]): Problem[] {
  const code = declaration.industry;
  if (!code || !/^[A-T]\d{2}$/.test(code) || industryView('ZH_CN', code)) return [];
  return [problem(UserErrorCode.INVALID_INPUT, 'registration.unknownIndustry', [...base, 'industry'], { code })];
}

// ---------------------------------------------------------------------------------------------
// Drafts

export interface SaveDraftCommand {
  id: string | null;
  kind: RegistrationKindValue | null;
  enterpriseId: string | null;
  /** undefined: leave as is; null: remove. */
  nameReservationId: string | null | undefined;
  /**
   * For a change: a new name declared directly, without a reservation (实施细则 第三十四条); checked by the
   * names module at submission. undefined: leave as is; null: keep the enterprise's name.
   */
  newName?: string | null | undefined;
  changeDecidedOn: string | null | undefined;
  declaration: Declaration | undefined;
  deregistration: DeregistrationDeclaration | undefined;
  /** Problems found turning the input into a declaration (amounts that are not money), reported with the others. */
  inputProblems?: Problem[];
}

/** APPLICANT: starts or updates its own draft (or an application sent back for correction). */
export async function saveDraft(ctx: RequestContext, command: SaveDraftCommand): Promise<RegistrationApplication> {
  const userId = ctx.viewer.userId!;
  return inTransaction(ctx, async (tx) => {
    const now = tx.deps.clock.now();
    const problems: Problem[] = (command.inputProblems ?? []).filter((p) => p.code !== UserErrorCode.REQUIRED);
    let application: RegistrationApplication;
    let created = false;
    let enterprise: Enterprise | null = null;

    if (command.id) {
      application = await lockOwnApplication(tx, command.id);
      if (!EDITABLE_STATUSES.includes(application.status)) throw invalidState(application);
      if (command.kind && command.kind !== application.kind) {
        problems.push(problem(UserErrorCode.INVALID_INPUT, 'registration.kindMismatch', ['input', 'kind']));
      }
      if (
        command.enterpriseId &&
        localIdOf(command.enterpriseId, ENTERPRISE_TYPE) !== (application.enterprise?.id ?? null)
      ) {
        problems.push(problem(UserErrorCode.INVALID_INPUT, 'registration.enterpriseFixed', ['input', 'enterpriseId']));
      }
      if (application.enterprise) enterprise = await tx.em.findOne(Enterprise, { id: application.enterprise.id });
    } else {
      if (!command.kind)
        throw new DomainError(problem(UserErrorCode.REQUIRED, 'registration.kindRequired', ['input', 'kind']));
      if (command.kind === 'ESTABLISHMENT') {
        if (command.enterpriseId) {
          problems.push(
            problem(UserErrorCode.INVALID_INPUT, 'registration.enterpriseNotAllowed', ['input', 'enterpriseId']),
          );
        }
      } else if (!command.enterpriseId) {
        problems.push(problem(UserErrorCode.REQUIRED, 'registration.enterpriseRequired', ['input', 'enterpriseId']));
      } else {
        const enterpriseId = localIdOf(command.enterpriseId, ENTERPRISE_TYPE);
        enterprise = enterpriseId ? await tx.em.findOne(Enterprise, { id: enterpriseId }) : null;
        if (!enterprise || !enterprise.agentIds.includes(userId)) {
          problems.push(problem(UserErrorCode.NOT_FOUND, 'error.notFound', ['input', 'enterpriseId']));
          enterprise = null;
        } else if (enterprise.status !== 'ACTIVE') {
          problems.push(
            problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseNotActive', ['input', 'enterpriseId']),
          );
        }
      }
      throwIfProblems(problems);
      application = tx.em.create(RegistrationApplication, {
        number: await nextApplicationNumber(tx),
        kind: command.kind,
        status: 'DRAFT',
        applicant: userId,
        enterprise,
        createdAt: now,
        updatedAt: now,
      });
      if (enterprise && command.kind === 'CHANGE') application.declaration = structuredClone(enterprise.declaration);
      if (enterprise && command.kind === 'DEREGISTRATION') {
        application.declaration = structuredClone(enterprise.declaration);
        application.deregistration = {
          reason: null,
          simplified: false,
          publicNoticeFrom: null,
          liquidationCompletedOn: null,
        };
      }
      tx.em.persist(application);
      created = true;
    }

    const kind = application.kind;
    const hadReservation = !!application.nameReservationId;
    let reservation: NameReservation | null = null;
    if (command.nameReservationId !== undefined) {
      if (kind === 'DEREGISTRATION' && command.nameReservationId !== null) {
        problems.push(
          problem(UserErrorCode.INVALID_INPUT, 'registration.reservationNotAllowed', ['input', 'nameReservationId']),
        );
      } else if (command.nameReservationId === null) {
        application.nameReservationId = null;
      } else {
        reservation = await collect(problems, () =>
          takeReservationForRegistration(tx, command.nameReservationId!, userId, ['input', 'nameReservationId']),
        );
        if (reservation) application.nameReservationId = reservation.id;
      }
    }

    const previousName = application.declaration.name ?? null;
    if (command.declaration !== undefined) {
      if (kind === 'DEREGISTRATION') {
        problems.push(
          problem(UserErrorCode.INVALID_INPUT, 'registration.declarationNotForDeregistration', [
            'input',
            'declaration',
          ]),
        );
      } else {
        // A draft keeps whatever is there: an item left blank is reported at submission, not here.
        problems.push(
          ...declarationFormProblems(command.declaration, ['input', 'declaration']).filter(
            (p) => p.code !== UserErrorCode.REQUIRED,
          ),
        );
        problems.push(...industryProblems(command.declaration, ['input', 'declaration']));
        application.declaration = { ...command.declaration };
      }
    }
    let directName: string | null = null;
    if (command.newName !== undefined && command.newName !== null) {
      const typed = command.newName.trim();
      if (kind !== 'CHANGE') {
        problems.push(problem(UserErrorCode.INVALID_INPUT, 'registration.newNameChangeOnly', ['input', 'newName']));
      } else if (application.nameReservationId) {
        problems.push(
          problem(UserErrorCode.INVALID_INPUT, 'registration.newNameWithReservation', ['input', 'newName']),
        );
      } else if (!typed) {
        problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'newName']));
      } else if (typed.length > 100) {
        problems.push(problem(UserErrorCode.TOO_LONG, 'error.tooLong', ['input', 'newName'], { max: 100 }));
      } else {
        directName = typed;
      }
    } else if (command.newName === undefined && kind === 'CHANGE' && !hadReservation && previousName) {
      directName = previousName;
    }
    if (kind !== 'DEREGISTRATION') {
      // The name is the reservation's, a new name the change declares directly, or the enterprise's.
      application.declaration.name = reservation
        ? reservation.name
        : application.nameReservationId
          ? previousName
          : kind === 'CHANGE'
            ? (directName ?? enterprise?.name ?? null)
            : null;
    }

    if (command.deregistration !== undefined) {
      if (kind !== 'DEREGISTRATION') {
        problems.push(
          problem(UserErrorCode.INVALID_INPUT, 'registration.deregistrationOnly', ['input', 'deregistration']),
        );
      } else if (command.deregistration) {
        problems.push(...deregistrationFormProblems(command.deregistration, ['input', 'deregistration']));
        application.deregistration = command.deregistration;
      }
    }
    if (command.changeDecidedOn !== undefined) {
      if (kind !== 'CHANGE') {
        problems.push(
          problem(UserErrorCode.INVALID_INPUT, 'registration.changeDateOnly', ['input', 'changeDecidedOn']),
        );
      } else {
        application.changeDecidedOn = command.changeDecidedOn;
      }
    }
    throwIfProblems(problems);

    application.updatedAt = now;
    audit(
      tx,
      application,
      created ? 'registration.createDraft' : 'registration.saveDraft',
      created ? null : application.status,
    );
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

// ---------------------------------------------------------------------------------------------
// Submission

export interface CommitmentCommand {
  termsVersion: string;
  accepted: boolean;
  signatoryName: string;
}

function reservationMismatches(declaration: Declaration, reservation: NameReservation, checkPlace: boolean): Problem[] {
  const mismatch = (item: string, path: string[]) =>
    problem(UserErrorCode.CONFLICT, 'registration.reservationMismatch', ['input', 'declaration', ...path], { item });
  const problems: Problem[] = [];
  if (declaration.kind && declaration.kind !== reservation.kind) problems.push(mismatch('kind', ['kind']));
  if (checkPlace && declaration.registeredAddress && declaration.registeredAddress.district !== reservation.district) {
    problems.push(mismatch('district', ['registeredAddress', 'district']));
  }
  if (declaration.foreignInvested != null && declaration.foreignInvested !== reservation.foreignInvested) {
    problems.push(mismatch('foreignInvested', ['foreignInvested']));
  }
  if (reservation.industry && declaration.industry && declaration.industry !== reservation.industry) {
    problems.push(mismatch('industry', ['industry']));
  }
  return problems;
}

/** APPLICANT: submits its own draft (or corrected application) with the credit commitment. */
export async function submit(
  ctx: RequestContext,
  globalId: string,
  commitment: CommitmentCommand,
  idempotencyKey?: string | null,
  nameCommitment: NameCommitmentCommand | null = null,
): Promise<RegistrationApplication> {
  // Under an idempotency key, a retry answers with the application the first request submitted.
  return idempotently(
    ctx,
    {
      operation: 'submitRegistrationApplication',
      key: idempotencyKey,
      input: { id: globalId, commitment, ...(nameCommitment ? { nameCommitment } : {}) },
    },
    {
      create: (tx) => submitApplication(tx, globalId, commitment, nameCommitment),
      replay: (tx, id) => tx.em.findOneOrFail(RegistrationApplication, id),
      idOf: (application) => application.id,
    },
  );
}

async function submitApplication(
  ctx: RequestContext,
  globalId: string,
  commitment: CommitmentCommand,
  nameCommitment: NameCommitmentCommand | null,
): Promise<RegistrationApplication> {
  const userId = ctx.viewer.userId!;
  return inTransaction(ctx, async (tx) => {
    const application = await lockOwnApplication(tx, globalId);
    if (!EDITABLE_STATUSES.includes(application.status)) throw invalidState(application);
    const now = tx.deps.clock.now();
    const receivedOn = shanghaiDate(now);
    // The text in force when submitting is the one signed, and copied into the application.
    const terms = await currentCommitmentTerms(tx.em, application.kind);
    const problems: Problem[] = commitmentProblems(terms, commitment);
    let special = false;
    let reservation: NameReservation | null = null;
    let directName: Awaited<ReturnType<typeof checkDirectName>> | null = null;
    let simplifiedNotice: SimplifiedDeregistrationNotice | null = null;

    let enterprise: Enterprise | null = null;
    if (application.enterprise) {
      enterprise = await lockEnterprise(tx, application.enterprise.id);
      if (!enterprise || enterprise.status !== 'ACTIVE') {
        problems.push(
          problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseNotActive', ['input', 'enterpriseId']),
        );
      }
      const open = await tx.em.findOne(RegistrationApplication, {
        enterprise: application.enterprise.id,
        status: { $in: OPEN_STATUSES },
        id: { $ne: application.id },
      });
      if (open) {
        problems.push(
          problem(UserErrorCode.CONFLICT, 'registration.openApplicationExists', ['input', 'enterpriseId'], {
            number: open.number,
          }),
        );
      }
    }

    if (application.kind !== 'DEREGISTRATION') {
      // A hosted address: the agreement must be the applicant's and active; its address is the registered one.
      const hosted = await collect(problems, () => withHostedAddress(tx, application.declaration, userId));
      if (hosted && hosted !== application.declaration) application.declaration = hosted;
      problems.push(...declarationFormProblems(application.declaration, ['input', 'declaration']));
      problems.push(...industryProblems(application.declaration, ['input', 'declaration']));
      problems.push(...declarationCompletenessProblems(application.declaration, ['input', 'declaration'], receivedOn));
      if (application.nameReservationId) {
        reservation = await collect(problems, () =>
          takeReservationForRegistration(
            tx,
            toGlobalId(NAME_RESERVATION_TYPE, application.nameReservationId!),
            userId,
            ['input', 'nameReservationId'],
          ),
        );
        if (reservation) {
          problems.push(
            ...reservationMismatches(application.declaration, reservation, application.kind === 'ESTABLISHMENT'),
            ...(await investmentRelationProblems(tx, reservation, application.declaration, [
              'input',
              'declaration',
              'investors',
            ])),
          );
          special = reservation.special;
          const rival = await tx.em.findOne(RegistrationApplication, {
            nameReservationId: reservation.id,
            status: { $in: OPEN_STATUSES },
            id: { $ne: application.id },
          });
          if (rival) {
            problems.push(
              problem(UserErrorCode.CONFLICT, 'registration.openApplicationExists', ['input', 'nameReservationId'], {
                number: rival.number,
              }),
            );
          }
        }
      } else if (application.kind === 'ESTABLISHMENT') {
        problems.push(
          problem(UserErrorCode.REQUIRED, 'registration.reservationRequired', ['input', 'nameReservationId']),
        );
      } else if (enterprise && declaresNameDirectly(application, enterprise)) {
        directName = await checkDirectName(tx, application, enterprise, application.declaration, nameCommitment);
        problems.push(...directName.problems);
        special = directName.special;
      }
      if (application.kind === 'CHANGE') {
        const decided = application.changeDecidedOn;
        if (!decided) {
          problems.push(
            problem(UserErrorCode.REQUIRED, 'registration.changeDateRequired', ['input', 'changeDecidedOn']),
          );
        } else if (decided > receivedOn) {
          problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'registration.dateInFuture', ['input', 'changeDecidedOn']));
        }
        if (enterprise && changedItems(enterprise.declaration, application.declaration).length === 0) {
          problems.push(problem(UserErrorCode.NOT_ALLOWED, 'registration.nothingChanged', ['input', 'declaration']));
        }
      }
    } else {
      problems.push(
        ...deregistrationCompletenessProblems(
          application.deregistration,
          ['input', 'deregistration'],
          receivedOn,
          enterprise?.kind ?? null,
        ),
      );
      if (application.deregistration)
        problems.push(...deregistrationFormProblems(application.deregistration, ['input', 'deregistration']));
      if (enterprise && application.deregistration?.simplified) {
        const simplified = await simplifiedApplicationProblems(tx, application, enterprise);
        problems.push(...simplified.problems);
        simplifiedNotice = simplified.notice;
      }
    }
    throwIfProblems(problems);
    if (simplifiedNotice && application.deregistration) {
      // The notice it rests on, as published on the platform (not as typed).
      application.deregistration = { ...application.deregistration, publicNoticeFrom: simplifiedNotice.startsOn };
    }
    // Made in time, the application keeps its name through the registry's review (规定 第十八条).
    await releaseReservationHold(tx, application.id);
    if (reservation) holdReservationForReview(reservation, application.id);
    if (directName && enterprise) {
      application.declaration = { ...application.declaration, name: directName.name };
      await holdDirectName(tx, application, directName.name, application.declaration, enterprise);
      application.nameCommitment = directName.commitment;
    } else {
      await releaseDirectNameHold(tx, application.id);
      application.nameCommitment = null;
    }

    const from = application.status;
    if (from === 'CORRECTION_REQUESTED') {
      const notice = application.correctionNotices.at(-1);
      if (notice) {
        notice.answeredAt = now.toISOString();
        application.correctionNotices = [...application.correctionNotices];
      }
    }
    application.status = 'SUBMITTED';
    application.firstSubmittedAt ??= now;
    application.submittedAt = now;
    application.receivedOn = receivedOn;
    application.commitment = {
      termsVersion: terms.version,
      textZh: terms.textZh,
      textEn: terms.textEn,
      signatoryName: commitment.signatoryName.trim(),
      committedAt: now.toISOString(),
    };
    if (application.kind === 'DEREGISTRATION') {
      // Every department clears in parallel; the decision is due once all have cleared.
      application.reviewReasons = [];
      application.decideBy = null;
      const existing = await tx.em.find(DepartmentClearance, { application });
      for (const department of CLEARANCE_DEPARTMENTS) {
        if (!existing.some((c) => c.department === department)) {
          tx.em.persist(
            tx.em.create(DepartmentClearance, { application, department, status: 'PENDING', createdAt: now }),
          );
        }
      }
      if (existing.length === CLEARANCE_DEPARTMENTS.length && existing.every((c) => c.status === 'CLEARED')) {
        application.decideBy = sameDay(tx, receivedOn);
      }
    } else {
      application.reviewReasons = reviewReasonsOf(application.declaration, special);
      application.decideBy = application.reviewReasons.length
        ? tx.deps.calendar.current.addWorkingDays(receivedOn, REVIEW_WORKING_DAYS)
        : sameDay(tx, receivedOn);
    }
    application.updatedAt = now;
    audit(tx, application, 'registration.submit', from, {
      decideBy: application.decideBy,
      reviewReasons: application.reviewReasons,
      termsVersion: terms.version,
      ...(lateChangeFiling(tx, application) ? { lateFiling: true } : {}),
    });
    notifyApplicant(tx, application, {
      kind: 'REGISTRATION_SUBMITTED',
      titleKey: 'registration.notify.submitted.title',
      bodyKey:
        application.kind === 'DEREGISTRATION'
          ? 'registration.notify.deregistrationSubmitted.body'
          : 'registration.notify.submitted.body',
      params: { decideBy: application.decideBy ?? '' },
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

/** APPLICANT: withdraws its own draft, submitted application, or one awaiting correction. */
export async function withdraw(ctx: RequestContext, globalId: string): Promise<RegistrationApplication> {
  return inTransaction(ctx, async (tx) => {
    const application = await lockOwnApplication(tx, globalId);
    if (!['DRAFT', ...OPEN_STATUSES].includes(application.status)) throw invalidState(application);
    const from = application.status;
    application.status = 'WITHDRAWN';
    application.updatedAt = tx.deps.clock.now();
    await releaseReservationHold(tx, application.id);
    await releaseDirectNameHold(tx, application.id);
    audit(tx, application, 'registration.withdraw', from);
    notifyApplicant(tx, application, {
      kind: 'REGISTRATION_WITHDRAWN',
      titleKey: 'registration.notify.withdrawn.title',
      bodyKey: 'registration.notify.withdrawn.body',
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

// ---------------------------------------------------------------------------------------------
// Decisions (OFFICIAL of MARKET_REGULATION)

function enterpriseColumnsFrom(enterprise: Enterprise, declaration: Declaration): void {
  enterprise.name = declaration.name!;
  enterprise.nameParts = enterpriseNameParts(enterprise.name);
  enterprise.kind = declaration.kind!;
  enterprise.foreignInvested = declaration.foreignInvested ?? false;
  enterprise.district = declaration.registeredAddress!.district;
  enterprise.zone = declaration.registeredAddress!.zone;
  enterprise.industry = declaration.industry ?? null;
  enterprise.registeredCapitalFen = declaration.registeredCapitalFen ?? null;
  enterprise.businessScope = declaration.businessScope ?? null;
  enterprise.legalRepresentativeName = declaration.legalRepresentative?.name ?? null;
  enterprise.registeredAddress = declaration.registeredAddress!.address;
  enterprise.declaration = structuredClone(declaration);
}

async function confirmEstablishment(tx: RequestContext, application: RegistrationApplication): Promise<Enterprise> {
  const now = tx.deps.clock.now();
  const reservation = await takeReservationForRegistration(
    tx,
    toGlobalId(NAME_RESERVATION_TYPE, application.nameReservationId!),
    application.applicant.id,
    ['input', 'id'],
  );
  const declaration = { ...application.declaration, name: reservation.name };
  // Checked again at confirmation (规定 第十二条, 第十七条): the registry confirms the name against the investors.
  throwIfProblems([
    ...bracketedChinaProblems(declaration, ['input', 'declaration']),
    ...(await investmentRelationProblems(tx, reservation, declaration, ['input', 'declaration', 'investors'])),
  ]);
  const hostingAgreementId = await stillActiveHostingAgreement(tx, declaration, application.applicant.id);
  const enterprise = tx.em.create(Enterprise, {
    name: reservation.name,
    kind: declaration.kind!,
    district: declaration.registeredAddress!.district,
    agentIds: [application.applicant.id],
    declaration,
    createdAt: now,
    updatedAt: now,
  });
  enterpriseColumnsFrom(enterprise, declaration);
  enterprise.uscc = await issueUscc(tx, enterprise.district, enterprise.kind);
  enterprise.establishedOn = shanghaiDate(now);
  tx.em.persist(enterprise);
  await tx.em.flush();
  markReservationUsed(tx, reservation, enterprise.id);
  if (hostingAgreementId) await bindHostingAgreement(tx, hostingAgreementId, enterprise.id);
  await registerEnterpriseName(tx, {
    enterpriseId: enterprise.id,
    name: enterprise.name,
    district: enterprise.district,
    industry: enterprise.industry,
    kind: enterprise.kind,
  });
  await issueLicence(tx, enterprise);
  recordEnterpriseChange(
    tx,
    enterprise,
    application.id,
    'ESTABLISHMENT',
    DECLARATION_ITEMS.filter((item) => publicItemText(declaration, item) !== null).map((item) => ({
      item,
      before: null,
      after: publicItemText(declaration, item),
    })),
  );
  recordAudit(tx, {
    action: 'enterprise.establish',
    subjectType: ENTERPRISE_TYPE,
    subjectId: enterprise.id,
    toState: 'ACTIVE',
    details: { applicationId: application.id, uscc: enterprise.uscc },
  });
  application.enterprise = enterprise;
  return enterprise;
}

const LICENCE_ITEMS = new Set([
  'name',
  'kind',
  'legalRepresentative',
  'registeredCapital',
  'registeredAddress',
  'businessScope',
  'operatingTerm',
]);

async function confirmChange(tx: RequestContext, application: RegistrationApplication): Promise<Enterprise> {
  const now = tx.deps.clock.now();
  const enterprise = await lockEnterprise(tx, application.enterprise!.id);
  if (!enterprise || enterprise.status !== 'ACTIVE') {
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseChangedMeanwhile', ['input', 'id']),
    );
  }
  let declaration = application.declaration;
  let reservation: NameReservation | null = null;
  const direct = declaresNameDirectly(application, enterprise);
  if (application.nameReservationId) {
    reservation = await takeReservationForRegistration(
      tx,
      toGlobalId(NAME_RESERVATION_TYPE, application.nameReservationId),
      application.applicant.id,
      ['input', 'id'],
    );
    declaration = { ...declaration, name: reservation.name };
  }
  throwIfProblems(bracketedChinaProblems(declaration, ['input', 'declaration']));
  const hostingAgreementId = await stillActiveHostingAgreement(tx, declaration, application.applicant.id);
  if (hostingAgreementId) await bindHostingAgreement(tx, hostingAgreementId, enterprise.id);
  const before = enterprise.declaration;
  const items = changedItems(before, declaration);
  enterpriseColumnsFrom(enterprise, declaration);
  enterprise.updatedAt = now;
  if (reservation) {
    await releaseEnterpriseName(tx, { enterpriseId: enterprise.id, releasedAt: now, reason: 'NAME_CHANGED' });
    markReservationUsed(tx, reservation, enterprise.id);
    enterprise.nameChangeRequiredBy = null;
  }
  if (direct) {
    // The old name keeps blocking others for a year; the held name becomes the registered one.
    await releaseEnterpriseName(tx, { enterpriseId: enterprise.id, releasedAt: now, reason: 'NAME_CHANGED' });
    await releaseDirectNameHold(tx, application.id);
    enterprise.nameChangeRequiredBy = null;
    // A special name granted on the commitment given in the application is verified afterwards, in
    // the same queue as a reserved one (规定 告知承诺).
    if (application.nameCommitment) {
      await grantDirectlyDeclaredSpecialName(tx, {
        name: enterprise.name,
        applicantId: application.applicant.id,
        enterpriseId: enterprise.id,
        applicationId: application.id,
        district: enterprise.district,
        kind: enterprise.kind,
        industry: enterprise.industry,
        foreignInvested: enterprise.foreignInvested,
        commitment: {
          termsVersion: application.nameCommitment.termsVersion,
          signatoryName: application.nameCommitment.signatoryName,
          committedAt: new Date(application.nameCommitment.committedAt),
        },
      });
    }
  }
  if (reservation || direct || items.includes('industry') || items.includes('registeredAddress')) {
    await registerEnterpriseName(tx, {
      enterpriseId: enterprise.id,
      name: enterprise.name,
      district: enterprise.district,
      industry: enterprise.industry,
      kind: enterprise.kind,
    });
  }
  if (items.some((item) => LICENCE_ITEMS.has(item))) await issueLicence(tx, enterprise);
  recordEnterpriseChange(
    tx,
    enterprise,
    application.id,
    'CHANGE',
    items.map((item) => ({ item, before: publicItemText(before, item), after: publicItemText(declaration, item) })),
  );
  recordAudit(tx, {
    action: 'enterprise.change',
    subjectType: ENTERPRISE_TYPE,
    subjectId: enterprise.id,
    details: { applicationId: application.id, items },
  });
  return enterprise;
}

async function confirmDeregistration(tx: RequestContext, application: RegistrationApplication): Promise<Enterprise> {
  const clearances = await tx.em.find(DepartmentClearance, { application });
  const pending = CLEARANCE_DEPARTMENTS.filter(
    (d) => !clearances.some((c) => c.department === d && c.status === 'CLEARED'),
  );
  if (pending.length) {
    throw new DomainError(
      problem(UserErrorCode.NOT_ALLOWED, 'registration.clearancesPending', ['input', 'id'], {
        departments: pending.map((d) => translate(tx.locale, `registration.department.${d}`)).join(', '),
      }),
    );
  }
  const now = tx.deps.clock.now();
  const enterprise = await lockEnterprise(tx, application.enterprise!.id);
  if (!enterprise || enterprise.status !== 'ACTIVE') {
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, 'registration.enterpriseChangedMeanwhile', ['input', 'id']),
    );
  }
  if (application.deregistration?.simplified) {
    // The route's conditions hold until the end: a restriction recorded during the clearances bars it.
    const simplified = await simplifiedApplicationProblems(tx, application, enterprise, true);
    throwIfProblems(simplified.problems);
    completeNotice(tx, simplified.notice);
  }
  enterprise.status = 'DEREGISTERED';
  enterprise.deregisteredOn = shanghaiDate(now);
  enterprise.updatedAt = now;
  await cancelLicences(tx, enterprise);
  await releaseEnterpriseName(tx, { enterpriseId: enterprise.id, releasedAt: now, reason: 'DEREGISTERED' });
  recordEnterpriseChange(tx, enterprise, application.id, 'DEREGISTRATION', [
    { item: 'status', before: 'ACTIVE', after: 'DEREGISTERED' },
  ]);
  recordAudit(tx, {
    action: 'enterprise.deregister',
    subjectType: ENTERPRISE_TYPE,
    subjectId: enterprise.id,
    fromState: 'ACTIVE',
    toState: 'DEREGISTERED',
    details: { applicationId: application.id },
  });
  return enterprise;
}

/** OFFICIAL (MARKET_REGULATION): confirms a submitted application; its registration takes effect in this transaction. */
export async function confirm(
  ctx: RequestContext,
  globalId: string,
  note: string | null,
): Promise<RegistrationApplication> {
  return inTransaction(ctx, async (tx) => {
    const application = await lockForRegistrar(tx, globalId);
    if (application.status !== 'SUBMITTED') throw invalidState(application);
    const enterprise =
      application.kind === 'ESTABLISHMENT'
        ? await confirmEstablishment(tx, application)
        : application.kind === 'CHANGE'
          ? await confirmChange(tx, application)
          : await confirmDeregistration(tx, application);
    const now = tx.deps.clock.now();
    application.status = 'CONFIRMED';
    application.decidedAt = now;
    application.decidedBy = tx.em.getReference(User, tx.viewer.userId!);
    application.decisionNote = note?.trim() || null;
    application.updatedAt = now;
    audit(tx, application, 'registration.confirm', 'SUBMITTED', {
      note: application.decisionNote,
      enterpriseId: enterprise.id,
    });
    notifyApplicant(tx, application, {
      kind: 'REGISTRATION_CONFIRMED',
      titleKey: 'registration.notify.confirmed.title',
      bodyKey:
        application.kind === 'DEREGISTRATION'
          ? 'registration.notify.deregistered.body'
          : 'registration.notify.confirmed.body',
      params: { name: enterprise.name, uscc: enterprise.uscc ?? '' },
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

export interface CorrectionItemCommand {
  field: string[];
  message: string;
}

/** The item a correction path names ("declaration.investors", "nameReservationId"), or null when it names none. */
function correctionItemKey(kind: RegistrationKindValue, field: string[]): string | null {
  const [root, item] = field;
  if (
    root === 'declaration' &&
    kind !== 'DEREGISTRATION' &&
    (DECLARATION_ITEMS as readonly string[]).includes(item ?? '')
  ) {
    return `declaration.${item}`;
  }
  if (
    root === 'deregistration' &&
    kind === 'DEREGISTRATION' &&
    (DEREGISTRATION_ITEMS as readonly string[]).includes(item ?? '')
  ) {
    return `deregistration.${item}`;
  }
  if (root === 'nameReservationId' && kind !== 'DEREGISTRATION' && field.length === 1) return root;
  if (root === 'changeDecidedOn' && kind === 'CHANGE' && field.length === 1) return root;
  return null;
}

function snapshotValue(snapshot: ApplicationSnapshot, key: string): unknown {
  const [root, item] = key.split('.');
  if (root === 'declaration') {
    if (item === 'registeredCapital') return snapshot.declaration.registeredCapitalFen ?? null;
    return (snapshot.declaration as Record<string, unknown>)[item!] ?? null;
  }
  if (root === 'deregistration') return (snapshot.deregistration as Record<string, unknown> | null)?.[item!] ?? null;
  return (snapshot as unknown as Record<string, unknown>)[root!] ?? null;
}

/**
 * OFFICIAL (MARKET_REGULATION): sends the application back with one consolidated list. A later
 * notice may only name items the applicant changed since the previous one: no new rounds of demands.
 */
export async function requestCorrection(
  ctx: RequestContext,
  globalId: string,
  items: CorrectionItemCommand[],
): Promise<RegistrationApplication> {
  return inTransaction(ctx, async (tx) => {
    const application = await lockForRegistrar(tx, globalId);
    if (application.status !== 'SUBMITTED') throw invalidState(application);
    const problems: Problem[] = [];
    if (items.length === 0)
      problems.push(problem(UserErrorCode.REQUIRED, 'registration.correctionItemsRequired', ['input', 'items']));
    const previous = application.correctionNotices.at(-1);
    const current = snapshotOf(application);
    const seen = new Set<string>();
    const cleaned: CorrectionItemData[] = [];
    items.forEach((item, i) => {
      const at = ['input', 'items', String(i)];
      const field = item.field.map((part) => part.trim());
      const key = correctionItemKey(application.kind, field);
      if (!key) {
        problems.push(problem(UserErrorCode.INVALID_INPUT, 'registration.correctionFieldUnknown', [...at, 'field']));
      } else if (
        previous &&
        canonicalJson(snapshotValue(previous.snapshot, key)) === canonicalJson(snapshotValue(current, key))
      ) {
        problems.push(problem(UserErrorCode.NOT_ALLOWED, 'registration.correctionItemUnchanged', [...at, 'field']));
      }
      const path = field.join('.');
      if (seen.has(path))
        problems.push(problem(UserErrorCode.INVALID_INPUT, 'registration.correctionDuplicate', [...at, 'field']));
      seen.add(path);
      if (!item.message.trim()) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', [...at, 'message']));
      else if (item.message.length > 500)
        problems.push(problem(UserErrorCode.TOO_LONG, 'error.tooLong', [...at, 'message'], { max: 500 }));
      cleaned.push({ field, message: item.message.trim() });
    });
    throwIfProblems(problems);

    const now = tx.deps.clock.now();
    application.correctionNotices = [
      ...application.correctionNotices,
      {
        round: application.correctionNotices.length + 1,
        items: cleaned,
        requestedAt: now.toISOString(),
        requestedById: tx.viewer.userId!,
        snapshot: structuredClone(current),
        answeredAt: null,
      },
    ];
    application.status = 'CORRECTION_REQUESTED';
    application.updatedAt = now;
    audit(tx, application, 'registration.requestCorrection', 'SUBMITTED', {
      round: application.correctionNotices.length,
      items: cleaned.map((i) => i.field.join('.')),
    });
    notifyApplicant(tx, application, {
      kind: 'REGISTRATION_CORRECTION_REQUESTED',
      titleKey: 'registration.notify.correction.title',
      bodyKey: 'registration.notify.correction.body',
      params: { count: cleaned.length },
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

/** OFFICIAL (MARKET_REGULATION): rejects a submitted application with reasons. */
export async function reject(
  ctx: RequestContext,
  globalId: string,
  reasons: string[],
): Promise<RegistrationApplication> {
  const cleaned = reasons.map((r) => r.trim()).filter((r) => r.length > 0);
  return inTransaction(ctx, async (tx) => {
    const application = await lockForRegistrar(tx, globalId);
    if (application.status !== 'SUBMITTED') throw invalidState(application);
    if (cleaned.length === 0)
      throw new DomainError(problem(UserErrorCode.REQUIRED, 'registration.reasonsRequired', ['input', 'reasons']));
    const now = tx.deps.clock.now();
    application.status = 'REJECTED';
    application.rejectionReasons = cleaned;
    await releaseReservationHold(tx, application.id);
    await releaseDirectNameHold(tx, application.id);
    application.decidedAt = now;
    application.decidedBy = tx.em.getReference(User, tx.viewer.userId!);
    application.updatedAt = now;
    audit(tx, application, 'registration.reject', 'SUBMITTED', { note: cleaned.join('; ') });
    notifyApplicant(tx, application, {
      kind: 'REGISTRATION_REJECTED',
      titleKey: 'registration.notify.rejected.title',
      bodyKey: 'registration.notify.rejected.body',
      params: { reasons: cleaned.join('；') },
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

/** OFFICIAL (MARKET_REGULATION): extends the 3-working-day review once by 3 working days, with a reason. */
/**
 * OFFICIAL (MARKET_REGULATION): asks for the one extension of a 3-working-day review, with its reason.
 * It takes effect when another official approves it (approveExtension).
 */
export async function extend(ctx: RequestContext, globalId: string, reason: string): Promise<RegistrationApplication> {
  return inTransaction(ctx, async (tx) => {
    const application = await lockForRegistrar(tx, globalId);
    if (application.status !== 'SUBMITTED') throw invalidState(application);
    if (application.extendedAt)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'registration.alreadyExtended', ['input', 'id']));
    if (application.extensionRequestedAt) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'registration.extensionAlreadyRequested', ['input', 'id']),
      );
    }
    if (application.reviewReasons.length === 0 || !application.decideBy) {
      throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'registration.sameDayTrack', ['input', 'id']));
    }
    if (!reason.trim())
      throw new DomainError(problem(UserErrorCode.REQUIRED, 'registration.reasonRequired', ['input', 'reason']));
    const now = tx.deps.clock.now();
    application.extensionRequestedAt = now;
    application.extensionRequestedBy = tx.em.getReference(User, tx.viewer.userId!);
    application.extensionReason = reason.trim();
    application.updatedAt = now;
    audit(tx, application, 'registration.requestExtension', 'SUBMITTED', { note: application.extensionReason });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

/**
 * OFFICIAL (MARKET_REGULATION), not the one who asked: approves the extension, which moves decideBy
 * 3 working days on and tells the applicant why.
 */
export async function approveExtension(ctx: RequestContext, globalId: string): Promise<RegistrationApplication> {
  return inTransaction(ctx, async (tx) => {
    const application = await lockForRegistrar(tx, globalId);
    if (application.status !== 'SUBMITTED') throw invalidState(application);
    if (application.extendedAt)
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'registration.alreadyExtended', ['input', 'id']));
    if (!application.extensionRequestedAt || !application.decideBy) {
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'registration.noExtensionRequest', ['input', 'id']));
    }
    if (application.extensionRequestedBy?.id === tx.viewer.userId) {
      throw new DomainError(
        problem(UserErrorCode.NOT_ALLOWED, 'registration.extensionNeedsSecondOfficial', ['input', 'id']),
      );
    }
    const now = tx.deps.clock.now();
    const before = application.decideBy;
    application.decideBy = tx.deps.calendar.current.addWorkingDays(before, EXTENSION_WORKING_DAYS);
    application.extendedAt = now;
    application.extensionApprovedBy = tx.em.getReference(User, tx.viewer.userId!);
    application.updatedAt = now;
    audit(tx, application, 'registration.extend', 'SUBMITTED', {
      note: application.extensionReason,
      from: before,
      to: application.decideBy,
      requestedBy: application.extensionRequestedBy?.id ?? null,
    });
    notifyApplicant(tx, application, {
      kind: 'REGISTRATION_EXTENDED',
      titleKey: 'registration.notify.extended.title',
      bodyKey: 'registration.notify.extended.body',
      params: { decideBy: application.decideBy, reason: application.extensionReason ?? '' },
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

/** OFFICIAL of TAX, SOCIAL_INSURANCE, MEDICAL_INSURANCE or HOUSING_FUND: records its department's clearance. */
export async function recordClearance(
  ctx: RequestContext,
  globalId: string,
  outcome: 'CLEARED' | 'BLOCKED',
  note: string | null,
): Promise<RegistrationApplication> {
  const department = clearanceDepartmentOf(ctx.viewer) as ClearanceDepartment;
  const text = note?.trim() || null;
  return inTransaction(ctx, async (tx) => {
    const application = await lockApplication(tx, globalId);
    if (application.kind !== 'DEREGISTRATION') {
      throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'registration.notDeregistration', ['input', 'id']));
    }
    if (!OPEN_STATUSES.includes(application.status)) throw invalidState(application);
    const clearance = await tx.em.findOne(
      DepartmentClearance,
      { application, department },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!clearance) throw notFound(['input', 'id']);
    if (clearance.status === 'CLEARED')
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'registration.clearanceFinal', ['input', 'outcome']));
    if (outcome === 'BLOCKED' && !text)
      throw new DomainError(problem(UserErrorCode.REQUIRED, 'registration.blockedNeedsNote', ['input', 'note']));
    const now = tx.deps.clock.now();
    const fromClearance = clearance.status;
    clearance.status = outcome;
    clearance.note = text;
    clearance.recordedBy = tx.em.getReference(User, tx.viewer.userId!);
    clearance.recordedAt = now;
    const all = await tx.em.find(DepartmentClearance, { application });
    if (
      all.length === CLEARANCE_DEPARTMENTS.length &&
      all.every((c) => c.status === 'CLEARED') &&
      application.status === 'SUBMITTED'
    ) {
      application.decideBy = sameDay(tx, shanghaiDate(now));
    }
    application.updatedAt = now;
    audit(tx, application, 'registration.clearance', application.status, {
      clearance: `${department}:${fromClearance}→${outcome}`,
      note: text,
    });
    notifyApplicant(tx, application, {
      kind: 'DEREGISTRATION_CLEARANCE',
      titleKey: 'registration.notify.clearance.title',
      bodyKey: 'registration.notify.clearance.body',
      params: {
        department: translate(tx.locale, `registration.department.${department}`),
        outcome: translate(tx.locale, `registration.outcome.${outcome}`),
        note: text ?? '',
      },
    });
    await tx.em.flush();
    publishUpdate(tx, application);
    return application;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function findApplication(ctx: RequestContext, globalId: string): Promise<RegistrationApplication | null> {
  const id = localIdOf(globalId, APPLICATION_TYPE);
  if (!id) return null;
  const application = await ctx.em.findOne(RegistrationApplication, { id });
  if (!application) return null;
  if (canSeeApplication(ctx.viewer, application)) return application;
  // Another agent's application for an enterprise the viewer acts for: read the enterprise only then.
  const enterprise = application.enterprise
    ? await ctx.em.findOne(Enterprise, { id: application.enterprise.id })
    : null;
  return canSeeApplication(ctx.viewer, application, enterprise) ? application : null;
}

export interface ApplicationFilter {
  status?: RegistrationStatusValue | null;
  kind?: RegistrationKindValue | null;
}

export function listOwnApplications(
  ctx: RequestContext,
  userId: string,
  filter: ApplicationFilter,
  page: PageArgs,
): Promise<ConnectionData<RegistrationApplication>> {
  return paginate(
    ctx,
    RegistrationApplication,
    {
      applicant: userId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
    },
    { orderBy: { createdAt: 'desc', id: 'desc' }, ...page },
  );
}

/** The registrar's queue: submitted applications (or another status), oldest submission first. */
export async function reviewQueue(
  ctx: RequestContext,
  filter: ApplicationFilter,
  page: PageArgs,
): Promise<ConnectionData<RegistrationApplication>> {
  const status = filter.status ?? 'SUBMITTED';
  if (status === 'DRAFT') return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
  return paginate(
    ctx,
    RegistrationApplication,
    { status, ...(filter.kind ? { kind: filter.kind } : {}) },
    { orderBy: { submittedAt: 'asc', id: 'asc' }, ...page },
  );
}

/** A clearance department's tasks: open deregistrations with its clearance in this status, oldest first. */
export function clearanceQueue(
  ctx: RequestContext,
  department: ClearanceDepartment,
  status: DepartmentClearance['status'],
  page: PageArgs,
): Promise<ConnectionData<DepartmentClearance>> {
  return paginate(
    ctx,
    DepartmentClearance,
    { department, status, application: { status: { $in: OPEN_STATUSES } } },
    { orderBy: { createdAt: 'asc', id: 'asc' }, ...page },
  );
}
