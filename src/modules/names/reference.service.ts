import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { PlatformDeps, RequestContext } from '../../shared/context.js';
import { recordAudit } from '../../shared/audit/audit.service.js';
import { DomainError, UserErrorCode, problem, throwIfProblems, type Problem } from '../../shared/errors.js';
import {
  checkCursor,
  checkPageSize,
  emptyPageInfo,
  lazy,
  type ConnectionData,
  type PageArgs,
} from '../../shared/graphql/connection.js';
import { followEvents } from '../../shared/pubsub.js';
import { inTransaction } from '../../shared/transaction.js';
import {
  CommitmentTerms,
  DivisionNameException,
  NameSettings,
  ProhibitedNameWord,
  SpecialNameWord,
  UndertakingTerms,
} from './names.entity.js';
import { isDivisionName, normaliseName, type NameReference, type ProhibitedCategory } from './rules/index.js';
import './names.messages.js';

// The administrator-maintained reference data the rules read on every check: held in memory per
// platform instance (a check must not read four tables first) and reloaded after each change.
// With several API processes, another process sees a change on its next reload; one process is the
// deployment this platform runs (embedded or a single server process).

/** The default verification window (working days); the live figure is name_settings, set by an ADMIN. */
export const DEFAULT_VERIFICATION_WINDOW_WORKING_DAYS = 20;

// Audit subjects for the lists themselves (the trail of one list reads as one history).
export const REFERENCE_AUDIT_SUBJECTS = {
  prohibitedWords: '00000000-0000-0000-0000-00000000a001',
  specialWords: '00000000-0000-0000-0000-00000000a002',
  commitmentTerms: '00000000-0000-0000-0000-00000000a003',
  settings: '00000000-0000-0000-0000-00000000a004',
  divisionNameExceptions: '00000000-0000-0000-0000-00000000a005',
  undertakingTerms: '00000000-0000-0000-0000-00000000a006',
} as const;

export interface NamesReferenceData extends NameReference {
  terms: CommitmentTerms;
  /** The current text of the undertaking on similar names every reservation gives (规定 第十六条第三项). */
  undertaking: UndertakingTerms;
  settings: NameSettings;
  divisionNameExceptions: ReadonlySet<string>;
  /** The exception list with each word's other meaning, by word. */
  divisionNameExceptionRows: readonly DivisionNameException[];
}

/** The newest version of the commitment terms. */
export async function currentTerms(em: EntityManager): Promise<CommitmentTerms | null> {
  const [terms] = await em.find(CommitmentTerms, {}, { orderBy: { version: 'desc' }, limit: 1 });
  return terms ?? null;
}

/** The newest version of the undertaking on similar names. */
export async function currentUndertaking(em: EntityManager): Promise<UndertakingTerms | null> {
  const [terms] = await em.find(UndertakingTerms, {}, { orderBy: { version: 'desc' }, limit: 1 });
  return terms ?? null;
}

const caches = new WeakMap<PlatformDeps, Promise<NamesReferenceData>>();

async function load(em: EntityManager): Promise<NamesReferenceData> {
  const prohibited = await em.find(ProhibitedNameWord, {}, { orderBy: { word: 'asc' } });
  const special = await em.find(SpecialNameWord, {}, { orderBy: { word: 'asc' } });
  const exceptions = await em.find(DivisionNameException, {}, { orderBy: { word: 'asc' } });
  const terms = await currentTerms(em);
  const undertaking = await currentUndertaking(em);
  const settings = await em.findOne(NameSettings, { id: 1 });
  if (!terms || !undertaking || !settings) throw new Error('names reference data is missing: run the migrations');
  return {
    prohibitedWords: prohibited.map((w) => ({ word: w.word, category: w.category })),
    specialWords: special.map((w) => ({ word: w.word, scope: w.scope, qualifierOnlyInside: w.qualifierOnlyInside })),
    divisionNameExceptions: new Set(exceptions.map((e) => e.word)),
    divisionNameExceptionRows: exceptions,
    terms,
    undertaking,
    settings,
  };
}

/** The current word lists, terms and settings (cached). */
export function namesReference(ctx: RequestContext): Promise<NamesReferenceData> {
  let cached = caches.get(ctx.deps);
  if (!cached) {
    cached = load(ctx.em.fork({ clear: true }));
    cached.catch(() => caches.delete(ctx.deps));
    caches.set(ctx.deps, cached);
  }
  return cached;
}

