import { LockMode } from '@mikro-orm/core';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { shanghaiDate } from '../../shared/clock.js';
import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { localIdOf } from '../../shared/ids.js';
import { formatFen, parseYuanToFen } from '../../shared/money.js';
import { notify } from '../../shared/notifications/notification.service.js';
import { NotificationKind } from '../../shared/notifications/notification.types.js';
import { idempotently } from '../../shared/idempotency/idempotency.js';
import { inTransaction } from '../../shared/transaction.js';
import { industryDivision } from '../names/index.js';
import { Organisation } from '../accounts/index.js';
import { bankOf } from './financing.access.js';
import { enterpriseFacts, viewerActsFor } from '../registration/index.js';
import {
  CreditProduct,
  FinancingDemand,
  FinancingDemandAlert,
  FinancingDemandContact,
  FinancingOffer,
} from './financing.entity.js';
import { effectiveOfferStatusOf, effectiveStatus } from './financing.expiry.js';
import { FinancingDemandStatus, FinancingOfferStatus } from './financing.enums.js';
import {
  FINANCING_OFFER_ACCEPTED,
  FINANCING_OFFER_DECLINED,
  FINANCING_OFFER_DISBURSED,
  FINANCING_OFFER_WITHDRAWN,
  publishDemandPublished,
  publishOfferReceived,
  recordDemandWithdrawn,
  recordOfferDecision,
} from './financing.events.js';
import { demandMatches, filterFromJson, type DemandFacts } from './financing.filter.js';
import type {
  MakeFinancingOfferInput,
  PublishFinancingDemandInput,
  RecordDisbursementInput,
} from './financing.inputs.js';
import { demandById, offerById } from './financing.loaders.js';
import type { FinancingDemandType, FinancingOfferType } from './financing.types.js';
import {
  MAX_AMOUNT_FEN,
  MAX_ANNUAL_RATE_E4,
  MAX_TERM_MONTHS,
  MIN_AMOUNT_FEN,
  MIN_TERM_MONTHS,
  formatRateE4,
  isValidIdNumber,
  normalisePhone,
  parseRateE4,
  rateForDatabase,
} from './financing.values.js';
import { financingSettings } from './financing-settings.service.js';
import './financing.messages.js';

// The rules of 金企通 demands and offers (domain-rules §5). Every change runs in one transaction that
// first locks the demand row (SELECT … FOR UPDATE): two acceptances of offers on one demand, or an
// offer racing an acceptance, are serialised on that lock, and the second sees the first's result.
// A refused request throws a DomainError, which rolls the transaction back: nothing is written.

const DAY_MS = 24 * 3600_000;

// --- checks shared by the operations ---------------------------------------------------------------

function amountProblems(
  text: string,
  field: string[],
  min = MIN_AMOUNT_FEN,
  max = MAX_AMOUNT_FEN,
): [number | null, Problem[]] {
  const fen = parseYuanToFen(text);
  if (fen === null) return [null, [problem(UserErrorCode.INVALID_FORMAT, 'financing.amountInvalid', field)]];
  if (fen < min || fen > max) {
    return [
      fen,
      [
        problem(UserErrorCode.OUT_OF_RANGE, 'financing.amountOutOfRange', field, {
          min: formatFen(min),
          max: formatFen(max),
        }),
      ],
    ];
  }
  return [fen, []];
}

function termProblems(months: number, field: string[]): Problem[] {
  return Number.isInteger(months) && months >= MIN_TERM_MONTHS && months <= MAX_TERM_MONTHS
    ? []
    : [
        problem(UserErrorCode.OUT_OF_RANGE, 'financing.termOutOfRange', field, {
          min: MIN_TERM_MONTHS,
          max: MAX_TERM_MONTHS,
        }),
      ];
}

export function rateProblems(text: string, field: string[]): [number | null, Problem[]] {
  const value = parseRateE4(text);
  if (value === null) return [null, [problem(UserErrorCode.INVALID_FORMAT, 'financing.rateInvalid', field)]];
  if (value <= 0 || value > MAX_ANNUAL_RATE_E4) {
    return [
      value,
      [
        problem(UserErrorCode.OUT_OF_RANGE, 'financing.rateOutOfRange', field, {
          max: formatRateE4(MAX_ANNUAL_RATE_E4),
        }),
      ],
    ];
  }
  return [value, []];
}

