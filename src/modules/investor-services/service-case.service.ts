import { LockMode } from '@mikro-orm/core';
import { recordAudit, type AuditVerb } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { StoredFile } from '../../shared/files/file.entity.js';
import { unattachedUploadsOf } from '../../shared/files/retention.js';
import { FILE_TYPE_NAME } from '../../shared/files/uploads.js';
import { localIdOf } from '../../shared/ids.js';
import { defineLoader } from '../../shared/loaders.js';
import { translate, type Locale } from '../../shared/messages.js';
import { notify } from '../../shared/notifications/notification.service.js';
import { NotificationKind } from '../../shared/notifications/notification.types.js';
import { inTransaction } from '../../shared/transaction.js';
import { User } from '../accounts/index.js';
import { Enterprise, requireEnterpriseActedFor } from '../registration/index.js';
import { canSeeCase, isCommerceOfficial, isHandler, isSubmitter } from './service-case.access.js';
import {
  DEFAULT_CONSULTATION_WORKING_DAYS,
  DEFAULT_SUGGESTION_WORKING_DAYS,
  deadlinesOf,
  type AnswerDeadlines,
} from './deadlines.js';
import {
  InvestorServiceSettings,
  ServiceCase,
  ServiceCaseAttachment,
  ServiceCaseMessage,
  TypicalCase,
} from './service-case.entity.js';
import {
  ServiceCaseDeclineReason,
  ServiceCaseKind,
  ServiceCaseOutcome,
  ServiceCaseStatus,
  isServiceCaseCategory,
} from './service-case.enums.js';
import { publishCaseUpdated } from './service-case.events.js';
import type {
  AcceptServiceCaseInput,
  AssignServiceCaseInput,
  DeclineServiceCaseInput,
  ExtendServiceCaseInput,
  PostCaseMessageInput,
  PublishTypicalCaseInput,
  RateServiceCaseInput,
  ReferServiceCaseInput,
  RequestServiceCaseMaterialsInput,
  ResolveServiceCaseInput,
  SubmitServiceCaseInput,
  SupplyServiceCaseMaterialsInput,
  UpdateServiceCaseSettingsInput,
  UpdateTypicalCaseInput,
  WithdrawServiceCaseInput,
  WithdrawTypicalCaseInput,
} from './service-case.inputs.js';

// The case workflow (domain-rules §4). Each step: check the viewer and the state inside one
// transaction with the case row locked, write, audit (codes and ids only, never the texts: the audit
// trail is read by every official and must not carry confidential parts), notify, publish after commit.

export const MAX_ATTACHMENTS_PER_CASE = 10;
const CASE_TYPE = 'ServiceCase';

// ---------------------------------------------------------------------------------------------
// Settings

export const answerDeadlinesLoader = defineLoader<number, AnswerDeadlines>(
  'investorServices.settings',
  async (ctx, keys) => {
    const row = await ctx.em.findOne(InvestorServiceSettings, { id: 1 });
    const value: AnswerDeadlines = {
      consultationWorkingDays: row?.consultationWorkingDays ?? DEFAULT_CONSULTATION_WORKING_DAYS,
      suggestionWorkingDays: row?.suggestionWorkingDays ?? DEFAULT_SUGGESTION_WORKING_DAYS,
    };
    return keys.map(() => value);
  },
);

export function answerDeadlines(ctx: RequestContext): Promise<AnswerDeadlines> {
  return ctx.loaders.get(answerDeadlinesLoader).load(1);
}

export async function updateSettings(
  ctx: RequestContext,
  input: UpdateServiceCaseSettingsInput,
): Promise<InvestorServiceSettings> {
  const problems: Problem[] = [];
  for (const field of ['consultationWorkingDays', 'suggestionWorkingDays'] as const) {
    const value = input[field];
    if (!Number.isInteger(value) || value < 1 || value > 60) {
      problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'investorServices.settingsRange', ['input', field]));
    }
  }
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.em.findOneOrFail(InvestorServiceSettings, { id: 1 }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const before = { consultation: row.consultationWorkingDays, suggestion: row.suggestionWorkingDays };
    row.consultationWorkingDays = input.consultationWorkingDays;
    row.suggestionWorkingDays = input.suggestionWorkingDays;
    row.updatedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'investorServices.settings.update',
      subjectType: 'InvestorServiceSettings',
      subjectId: '00000000-0000-0000-0000-00000000b001',
      details: { before, after: { consultation: row.consultationWorkingDays, suggestion: row.suggestionWorkingDays } },
    });
    await tx.em.flush();
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function notFound(field: string[] = ['input', 'id']): DomainError {
  return new DomainError(problem(UserErrorCode.NOT_FOUND, 'investorServices.caseNotFound', field));
}

