import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../components/Feedback';
import { TextAreaField, TextField } from '../components/Field';
import { Page } from '../components/Page';
import { ConfirmDialog } from '../desk/ConfirmDialog';
import {
  DeskTypicalCasesDocument,
  UpdateTypicalCaseDocument,
  WithdrawTypicalCaseDocument,
  type TypicalCaseFieldsFragment,
} from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { usePreferences } from '../preferences/PreferencesProvider';

// The commerce desk's typical cases: correct a published summary, or withdraw it (after a
// confirmation, with a reason). Errors come back from the API at their fields, in the page's language.

function TypicalCaseCard({ typical }: { typical: TypicalCaseFieldsFragment }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(typical.title);
  const [summary, setSummary] = useState(typical.summary);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [editErrors, setEditErrors] = useState<string[]>([]);
  const [withdrawErrors, setWithdrawErrors] = useState<string[]>([]);
  const [{ fetching: saving }, update] = useMutation(UpdateTypicalCaseDocument);
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawTypicalCaseDocument);
  const slug = typical.id.replace(/[^a-zA-Z0-9]/g, '');

  const save = async () => {
    const result = await update({ input: { id: typical.id, title, summary } });
    const errors = result.data?.updateTypicalCase.userErrors.map((e) => e.message) ?? [];
    if (result.error) errors.push(result.error.message);
    setEditErrors(errors);
    if (!errors.length) setEditing(false);
  };
  const confirmWithdraw = async () => {
    const result = await withdraw(
      { input: { id: typical.id, reason } },
      { additionalTypenames: ['TypicalCase', 'TypicalCaseConnection'] },
    );
    const errors = result.data?.withdrawTypicalCase.userErrors.map((e) => e.message) ?? [];
    if (result.error) errors.push(result.error.message);
    setConfirming(false);
    setWithdrawErrors(errors);
  };

  return (
    <li className="card" data-testid="desk-typical-case">
      <h2 className="card__title" id={`typical-${slug}`}>
        {typical.title}
      </h2>
      <p className="card__meta">
        {t(`investorServices.kinds.${typical.kind}`)} · {t(`investorServices.outcomes.${typical.outcome}`)} ·{' '}
        {formatDate(typical.publishedAt.slice(0, 10), language)}
        {typical.editedAt
          ? ` · ${t('investorServices.editedOn', { date: formatDate(typical.editedAt.slice(0, 10), language) })}`
          : null}
      </p>
      {editing ? (
        <form
          className="stack"
          aria-labelledby={`typical-${slug}`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <FormErrors messages={editErrors} />
          <TextField
            label={t('investorServices.typicalTitle')}
            name="title"
            value={title}
            required
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextAreaField
            label={t('investorServices.typicalSummary')}
            name="summary"
            rows={5}
            value={summary}
            required
            onChange={(e) => setSummary(e.target.value)}
          />
          <p className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {t('investorServices.saveTypical')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              {t('deskCards.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <>
          <p className="prewrap">{typical.summary}</p>
          <p className="actions">
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t('investorServices.editTypical')}
            </button>
          </p>
        </>
      )}
      <form
        className="stack"
        aria-labelledby={`typical-${slug}`}
        data-testid="withdraw-typical"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <FormErrors messages={withdrawErrors} />
        <TextField
          label={t('investorServices.withdrawReason')}
          name="reason"
          value={reason}
          required
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="form__actions">
          <button type="submit" className="button button--danger">
            {t('investorServices.withdrawTypical')}
          </button>
        </p>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={t('investorServices.withdrawConfirmTitle')}
          body={t('investorServices.withdrawConfirmBody')}
          confirmLabel={t('investorServices.withdrawTypical')}
          busy={withdrawing}
          onConfirm={() => void confirmWithdraw()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </li>
  );
}

export function DeskTypicalCasesPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DeskTypicalCasesDocument, variables: { first: 100 } });
  const rows = data?.typicalCases.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('investorServices.manageTypical')}>
      <p>{t('investorServices.manageTypicalIntro')}</p>
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      {data && rows.length === 0 ? <EmptyState>{t('investorServices.noTypical')}</EmptyState> : null}
      <ul className="stack" data-testid="desk-typical-cases">
        {rows.map((typical) => (
          <TypicalCaseCard key={typical.id} typical={typical} />
        ))}
      </ul>
    </Page>
  );
}