function notFound(field: string[], key = 'financing.demandNotFound'): DomainError {
  return new DomainError(problem(UserErrorCode.NOT_FOUND, key, field));
}

/** Refuses unless the demand is open by the clock (financing.expiry.ts). */
function requireOpen(demand: FinancingDemand, now: Date, key: string): void {
  const state = effectiveStatus(demand, now);
  if (state !== FinancingDemandStatus.OPEN)
    throw new DomainError(problem(UserErrorCode.INVALID_STATE, key, ['input', 'id'], { state }));
}

/** Refuses unless the offer is pending by the clock (pending on a demand expired by the clock: expired). */
function requirePending(offer: FinancingOffer, demand: FinancingDemand, now: Date): void {
  const state = effectiveOfferStatusOf(offer, demand, now);
  if (state !== FinancingOfferStatus.PENDING)
    throw new DomainError(
      problem(UserErrorCode.INVALID_STATE, 'financing.offerNotPending', ['input', 'id'], { state }),
    );
}

/** The demand row, locked for the rest of the transaction. */
async function lockDemand(tx: RequestContext, demandId: string): Promise<FinancingDemand | null> {
  return tx.em.findOne(FinancingDemand, { id: demandId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

/** The offer and its demand, the demand locked first (the lock orders concurrent changes to both). */
async function lockOffer(
  tx: RequestContext,
  offerId: string,
): Promise<{ offer: FinancingOffer; demand: FinancingDemand } | null> {
  const [row] = await tx.em.execute<{ demand_id: string }[]>('select demand_id from financing_offers where id = ?', [
    offerId,
  ]);
  if (!row) return null;
  const demand = await lockDemand(tx, row.demand_id);
  const offer = await tx.em.findOne(FinancingOffer, { id: offerId }, { refresh: true });
  return demand && offer ? { offer, demand } : null;
}

/** The API view of a demand or offer just written, read back through the read model (financing.view.ts). */
async function readBack<T>(ctx: RequestContext, loader: typeof demandById | typeof offerById, id: string): Promise<T> {
  const view = await ctx.loaders.get<string, unknown>(loader).load(id);
  if (!view) throw new Error(`${id} vanished after commit`);
  return view as T;
}
export const demandView = (ctx: RequestContext, id: string) => readBack<FinancingDemandType>(ctx, demandById, id);
const offerView = (ctx: RequestContext, id: string) => readBack<FinancingOfferType>(ctx, offerById, id);

async function bankName(tx: RequestContext, bankId: string): Promise<string> {
  return (await tx.em.findOne(Organisation, { id: bankId }))?.name ?? '';
}

function factsOf(demand: FinancingDemand): DemandFacts {
  return {
    district: demand.district,
    industry: demand.industry,
    amountFen: demand.amountFen,
    termMonths: demand.termMonths,
    guaranteeType: demand.guaranteeType,
    foreignInvested: demand.foreignInvested,
    publishedAtMs: demand.publishedAt.getTime(),
  };
}

/** Closes the other pending offers of a demand (accepted elsewhere, or the demand withdrawn) and tells their banks. */
async function declinePendingOffers(
  tx: RequestContext,
  demand: FinancingDemand,
  exceptOfferId: string | null,
  now: Date,
): Promise<void> {
  const pending = await tx.em.find(FinancingOffer, { demandId: demand.id, status: FinancingOfferStatus.PENDING });
  for (const other of pending) if (other.id !== exceptOfferId) decline(tx, other, demand, now);
}

/** Declines a pending offer and tells its bank. */
function decline(tx: RequestContext, offer: FinancingOffer, demand: FinancingDemand, now: Date): void {
  offer.status = FinancingOfferStatus.DECLINED;
  offer.decidedAt = now;
  recordOfferDecision(tx, FINANCING_OFFER_DECLINED, offer, demand);
  notify(tx, {
    userId: offer.createdById,
    kind: NotificationKind.FINANCING_OFFER_DECLINED,
    subjectType: 'FinancingOffer',
    subjectId: offer.id,
    titleKey: 'financing.notify.offerDeclined.title',
    bodyKey: 'financing.notify.offerDeclined.body',
    params: { number: demand.number },
  });
}

// --- demands ----------------------------------------------------------------------------------------

/** An applicant acting for a registered, active enterprise publishes a financing demand. */
/** Publishes a demand; under an idempotency key, a retry answers with the demand the first request published. */
export async function publishDemand(
  ctx: RequestContext,
  input: PublishFinancingDemandInput,
): Promise<FinancingDemandType> {
  return idempotently(
    ctx,
    { operation: 'publishFinancingDemand', key: input.idempotencyKey, input },
    {
      create: (tx) => publishNewDemand(tx, input),
      replay: (tx, id) => demandView(tx, id),
      idOf: (demand) => demand.id,
    },
  );
}

async function publishNewDemand(ctx: RequestContext, input: PublishFinancingDemandInput): Promise<FinancingDemandType> {
  const problems: Problem[] = [];
  const enterpriseId = localIdOf(input.enterpriseId, 'Enterprise');
  const [amountFen, amountIssues] = amountProblems(input.amount.amount, ['input', 'amount', 'amount']);
  problems.push(...amountIssues, ...termProblems(input.termMonths, ['input', 'termMonths']));
  let maxRate: number | null = null;
  if (input.maxAnnualRate !== null && input.maxAnnualRate !== undefined) {
    const [rate, rateIssues] = rateProblems(input.maxAnnualRate, ['input', 'maxAnnualRate']);
    maxRate = rate;
    problems.push(...rateIssues);
  }
  const now = ctx.deps.clock.now();
  if (input.desiredOn && input.desiredOn < shanghaiDate(now)) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'financing.desiredOnPast', ['input', 'desiredOn']));
  }
  const phone = normalisePhone(input.contact.phone);
  if (!phone)
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'financing.phoneInvalid', ['input', 'contact', 'phone']));
  const email = input.contact.email?.trim() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'error.invalidEmail', ['input', 'contact', 'email']));
  }
  const idNumber = input.contact.idNumber?.trim().toUpperCase() || null;
  if (idNumber && !isValidIdNumber(idNumber)) {
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'financing.idNumberInvalid', ['input', 'contact', 'idNumber']));
  }
  const contactName = input.contact.name.trim();
  if (!contactName) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'contact', 'name']));
  const inputIndustry = input.industry?.trim().toUpperCase() || null;
  if (inputIndustry && !industryDivision(inputIndustry)) {
    problems.push(problem(UserErrorCode.INVALID_INPUT, 'financing.invalidIndustry', ['input', 'industry']));
  }
  if (!enterpriseId)
    throw new DomainError([
      problem(UserErrorCode.NOT_FOUND, 'financing.enterpriseNotFound', ['input', 'enterpriseId']),
      ...problems,
    ]);

  const demand = await inTransaction(ctx, async (tx) => {
    const enterprise = await enterpriseFacts(tx, enterpriseId);
    if (!enterprise || !tx.viewer.userId || !enterprise.agentIds.includes(tx.viewer.userId)) {
      throw new DomainError([
        problem(UserErrorCode.NOT_FOUND, 'financing.enterpriseNotFound', ['input', 'enterpriseId']),
        ...problems,
      ]);
    }
    if (!enterprise.active) {
      problems.push(problem(UserErrorCode.INVALID_STATE, 'financing.enterpriseNotActive', ['input', 'enterpriseId']));
    }
    const industry = enterprise.industry ?? inputIndustry;
    if (!industry) problems.push(problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'industry']));
    throwIfProblems(problems);

    const [{ n }] = await tx.em.execute<{ n: string }[]>(`select nextval('financing_demand_number_seq')::text as n`);
    const { demandValidityDays: validityDays } = await financingSettings(tx);
    const created = tx.em.create(FinancingDemand, {
      number: `RZ${shanghaiDate(now).slice(0, 4)}${n!.padStart(7, '0')}`,
      enterpriseId,
      district: enterprise.district as FinancingDemand['district'],
      industry: industry!,
      foreignInvested: enterprise.foreignInvested,
      amountFen: amountFen!,
      termMonths: input.termMonths,
      purpose: input.purpose,
      guaranteeType: input.guaranteeType,
      collateral: input.collateral?.trim() || null,
      maxAnnualRate: maxRate === null ? null : rateForDatabase(maxRate),
      desiredOn: input.desiredOn ?? null,
      contactConsent: input.contactConsent,
      status: FinancingDemandStatus.OPEN,
      publishedAt: now,
      expiresAt: new Date(now.getTime() + validityDays * DAY_MS),
      offerCount: 0,
      firstOfferAt: null,
      acceptedOfferId: null,
      acceptedBankId: null,
      matchedAt: null,
      endedAt: null,
      publishedById: tx.viewer.userId!,
    });
    tx.em.persist(created);
    tx.em.persist(
      tx.em.create(FinancingDemandContact, { demandId: created.id, name: contactName, phone: phone!, email, idNumber }),
    );
    recordAudit(tx, {
      action: 'financing.publishDemand',
      subjectType: 'FinancingDemand',
      subjectId: created.id,
      toState: FinancingDemandStatus.OPEN,
      details: { enterpriseId, amountFen, termMonths: input.termMonths, contactConsent: input.contactConsent },
    });
    await notifyAlerts(tx, created);
    await tx.em.flush();
    publishDemandPublished(tx, created, factsOf(created));
    return created;
  });
  return demandView(ctx, demand.id);
}

