import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import type { EnterpriseKind } from '../../../gql/graphql';
import { enumOptions } from '../../../i18n/labels';
import { fieldId } from '../fieldIds';
import type { StepProps } from '../FormParts';

/** Step 1: the name (shown or chosen by `nameSlot`), legal form, industry, foreign investment, business scope. */
export function BusinessStep({
  form,
  update,
  at,
  nameSlot,
  industryHint,
}: StepProps & { nameSlot: ReactNode; industryHint?: { code: string; name: string } | null }) {
  const { t } = useTranslation();
  return (
    <>
      {nameSlot}
      <SelectField
        id={fieldId('declaration.kind')}
        label={t('registration.items.kind')}
        name="kind"
        required
        value={form.kind}
        placeholder={t('common.choose')}
        options={enumOptions(t, 'EnterpriseKind')}
        onChange={(event) => update({ kind: event.target.value as EnterpriseKind | '' })}
        errors={at('declaration.kind')}
      />
      <TextField
        id={fieldId('declaration.industry')}
        label={t('registration.items.industry')}
        hint={t('names.industryCodeHint')}
        name="industry"
        required
        value={form.industry}
        onChange={(event) => update({ industry: event.target.value })}
        errors={at('declaration.industry')}
      />
      {industryHint ? (
        <p className="field__hint" data-testid="industry-hint">
          {t('applicationForm.industryFromName', { code: industryHint.code, name: industryHint.name })}{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => update({ industry: industryHint.code })}
          >
            {t('applicationForm.useIndustry')}
          </button>
        </p>
      ) : null}
      <CheckboxField
        id={fieldId('declaration.foreignInvested')}
        label={t('registration.items.foreignInvested')}
        name="foreignInvested"
        checked={form.foreignInvested}
        onChange={(event) => update({ foreignInvested: event.target.checked })}
        errors={at('declaration.foreignInvested')}
      />
      <TextAreaField
        id={fieldId('declaration.businessScope')}
        label={t('registration.items.businessScope')}
        name="businessScope"
        required
        rows={3}
        value={form.businessScope}
        onChange={(event) => update({ businessScope: event.target.value })}
        errors={at('declaration.businessScope')}
      />
    </>
  );
}
