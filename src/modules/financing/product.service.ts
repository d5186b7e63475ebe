import { recordAudit } from '../../shared/audit/audit.service.js';
import type { RequestContext } from '../../shared/context.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import { checkPageSize, emptyPageInfo, lazy, type ConnectionData } from '../../shared/graphql/connection.js';
import { localIdOf } from '../../shared/ids.js';
import { formatFen, parseYuanToFen } from '../../shared/money.js';
import { inTransaction } from '../../shared/transaction.js';
import { bankOf } from './financing.access.js';
import { decodeCursor, encodeCursor, pageInfoOf } from './financing.cursor.js';
import { CreditProduct, FinancingDemandAlert } from './financing.entity.js';
import { CreditProductAudience, CreditProductStatus } from './financing.enums.js';
import { filterToJson, parseDemandFilter } from './financing.filter.js';
import { CREDIT_PRODUCT_PUBLISHED, CREDIT_PRODUCT_RETIRED, recordProductEvent } from './financing.events.js';
import type {
  CreditProductFilter,
  PublishCreditProductInput,
  SaveFinancingDemandAlertInput,
} from './financing.inputs.js';
import { productById } from './financing.loaders.js';
import { countRows, select, viewList } from './financing.view.js';
import { rateProblems } from './financing.service.js';
import { CreditProductType, FinancingDemandAlertType, type BankType } from './financing.types.js';
import {
  MAX_ALERTS_PER_USER,
  MAX_AMOUNT_FEN,
  MAX_TERM_MONTHS,
  MIN_TERM_MONTHS,
  rateForDatabase,
} from './financing.values.js';
import './financing.messages.js';

// Credit products (published and retired by bank officers, browsed by anyone), the list of banks,
// and bank officers' saved demand alerts.

function notBank(): DomainError {
  return new DomainError(problem(UserErrorCode.NOT_ALLOWED, 'financing.notBank'));
}

export async function publishProduct(
  ctx: RequestContext,
  input: PublishCreditProductInput,
): Promise<CreditProductType> {
  const bankId = bankOf(ctx.viewer);
  if (!bankId) throw notBank();
  const problems: Problem[] = [];
  const amount = (text: string, field: string) => {
    const fen = parseYuanToFen(text);
    if (fen === null)
      problems.push(problem(UserErrorCode.INVALID_FORMAT, 'financing.amountInvalid', ['input', field, 'amount']));
    else if (fen <= 0 || fen > MAX_AMOUNT_FEN) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'financing.amountOutOfRange', ['input', field, 'amount'], {
          min: '0.01',
          max: formatFen(MAX_AMOUNT_FEN),
        }),
      );
    }
    return fen;
  };
  const minAmount = amount(input.minAmount.amount, 'minAmount');
  const maxAmount = amount(input.maxAmount.amount, 'maxAmount');
  if (minAmount !== null && maxAmount !== null && minAmount > maxAmount) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'financing.rangeReversed', ['input', 'maxAmount']));
  }
  for (const [field, months] of [
    ['minTermMonths', input.minTermMonths],
    ['maxTermMonths', input.maxTermMonths],
  ] as const) {
    if (!Number.isInteger(months) || months < MIN_TERM_MONTHS || months > MAX_TERM_MONTHS) {
      problems.push(
        problem(UserErrorCode.OUT_OF_RANGE, 'financing.termOutOfRange', ['input', field], {
          min: MIN_TERM_MONTHS,
          max: MAX_TERM_MONTHS,
        }),
      );
    }
  }
  if (input.minTermMonths > input.maxTermMonths) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'financing.rangeReversed', ['input', 'maxTermMonths']));
  }
  const [minRate, minRateIssues] = rateProblems(input.minAnnualRate, ['input', 'minAnnualRate']);
  const [maxRate, maxRateIssues] = rateProblems(input.maxAnnualRate, ['input', 'maxAnnualRate']);
  problems.push(...minRateIssues, ...maxRateIssues);
  if (minRate !== null && maxRate !== null && minRate > maxRate) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'financing.rangeReversed', ['input', 'maxAnnualRate']));
  }
  if (input.guaranteeTypes.length === 0) {
    problems.push(problem(UserErrorCode.REQUIRED, 'financing.guaranteeTypesRequired', ['input', 'guaranteeTypes']));
  }
  if (input.audience.length === 0)
    problems.push(problem(UserErrorCode.REQUIRED, 'financing.audienceRequired', ['input', 'audience']));
  const url = input.applicationUrl?.trim() || null;
  if (url && !/^https:\/\/[^\s]+$/.test(url)) {
    problems.push(problem(UserErrorCode.INVALID_FORMAT, 'financing.urlInvalid', ['input', 'applicationUrl']));
  }
  const name = input.name.trim();
  const product = await inTransaction(ctx, async (tx) => {
    const clash = await tx.em.count(CreditProduct, { bankId, name, status: CreditProductStatus.ACTIVE });
    if (clash > 0)
      problems.push(problem(UserErrorCode.ALREADY_EXISTS, 'financing.productNameTaken', ['input', 'name']));
    throwIfProblems(problems);
    const created = tx.em.create(CreditProduct, {
      bankId,
      name,
      description: input.description.trim(),
      minAmountFen: minAmount!,
      maxAmountFen: maxAmount!,
      minTermMonths: input.minTermMonths,
      maxTermMonths: input.maxTermMonths,
      minAnnualRate: rateForDatabase(minRate!),
      maxAnnualRate: rateForDatabase(maxRate!),
      guaranteeTypes: [...new Set(input.guaranteeTypes)],
      audience: [...new Set(input.audience)],
      onlineApplication: input.onlineApplication,
      applicationUrl: url,
      status: CreditProductStatus.ACTIVE,
      publishedAt: tx.deps.clock.now(),
      retiredAt: null,
    });
    tx.em.persist(created);
    recordProductEvent(tx, CREDIT_PRODUCT_PUBLISHED, created.id);
    recordAudit(tx, {
      action: 'financing.publishProduct',
      subjectType: 'CreditProduct',
      subjectId: created.id,
      toState: 'ACTIVE',
    });
    await tx.em.flush();
    return created;
  });
  return (await ctx.loaders.get(productById).load(product.id))!;
}