const NAMES_REFERENCE_CHANGED = 'names.referenceChanged';

/**
 * Forgets the cached data once a change has committed, so the next check reads the new lists, in this
 * process and (through the event bus) in every other worker.
 */
function reloadAfterCommit(tx: RequestContext): void {
  tx.afterCommit.push(() => {
    caches.delete(tx.deps);
    tx.deps.events.publish(NAMES_REFERENCE_CHANGED, { id: 'names' });
  });
}

/** Forgets this process's cached lists whenever any process changes them, until the returned function is called. */
export function followNamesReferenceChanges(deps: PlatformDeps): () => Promise<void> {
  return followEvents(deps.events, NAMES_REFERENCE_CHANGED, () => {
    caches.delete(deps);
  });
}

/**
 * The prohibited-word list, by word, keyset-paginated on the word itself (its primary key; the
 * shared paginate() sorts on an `id` this table does not have).
 */
export async function listProhibitedWords(
  ctx: RequestContext,
  category: ProhibitedCategory | null,
  page: PageArgs,
): Promise<ConnectionData<ProhibitedNameWord>> {
  const first = checkPageSize(ctx, page.first);
  const where = category ? { category } : {};
  const totalCount = lazy(() => ctx.em.count(ProhibitedNameWord, where));
  if (first === 0) return { edges: [], pageInfo: emptyPageInfo(), totalCount };
  const orderBy = { word: 'asc' } as const;
  const cursor = await ctx.em.findByCursor(ProhibitedNameWord, where, {
    first,
    after: checkCursor(ctx, ProhibitedNameWord, orderBy, page.after),
    orderBy,
    includeCount: false,
  });
  const edges = cursor.items.map((node) => ({ cursor: cursor.from(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

const WORD = /^\p{Script=Han}[\p{Script=Han}（）]{0,49}$/u;

function wordProblems(word: string, field: string[]): Problem[] {
  if (!WORD.test(word)) return [problem(UserErrorCode.INVALID_FORMAT, 'names.admin.wordFormat', field)];
  return [];
}

export async function addProhibitedWord(
  ctx: RequestContext,
  input: { word: string; category: ProhibitedCategory },
): Promise<ProhibitedNameWord> {
  const word = normaliseName(input.word);
  throwIfProblems(wordProblems(word, ['input', 'word']));
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = tx.em.create(ProhibitedNameWord, { word, category: input.category, createdAt: tx.deps.clock.now() });
      recordAudit(tx, {
        action: 'names.prohibitedWord.add',
        subjectType: 'ProhibitedNameWord',
        subjectId: REFERENCE_AUDIT_SUBJECTS.prohibitedWords,
        toState: 'LISTED',
        details: { word, category: input.category },
      });
      await tx.em.flush();
      reloadAfterCommit(tx);
      return row;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(
        problem(UserErrorCode.ALREADY_EXISTS, 'names.admin.wordListed', ['input', 'word'], { word }),
      );
    }
    throw error;
  }
}

export async function removeProhibitedWord(ctx: RequestContext, input: { word: string }): Promise<ProhibitedNameWord> {
  const word = normaliseName(input.word);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.em.findOne(ProhibitedNameWord, { word });
    if (!row)
      throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'names.admin.wordNotListed', ['input', 'word'], { word }));
    tx.em.remove(row);
    recordAudit(tx, {
      action: 'names.prohibitedWord.remove',
      subjectType: 'ProhibitedNameWord',
      subjectId: REFERENCE_AUDIT_SUBJECTS.prohibitedWords,
      fromState: 'LISTED',
      details: { word, category: row.category },
    });
    await tx.em.flush();
    reloadAfterCommit(tx);
    return row;
  });
}