/** Saved alerts that match a new demand put it in their officers' inboxes (one notification per officer). */
async function notifyAlerts(tx: RequestContext, demand: FinancingDemand): Promise<void> {
  const alerts = await tx.em.find(FinancingDemandAlert, {}, { orderBy: { createdAt: 'asc' } });
  const facts = factsOf(demand);
  const notified = new Set<string>();
  for (const alert of alerts) {
    if (notified.has(alert.userId) || !demandMatches(filterFromJson(alert.filter), facts)) continue;
    notified.add(alert.userId);
    notify(tx, {
      userId: alert.userId,
      kind: NotificationKind.FINANCING_DEMAND_PUBLISHED,
      subjectType: 'FinancingDemand',
      subjectId: demand.id,
      titleKey: 'financing.notify.demandPublished.title',
      bodyKey: 'financing.notify.demandPublished.body',
      params: {
        alert: alert.name,
        number: demand.number,
        amount: formatFen(demand.amountFen),
        term: demand.termMonths,
      },
    });
  }
}

/** The enterprise withdraws an open demand; its pending offers are closed. */
export async function withdrawDemand(ctx: RequestContext, globalId: string): Promise<FinancingDemandType> {
  const demandId = localIdOf(globalId, 'FinancingDemand');
  if (!demandId) throw notFound(['input', 'id']);
  const demand = await inTransaction(ctx, async (tx) => {
    const demand = await lockDemand(tx, demandId);
    if (!demand || !(await viewerActsFor(tx, demand.enterpriseId))) throw notFound(['input', 'id']);
    const now = tx.deps.clock.now();
    requireOpen(demand, now, 'financing.demandNotWithdrawable');
    demand.status = FinancingDemandStatus.WITHDRAWN;
    demand.endedAt = now;
    await declinePendingOffers(tx, demand, null, now);
    const offeringBanks = await tx.em.execute<{ bank_id: string }[]>(
      `select distinct bank_id from financing_offers where demand_id = ?`,
      [demand.id],
    );
    recordDemandWithdrawn(
      tx,
      demand,
      offeringBanks.map((row) => row.bank_id),
    );
    recordAudit(tx, {
      action: 'financing.withdrawDemand',
      subjectType: 'FinancingDemand',
      subjectId: demand.id,
      fromState: FinancingDemandStatus.OPEN,
      toState: FinancingDemandStatus.WITHDRAWN,
    });
    await tx.em.flush();
    return demand;
  });
  return demandView(ctx, demand.id);
}