function invalidState(c: ServiceCase, locale: Locale, field: string[] = ['input', 'id']): DomainError {
  return new DomainError(
    problem(UserErrorCode.INVALID_STATE, 'investorServices.invalidState', field, {
      state: translate(locale, `investorServices.status.${c.status}`),
    }),
  );
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** The case, locked for this transaction, when the viewer may see it; otherwise NOT_FOUND as if absent. */
async function lockCase(tx: RequestContext, globalId: string, field: string[] = ['input', 'id']): Promise<ServiceCase> {
  const id = localIdOf(globalId, CASE_TYPE);
  const found = id ? await tx.em.findOne(ServiceCase, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!found || !canSeeCase(tx.viewer, found)) throw notFound(field);
  return found;
}

/** Officials act on a case they handle, or on one nobody handles yet (acting makes them its assignee). */
function requireHandling(tx: RequestContext, c: ServiceCase): void {
  if (!isCommerceOfficial(tx.viewer)) throw notFound();
  if (c.assigneeId !== null && !isHandler(tx.viewer, c)) {
    throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'investorServices.handledByOther', ['input', 'id']));
  }
  c.assigneeId ??= tx.viewer.userId;
}

export function today(tx: RequestContext): string {
  return shanghaiDate(tx.deps.clock.now());
}

function notifyUser(
  tx: RequestContext,
  c: ServiceCase,
  userId: string | null,
  event: string,
  params: Record<string, string | number> = {},
  includeSelf = false,
): void {
  // Whoever took the step knows of it; the acknowledgement of a submission is the exception, kept in the inbox.
  if (!userId || (userId === tx.viewer.userId && !includeSelf)) return;
  notify(tx, {
    userId,
    kind: NotificationKind.SERVICE_CASE_UPDATED,
    subjectType: CASE_TYPE,
    subjectId: c.id,
    titleKey: `investorServices.notify.${event}.title`,
    bodyKey: `investorServices.notify.${event}.body`,
    params: { number: c.number, ...params },
  });
}

function audit(
  tx: RequestContext,
  c: ServiceCase,
  action: AuditVerb<'investorServices.'>,
  fromState: string | null,
  details: Record<string, unknown> = {},
) {
  recordAudit(tx, {
    action: `investorServices.${action}`,
    subjectType: CASE_TYPE,
    subjectId: c.id,
    fromState,
    toState: c.status,
    details,
  });
}

/** Attaches the viewer's own unattached, unlapsed uploads to a case; any other id is NOT_FOUND (as if absent). */
async function attachFiles(
  tx: RequestContext,
  c: ServiceCase,
  globalIds: readonly string[],
  field: string[],
): Promise<number> {
  if (globalIds.length === 0) return 0;
  const existing = await tx.em.count(ServiceCaseAttachment, { caseId: c.id });
  if (existing + globalIds.length > MAX_ATTACHMENTS_PER_CASE) {
    throw new DomainError(
      problem(UserErrorCode.CAPACITY_REACHED, 'investorServices.tooManyAttachments', field, {
        max: MAX_ATTACHMENTS_PER_CASE,
      }),
    );
  }
  const ids = globalIds.map((g) => localIdOf(g, FILE_TYPE_NAME));
  const valid = ids.filter((id): id is string => id !== null);
  const files = valid.length
    ? await tx.em.find(
        StoredFile,
        { $and: [{ id: { $in: valid } }, unattachedUploadsOf(tx.deps, tx.viewer.userId!)] },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      )
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const problems = ids.flatMap((id, index) => {
    const ok = id !== null && byId.has(id) && !seen.has(id);
    if (id) seen.add(id);
    return ok ? [] : [problem(UserErrorCode.NOT_FOUND, 'investorServices.fileNotFound', [...field, String(index)])];
  });
  throwIfProblems(problems);
  const now = tx.deps.clock.now();
  for (const file of files) {
    file.attachedTo = CASE_TYPE;
    tx.em.persist(tx.em.create(ServiceCaseAttachment, { caseId: c.id, fileId: file.id, attachedAt: now }));
  }
  return files.length;
}

