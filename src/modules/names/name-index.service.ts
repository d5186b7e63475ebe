import type { RequestContext } from '../../shared/context.js';
import type { ConflictException } from './exceptions.service.js';
import { EnterpriseName, type DistrictValue, type EnterpriseNameReleaseReason } from './names.entity.js';
import {
  compareNames,
  conflictKeys,
  containmentCandidates,
  normaliseName,
  parseName,
  type NameConflict,
  type NameParts,
} from './rules/index.js';
import { render } from './rules/messages.js';
import { translate } from '../../shared/messages.js';

// The conflict index: every registered enterprise name and live reservation, with the keys the
// rules compare by. A check finds its few candidates through exact, indexed lookups (same trade
// name, same pinyin, same characters in another order, one trade name inside the other) and lets
// compareNames decide on each; nothing is guessed by a similarity score.

/** How long a deregistered, changed or revoked enterprise name keeps blocking others. */
export const RELEASED_NAME_PROTECTION_YEARS = 1;

/** Above this many candidates the search stops reading: a guard, far above what real data yields. */
const MAX_CANDIDATES = 500;

export interface IndexKeys {
  name: string;
  parts: NameParts;
  tradeName: string | null;
  tradeNamePinyin: string | null;
  tradeNameGrams: string[];
  reorderKey: string | null;
  industryWord: string | null;
  industryGroup: string | null;
}

/** The sorted characters of trade name + industry: equal for the same words in another order. */
export function reorderKeyOf(parts: NameParts): string | null {
  if (!parts.tradeName) return null;
  return [...(parts.tradeName + (parts.industry ?? ''))].sort().join('');
}

/** Every substring of two characters or more of a trade name, itself included. */
export function tradeNameGrams(tradeName: string | null): string[] {
  if (!tradeName) return [];
  return [tradeName, ...containmentCandidates(tradeName)];
}

export function indexKeysOf(name: string): IndexKeys {
  const normalised = normaliseName(name);
  const { parts } = parseName(normalised);
  const keys = conflictKeys(parts);
  return {
    name: normalised,
    parts,
    tradeName: keys.tradeName,
    tradeNamePinyin: keys.tradeNamePinyin,
    tradeNameGrams: tradeNameGrams(keys.tradeName),
    reorderKey: reorderKeyOf(parts),
    industryWord: parts.industry,
    industryGroup: keys.industryGroup,
  };
}

/**
 * Serialises every grant of one trade name (or one reordering of it) across the whole city, in the
 * caller's transaction: Qingdao's registration authorities share one name base (规定 第十七条), so two
 * grants of conflicting names — a reservation in any district, or a name declared directly in a change
 * (实施细则 第三十四条) — are decided one after the other. Locks are taken in one order to avoid deadlocks.
 */
export async function lockNameKeys(tx: RequestContext, name: string): Promise<void> {
  const keys = indexKeysOf(name);
  const lockKeys = [
    ...new Set(
      [keys.tradeName && `t:${keys.tradeName}`, keys.reorderKey && `r:${keys.reorderKey}`].filter(
        (k): k is string => !!k,
      ),
    ),
  ].sort();
  for (const key of lockKeys) await tx.em.execute('select pg_advisory_xact_lock(hashtext(?))', [`names:${key}`]);
}

export interface NewIndexEntry {
  name: string;
  district: DistrictValue;
  industryCode: string | null;
  enterpriseId?: string | null;
  reservationId?: string | null;
  expiresAt?: Date | null;
}

/** Adds a name to the index in the caller's transaction (persisted, flushed with the caller's work). */
export function addIndexEntry(tx: RequestContext, entry: NewIndexEntry): EnterpriseName {
  const keys = indexKeysOf(entry.name);
  const row = tx.em.create(EnterpriseName, {
    enterpriseId: entry.enterpriseId ?? null,
    reservationId: entry.reservationId ?? null,
    name: keys.name,
    district: entry.district,
    tradeName: keys.tradeName,
    tradeNamePinyin: keys.tradeNamePinyin,
    tradeNameGrams: keys.tradeNameGrams,
    reorderKey: keys.reorderKey,
    industryWord: keys.industryWord,
    industryGroup: keys.industryGroup,
    industryCode: entry.industryCode,
    status: 'ACTIVE',
    expiresAt: entry.expiresAt ?? null,
    createdAt: tx.deps.clock.now(),
  });
  tx.em.persist(row);
  return row;
}