export async function retireProduct(ctx: RequestContext, globalId: string): Promise<CreditProductType> {
  const bankId = bankOf(ctx.viewer);
  const productId = localIdOf(globalId, 'CreditProduct');
  if (!bankId || !productId)
    throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'financing.productNotFound', ['input', 'id']));
  await inTransaction(ctx, async (tx) => {
    const product = await tx.em.findOne(CreditProduct, { id: productId, bankId });
    if (!product) throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'financing.productNotFound', ['input', 'id']));
    if (product.status !== CreditProductStatus.ACTIVE) {
      throw new DomainError(
        problem(UserErrorCode.INVALID_STATE, 'error.invalidState', ['input', 'id'], { state: product.status }),
      );
    }
    product.status = CreditProductStatus.RETIRED;
    product.retiredAt = tx.deps.clock.now();
    recordProductEvent(tx, CREDIT_PRODUCT_RETIRED, product.id);
    recordAudit(tx, {
      action: 'financing.retireProduct',
      subjectType: 'CreditProduct',
      subjectId: product.id,
      fromState: 'ACTIVE',
      toState: 'RETIRED',
    });
    await tx.em.flush();
  });
  return (await ctx.loaders.get(productById).load(productId))!;
}

/** Active products matching the filter, newest first. Public. */
export async function listProducts(
  ctx: RequestContext,
  filter: CreditProductFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  fields: ReadonlySet<string> | null = null,
): Promise<ConnectionData<CreditProductType>> {
  const size = checkPageSize(ctx, first);
  const cursor = decodeCursor(ctx, after, 'time');
  const where = [`p.status = 'ACTIVE'`];
  const params: unknown[] = [];
  if (filter?.bankIds?.length) {
    const ids = filter.bankIds.map((id) => localIdOf(id, 'Bank'));
    if (ids.some((id) => id === null)) return { edges: [], pageInfo: emptyPageInfo(), totalCount: 0 };
    where.push('p.bank_id in (?)');
    params.push(ids);
  }
  if (filter?.guaranteeTypes?.length) {
    where.push('jsonb_exists_any(p.guarantee_types, array[?]::text[])');
    params.push(filter.guaranteeTypes);
  }
  if (filter?.amount) {
    const fen = parseYuanToFen(filter.amount.amount);
    if (fen === null)
      throw new DomainError(
        problem(UserErrorCode.INVALID_FORMAT, 'financing.amountInvalid', ['filter', 'amount', 'amount']),
      );
    where.push('p.min_amount_fen <= ? and p.max_amount_fen >= ?');
    params.push(fen, fen);
  }
  if (filter?.termMonths !== null && filter?.termMonths !== undefined) {
    where.push('p.min_term_months <= ? and p.max_term_months >= ?');
    params.push(filter.termMonths, filter.termMonths);
  }
  if (filter?.audience?.length) {
    where.push('jsonb_exists_any(p.audience, array[?]::text[])');
    params.push([...new Set([...filter.audience, CreditProductAudience.ALL])]);
  }
  if (filter?.onlineApplication !== null && filter?.onlineApplication !== undefined) {
    where.push('p.online_application = ?');
    params.push(filter.onlineApplication);
  }
  const list = { from: 'credit_products p', where, params, key: 'p.published_at' };
  return viewList<CreditProductType>(ctx, CreditProductType, list, size, cursor, fields);
}