// ---------------------------------------------------------------------------------------------
// Submitting

export interface Submitted {
  serviceCase: ServiceCase;
  acknowledgement: string;
}

export async function submitCase(ctx: RequestContext, input: SubmitServiceCaseInput): Promise<Submitted> {
  const problems: Problem[] = [];
  if (!isServiceCaseCategory(input.category)) {
    problems.push(problem(UserErrorCode.INVALID_INPUT, 'investorServices.unknownCategory', ['input', 'category']));
  }
  const complaint = input.kind === ServiceCaseKind.COMPLAINT;
  const environmentOnly = input.category === 'INVESTMENT_ENVIRONMENT';
  const complaintFields = ['respondent', 'administrativeAct', 'request'] as const;
  if (complaint) {
    // A complaint about the investment environment needs only the complainant and the problem (§4).
    if (!environmentOnly) {
      for (const field of complaintFields) {
        if (!clean(input[field])) {
          problems.push(problem(UserErrorCode.REQUIRED, 'investorServices.complaintFieldRequired', ['input', field]));
        }
      }
    }
    if (input.inReconsiderationOrLitigation === null || input.inReconsiderationOrLitigation === undefined) {
      problems.push(
        problem(UserErrorCode.REQUIRED, 'investorServices.complaintFieldRequired', [
          'input',
          'inReconsiderationOrLitigation',
        ]),
      );
    }
  } else {
    for (const field of [...complaintFields, 'respondentContact', 'inReconsiderationOrLitigation'] as const) {
      if (input[field] !== null && input[field] !== undefined && input[field] !== '') {
        problems.push(problem(UserErrorCode.INVALID_INPUT, 'investorServices.onlyForComplaints', ['input', field]));
      }
    }
  }
  const confidential = clean(input.confidentialDetails);
  const kinds = [...new Set(input.confidentialKinds ?? [])];
  if (confidential && kinds.length === 0) {
    problems.push(
      problem(UserErrorCode.REQUIRED, 'investorServices.confidentialKindsRequired', ['input', 'confidentialKinds']),
    );
  }
  const attachmentIds = input.attachmentIds ?? [];
  if (attachmentIds.length > MAX_ATTACHMENTS_PER_CASE) {
    problems.push(
      problem(UserErrorCode.CAPACITY_REACHED, 'investorServices.tooManyAttachments', ['input', 'attachmentIds'], {
        max: MAX_ATTACHMENTS_PER_CASE,
      }),
    );
  }
  throwIfProblems(problems);

  const serviceCase = await inTransaction(ctx, async (tx) => {
    let enterpriseId: string | null = null;
    if (input.enterpriseId) {
      const enterprise: Enterprise = await requireEnterpriseActedFor(tx, input.enterpriseId, ['input', 'enterpriseId']);
      if (!enterprise.foreignInvested) {
        throw new DomainError(
          problem(UserErrorCode.NOT_ALLOWED, 'investorServices.notForeignInvestor', ['input', 'enterpriseId']),
        );
      }
      enterpriseId = enterprise.id;
    } else {
      const user = await tx.em.findOne(User, { id: tx.viewer.userId! });
      if (!user?.foreignInvestor) {
        throw new DomainError(
          problem(UserErrorCode.NOT_ALLOWED, 'investorServices.notForeignInvestor', ['input', 'enterpriseId']),
        );
      }
    }
    const now = tx.deps.clock.now();
    const day = shanghaiDate(now);
    const [{ n }] = await tx.em.execute<{ n: string }[]>(`select nextval('service_case_number_seq')::text as n`);
    const created = tx.em.create(ServiceCase, {
      number: `WZ${day.slice(0, 4)}${n!.padStart(6, '0')}`,
      kind: input.kind,
      category: input.category,
      subject: input.subject.trim(),
      body: input.body.trim(),
      language: input.language,
      status: ServiceCaseStatus.SUBMITTED,
      submitterId: tx.viewer.userId!,
      enterpriseId,
      respondent: complaint ? clean(input.respondent) : null,
      respondentContact: complaint ? clean(input.respondentContact) : null,
      administrativeAct: complaint ? clean(input.administrativeAct) : null,
      request: complaint ? clean(input.request) : null,
      inReconsiderationOrLitigation: complaint ? (input.inReconsiderationOrLitigation ?? null) : null,
      confidentialDetails: confidential,
      confidentialKinds: confidential ? kinds : [],
      submittedAt: now,
      submittedOn: day,
      materialsCompleteOn: complaint ? day : null,
      updatedAt: now,
    });
    tx.em.persist(created);
    await tx.em.flush();
    const attached = await attachFiles(tx, created, attachmentIds, ['input', 'attachmentIds']);
    audit(tx, created, 'submit', null, {
      kind: created.kind,
      category: created.category,
      language: created.language,
      attachments: attached,
      confidential: confidential !== null,
    });
    notifyUser(tx, created, created.submitterId, 'submitted', { subject: created.subject }, true);
    await tx.em.flush();
    publishCaseUpdated(tx, created);
    return created;
  });
  return { serviceCase, acknowledgement: acknowledgementOf(serviceCase, ctx, await answerDeadlines(ctx)) };
}