// --- offers -----------------------------------------------------------------------------------------

/** A bank officer makes an offer on an open demand, for its bank. */
/** Makes an offer; under an idempotency key, a retry answers with the offer the first request made. */
export async function makeOffer(ctx: RequestContext, input: MakeFinancingOfferInput): Promise<FinancingOfferType> {
  return idempotently(
    ctx,
    { operation: 'makeFinancingOffer', key: input.idempotencyKey, input },
    {
      create: (tx) => makeNewOffer(tx, input),
      replay: (tx, id) => offerView(tx, id),
      idOf: (offer) => offer.id,
    },
  );
}

async function makeNewOffer(ctx: RequestContext, input: MakeFinancingOfferInput): Promise<FinancingOfferType> {
  const bankId = bankOf(ctx.viewer);
  if (!bankId) throw new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'financing.notBank'));
  const demandId = localIdOf(input.demandId, 'FinancingDemand');
  if (!demandId) throw notFound(['input', 'demandId']);
  const problems: Problem[] = [];
  const [amountFen, amountIssues] = amountProblems(input.amount.amount, ['input', 'amount', 'amount'], 1);
  const [rate, rateIssues] = rateProblems(input.annualRate, ['input', 'annualRate']);
  problems.push(...amountIssues, ...rateIssues, ...termProblems(input.termMonths, ['input', 'termMonths']));
  let productId: string | null = null;
  if (input.productId) {
    productId = localIdOf(input.productId, 'CreditProduct');
    if (!productId)
      problems.push(problem(UserErrorCode.NOT_FOUND, 'financing.productNotFound', ['input', 'productId']));
  }

  const offerId = await inTransaction(ctx, async (tx) => {
    const demand = await lockDemand(tx, demandId);
    // Every demand was open to every bank once, so saying that it is no longer open reveals nothing new.
    if (!demand)
      throw new DomainError([
        problem(UserErrorCode.NOT_FOUND, 'financing.demandNotFound', ['input', 'demandId']),
        ...problems,
      ]);
    const now = tx.deps.clock.now();
    const state = effectiveStatus(demand, now);
    if (state !== FinancingDemandStatus.OPEN) {
      problems.unshift(
        problem(UserErrorCode.INVALID_STATE, 'financing.demandNotOpen', ['input', 'demandId'], { state }),
      );
    } else {
      const pending = await tx.em.count(FinancingOffer, { demandId, bankId, status: FinancingOfferStatus.PENDING });
      if (pending > 0)
        problems.push(problem(UserErrorCode.ALREADY_EXISTS, 'financing.pendingOfferExists', ['input', 'demandId']));
      if (amountFen !== null && amountIssues.length === 0 && amountFen > demand.amountFen) {
        problems.push(
          problem(UserErrorCode.OUT_OF_RANGE, 'financing.offerAmountAboveDemand', ['input', 'amount', 'amount'], {
            max: formatFen(demand.amountFen),
          }),
        );
      }
      const ceiling = demand.maxAnnualRate === null ? null : parseRateE4(demand.maxAnnualRate);
      if (rate !== null && rateIssues.length === 0 && ceiling !== null && rate > ceiling) {
        problems.push(
          problem(UserErrorCode.OUT_OF_RANGE, 'financing.offerRateAboveCeiling', ['input', 'annualRate'], {
            max: formatRateE4(ceiling),
          }),
        );
      }
    }
    if (productId) {
      const product = await tx.em.findOne(CreditProduct, { id: productId, bankId });
      if (!product)
        problems.push(problem(UserErrorCode.NOT_FOUND, 'financing.productNotFound', ['input', 'productId']));
      else problems.push(...productFitProblems(product, demand, amountFen, rate, input.termMonths));
    }
    throwIfProblems(problems);

    const offer = tx.em.create(FinancingOffer, {
      demandId,
      bankId,
      productId,
      amountFen: amountFen!,
      annualRate: rateForDatabase(rate!),
      termMonths: input.termMonths,
      note: input.note?.trim() || null,
      status: FinancingOfferStatus.PENDING,
      createdAt: now,
      createdById: tx.viewer.userId!,
      decidedAt: null,
      acceptedAt: null,
      disbursedAmountFen: null,
      disbursedOn: null,
      disbursedAt: null,
    });
    tx.em.persist(offer);
    demand.offerCount += 1;
    demand.firstOfferAt ??= now;
    recordAudit(tx, {
      action: 'financing.makeOffer',
      subjectType: 'FinancingOffer',
      subjectId: offer.id,
      toState: FinancingOfferStatus.PENDING,
      details: { demandId, bankId, amountFen, annualRate: offer.annualRate, termMonths: input.termMonths, productId },
    });
    notify(tx, {
      userId: demand.publishedById,
      kind: NotificationKind.FINANCING_OFFER_RECEIVED,
      subjectType: 'FinancingOffer',
      subjectId: offer.id,
      titleKey: 'financing.notify.offerReceived.title',
      bodyKey: 'financing.notify.offerReceived.body',
      params: {
        bank: await bankName(tx, bankId),
        number: demand.number,
        amount: formatFen(amountFen!),
        rate: formatRateE4(rate!),
      },
    });
    await tx.em.flush();
    publishOfferReceived(tx, demand, offer.id, bankId);
    return offer.id;
  });
  return offerView(ctx, offerId);
}

