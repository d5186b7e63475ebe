import { DomainError, UserErrorCode, problem, type Problem } from '../../shared/errors.js';
import type { District } from '../../shared/graphql/reference.types.js';
import { parseYuanToFen } from '../../shared/money.js';
import { industryDivision } from '../names/index.js';
import { FinancingDemandStatus, type GuaranteeType } from './financing.enums.js';
import type { FinancingDemandFilter } from './financing.inputs.js';
import './financing.messages.js';

// One filter, three uses: the SQL of the bank search, the live subscription (matched in memory
// against the small facts an event carries) and saved alerts (stored as JSON). Keeping them in one
// place keeps "matches" meaning the same thing everywhere.

export interface DemandFilter {
  status: FinancingDemandStatus;
  districts: District[] | null;
  industries: string[] | null;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  termMonthsMax: number | null;
  guaranteeTypes: GuaranteeType[] | null;
  foreignInvested: boolean | null;
  publishedAfter: Date | null;
}

/** What an event about a new demand carries, enough to match a filter without reading the database. */
export interface DemandFacts {
  district: string;
  industry: string;
  amountFen: number;
  termMonths: number;
  guaranteeType: string;
  foreignInvested: boolean;
  publishedAtMs: number;
}

function nonEmpty<T>(list: readonly T[] | null | undefined): T[] | null {
  return list && list.length > 0 ? [...new Set(list)] : null;
}

function amount(input: { amount: string } | null | undefined, field: string[], problems: Problem[]): number | null {
  if (!input) return null;
  const fen = parseYuanToFen(input.amount);
  if (fen === null) problems.push(problem(UserErrorCode.INVALID_FORMAT, 'financing.amountInvalid', field));
  return fen;
}

/** Checks and normalises a filter from the API; throws a DomainError naming each bad field. */
export function parseDemandFilter(
  input: FinancingDemandFilter | null | undefined,
  path: string[] = ['filter'],
): DemandFilter {
  const problems: Problem[] = [];
  const industries = nonEmpty(input?.industries)?.map((code) => code.trim().toUpperCase()) ?? null;
  industries?.forEach((code, index) => {
    if (!industryDivision(code)) {
      problems.push(
        problem(UserErrorCode.INVALID_INPUT, 'financing.invalidIndustry', [...path, 'industries', String(index)]),
      );
    }
  });
  const amountMinFen = amount(input?.amountMin, [...path, 'amountMin'], problems);
  const amountMaxFen = amount(input?.amountMax, [...path, 'amountMax'], problems);
  if (amountMinFen !== null && amountMaxFen !== null && amountMinFen > amountMaxFen) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'financing.rangeReversed', [...path, 'amountMax']));
  }
  const termMonthsMax = input?.termMonthsMax ?? null;
  if (termMonthsMax !== null && (termMonthsMax < 1 || termMonthsMax > 10_000)) {
    problems.push(problem(UserErrorCode.OUT_OF_RANGE, 'error.outOfRange', [...path, 'termMonthsMax']));
  }
  if (problems.length) throw new DomainError(problems);
  return {
    status: input?.status ?? FinancingDemandStatus.OPEN,
    districts: nonEmpty(input?.districts),
    industries,
    amountMinFen,
    amountMaxFen,
    termMonthsMax,
    guaranteeTypes: nonEmpty(input?.guaranteeTypes),
    foreignInvested: input?.foreignInvested ?? null,
    publishedAfter: input?.publishedAfter ?? null,
  };
}

/** Whether a new (open) demand with these facts passes the filter; the status is not consulted. */
export function demandMatches(filter: DemandFilter, facts: DemandFacts): boolean {
  if (filter.districts && !filter.districts.includes(facts.district as District)) return false;
  if (filter.industries && !filter.industries.includes(facts.industry)) return false;
  if (filter.amountMinFen !== null && facts.amountFen < filter.amountMinFen) return false;
  if (filter.amountMaxFen !== null && facts.amountFen > filter.amountMaxFen) return false;
  if (filter.termMonthsMax !== null && facts.termMonths > filter.termMonthsMax) return false;
  if (filter.guaranteeTypes && !filter.guaranteeTypes.includes(facts.guaranteeType as GuaranteeType)) return false;
  if (filter.foreignInvested !== null && facts.foreignInvested !== filter.foreignInvested) return false;
  if (filter.publishedAfter && facts.publishedAtMs < filter.publishedAfter.getTime()) return false;
  return true;
}

/** The filter as stored with an alert. */
export function filterToJson(filter: DemandFilter): Record<string, unknown> {
  return { ...filter, publishedAfter: filter.publishedAfter?.toISOString() ?? null };
}

export function filterFromJson(json: Record<string, unknown>): DemandFilter {
  const data = json as unknown as DemandFilter & { publishedAfter: string | null };
  return { ...data, publishedAfter: data.publishedAfter ? new Date(data.publishedAfter) : null };
}