/** The acknowledgement of a case, in the case's own language (the office replies in it). */
export function acknowledgementOf(c: ServiceCase, ctx: RequestContext, settings: AnswerDeadlines): string {
  const d = deadlinesOf(c, ctx.deps.calendar.current, settings);
  const days =
    c.kind === ServiceCaseKind.CONSULTATION ? settings.consultationWorkingDays : settings.suggestionWorkingDays;
  return translate(c.language, `investorServices.ack.${c.kind.toLowerCase()}`, {
    number: c.number,
    date: c.submittedOn,
    acceptBy: d.acceptBy ?? '—',
    resolveBy: d.resolveBy ?? '—',
    days,
  });
}

// ---------------------------------------------------------------------------------------------
// The submitter's steps

export async function withdrawCase(ctx: RequestContext, input: WithdrawServiceCaseInput): Promise<ServiceCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    if (!isSubmitter(tx.viewer, c)) throw notFound();
    const from = c.status;
    if (
      !(
        [ServiceCaseStatus.SUBMITTED, ServiceCaseStatus.MATERIALS_REQUESTED, ServiceCaseStatus.ACCEPTED] as string[]
      ).includes(from)
    ) {
      throw invalidState(c, tx.locale);
    }
    const now = tx.deps.clock.now();
    c.status = ServiceCaseStatus.WITHDRAWN;
    c.endedAt = now;
    c.updatedAt = now;
    audit(tx, c, 'withdraw', from);
    notifyUser(tx, c, c.assigneeId, 'withdrawn');
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

export async function supplyMaterials(
  ctx: RequestContext,
  input: SupplyServiceCaseMaterialsInput,
): Promise<ServiceCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    if (!isSubmitter(tx.viewer, c)) throw notFound();
    if (c.status !== ServiceCaseStatus.MATERIALS_REQUESTED) throw invalidState(c, tx.locale);
    const now = tx.deps.clock.now();
    const attached = await attachFiles(tx, c, input.attachmentIds ?? [], ['input', 'attachmentIds']);
    tx.em.persist(
      tx.em.create(ServiceCaseMessage, {
        caseId: c.id,
        authorId: tx.viewer.userId!,
        authorRole: 'SUBMITTER',
        internal: false,
        confidential: input.confidential ?? false,
        body: input.body.trim(),
        createdAt: now,
      }),
    );
    c.status = ServiceCaseStatus.SUBMITTED;
    c.materialsSuppliedAt = now;
    // The acceptance clock starts again from the day the materials are complete.
    c.materialsCompleteOn = shanghaiDate(now);
    c.updatedAt = now;
    audit(tx, c, 'supplyMaterials', ServiceCaseStatus.MATERIALS_REQUESTED, { attachments: attached });
    notifyUser(tx, c, c.assigneeId, 'materialsSupplied');
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

