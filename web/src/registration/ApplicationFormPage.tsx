import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorNotice, FormErrors, Loading, Notice } from '../components/Feedback';
import { SelectField } from '../components/Field';
import { Page } from '../components/Page';
import { formatDateTime } from '../i18n/format';
import { enumLabel } from '../i18n/labels';
import { usePreferences } from '../preferences/PreferencesProvider';
import { CorrectionNoticeView } from './CorrectionNoticeView';
import { ChangeNameFields } from './change/ChangeNameFields';
import { ChangeSummary } from './change/ChangeSummary';
import { fromDeclaration, STEPS, stepOf } from './declarationForm';
import { ErrorSummary, targetOf } from './form/ErrorSummary';
import { fieldId } from './form/fieldIds';
import { BusinessStep } from './form/steps/BusinessStep';
import { CommitmentStep } from './form/steps/CommitmentStep';
import { PeopleStep } from './form/steps/PeopleStep';
import { PlaceStep } from './form/steps/PlaceStep';
import { useApplicationForm } from './form/useApplicationForm';

/**
 * The establishment or change application in four steps: the business, its place and capital, its people,
 * then the credit commitment and submission. Saves whatever is there as a draft (and keeps unsaved
 * input on this device); shows every problem in a summary that links to its field, at the field, and
 * on the step tabs; shows an official's correction notice at the fields it names. A change starts
 * from the enterprise as registered, declares its new name and the day it was decided in the first
 * step, and shows what it will record (before and after) above the commitment.
 */