function productFitProblems(
  product: CreditProduct,
  demand: FinancingDemand,
  amountFen: number | null,
  rate: number | null,
  termMonths: number,
): Problem[] {
  if (product.status !== 'ACTIVE')
    return [problem(UserErrorCode.INVALID_STATE, 'financing.productNotActive', ['input', 'productId'])];
  const problems: Problem[] = [];
  const outside = (what: string, field: string[]) =>
    problem(UserErrorCode.OUT_OF_RANGE, 'financing.offerOutsideProduct', field, { what });
  if (amountFen !== null && (amountFen < product.minAmountFen || amountFen > product.maxAmountFen)) {
    problems.push(
      outside(`${formatFen(product.minAmountFen)}–${formatFen(product.maxAmountFen)}`, ['input', 'amount', 'amount']),
    );
  }
  if (termMonths < product.minTermMonths || termMonths > product.maxTermMonths) {
    problems.push(outside(`${product.minTermMonths}–${product.maxTermMonths}`, ['input', 'termMonths']));
  }
  const min = parseRateE4(product.minAnnualRate)!;
  const max = parseRateE4(product.maxAnnualRate)!;
  if (rate !== null && (rate < min || rate > max)) {
    problems.push(outside(`${formatRateE4(min)}%–${formatRateE4(max)}%`, ['input', 'annualRate']));
  }
  if (!product.guaranteeTypes.includes(demand.guaranteeType)) {
    problems.push(problem(UserErrorCode.NOT_ALLOWED, 'financing.productGuaranteeMismatch', ['input', 'productId']));
  }
  return problems;
}