export async function rateCase(ctx: RequestContext, input: RateServiceCaseInput): Promise<ServiceCase> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
    throw new DomainError(problem(UserErrorCode.OUT_OF_RANGE, 'investorServices.ratingRange', ['input', 'score']));
  }
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    if (!isSubmitter(tx.viewer, c)) throw notFound();
    if (c.status !== ServiceCaseStatus.RESOLVED) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'investorServices.rateAfterResolution', ['input', 'id']),
      );
    }
    if (c.rating !== null) {
      throw new DomainError(problem(UserErrorCode.ALREADY_EXISTS, 'investorServices.alreadyRated', ['input', 'id']));
    }
    const now = tx.deps.clock.now();
    c.rating = input.score;
    c.ratingComment = clean(input.comment);
    c.ratedAt = now;
    c.updatedAt = now;
    audit(tx, c, 'rate', c.status, { score: input.score });
    notifyUser(tx, c, c.assigneeId, 'rated', { score: input.score });
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

// ---------------------------------------------------------------------------------------------
// Messages (both sides)

export async function postMessage(
  ctx: RequestContext,
  input: PostCaseMessageInput,
): Promise<{ serviceCase: ServiceCase; message: ServiceCaseMessage }> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.caseId, ['input', 'caseId']);
    const official = isCommerceOfficial(tx.viewer);
    const internal = input.internal ?? false;
    const confidential = input.confidential ?? false;
    if (internal && !official) {
      throw new DomainError(
        problem(UserErrorCode.NOT_ALLOWED, 'investorServices.internalNoteByOfficial', ['input', 'internal']),
      );
    }
    if (confidential && official) {
      throw new DomainError(
        problem(UserErrorCode.NOT_ALLOWED, 'investorServices.confidentialByInvestor', ['input', 'confidential']),
      );
    }
    if ((input.attachmentIds?.length ?? 0) > 0 && official) {
      throw new DomainError(
        problem(UserErrorCode.NOT_ALLOWED, 'investorServices.confidentialByInvestor', ['input', 'attachmentIds']),
      );
    }
    if (official && !internal) requireHandling(tx, c);
    const closed = (
      [ServiceCaseStatus.WITHDRAWN, ServiceCaseStatus.CLOSED, ServiceCaseStatus.NOT_ACCEPTED] as string[]
    ).includes(c.status);
    if (closed && !internal) throw invalidState(c, tx.locale, ['input', 'caseId']);
    const now = tx.deps.clock.now();
    const attached = await attachFiles(tx, c, input.attachmentIds ?? [], ['input', 'attachmentIds']);
    const message = tx.em.create(ServiceCaseMessage, {
      caseId: c.id,
      authorId: tx.viewer.userId!,
      authorRole: official ? 'OFFICIAL' : 'SUBMITTER',
      internal,
      confidential,
      body: input.body.trim(),
      createdAt: now,
    });
    tx.em.persist(message);
    c.updatedAt = now;
    audit(tx, c, internal ? 'internalNote' : 'message', c.status, { messageId: message.id, attachments: attached });
    if (!internal) notifyUser(tx, c, official ? c.submitterId : c.assigneeId, 'message');
    await tx.em.flush();
    publishCaseUpdated(tx, c, internal);
    return { serviceCase: c, message };
  });
}

// ---------------------------------------------------------------------------------------------
// The office's steps

export async function assignCase(ctx: RequestContext, input: AssignServiceCaseInput): Promise<ServiceCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    if (!isCommerceOfficial(tx.viewer)) throw notFound();
    if (!(OPEN as string[]).includes(c.status)) throw invalidState(c, tx.locale);
    const assigneeId = localIdOf(input.assigneeId, 'User');
    const assignee = assigneeId ? await tx.em.findOne(User, { id: assigneeId }) : null;
    if (!assignee || assignee.role !== 'OFFICIAL' || assignee.department !== 'COMMERCE' || assignee.disabledAt) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_INPUT, 'investorServices.notOfficialOfCommerce', ['input', 'assigneeId']),
      );
    }
    const before = c.assigneeId;
    c.assigneeId = assignee.id;
    c.updatedAt = tx.deps.clock.now();
    audit(tx, c, 'assign', c.status, { from: before, to: assignee.id });
    notifyUser(tx, c, assignee.id, 'assigned');
    await tx.em.flush();
    publishCaseUpdated(tx, c, true);
    return c;
  });
}