/**
 * Takes a row out of the index. A registered enterprise's name (protect) keeps blocking others for a
 * year whatever the reason — deregistration, a change of name or the revocation of the registration
 * (规定 第十七条); a reservation's row (lapsed, used, or revoked for a false commitment) does not.
 */
export function releaseIndexEntry(
  row: EnterpriseName,
  releasedAt: Date,
  protect: boolean,
  reason: EnterpriseNameReleaseReason | null = null,
): void {
  row.status = 'RELEASED';
  row.releasedAt = releasedAt;
  row.releaseReason = protect ? reason : null;
  if (protect) {
    const until = new Date(releasedAt);
    until.setUTCFullYear(until.getUTCFullYear() + RELEASED_NAME_PROTECTION_YEARS);
    row.protectedUntil = until;
  } else {
    row.protectedUntil = null;
  }
}

export type ConflictSource = 'REGISTERED' | 'RESERVED' | 'RECENTLY_RELEASED';

export interface FoundConflict extends NameConflict {
  /** the other name, normalised (a stand-in when it is withheld from the viewer) */
  name: string;
  /** whether the other name is withheld from the viewer: then neither it nor its enterprise is told */
  nameWithheld: boolean;
  enterpriseId: string | null;
  reservationId: string | null;
  source: ConflictSource;
  district: DistrictValue;
  releasedAt: Date | null;
  /** Set when an exception (规定 第十五条, 第十七条) lets this IDENTICAL conflict pass for this applicant. */
  exception: ConflictException | null;
}

interface CandidateRow {
  id: string;
  enterprise_id: string | null;
  reservation_id: string | null;
  name: string;
  district: DistrictValue;
  trade_name: string | null;
  trade_name_pinyin: string | null;
  industry_word: string | null;
  status: 'ACTIVE' | 'RELEASED';
  released_at: Date | string | null;
}

/** A PostgreSQL text[] literal, so the same query runs on node-postgres and PGlite. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Whether a conflict refuses the name: IDENTICAL, and no exception lets it pass. */
export function isBlocking(conflict: Pick<FoundConflict, 'kind' | 'exception'>): boolean {
  return conflict.kind === 'IDENTICAL' && !conflict.exception;
}

const IDENTICAL_FIRST = (a: FoundConflict, b: FoundConflict) =>
  (a.kind === b.kind ? 0 : a.kind === 'IDENTICAL' ? -1 : 1) || a.name.localeCompare(b.name, 'zh');

/**
 * The names in the index a proposed name conflicts with, in every district: the registration
 * authorities of Qingdao share one name base (规定 第十七条), so a name registered in 崂山 blocks the
 * same name in 市南. Counts live names: registered ones, reservations not yet lapsed, and enterprise
 * names released less than a year ago. `exceptReservationId` leaves out the applicant's own
 * reservation (re-checking a name one holds is not a conflict).
 */