/** Banks by name. Public. */
export async function listBanks(
  ctx: RequestContext,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<ConnectionData<BankType>> {
  const size = checkPageSize(ctx, first);
  const cursor = decodeCursor(ctx, after, 'text');
  const totalCount = lazy(() => countRows(ctx, 'organisations o', [`o.kind = 'BANK'`], []));
  if (size === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount };
  const rows = await select<BankType>(
    ctx,
    `select o.id, o.name, o.uscc from organisations o where o.kind = 'BANK' ${cursor ? 'and (o.name, o.id) > (?, ?::uuid)' : ''}
     order by o.name, o.id limit ?`,
    [...(cursor ?? []), size + 1],
  );
  const hasNextPage = rows.length > size;
  const edges = rows.slice(0, size).map((row) => ({ cursor: encodeCursor(row.name, row.id), node: row }));
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, cursor !== null), totalCount };
}

// --- saved demand alerts ------------------------------------------------------------------------------

export function alertView(alert: FinancingDemandAlert): FinancingDemandAlertType {
  return Object.assign(new FinancingDemandAlertType(), {
    id: alert.id,
    name: alert.name,
    createdAt: alert.createdAt,
    filterData: alert.filter,
  });
}

export async function saveAlert(
  ctx: RequestContext,
  input: SaveFinancingDemandAlertInput,
): Promise<FinancingDemandAlertType> {
  const bankId = bankOf(ctx.viewer);
  if (!bankId || !ctx.viewer.userId) throw notBank();
  const filter = parseDemandFilter(input.filter, ['input', 'filter']);
  const alert = await inTransaction(ctx, async (tx) => {
    const count = await tx.em.count(FinancingDemandAlert, { userId: tx.viewer.userId! });
    if (count >= MAX_ALERTS_PER_USER) {
      throw new DomainError(
        problem(UserErrorCode.CAPACITY_REACHED, 'financing.tooManyAlerts', ['input'], { max: MAX_ALERTS_PER_USER }),
      );
    }
    const created = tx.em.create(FinancingDemandAlert, {
      userId: tx.viewer.userId!,
      bankId,
      name: input.name.trim(),
      filter: filterToJson(filter),
      createdAt: tx.deps.clock.now(),
    });
    tx.em.persist(created);
    await tx.em.flush();
    return created;
  });
  return alertView(alert);
}

export async function deleteAlert(ctx: RequestContext, globalId: string): Promise<FinancingDemandAlertType> {
  const id = localIdOf(globalId, 'FinancingDemandAlert');
  const userId = ctx.viewer.userId;
  if (!id || !userId)
    throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'financing.alertNotFound', ['input', 'id']));
  return inTransaction(ctx, async (tx) => {
    const alert = await tx.em.findOne(FinancingDemandAlert, { id, userId });
    if (!alert) throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'financing.alertNotFound', ['input', 'id']));
    const view = alertView(alert);
    tx.em.remove(alert);
    await tx.em.flush();
    return view;
  });
}

export async function listAlerts(ctx: RequestContext): Promise<FinancingDemandAlertType[]> {
  if (!ctx.viewer.userId) return [];
  const alerts = await ctx.em.find(
    FinancingDemandAlert,
    { userId: ctx.viewer.userId },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return alerts.map(alertView);
}