const OPEN = [ServiceCaseStatus.SUBMITTED, ServiceCaseStatus.MATERIALS_REQUESTED, ServiceCaseStatus.ACCEPTED];

function requireComplaint(c: ServiceCase): void {
  if (c.kind !== ServiceCaseKind.COMPLAINT) {
    throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'investorServices.onlyComplaints', ['input', 'id']));
  }
}

export async function requestMaterials(
  ctx: RequestContext,
  input: RequestServiceCaseMaterialsInput,
): Promise<ServiceCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    requireHandling(tx, c);
    requireComplaint(c);
    if (c.status !== ServiceCaseStatus.SUBMITTED) throw invalidState(c, tx.locale);
    if (c.materialsRequestedAt !== null) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'investorServices.materialsAlreadyRequested', ['input', 'id']),
      );
    }
    const now = tx.deps.clock.now();
    c.status = ServiceCaseStatus.MATERIALS_REQUESTED;
    c.materialsRequest = input.missing.trim();
    c.materialsRequestedAt = now;
    // The acceptance clock stands still until the materials are complete.
    c.materialsCompleteOn = null;
    c.updatedAt = now;
    audit(tx, c, 'requestMaterials', ServiceCaseStatus.SUBMITTED);
    notifyUser(tx, c, c.submitterId, 'materialsRequested');
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

export async function acceptCase(ctx: RequestContext, input: AcceptServiceCaseInput): Promise<ServiceCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    requireHandling(tx, c);
    requireComplaint(c);
    if (c.status !== ServiceCaseStatus.SUBMITTED) throw invalidState(c, tx.locale);
    const now = tx.deps.clock.now();
    const day = shanghaiDate(now);
    c.status = ServiceCaseStatus.ACCEPTED;
    c.decidedById = tx.viewer.userId;
    c.decidedOn = day;
    c.acceptedOn = day;
    c.decisionNote = clean(input.note);
    c.updatedAt = now;
    const settings = await answerDeadlines(tx);
    audit(tx, c, 'accept', ServiceCaseStatus.SUBMITTED);
    notifyUser(tx, c, c.submitterId, 'accepted', {
      resolveBy: deadlinesOf(c, tx.deps.calendar.current, settings).resolveBy ?? '',
    });
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

export async function declineCase(ctx: RequestContext, input: DeclineServiceCaseInput): Promise<ServiceCase> {
  const problems: Problem[] = [];
  if (!input.reason)
    problems.push(problem(UserErrorCode.REQUIRED, 'investorServices.reasonRequired', ['input', 'reason']));
  if (input.reason === ServiceCaseDeclineReason.OUTSIDE_REMIT && !clean(input.competentOffice)) {
    problems.push(
      problem(UserErrorCode.REQUIRED, 'investorServices.competentOfficeRequired', ['input', 'competentOffice']),
    );
  }
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    requireHandling(tx, c);
    requireComplaint(c);
    if (c.status !== ServiceCaseStatus.SUBMITTED && c.status !== ServiceCaseStatus.MATERIALS_REQUESTED) {
      throw invalidState(c, tx.locale);
    }
    const from = c.status;
    const now = tx.deps.clock.now();
    c.status = ServiceCaseStatus.NOT_ACCEPTED;
    c.decidedById = tx.viewer.userId;
    c.decidedOn = shanghaiDate(now);
    c.declineReason = input.reason!;
    c.decisionNote = clean(input.note);
    c.competentOffice = input.reason === ServiceCaseDeclineReason.OUTSIDE_REMIT ? clean(input.competentOffice) : null;
    c.endedAt = now;
    c.updatedAt = now;
    audit(tx, c, 'decline', from, { reason: input.reason });
    notifyUser(tx, c, c.submitterId, 'declined');
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

export async function extendCase(ctx: RequestContext, input: ExtendServiceCaseInput): Promise<ServiceCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    requireHandling(tx, c);
    if (c.extendedResolveBy !== null) {
      throw new DomainError(problem(UserErrorCode.INVALID_STATE, 'investorServices.alreadyExtended', ['input', 'id']));
    }
    const open =
      c.status === ServiceCaseStatus.ACCEPTED ||
      (c.kind !== ServiceCaseKind.COMPLAINT && c.status === ServiceCaseStatus.SUBMITTED);
    if (!open) throw invalidState(c, tx.locale);
    const calendar = tx.deps.calendar.current;
    const current = deadlinesOf(c, calendar, await answerDeadlines(tx)).resolveBy!;
    const problems: Problem[] = [];
    if (input.newResolveBy <= current) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'investorServices.extensionNotLater', ['input', 'newResolveBy'], {
          deadline: current,
        }),
      );
    } else if (!calendar.isWorkingDay(input.newResolveBy)) {
      problems.push(
        problem(UserErrorCode.INVALID_INPUT, 'investorServices.extensionNotWorkingDay', ['input', 'newResolveBy']),
      );
    }
    throwIfProblems(problems);
    const now = tx.deps.clock.now();
    c.extendedResolveBy = input.newResolveBy;
    c.extensionReason = input.reason.trim();
    c.updatedAt = now;
    audit(tx, c, 'extend', c.status, { from: current, to: input.newResolveBy });
    notifyUser(tx, c, c.submitterId, 'extended', { date: input.newResolveBy });
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

