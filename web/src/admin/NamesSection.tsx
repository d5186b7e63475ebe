// The names module's data an administrator keeps: the three word lists (prohibited words,
// special-name words, the Art. 8 division-name exceptions) and the two texts every reservation
// accepts (the special-name commitment and the similar-name undertaking), each published as a new
// version in both languages with its past versions readable.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type UserErrorLike } from '../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import {
  AdminAddDivisionNameExceptionDocument,
  AdminAddProhibitedWordDocument,
  AdminAddSpecialWordDocument,
  AdminCommitmentTermsDocument,
  AdminNameListsDocument,
  AdminPublishCommitmentTermsDocument,
  AdminPublishUndertakingTermsDocument,
  AdminRemoveDivisionNameExceptionDocument,
  AdminRemoveProhibitedWordDocument,
  AdminRemoveSpecialWordDocument,
  AdminUndertakingTermsDocument,
  type ProhibitedWordCategory,
  type SpecialWordScope,
} from '../gql/graphql';
import { outcomeOf } from './outcome';
import { FRESH, TermsCard } from './TermsCard';

const CATEGORIES: ProhibitedWordCategory[] = [
  'PARTY_STATE_MILITARY',
  'NATIONAL_DIGNITY',
  'FOREIGN_OR_INTERNATIONAL',
  'PUBLIC_ORDER',
  'PUBLIC_MORALS',
  'DISCRIMINATION',
  'MISLEADING',
  'OBSCENITY',
  'GAMBLING',
  'SUPERSTITION',
  'TERROR',
  'VIOLENCE',
];
const SCOPES: SpecialWordScope[] = ['ANYWHERE', 'START'];
type Grouped = { general: string[]; byField: Record<string, string[]> };
const NO_ERRORS: Grouped = { general: [], byField: {} };

/**
 * One add form's state and submit: the payload's userErrors at their fields, the form cleared and
 * the lists reloaded only when the change was made.
 */
function useAddForm<T extends Record<string, unknown>>(empty: T, fields: string[], onDone: () => void) {
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const submit = (run: () => Promise<readonly UserErrorLike[]>, doneText: string) => async (event: FormEvent) => {
    event.preventDefault();
    const problems = await run();
    if (problems.length) {
      setDone(null);
      return setErrors(groupUserErrors(problems, fields));
    }
    setErrors(NO_ERRORS);
    setDone(doneText);
    setForm(empty);
    onDone();
  };
  return { form, setForm, errors, done, submit };
}

