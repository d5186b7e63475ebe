import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors } from '../../api/errors';
import { EmptyState, ErrorNotice, FormErrors, Loading } from '../../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import {
  CloseRevocationProceedingDocument,
  DrawInspectionSampleDocument,
  InspectionDeskDocument,
  RecordInspectionFindingDocument,
  RevokeEnterpriseRegistrationDocument,
  StartRevocationPublicNoticeDocument,
  type InspectionFinding,
  type InspectionSampleFieldsFragment,
  type ProceedingFieldsFragment,
} from '../../gql/graphql';
import { formatDate, formatDateTime, todayInQingdao } from '../../i18n/format';
import { usePreferences } from '../../preferences/PreferencesProvider';

type Grouped = { general: string[]; byField: Record<string, string[]> };
const NO_ERRORS: Grouped = { general: [], byField: {} };
const FINDINGS: InspectionFinding[] = ['COMPLIANT', 'DEFECTS_CORRECTED', 'FALSE_DECLARATION'];

function monthBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 10);
}

function DrawForm({ onDrawn }: { onDrawn: () => void }) {
  const { t } = useTranslation();
  const today = todayInQingdao();
  const [form, setForm] = useState({ from: monthBefore(today), to: today, size: '10', inspectors: '2', seed: '' });
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [{ fetching }, draw] = useMutation(DrawInspectionSampleDocument);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <form
      className="form"
      aria-labelledby="draw-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await draw({
          input: {
            confirmedFrom: form.from,
            confirmedTo: form.to,
            sampleSize: Number.parseInt(form.size, 10) || 0,
            inspectorsPerEnterprise: Number.parseInt(form.inspectors, 10) || 0,
            seed: form.seed.trim() || null,
          },
        });
        const payload = result.data?.drawInspectionSample;
        if (result.error) return setErrors({ general: [result.error.message], byField: {} });
        if (payload?.userErrors.length)
          return setErrors(
            groupUserErrors(payload.userErrors, [
              'confirmedFrom',
              'confirmedTo',
              'sampleSize',
              'inspectorsPerEnterprise',
              'seed',
            ]),
          );
        setErrors(NO_ERRORS);
        onDrawn();
      }}
    >
      <h2 id="draw-title">{t('inspections.drawTitle')}</h2>
      <FormErrors messages={errors.general} />
      <TextField
        label={t('inspections.from')}
        name="confirmedFrom"
        type="date"
        required
        value={form.from}
        errors={errors.byField.confirmedFrom}
        onChange={set('from')}
      />
      <TextField
        label={t('inspections.to')}
        name="confirmedTo"
        type="date"
        required
        value={form.to}
        errors={errors.byField.confirmedTo}
        onChange={set('to')}
      />
      <TextField
        label={t('inspections.size')}
        name="sampleSize"
        type="number"
        min={1}
        max={200}
        required
        value={form.size}
        errors={errors.byField.sampleSize}
        onChange={set('size')}
      />
      <TextField
        label={t('inspections.inspectors')}
        name="inspectorsPerEnterprise"
        type="number"
        min={1}
        max={3}
        required
        value={form.inspectors}
        errors={errors.byField.inspectorsPerEnterprise}
        onChange={set('inspectors')}
      />
      <TextField
        label={t('inspections.seed')}
        name="seed"
        value={form.seed}
        errors={errors.byField.seed}
        onChange={set('seed')}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {t('inspections.draw')}
        </button>
      </div>
    </form>
  );
}

function FindingForm({ inspectionId, onRecorded }: { inspectionId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [finding, setFinding] = useState<InspectionFinding>('COMPLIANT');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [{ fetching }, record] = useMutation(RecordInspectionFindingDocument);
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await record({ input: { id: inspectionId, finding, note: note.trim() || null } });
        const payload = result.data?.recordInspectionFinding;
        if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors, ['note']));
        setErrors(NO_ERRORS);
        onRecorded();
      }}
    >
      <FormErrors messages={errors.general} />
      <SelectField
        label={t('inspections.finding')}
        name={`finding-${inspectionId}`}
        value={finding}
        options={FINDINGS.map((f) => ({ value: f, label: t(`inspections.findings.${f}`) }))}
        onChange={(e) => setFinding(e.target.value as InspectionFinding)}
      />
      <TextAreaField
        label={t('inspections.note')}
        name={`note-${inspectionId}`}
        rows={2}
        value={note}
        errors={errors.byField.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={fetching}>
        {t('inspections.record')}
      </button>
    </form>
  );
}

function SampleCard({ sample, onChanged }: { sample: InspectionSampleFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <li className="card" data-testid="inspection-sample" data-seed={sample.seed}>
      <h3 className="card__title">{t('inspections.sample', { number: sample.number })}</h3>
      <dl className="facts">
        <dt>{t('inspections.seedIs')}</dt>
        <dd>
          <code data-testid="sample-seed">{sample.seed}</code>
        </dd>
        <dt>{t('inspections.window')}</dt>
        <dd>
          {formatDate(sample.confirmedFrom, language)} – {formatDate(sample.confirmedTo, language)}
        </dd>
        <dt>{t('inspections.samplesTitle')}</dt>
        <dd>
          {t('inspections.population', { population: sample.populationSize, roster: sample.rosterSize })} ·{' '}
          {sample.drawnByName} · {formatDateTime(sample.drawnAt, language)}
        </dd>
        <dt>{t('inspections.reproducible')}</dt>
        <dd>{sample.reproducible ? t('inspections.reproducible') : t('inspections.notReproducible')}</dd>
      </dl>
      <ol className="wrap-list" data-testid="sample-enterprises">
        {sample.inspections.edges.map(({ node }) => (
          <li key={node.id} data-testid="sample-enterprise" data-enterprise={node.enterprise.id}>
            <strong>{node.enterprise.name}</strong> {node.enterprise.uscc ? <code>{node.enterprise.uscc}</code> : null}{' '}
            · {t('inspections.inspectorsOf')}: {node.inspectors.map((u) => u.displayName).join('、')} ·{' '}
            {node.finding ? t(`inspections.findings.${node.finding}`) : t('inspections.assigned')}
            {node.assignedToMe && node.status === 'ASSIGNED' ? (
              <FindingForm inspectionId={node.id} onRecorded={onChanged} />
            ) : null}
          </li>
        ))}
      </ol>
    </li>
  );
}