const COMPLAINT_OUTCOMES = [
  ServiceCaseOutcome.RESOLVED_BY_COORDINATION,
  ServiceCaseOutcome.UNDERSTANDING_REACHED,
  ServiceCaseOutcome.COMPLAINANT_NOT_COOPERATING,
];

export async function resolveCase(ctx: RequestContext, input: ResolveServiceCaseInput): Promise<ServiceCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    requireHandling(tx, c);
    const complaint = c.kind === ServiceCaseKind.COMPLAINT;
    if (complaint ? c.status !== ServiceCaseStatus.ACCEPTED : c.status !== ServiceCaseStatus.SUBMITTED) {
      throw invalidState(c, tx.locale);
    }
    const fits = complaint ? COMPLAINT_OUTCOMES.includes(input.outcome) : input.outcome === ServiceCaseOutcome.ANSWERED;
    if (!fits) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_INPUT, 'investorServices.outcomeNotForKind', ['input', 'outcome'], {
          kind: translate(tx.locale, `investorServices.kind.${c.kind}`),
        }),
      );
    }
    const from = c.status;
    const now = tx.deps.clock.now();
    c.status = ServiceCaseStatus.RESOLVED;
    c.outcome = input.outcome;
    c.resolutionSummary = input.summary.trim();
    c.resolvedOn = shanghaiDate(now);
    c.endedAt = now;
    c.updatedAt = now;
    audit(tx, c, 'resolve', from, { outcome: input.outcome });
    notifyUser(tx, c, c.submitterId, 'resolved');
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

export async function referCase(ctx: RequestContext, input: ReferServiceCaseInput): Promise<ServiceCase> {
  if (!clean(input.competentOffice)) {
    throw new DomainError(
      problem(UserErrorCode.REQUIRED, 'investorServices.competentOfficeRequired', ['input', 'competentOffice']),
    );
  }
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.id);
    requireHandling(tx, c);
    if (!(OPEN as string[]).includes(c.status)) throw invalidState(c, tx.locale);
    const from = c.status;
    const now = tx.deps.clock.now();
    c.status = ServiceCaseStatus.CLOSED;
    c.outcome = ServiceCaseOutcome.REFERRED;
    c.competentOffice = clean(input.competentOffice);
    c.decisionNote = clean(input.note);
    c.endedAt = now;
    c.updatedAt = now;
    audit(tx, c, 'refer', from);
    notifyUser(tx, c, c.submitterId, 'referred', { office: c.competentOffice! });
    await tx.em.flush();
    publishCaseUpdated(tx, c);
    return c;
  });
}

// ---------------------------------------------------------------------------------------------
// Typical cases