function WordList({
  testId,
  items,
  removeLabel,
  onRemove,
}: {
  testId: string;
  items: { word: string; detail: string }[];
  removeLabel: (word: string) => string;
  onRemove: (word: string) => void;
}) {
  const { t } = useTranslation();
  if (!items.length) return <EmptyState>{t('admin.names.emptyList')}</EmptyState>;
  return (
    <ul className="word-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.word} className="word-list__item">
          <span lang="zh-CN">{item.word}</span> <span className="word-list__detail">{item.detail}</span>
          <button
            type="button"
            className="button button--quiet"
            aria-label={removeLabel(item.word)}
            onClick={() => onRemove(item.word)}
          >
            {t('admin.names.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function ListBlock({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id} className="card__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function WordLists() {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | null>(null);
  const [category, setCategory] = useState<ProhibitedWordCategory | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminNameListsDocument,
    variables: { after, category },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [, addProhibited] = useMutation(AdminAddProhibitedWordDocument);
  const [, removeProhibited] = useMutation(AdminRemoveProhibitedWordDocument);
  const [, addSpecial] = useMutation(AdminAddSpecialWordDocument);
  const [, removeSpecial] = useMutation(AdminRemoveSpecialWordDocument);
  const [, addException] = useMutation(AdminAddDivisionNameExceptionDocument);
  const [, removeException] = useMutation(AdminRemoveDivisionNameExceptionDocument);
  const [removeProblems, setRemoveProblems] = useState<string[]>([]);
  const prohibited = useAddForm(
    { word: '', category: 'MISLEADING' as ProhibitedWordCategory },
    ['word', 'category'],
    reload,
  );
  const special = useAddForm(
    { word: '', scope: 'ANYWHERE' as SpecialWordScope, qualifierOnlyInside: false },
    ['word', 'scope', 'qualifierOnlyInside'],
    reload,
  );
  const exception = useAddForm({ word: '', meaning: '' }, ['word', 'meaning'], reload);
  const remove = async (word: string, run: () => Promise<readonly UserErrorLike[]>) => {
    if (!window.confirm(t('admin.names.removeConfirm', { word }))) return;
    const problems = await run();
    setRemoveProblems(problems.map((e) => e.message));
    reload();
  };
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} onRetry={reload} />;
  if (!data) return null;
  const page = data.prohibitedWords;
  return (
    <>
      <FormErrors messages={removeProblems} />
      <ListBlock id="prohibited-title" title={t('admin.names.prohibited', { count: page.totalCount })}>
        <SelectField
          label={t('admin.names.showCategory')}
          name="prohibitedFilter"
          value={category ?? ''}
          placeholder={t('admin.names.allCategories')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`admin.names.categories.${c}`) }))}
          onChange={(e) => {
            setAfter(null);
            setCategory((e.target.value || null) as ProhibitedWordCategory | null);
          }}
        />
        <WordList
          testId="prohibited-words"
          items={page.edges.map(({ node }) => ({
            word: node.word,
            detail: t(`admin.names.categories.${node.category}`),
          }))}
          removeLabel={(word) => t('admin.names.removeWord', { word })}
          onRemove={(word) =>
            void remove(word, async () => {
              const result = await removeProhibited({ input: { word } });
              return outcomeOf(result, result.data?.removeProhibitedWord, t);
            })
          }
        />
        {page.pageInfo.hasNextPage || after ? (
          <div className="form__actions">
            {after ? (
              <button type="button" className="button button--secondary" onClick={() => setAfter(null)}>
                {t('admin.names.firstPage')}
              </button>
            ) : null}
            {page.pageInfo.hasNextPage ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAfter(page.pageInfo.endCursor ?? null)}
              >
                {t('admin.names.nextPage')}
              </button>
            ) : null}
          </div>
        ) : null}
        <form
          className="form"
          aria-label={t('admin.names.addProhibited')}
          onSubmit={prohibited.submit(
            async () => {
              const result = await addProhibited({ input: prohibited.form });
              return outcomeOf(result, result.data?.addProhibitedWord, t);
            },
            t('admin.names.added', { word: prohibited.form.word }),
          )}
        >
          {prohibited.done ? <Notice kind="success">{prohibited.done}</Notice> : null}
          <FormErrors messages={prohibited.errors.general} />
          <TextField
            label={t('admin.names.word')}
            name="prohibitedWord"
            required
            value={prohibited.form.word}
            errors={prohibited.errors.byField.word}
            onChange={(e) => prohibited.setForm({ ...prohibited.form, word: e.target.value })}
          />
          <SelectField
            label={t('admin.names.category')}
            name="prohibitedCategory"
            value={prohibited.form.category}
            errors={prohibited.errors.byField.category}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`admin.names.categories.${c}`) }))}
            onChange={(e) =>
              prohibited.setForm({ ...prohibited.form, category: e.target.value as ProhibitedWordCategory })
            }
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t('admin.names.addProhibited')}
            </button>
          </div>
        </form>
      </ListBlock>

      <ListBlock id="special-title" title={t('admin.names.special', { count: data.specialWords.length })}>
        <WordList
          testId="special-words"
          items={data.specialWords.map((w) => ({
            word: w.word,
            detail: [t(`admin.names.scopes.${w.scope}`), w.qualifierOnlyInside ? t('admin.names.qualifierOnly') : null]
              .filter(Boolean)
              .join(' · '),
          }))}
          removeLabel={(word) => t('admin.names.removeWord', { word })}
          onRemove={(word) =>
            void remove(word, async () => {
              const result = await removeSpecial({ input: { word } });
              return outcomeOf(result, result.data?.removeSpecialWord, t);
            })
          }
        />
        <form
          className="form"
          aria-label={t('admin.names.addSpecial')}
          onSubmit={special.submit(
            async () => {
              const result = await addSpecial({ input: special.form });
              return outcomeOf(result, result.data?.addSpecialWord, t);
            },
            t('admin.names.added', { word: special.form.word }),
          )}
        >
          {special.done ? <Notice kind="success">{special.done}</Notice> : null}
          <FormErrors messages={special.errors.general} />
          <TextField
            label={t('admin.names.word')}
            name="specialWord"
            required
            value={special.form.word}
            errors={special.errors.byField.word}
            onChange={(e) => special.setForm({ ...special.form, word: e.target.value })}
          />
          <SelectField
            label={t('admin.names.scope')}
            name="specialScope"
            value={special.form.scope}
            errors={special.errors.byField.scope}
            options={SCOPES.map((s) => ({ value: s, label: t(`admin.names.scopes.${s}`) }))}
            onChange={(e) => special.setForm({ ...special.form, scope: e.target.value as SpecialWordScope })}
          />
          <CheckboxField
            label={t('admin.names.qualifierOnly')}
            name="specialQualifierOnly"
            checked={special.form.qualifierOnlyInside}
            onChange={(e) => special.setForm({ ...special.form, qualifierOnlyInside: e.target.checked })}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t('admin.names.addSpecial')}
            </button>
          </div>
        </form>
      </ListBlock>

      <ListBlock
        id="exceptions-title"
        title={t('admin.names.exceptions', { count: data.divisionNameExceptions.length })}
      >
        <p>{t('admin.names.exceptionsIntro')}</p>
        <WordList
          testId="division-exceptions"
          items={data.divisionNameExceptions.map((x) => ({ word: x.word, detail: x.meaning }))}
          removeLabel={(word) => t('admin.names.removeWord', { word })}
          onRemove={(word) =>
            void remove(word, async () => {
              const result = await removeException({ input: { word } });
              return outcomeOf(result, result.data?.removeDivisionNameException, t);
            })
          }
        />
        <form
          className="form"
          aria-label={t('admin.names.addException')}
          onSubmit={exception.submit(
            async () => {
              const result = await addException({ input: exception.form });
              return outcomeOf(result, result.data?.addDivisionNameException, t);
            },
            t('admin.names.added', { word: exception.form.word }),
          )}
        >
          {exception.done ? <Notice kind="success">{exception.done}</Notice> : null}
          <FormErrors messages={exception.errors.general} />
          <TextField
            label={t('admin.names.word')}
            name="exceptionWord"
            required
            value={exception.form.word}
            errors={exception.errors.byField.word}
            onChange={(e) => exception.setForm({ ...exception.form, word: e.target.value })}
          />
          <TextField
            label={t('admin.names.meaning')}
            name="exceptionMeaning"
            required
            value={exception.form.meaning}
            errors={exception.errors.byField.meaning}
            onChange={(e) => exception.setForm({ ...exception.form, meaning: e.target.value })}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t('admin.names.addException')}
            </button>
          </div>
        </form>
      </ListBlock>
    </>
  );
}