function ProceedingCard({ proceeding, onChanged }: { proceeding: ProceedingFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Grouped>(NO_ERRORS);
  const [, publicNotice] = useMutation(StartRevocationPublicNoticeDocument);
  const [, revoke] = useMutation(RevokeEnterpriseRegistrationDocument);
  const [, close] = useMutation(CloseRevocationProceedingDocument);
  const step = async (run: typeof revoke) => {
    const result = await run({ input: { id: proceeding.id, reason } });
    const payload = Object.values(result.data ?? {})[0] as
      { userErrors: { code: string; field?: string[] | null; message: string }[] } | undefined;
    if (payload?.userErrors.length) return setErrors(groupUserErrors(payload.userErrors, ['reason']));
    setErrors(NO_ERRORS);
    setReason('');
    onChanged();
  };
  const open = proceeding.status === 'NOTICE_ISSUED' || proceeding.status === 'PUBLIC_NOTICE';
  return (
    <li className="card" data-testid="proceeding">
      <h3 className="card__title">
        {proceeding.enterprise.name} <span className="badge">{t(`inspections.status.${proceeding.status}`)}</span>
      </h3>
      <dl className="facts">
        <dt>{t('inspections.ground')}</dt>
        <dd>{proceeding.ground}</dd>
        {proceeding.answerBy ? (
          <>
            <dt>{t('inspections.answerBy')}</dt>
            <dd>{formatDate(proceeding.answerBy, language)}</dd>
          </>
        ) : null}
        {proceeding.publicNoticeUntil ? (
          <>
            <dt>{t('inspections.publicUntil')}</dt>
            <dd>{formatDate(proceeding.publicNoticeUntil, language)}</dd>
          </>
        ) : null}
        <dt>{t('inspections.answer')}</dt>
        <dd data-testid="proceeding-answer">
          {proceeding.answer ? (
            <>
              <p style={{ whiteSpace: 'pre-line' }}>{proceeding.answer.statement}</p>
              {proceeding.answer.evidence ? (
                <p style={{ whiteSpace: 'pre-line' }}>
                  {t('inspections.answerEvidence')}: {proceeding.answer.evidence}
                </p>
              ) : null}
              <p>
                {t('inspections.answeredAt', {
                  name: proceeding.answer.answeredByName ?? '—',
                  at: formatDateTime(proceeding.answer.answeredAt, language),
                })}
              </p>
            </>
          ) : (
            t('inspections.noAnswer')
          )}
        </dd>
        {proceeding.revokedOn ? (
          <>
            <dt>{t('inspections.revoke')}</dt>
            <dd>
              {formatDate(proceeding.revokedOn, language)} · {proceeding.revocationReason}
            </dd>
          </>
        ) : null}
      </dl>
      {open ? (
        <div className="form">
          <FormErrors messages={errors.general} />
          <TextAreaField
            label={t('inspections.reason')}
            name={`reason-${proceeding.id}`}
            rows={2}
            value={reason}
            errors={errors.byField.reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form__actions">
            {proceeding.status === 'NOTICE_ISSUED' ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void step(publicNotice as unknown as typeof revoke)}
              >
                {t('inspections.startPublicNotice')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--danger"
              disabled={!proceeding.revocable}
              onClick={() => void step(revoke)}
            >
              {t('inspections.revoke')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void step(close as unknown as typeof revoke)}
            >
              {t('inspections.close')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** The market-regulation official's random inspections (双随机) and revocation proceedings. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InspectionDeskDocument,
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const samples = data?.inspectionSamples.edges.map((e) => e.node) ?? [];
  const proceedings = data?.revocationProceedings.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('inspections.title')} intro={t('inspections.intro')}>
      <DrawForm onDrawn={reload} />
      {fetching && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      <section className="section" aria-labelledby="samples-title">
        <h2 id="samples-title">{t('inspections.samplesTitle')}</h2>
        {data && samples.length === 0 ? <EmptyState>{t('inspections.noSamples')}</EmptyState> : null}
        <ul className="cards">
          {samples.map((sample) => (
            <SampleCard key={sample.id} sample={sample} onChanged={reload} />
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="proceedings-title">
        <h2 id="proceedings-title">{t('inspections.proceedingsTitle')}</h2>
        {data && proceedings.length === 0 ? <EmptyState>{t('inspections.proceedingsEmpty')}</EmptyState> : null}
        <ul className="cards">
          {proceedings.map((proceeding) => (
            <ProceedingCard key={proceeding.id} proceeding={proceeding} onChanged={reload} />
          ))}
        </ul>
      </section>
    </Page>
  );
}