export async function publishTypicalCase(ctx: RequestContext, input: PublishTypicalCaseInput): Promise<TypicalCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await lockCase(tx, input.caseId, ['input', 'caseId']);
    if (!isCommerceOfficial(tx.viewer)) throw notFound(['input', 'caseId']);
    if (c.status !== ServiceCaseStatus.RESOLVED) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'investorServices.typicalNotResolved', ['input', 'caseId']),
      );
    }
    if (await tx.em.count(TypicalCase, { caseId: c.id, withdrawnAt: null })) {
      throw new DomainError(
        problem(UserErrorCode.ALREADY_EXISTS, 'investorServices.typicalAlreadyPublished', ['input', 'caseId']),
      );
    }
    await requireAnonymous(tx, c, input.title, input.summary);
    const typical = tx.em.create(TypicalCase, {
      caseId: c.id,
      kind: c.kind,
      category: c.category,
      language: input.language ?? c.language,
      title: input.title.trim(),
      summary: input.summary.trim(),
      outcome: c.outcome!,
      publishedById: tx.viewer.userId!,
      publishedAt: tx.deps.clock.now(),
    });
    tx.em.persist(typical);
    recordAudit(tx, {
      action: 'investorServices.publishTypical',
      subjectType: 'TypicalCase',
      subjectId: typical.id,
      details: { caseId: c.id },
    });
    await tx.em.flush();
    return typical;
  });
}

/** Anonymous: none of the names the case carries may appear in the published text. */
async function requireAnonymous(tx: RequestContext, c: ServiceCase, title: string, summary: string): Promise<void> {
  const submitter = await tx.em.findOneOrFail(User, { id: c.submitterId });
  const enterprise = c.enterpriseId ? await tx.em.findOne(Enterprise, { id: c.enterpriseId }) : null;
  const names = [submitter.displayName, submitter.email, enterprise?.name, c.number].filter(
    (n): n is string => typeof n === 'string' && n.trim().length >= 2,
  );
  const text = `${title}\n${summary}`.toLowerCase();
  throwIfProblems(
    names
      .filter((name) => text.includes(name.toLowerCase()))
      .map((name) =>
        problem(UserErrorCode.INVALID_INPUT, 'investorServices.typicalHasName', ['input', 'summary'], { name }),
      ),
  );
}

/** A published (not withdrawn) typical case, locked; a commerce official's only. */
async function lockTypicalCase(tx: RequestContext, globalId: string): Promise<TypicalCase> {
  const id = localIdOf(globalId, 'TypicalCase');
  const found = id
    ? await tx.em.findOne(TypicalCase, { id, withdrawnAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!found || !isCommerceOfficial(tx.viewer)) {
    throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'investorServices.typicalNotFound', ['input', 'id']));
  }
  return found;
}

export async function updateTypicalCase(ctx: RequestContext, input: UpdateTypicalCaseInput): Promise<TypicalCase> {
  const problems: Problem[] = [];
  if (!clean(input.title)) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'title']));
  if (!clean(input.summary)) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'summary']));
  throwIfProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const typical = await lockTypicalCase(tx, input.id);
    const c = await tx.em.findOneOrFail(ServiceCase, { id: typical.caseId });
    await requireAnonymous(tx, c, input.title, input.summary);
    typical.title = input.title.trim();
    typical.summary = input.summary.trim();
    typical.language = input.language ?? typical.language;
    typical.editedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'investorServices.updateTypical',
      subjectType: 'TypicalCase',
      subjectId: typical.id,
      details: { caseId: c.id },
    });
    await tx.em.flush();
    return typical;
  });
}

export async function withdrawTypicalCase(ctx: RequestContext, input: WithdrawTypicalCaseInput): Promise<TypicalCase> {
  const reason = clean(input.reason);
  if (!reason) {
    throw new DomainError(problem(UserErrorCode.REQUIRED, 'investorServices.reasonTextRequired', ['input', 'reason']));
  }
  return inTransaction(ctx, async (tx) => {
    const typical = await lockTypicalCase(tx, input.id);
    typical.withdrawnAt = tx.deps.clock.now();
    typical.withdrawalReason = reason;
    // The reason stays in the row (officials' record); the audit trail carries codes and ids only.
    recordAudit(tx, {
      action: 'investorServices.withdrawTypical',
      subjectType: 'TypicalCase',
      subjectId: typical.id,
      details: { caseId: typical.caseId },
    });
    await tx.em.flush();
    return typical;
  });
}