function CommitmentTerms() {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(null);
  const [shown, refetchShown] = useQuery({ query: AdminCommitmentTermsDocument, variables: { version: picked } });
  const [current, refetchCurrent] = useQuery({ query: AdminCommitmentTermsDocument, variables: { version: null } });
  const [, publish] = useMutation(AdminPublishCommitmentTermsDocument);
  return (
    <TermsCard
      id="commitment"
      title={t('admin.names.terms.commitment')}
      latest={current.data?.nameCommitmentTerms.version}
      shown={shown.data?.nameCommitmentTerms}
      picked={picked}
      onPick={setPicked}
      error={shown.error}
      publish={async (input) => {
        const result = await publish({ input });
        const payload = result.data?.publishCommitmentTerms;
        setPicked(null);
        refetchShown(FRESH);
        refetchCurrent(FRESH);
        return { version: payload?.commitmentTerms?.version ?? null, userErrors: outcomeOf(result, payload, t) };
      }}
    />
  );
}

function UndertakingTerms() {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(null);
  const [shown, refetchShown] = useQuery({ query: AdminUndertakingTermsDocument, variables: { version: picked } });
  const [current, refetchCurrent] = useQuery({ query: AdminUndertakingTermsDocument, variables: { version: null } });
  const [, publish] = useMutation(AdminPublishUndertakingTermsDocument);
  return (
    <TermsCard
      id="undertaking"
      title={t('admin.names.terms.undertaking')}
      latest={current.data?.similarNameUndertakingTerms.version}
      shown={shown.data?.similarNameUndertakingTerms}
      picked={picked}
      onPick={setPicked}
      error={shown.error}
      publish={async (input) => {
        const result = await publish({ input });
        const payload = result.data?.publishSimilarNameUndertakingTerms;
        setPicked(null);
        refetchShown(FRESH);
        refetchCurrent(FRESH);
        return { version: payload?.undertakingTerms?.version ?? null, userErrors: outcomeOf(result, payload, t) };
      }}
    />
  );
}

export function NamesSection() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="names-title">
      <h2 id="names-title">{t('admin.names.title')}</h2>
      <p>{t('admin.names.intro')}</p>
      <div className="admin-lists">
        <WordLists />
        <CommitmentTerms />
        <UndertakingTerms />
      </div>
    </section>
  );
}