/** The bank withdraws its pending offer. */
export async function withdrawOffer(ctx: RequestContext, globalId: string): Promise<FinancingOfferType> {
  const bankId = bankOf(ctx.viewer);
  const offerId = localIdOf(globalId, 'FinancingOffer');
  if (!bankId || !offerId) throw notFound(['input', 'id'], 'financing.offerNotFound');
  await inTransaction(ctx, async (tx) => {
    const found = await lockOffer(tx, offerId);
    if (!found || found.offer.bankId !== bankId) throw notFound(['input', 'id'], 'financing.offerNotFound');
    const { offer, demand } = found;
    const now = tx.deps.clock.now();
    requirePending(offer, demand, now);
    offer.status = FinancingOfferStatus.WITHDRAWN;
    offer.decidedAt = now;
    demand.offerCount = Math.max(0, demand.offerCount - 1);
    recordOfferDecision(tx, FINANCING_OFFER_WITHDRAWN, offer, demand);
    recordAudit(tx, {
      action: 'financing.withdrawOffer',
      subjectType: 'FinancingOffer',
      subjectId: offer.id,
      fromState: FinancingOfferStatus.PENDING,
      toState: FinancingOfferStatus.WITHDRAWN,
    });
    await tx.em.flush();
  });
  return offerView(ctx, offerId);
}

/** Finds the offer for the enterprise's own decision; hidden offers are reported as missing. */
async function offerForEnterprise(tx: RequestContext, offerId: string) {
  const found = await lockOffer(tx, offerId);
  if (!found || !(await viewerActsFor(tx, found.demand.enterpriseId)))
    throw notFound(['input', 'id'], 'financing.offerNotFound');
  return found;
}

/**
 * The enterprise accepts one pending offer: the demand becomes MATCHED, every other pending offer is
 * declined, and the accepted bank may now see the contact person. Exactly one of two simultaneous
 * acceptances wins: the second waits for the demand's row lock, then finds it MATCHED.
 */