export async function addSpecialWord(
  ctx: RequestContext,
  input: { word: string; scope: 'START' | 'ANYWHERE'; qualifierOnlyInside: boolean },
): Promise<SpecialNameWord> {
  const word = normaliseName(input.word);
  throwIfProblems(wordProblems(word, ['input', 'word']));
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = tx.em.create(SpecialNameWord, {
        word,
        scope: input.scope,
        qualifierOnlyInside: input.qualifierOnlyInside,
        createdAt: tx.deps.clock.now(),
      });
      recordAudit(tx, {
        action: 'names.specialWord.add',
        subjectType: 'SpecialNameWord',
        subjectId: REFERENCE_AUDIT_SUBJECTS.specialWords,
        toState: 'LISTED',
        details: { word, scope: input.scope, qualifierOnlyInside: input.qualifierOnlyInside },
      });
      await tx.em.flush();
      reloadAfterCommit(tx);
      return row;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(
        problem(UserErrorCode.ALREADY_EXISTS, 'names.admin.wordListed', ['input', 'word'], { word }),
      );
    }
    throw error;
  }
}

export async function removeSpecialWord(ctx: RequestContext, input: { word: string }): Promise<SpecialNameWord> {
  const word = normaliseName(input.word);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.em.findOne(SpecialNameWord, { word });
    if (!row)
      throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'names.admin.wordNotListed', ['input', 'word'], { word }));
    tx.em.remove(row);
    recordAudit(tx, {
      action: 'names.specialWord.remove',
      subjectType: 'SpecialNameWord',
      subjectId: REFERENCE_AUDIT_SUBJECTS.specialWords,
      fromState: 'LISTED',
      details: { word },
    });
    await tx.em.flush();
    reloadAfterCommit(tx);
    return row;
  });
}

const MEANING_MAX = 200;

/**
 * Lists a division name as a word with another meaning (规定 第八条): a trade name may then be it. Only
 * a name of a division elsewhere in China can be listed; the local divisions a name stands with cannot.
 */
export async function addDivisionNameException(
  ctx: RequestContext,
  input: { word: string; meaning: string },
): Promise<DivisionNameException> {
  const word = normaliseName(input.word);
  const meaning = input.meaning.trim();
  const field = ['input', 'word'];
  throwIfProblems([
    ...wordProblems(word, field),
    ...(WORD.test(word) && !isDivisionName(word, new Set())
      ? [problem(UserErrorCode.INVALID_INPUT, 'names.admin.notADivisionName', field, { word })]
      : []),
    ...(WORD.test(word) && isDivisionName(word, new Set([word]))
      ? [problem(UserErrorCode.INVALID_INPUT, 'names.admin.localDivisionName', field, { word })]
      : []),
    ...(meaning ? [] : [problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'meaning'])]),
    ...(meaning.length > MEANING_MAX
      ? [
          problem(UserErrorCode.INVALID_FORMAT, 'names.admin.meaningTooLong', ['input', 'meaning'], {
            max: MEANING_MAX,
          }),
        ]
      : []),
  ]);
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = tx.em.create(DivisionNameException, { word, meaning, createdAt: tx.deps.clock.now() });
      recordAudit(tx, {
        action: 'names.divisionNameException.add',
        subjectType: 'DivisionNameException',
        subjectId: REFERENCE_AUDIT_SUBJECTS.divisionNameExceptions,
        toState: 'LISTED',
        details: { word, meaning },
      });
      await tx.em.flush();
      reloadAfterCommit(tx);
      return row;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(
        problem(UserErrorCode.ALREADY_EXISTS, 'names.admin.wordListed', ['input', 'word'], { word }),
      );
    }
    throw error;
  }
}

/** Takes a word off the list: a trade name may no longer be that division's name. */
export async function removeDivisionNameException(
  ctx: RequestContext,
  input: { word: string },
): Promise<DivisionNameException> {
  const word = normaliseName(input.word);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.em.findOne(DivisionNameException, { word });
    if (!row)
      throw new DomainError(problem(UserErrorCode.NOT_FOUND, 'names.admin.wordNotListed', ['input', 'word'], { word }));
    tx.em.remove(row);
    recordAudit(tx, {
      action: 'names.divisionNameException.remove',
      subjectType: 'DivisionNameException',
      subjectId: REFERENCE_AUDIT_SUBJECTS.divisionNameExceptions,
      fromState: 'LISTED',
      details: { word, meaning: row.meaning },
    });
    await tx.em.flush();
    reloadAfterCommit(tx);
    return row;
  });
}

