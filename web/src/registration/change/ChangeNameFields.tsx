import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrors, Notice } from '../../components/Feedback';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../i18n/format';
import { enumLabel } from '../../i18n/labels';
import { usePreferences } from '../../preferences/PreferencesProvider';
import { fieldId } from '../form/fieldIds';
import type { ApplicationFormState, NameChoice } from '../form/useApplicationForm';
import { RadioChoice } from './RadioChoice';

/**
 * The first items of a change registration: the day the change was decided (it is filed within 30
 * days of it), and the name — kept, taken from a new reservation, or declared directly (checked as
 * it is typed; a special name needs the written commitment).
 */
export function ChangeNameFields({ f }: { f: ApplicationFormState }) {
  const { t, i18n } = useTranslation();
  const { language } = usePreferences();
  const { change, updateChange, application, nameCheck } = f;
  const registeredName = application?.enterprise?.name ?? '';
  const dueOn = application?.changeFilingDueOn;
  const terms = nameCheck?.special ? nameCheck.commitmentTerms : null;
  // One array per check: FormErrors takes focus whenever it is handed a new one, which must not happen while typing.
  const nameProblems = useMemo(
    () =>
      nameCheck
        ? [
            ...nameCheck.violations.map((v) => v.message),
            ...nameCheck.conflicts.filter((c) => c.kind === 'IDENTICAL').map((c) => c.message),
          ]
        : [],
    [nameCheck],
  );
  return (
    <>
      <p>
        <strong>{t('registrationChange.registeredName')}:</strong> {registeredName}
        {application?.enterprise?.uscc ? ` · ${application.enterprise.uscc}` : ''}
      </p>
      <TextField
        id={fieldId('changeDecidedOn')}
        label={t('registrationChange.decidedOn')}
        hint={
          dueOn
            ? t('registrationChange.decidedOnDue', { date: formatDate(dueOn, language) })
            : t('registrationChange.decidedOnHint')
        }
        type="date"
        name="changeDecidedOn"
        required
        value={change.decidedOn}
        onChange={(event) => updateChange({ decidedOn: event.target.value })}
        errors={f.at('changeDecidedOn')}
      />
      {application?.lateFiling ? <Notice kind="warning">{t('registrationChange.lateFiling')}</Notice> : null}
      <RadioChoice<NameChoice>
        id={fieldId('newName')}
        legend={t('registrationChange.nameChoice')}
        name="nameChoice"
        value={change.nameChoice}
        options={[
          { value: 'keep', label: t('registrationChange.nameKeep') },
          { value: 'reservation', label: t('registrationChange.nameReservation') },
          { value: 'direct', label: t('registrationChange.nameDirect'), hint: t('registrationChange.nameDirectHint') },
        ]}
        onChange={(nameChoice) => updateChange({ nameChoice })}
      />
      {change.nameChoice === 'reservation' ? (
        <SelectField
          id={fieldId('nameReservationId')}
          label={t('registration.reservation')}
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
      ) : null}
      {change.nameChoice === 'direct' ? (
        <>
          <TextField
            label={t('registrationChange.newName')}
            name="newName"
            required
            maxLength={100}
            value={change.newName}
            onChange={(event) => updateChange({ newName: event.target.value })}
            errors={f.at('newName') ?? f.at('declaration.name')}
          />
          <div aria-live="polite" data-testid="new-name-check">
            {nameCheck ? (
              nameCheck.available ? (
                <Notice kind="success">{t('registrationChange.nameAvailable', { name: nameCheck.name })}</Notice>
              ) : (
                <FormErrors messages={nameProblems} />
              )
            ) : null}
          </div>
          {terms ? (
            <div className="section">
              <p>{t('registrationChange.specialName')}</p>
              <div
                className="commitment__terms"
                tabIndex={0}
                role="document"
                aria-label={t('registrationChange.nameTermsLabel')}
                lang={language}
              >
                {(i18n.language === 'en' ? terms.textEn : terms.textZh).split(/\n+/).map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </div>
              <CheckboxField
                id={fieldId('nameCommitment.accepted')}
                label={t('registrationChange.nameTermsAccept')}
                name="nameCommitmentAccepted"
                checked={change.nameAccepted}
                onChange={(event) => updateChange({ nameAccepted: event.target.checked })}
                errors={f.at('nameCommitment.accepted') ?? f.at('nameCommitment')}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