export async function acceptOffer(ctx: RequestContext, globalId: string): Promise<FinancingOfferType> {
  const offerId = localIdOf(globalId, 'FinancingOffer');
  if (!offerId) throw notFound(['input', 'id'], 'financing.offerNotFound');
  await inTransaction(ctx, async (tx) => {
    const { offer, demand } = await offerForEnterprise(tx, offerId);
    const now = tx.deps.clock.now();
    requireOpen(demand, now, 'financing.demandNotOpen');
    requirePending(offer, demand, now);
    offer.status = FinancingOfferStatus.ACCEPTED;
    offer.acceptedAt = now;
    offer.decidedAt = now;
    demand.status = FinancingDemandStatus.MATCHED;
    demand.acceptedOfferId = offer.id;
    demand.acceptedBankId = offer.bankId;
    demand.matchedAt = now;
    await declinePendingOffers(tx, demand, offer.id, now);
    recordOfferDecision(tx, FINANCING_OFFER_ACCEPTED, offer, demand);
    recordAudit(tx, {
      action: 'financing.acceptOffer',
      subjectType: 'FinancingOffer',
      subjectId: offer.id,
      fromState: FinancingOfferStatus.PENDING,
      toState: FinancingOfferStatus.ACCEPTED,
      details: { demandId: demand.id, bankId: offer.bankId },
    });
    notify(tx, {
      userId: offer.createdById,
      kind: NotificationKind.FINANCING_OFFER_ACCEPTED,
      subjectType: 'FinancingOffer',
      subjectId: offer.id,
      titleKey: 'financing.notify.offerAccepted.title',
      bodyKey: 'financing.notify.offerAccepted.body',
      params: { number: demand.number },
    });
    await tx.em.flush();
  });
  return offerView(ctx, offerId);
}

/** The enterprise declines one pending offer. */
export async function declineOffer(ctx: RequestContext, globalId: string): Promise<FinancingOfferType> {
  const offerId = localIdOf(globalId, 'FinancingOffer');
  if (!offerId) throw notFound(['input', 'id'], 'financing.offerNotFound');
  await inTransaction(ctx, async (tx) => {
    const { offer, demand } = await offerForEnterprise(tx, offerId);
    const now = tx.deps.clock.now();
    requirePending(offer, demand, now);
    decline(tx, offer, demand, now);
    recordAudit(tx, {
      action: 'financing.declineOffer',
      subjectType: 'FinancingOffer',
      subjectId: offer.id,
      fromState: FinancingOfferStatus.PENDING,
      toState: FinancingOfferStatus.DECLINED,
    });
    await tx.em.flush();
  });
  return offerView(ctx, offerId);
}

/** The bank records the disbursement of its accepted offer; the demand is then CLOSED. */
export async function recordDisbursement(
  ctx: RequestContext,
  input: RecordDisbursementInput,
): Promise<FinancingOfferType> {
  const bankId = bankOf(ctx.viewer);
  const offerId = localIdOf(input.offerId, 'FinancingOffer');
  if (!bankId || !offerId) throw notFound(['input', 'offerId'], 'financing.offerNotFound');
  const parsed = parseYuanToFen(input.amount.amount);
  await inTransaction(ctx, async (tx) => {
    const found = await lockOffer(tx, offerId);
    if (!found || found.offer.bankId !== bankId) throw notFound(['input', 'offerId'], 'financing.offerNotFound');
    const { offer, demand } = found;
    const now = tx.deps.clock.now();
    if (offer.status !== FinancingOfferStatus.ACCEPTED) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'financing.offerNotAccepted', ['input', 'offerId'], {
          state: offer.status,
        }),
      );
    }
    const problems: Problem[] = [];
    if (parsed === null)
      problems.push(problem(UserErrorCode.INVALID_FORMAT, 'financing.amountInvalid', ['input', 'amount', 'amount']));
    else if (parsed <= 0 || parsed > offer.amountFen) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'financing.disbursedAmountOutOfRange', ['input', 'amount', 'amount'], {
          max: formatFen(offer.amountFen),
        }),
      );
    }
    const acceptedOn = shanghaiDate(offer.acceptedAt ?? now);
    if (input.disbursedOn < acceptedOn || input.disbursedOn > shanghaiDate(now)) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'financing.disbursedOnOutOfRange', ['input', 'disbursedOn'], {
          from: acceptedOn,
        }),
      );
    }
    throwIfProblems(problems);
    offer.status = FinancingOfferStatus.DISBURSED;
    offer.disbursedAmountFen = parsed!;
    offer.disbursedOn = input.disbursedOn;
    offer.disbursedAt = now;
    demand.status = FinancingDemandStatus.CLOSED;
    demand.endedAt = now;
    recordOfferDecision(tx, FINANCING_OFFER_DISBURSED, offer, demand);
    recordAudit(tx, {
      action: 'financing.recordDisbursement',
      subjectType: 'FinancingOffer',
      subjectId: offer.id,
      fromState: FinancingOfferStatus.ACCEPTED,
      toState: FinancingOfferStatus.DISBURSED,
      details: { amountFen: parsed, disbursedOn: input.disbursedOn },
    });
    await tx.em.flush();
  });
  return offerView(ctx, offerId);
}