/**
 * Publishes a new version of the undertaking on similar names (规定 第十六条第三项). Undertakings given
 * keep their version; new reservations must accept this one.
 */
export async function publishUndertakingTerms(
  ctx: RequestContext,
  input: { textZh: string; textEn: string },
): Promise<UndertakingTerms> {
  const textZh = input.textZh.trim();
  const textEn = input.textEn.trim();
  throwIfProblems([
    ...(textZh ? [] : [problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'textZh'])]),
    ...(textEn ? [] : [problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'textEn'])]),
  ]);
  try {
    return await inTransaction(ctx, async (tx) => {
      const current = await currentUndertaking(tx.em);
      const version = (current?.version ?? 0) + 1;
      const terms = tx.em.create(UndertakingTerms, {
        version,
        textZh,
        textEn,
        publishedAt: tx.deps.clock.now(),
        publishedBy: tx.viewer.userId,
      });
      recordAudit(tx, {
        action: 'names.undertakingTerms.publish',
        subjectType: 'UndertakingTerms',
        subjectId: REFERENCE_AUDIT_SUBJECTS.undertakingTerms,
        fromState: current ? `v${current.version}` : null,
        toState: `v${version}`,
      });
      await tx.em.flush();
      reloadAfterCommit(tx);
      return terms;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(problem(UserErrorCode.CONCURRENT_UPDATE, 'error.concurrentUpdate'));
    }
    throw error;
  }
}

/**
 * Publishes a new version of the commitment terms. Commitments already given keep the version they
 * were given on; new special-name reservations must accept this one.
 */
export async function publishCommitmentTerms(
  ctx: RequestContext,
  input: { textZh: string; textEn: string },
): Promise<CommitmentTerms> {
  const textZh = input.textZh.trim();
  const textEn = input.textEn.trim();
  throwIfProblems([
    ...(textZh ? [] : [problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'textZh'])]),
    ...(textEn ? [] : [problem(UserErrorCode.REQUIRED, 'error.required', ['input', 'textEn'])]),
  ]);
  try {
    return await inTransaction(ctx, async (tx) => {
      const current = await currentTerms(tx.em);
      const version = (current?.version ?? 0) + 1;
      const terms = tx.em.create(CommitmentTerms, {
        version,
        textZh,
        textEn,
        publishedAt: tx.deps.clock.now(),
        publishedBy: tx.viewer.userId,
      });
      recordAudit(tx, {
        action: 'names.commitmentTerms.publish',
        subjectType: 'CommitmentTerms',
        subjectId: REFERENCE_AUDIT_SUBJECTS.commitmentTerms,
        fromState: current ? `v${current.version}` : null,
        toState: `v${version}`,
      });
      await tx.em.flush();
      reloadAfterCommit(tx);
      return terms;
    });
  } catch (error) {
    // Two administrators publishing at once: the second is told to reload.
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError(problem(UserErrorCode.CONCURRENT_UPDATE, 'error.concurrentUpdate'));
    }
    throw error;
  }
}

export const MAX_VERIFICATION_WINDOW_WORKING_DAYS = 250;

export async function updateNameSettings(
  ctx: RequestContext,
  input: { verificationWindowWorkingDays: number },
): Promise<NameSettings> {
  const days = input.verificationWindowWorkingDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_VERIFICATION_WINDOW_WORKING_DAYS) {
    throw new DomainError(
      problem(UserErrorCode.OUT_OF_RANGE, 'names.admin.windowRange', ['input', 'verificationWindowWorkingDays'], {
        max: MAX_VERIFICATION_WINDOW_WORKING_DAYS,
      }),
    );
  }
  return inTransaction(ctx, async (tx) => {
    const settings = await tx.em.findOneOrFail(NameSettings, { id: 1 });
    const before = settings.verificationWindowWorkingDays;
    settings.verificationWindowWorkingDays = days;
    settings.updatedAt = tx.deps.clock.now();
    recordAudit(tx, {
      action: 'names.settings.update',
      subjectType: 'NameSettings',
      subjectId: REFERENCE_AUDIT_SUBJECTS.settings,
      fromState: String(before),
      toState: String(days),
      details: { verificationWindowWorkingDays: days },
    });
    await tx.em.flush();
    reloadAfterCommit(tx);
    return settings;
  });
}