export async function findConflicts(
  ctx: RequestContext,
  parts: NameParts,
  options: {
    exceptReservationId?: string | null;
    /** Registered enterprises whose IDENTICAL names do not block this applicant, and by which exception. */
    excused?: ReadonlyMap<string, ConflictException>;
  } = {},
): Promise<FoundConflict[]> {
  const keys = conflictKeys(parts);
  const tradeName = keys.tradeName;
  if (!tradeName) return [];
  const now = ctx.deps.clock.now();
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return '?';
  };
  // The similar-name rules (homophones, containment) only apply within one industry or where one
  // name has no industry word; exact trade names are read in every industry and judged by compareNames.
  const sameIndustry = () =>
    keys.industryGroup ? `(industry_group = ${param(keys.industryGroup)} or industry_group is null)` : 'true';
  // Placeholders are positional: each condition is built (and its parameters pushed) in text order.
  const keyConditions: string[] = [];
  keyConditions.push(`trade_name = ${param(tradeName)}`);
  keyConditions.push(`reorder_key = ${param(reorderKeyOf(parts))}`);
  keyConditions.push(`(trade_name_pinyin = ${param(keys.tradeNamePinyin)} and ${sameIndustry()})`);
  keyConditions.push(`(trade_name_grams @> ${param(textArray([tradeName]))}::text[] and ${sameIndustry()})`);
  const inside = containmentCandidates(tradeName);
  if (inside.length > 0) keyConditions.push(`trade_name = any(${param(textArray(inside))}::text[])`);
  const where: string[] = [];
  where.push(`(${keyConditions.join(' or ')})`);
  where.push(
    `((status = 'ACTIVE' and (expires_at is null or expires_at > ${param(now)})) or (status = 'RELEASED' and protected_until > ${param(now)}))`,
  );
  if (options.exceptReservationId)
    where.push(`(reservation_id is null or reservation_id <> ${param(options.exceptReservationId)})`);
  const sql = `select id, enterprise_id, reservation_id, name, district, trade_name, trade_name_pinyin, industry_word, status, released_at
    from enterprise_names where ${where.join(' and ')} limit ${MAX_CANDIDATES}`;
  const rows = await ctx.em.execute<CandidateRow[]>(sql, params);

  const candidate = { ...parts, tradeNamePinyin: keys.tradeNamePinyin };
  const found: FoundConflict[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const conflict = compareNames(candidate, {
      administrativeDivision: null,
      tradeName: row.trade_name,
      industry: row.industry_word,
      organisationForm: null,
      tradeNamePinyin: row.trade_name_pinyin,
    });
    if (!conflict) continue;
    const source: ConflictSource =
      row.status === 'RELEASED' ? 'RECENTLY_RELEASED' : row.reservation_id ? 'RESERVED' : 'REGISTERED';
    // One answer per other name and source: an enterprise's name and its own used reservation are one name.
    const dedupe = `${row.name}|${row.district}|${source}|${conflict.rule}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    found.push({
      ...conflict,
      name: row.name,
      nameWithheld: false,
      enterpriseId: row.enterprise_id,
      reservationId: row.reservation_id,
      source,
      district: row.district,
      releasedAt: row.released_at === null ? null : new Date(row.released_at),
      exception:
        conflict.kind === 'IDENTICAL' && source === 'REGISTERED' && row.enterprise_id
          ? (options.excused?.get(row.enterprise_id) ?? null)
          : null,
    });
  }
  return (await withoutWithheldNames(ctx, found)).sort(IDENTICAL_FIRST);
}

// ---------------------------------------------------------------------------------------------
// Names withheld from the viewer (a special name found to rest on a false commitment, pending its
// change). The registration module owns that rule and registers it here.

/** Of these registered enterprises, the ids whose names are withheld from the viewer. */
export type WithheldNamesRule = (ctx: RequestContext, enterpriseIds: readonly string[]) => Promise<ReadonlySet<string>>;
let withheldNamesRule: WithheldNamesRule | null = null;

export function withholdNamesBy(rule: WithheldNamesRule): void {
  withheldNamesRule = rule;
}

/**
 * The conflicts as the viewer may read them. A withheld name still blocks an identical one (the law
 * refuses it), but the answer names neither it nor its enterprise, and gives no rule that would tell
 * how it reads: otherwise a guessed name would be an oracle for the enterprise. A similar withheld
 * name is only a warning, and is left out for the same reason.
 */
async function withoutWithheldNames(ctx: RequestContext, found: FoundConflict[]): Promise<FoundConflict[]> {
  const registered = found.filter((c) => c.source === 'REGISTERED' && c.enterpriseId !== null);
  if (registered.length === 0) return found;
  // Fails closed: without the rule no registered name could be shown safely.
  if (!withheldNamesRule) throw new Error('no rule for withheld enterprise names is registered');
  const withheld = await withheldNamesRule(
    ctx,
    registered.map((c) => c.enterpriseId!),
  );
  if (withheld.size === 0) return found;
  const isWithheld = (c: FoundConflict) => c.source === 'REGISTERED' && withheld.has(c.enterpriseId!);
  const shown = found.filter((c) => !isWithheld(c));
  const blocking = found.find((c) => isWithheld(c) && c.kind === 'IDENTICAL' && !c.exception);
  if (blocking) {
    shown.push({
      ...render('names.conflict.IDENTICAL_WITHHELD_NAME'),
      kind: 'IDENTICAL',
      rule: 'IDENTICAL_WITHHELD_NAME',
      name: translate(ctx.locale, 'names.conflict.withheldName'),
      nameWithheld: true,
      enterpriseId: null,
      reservationId: null,
      source: 'REGISTERED',
      district: blocking.district,
      releasedAt: null,
      exception: null,
    });
  }
  return shown;
}
