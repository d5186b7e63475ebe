import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Feedback';
import { CheckboxField, TextField } from '../../../components/Field';
import { usePreferences } from '../../../preferences/PreferencesProvider';
import { fieldId } from '../fieldIds';
import { Section } from '../FormParts';

/** Step 4: the credit commitment's text, its acceptance and the signatory. */
export function CommitmentStep({
  terms,
  accepted,
  onAccepted,
  signatory,
  onSignatory,
  at,
}: {
  terms: { textZh: string; textEn: string } | null | undefined;
  accepted: boolean;
  onAccepted(value: boolean): void;
  signatory: string;
  onSignatory(value: string): void;
  at(key: string): string[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { language } = usePreferences();
  const termsText = terms ? (i18n.language === 'en' ? terms.textEn : terms.textZh) : '';
  return (
    <Section title={t('registration.commitmentTitle')} item="commitment" notes={at('commitment')}>
      {terms ? (
        <div
          className="commitment__terms"
          tabIndex={0}
          role="document"
          aria-label={t('registration.commitmentTermsLabel')}
          lang={language}
        >
          {termsText.split(/\n+/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      ) : (
        <Loading />
      )}
      <CheckboxField
        id={fieldId('commitment.accepted')}
        label={t('registration.commitmentAccept')}
        name="commitmentAccepted"
        required
        checked={accepted}
        onChange={(event) => onAccepted(event.target.checked)}
        errors={at('commitment.accepted') ?? at('commitment.termsVersion')}
      />
      <TextField
        id={fieldId('commitment.signatoryName')}
        label={t('names.signatory')}
        hint={t('names.signatoryHint')}
        name="signatoryName"
        autoComplete="name"
        required
        value={signatory}
        onChange={(event) => onSignatory(event.target.value)}
        errors={at('commitment.signatoryName')}
      />
    </Section>
  );
}
