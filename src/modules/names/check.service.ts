import type { RequestContext } from '../../shared/context.js';
import type { Locale } from '../../shared/messages.js';
import {
  investmentRelationIfProven,
  openTransfersToViewer,
  type ConflictException,
  type InvestmentRelationInput,
} from './exceptions.service.js';
import { findConflicts, isBlocking, type FoundConflict } from './name-index.service.js';
import type { CommitmentTerms, DistrictValue, UndertakingTerms } from './names.entity.js';
import { namesReference } from './reference.service.js';
import {
  checkName,
  industryDivision,
  type EnterpriseKind,
  type NameParts,
  type RenderedMessage,
} from './rules/index.js';

// checkEnterpriseName: the rules on the name by itself (rules/check.ts), then its conflicts with the
// names in the index, in one answer in the caller's language.

export interface CheckInput {
  name: string;
  district?: DistrictValue | null;
  industry?: string | null;
  kind?: EnterpriseKind | null;
  foreignInvested?: boolean | null;
  /** 规定 第十七条: honoured only when the viewer acts for that enterprise (otherwise the conflict stands). */
  investmentRelation?: InvestmentRelationInput | null;
}

export interface IndustryView {
  code: string;
  name: string;
}

export interface NameCheckView {
  name: string;
  parts: NameParts;
  available: boolean;
  special: boolean;
  specialReasons: { code: string; term: string | null; message: string }[];
  violations: { term: string | null; rule: string; category: string | null; message: string }[];
  conflicts: (Omit<FoundConflict, 'zh' | 'en' | 'messageKey' | 'params'> & { message: string })[];
  commitmentTerms: CommitmentTerms | null;
  similarNameUndertakingTerms: UndertakingTerms;
  industryHint: IndustryView | null;
}

export function inLocale(locale: Locale, message: RenderedMessage): string {
  return locale === 'EN' ? message.en : message.zh;
}

/** Views of the divisions by their canonical code, one per language: read for every row of a search page. */
const industryViews = new Map<string, Readonly<Record<'zh' | 'en', IndustryView>>>();

export function industryView(locale: Locale, code: string | null): Readonly<IndustryView> | null {
  if (!code) return null;
  let views = industryViews.get(code);
  if (!views) {
    const division = industryDivision(code);
    if (!division) return null;
    views = {
      zh: Object.freeze({ code: division.code, name: division.zh }),
      en: Object.freeze({ code: division.code, name: division.en }),
    };
    // Only canonical codes ("C39") are kept, so the map holds at most one entry per division.
    if (code === division.code) industryViews.set(code, views);
  }
  return locale === 'EN' ? views.en : views.zh;
}

export async function checkEnterpriseName(ctx: RequestContext, input: CheckInput): Promise<NameCheckView> {
  const reference = await namesReference(ctx);
  const result = checkName(
    {
      name: input.name,
      district: input.district ?? null,
      industry: input.industry ?? null,
      kind: input.kind ?? null,
      foreignInvested: input.foreignInvested ?? false,
    },
    reference,
  );
  let conflicts: FoundConflict[] = [];
  if (result.parts.tradeName) {
    // The exceptions the viewer could use on reserving, so the check answers as the reservation will.
    const excused = new Map<string, ConflictException>();
    for (const enterpriseId of (await openTransfersToViewer(ctx)).keys()) excused.set(enterpriseId, 'NAME_TRANSFER');
    const relation = await investmentRelationIfProven(ctx, input.investmentRelation);
    if (relation) excused.set(relation.enterpriseId, 'INVESTMENT_RELATIONSHIP');
    conflicts = await findConflicts(ctx, result.parts, { excused });
  }
  const { locale } = ctx;
  return {
    name: result.normalised,
    parts: result.parts,
    available: result.violations.length === 0 && !conflicts.some(isBlocking),
    special: result.special,
    specialReasons: result.specialReasons.map((r) => ({ code: r.code, term: r.term, message: inLocale(locale, r) })),
    violations: result.violations.map((v) => ({
      term: v.term,
      rule: v.rule,
      category: v.category ?? null,
      message: inLocale(locale, v),
    })),
    conflicts: conflicts.map((c) => ({
      name: c.name,
      nameWithheld: c.nameWithheld,
      kind: c.kind,
      rule: c.rule,
      message: inLocale(locale, c),
      source: c.source,
      district: c.district,
      releasedAt: c.releasedAt,
      enterpriseId: c.enterpriseId,
      reservationId: c.reservationId,
      exception: c.exception,
    })),
    commitmentTerms: result.special ? reference.terms : null,
    similarNameUndertakingTerms: reference.undertaking,
    industryHint: industryView(locale, result.industryCode),
  };
}