export function ApplicationFormPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const location = useLocation();
  const f = useApplicationForm();
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const shownStep = useRef(0);
  const { step, setStep } = f;

  // Only a change of step moves focus to its heading (not the first render, nor a summary link).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    if (!focusKey) heading.current?.focus();
  }, [step, focusKey]);

  // A link in the error summary opens the field's step, then moves to the field.
  useEffect(() => {
    if (!focusKey) return;
    const target = targetOf(focusKey);
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'center' });
    }
    setFocusKey(null);
  }, [focusKey, step]);

  const { application, form } = f;
  if (f.params.id && f.loading && !application) return <Loading />;
  if (f.loadError && !application) return <ErrorNotice error={f.loadError} />;
  if (f.params.id && !application) return <Page title={t('common.notFoundTitle')} intro={t('errors.NOT_FOUND')} />;
  if (application && !f.editable) {
    return (
      <Page title={t('registration.applicationTitle', { number: application.number })}>
        <Notice>{t('registration.notEditable')}</Notice>
        <Link to={`/applications/${encodeURIComponent(application.id)}`}>{t('registration.viewApplication')}</Link>
      </Page>
    );
  }
  if (!form) return <Loading />;

  const goTo = (key: string) => {
    const target = stepOf(key);
    if (target >= 0) setStep(target);
    setFocusKey(key);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (step < STEPS.length - 1) {
      setStep(step + 1);
      return;
    }
    await f.submit();
  };

  const stepTitle = (index: number) => t(`registration.steps.${STEPS[index]!.key}`);
  const stepProps = { form, update: f.update, at: f.at };
  const registered = application?.enterprise?.declaration;
  const newName =
    f.change.nameChoice === 'direct'
      ? f.change.newName
      : f.change.nameChoice === 'reservation'
        ? (f.reservations.find((r) => r.id === f.reservationId)?.name ??
          application?.nameReservation?.name ??
          application?.enterprise?.name ??
          '')
        : (application?.enterprise?.name ?? '');
  const existingDraft = (location.state as { existingDraft?: boolean } | null)?.existingDraft;

  return (
    <Page
      title={
        f.isChange
          ? t('registrationChange.formTitle', { name: application?.enterprise?.name ?? '' })
          : application
            ? t('registration.editTitle', { number: application.number })
            : t('registration.newTitle')
      }
      intro={f.isChange ? t('registrationChange.formIntro') : t('registration.formIntro')}
    >
      {existingDraft ? <Notice>{t('applicationForm.existingDraft')}</Notice> : null}
      {f.correcting ? <CorrectionNoticeView notice={f.correcting} /> : null}
      {f.restoredAt ? (
        <div className="notice notice--warning" role="status" data-testid="restored-notice">
          <p>{t('applicationForm.restored', { at: formatDateTime(f.restoredAt, language) })}</p>
          <button type="button" className="button button--secondary button--small" onClick={f.discardLocal}>
            {t('applicationForm.discardLocal')}
          </button>
        </div>
      ) : null}
      {f.summary ? <ErrorSummary summary={f.summary} onGoTo={goTo} /> : null}
      <nav aria-label={t('registration.stepsLabel')} className="steps">
        <ol>
          {STEPS.map((s, index) => {
            const problems = f.problemsPerStep[index] ?? 0;
            return (
              <li key={s.key}>
                <button
                  type="button"
                  className={`steps__button${index === step ? ' steps__button--current' : ''}${problems ? ' steps__button--invalid' : ''}`}
                  aria-current={index === step ? 'step' : undefined}
                  data-problems={problems || undefined}
                  onClick={() => setStep(index)}
                >
                  <span className="steps__number">{index + 1}</span> {stepTitle(index)}
                  {problems ? (
                    <span className="badge badge--danger steps__problems">
                      {t('applicationForm.stepProblems', { count: problems })}
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <form className="form" onSubmit={onSubmit} noValidate>
        <h2 ref={heading} tabIndex={-1} className="form__step-title">
          {t('registration.stepHeading', { step: step + 1, total: STEPS.length, title: stepTitle(step) })}
        </h2>
        {f.summary ? null : <FormErrors messages={f.errors.general} />}
        {f.saveError ? <ErrorNotice error={f.saveError} /> : null}
        {f.submitError ? <ErrorNotice error={f.submitError} /> : null}
        {f.savedAt ? <Notice kind="success">{t('registration.draftSaved')}</Notice> : null}

        {step === 0 ? (
          <BusinessStep
            {...stepProps}
            industryHint={f.industryHint}
            nameSlot={
              f.isChange ? (
                <ChangeNameFields f={f} />
              ) : application ? (
                <p>
                  <strong>{t('registration.items.name')}:</strong>{' '}
                  {application.declaration.name ?? t('registration.noName')}
                </p>
              ) : (
                <SelectField
                  id={fieldId('nameReservationId')}
                  label={t('registration.reservation')}
                  hint={t('registration.reservationHint')}
                  name="nameReservationId"
                  required
                  value={f.reservationId}
                  placeholder={t('common.choose')}
                  options={f.reservations.map((r) => ({
                    value: r.id,
                    label: `${r.name} (${enumLabel(t, 'District', r.district)})`,
                  }))}
                  onChange={(event) => f.setReservationId(event.target.value)}
                  errors={f.at('nameReservationId') ?? f.at('declaration.name')}
                />
              )
            }
          />
        ) : null}
        {step === 1 ? <PlaceStep {...stepProps} /> : null}
        {step === 2 ? <PeopleStep {...stepProps} /> : null}
        {step === 3 && f.isChange && registered ? (
          <ChangeSummary
            before={{ name: application?.enterprise?.name ?? '', form: fromDeclaration(registered) }}
            after={{ name: newName, form }}
          />
        ) : null}
        {step === 3 ? (
          <CommitmentStep
            terms={f.terms}
            accepted={f.accepted}
            onAccepted={f.setAccepted}
            signatory={f.signatory}
            onSignatory={f.setSignatory}
            at={f.at}
          />
        ) : null}

        <p className="form__save-state" data-testid="save-state" aria-live="polite">
          {f.dirty ? t('applicationForm.unsavedChanges') : t('applicationForm.allSaved')}
        </p>
        <div className="form__actions">
          {step > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => setStep(step - 1)}>
              {t('registration.previous')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void f.save()}
            disabled={f.saving || f.submitting}
          >
            {f.saving ? t('registration.saving') : t('registration.saveDraft')}
          </button>
          <button type="submit" className="button button--primary" disabled={f.saving || f.submitting}>
            {step < STEPS.length - 1
              ? t('registration.next')
              : f.submitting
                ? t('registration.submitting')
                : f.correcting
                  ? t('registration.resubmit')
                  : t('registration.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
