import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { groupUserErrors, type GroupedUserErrors } from '../../api/errors';
import { ErrorNotice, FormErrors } from '../../components/Feedback';
import { TextAreaField, TextField } from '../../components/Field';
import {
  RegistrationCommitmentTermsDocument,
  SaveRegistrationDraftDocument,
  SubmitRegistrationApplicationDocument,
  type ApplicationFieldsFragment,
  type EnterpriseKind,
  type UserErrorFieldsFragment,
} from '../../gql/graphql';
import { CommitmentStep } from '../form/steps/CommitmentStep';

const NO_ERRORS: GroupedUserErrors = { byField: {}, general: [] };
const FIELDS = [
  'enterpriseId',
  'deregistration',
  'deregistration.reason',
  'deregistration.liquidationCompletedOn',
  'deregistration.simplified',
  'commitment',
  'commitment.accepted',
  'commitment.signatoryName',
  'commitment.termsVersion',
];

/**
 * A deregistration application, ordinary or simplified: why the enterprise ends, the day liquidation
 * was completed (ordinary, not for an individual business), and the credit commitment; saved as a
 * draft and submitted in one go, then followed on the application's page while the four departments
 * clear it. Also edits a draft, or one sent back for correction.
 */
export function DeregistrationForm({
  enterpriseId,
  enterpriseKind,
  simplified,
  application,
}: {
  enterpriseId: string;
  enterpriseKind: EnterpriseKind;
  simplified: boolean;
  application?: ApplicationFieldsFragment;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [applicationId, setApplicationId] = useState(application?.id ?? null);
  const [reason, setReason] = useState(application?.deregistration?.reason ?? '');
  const [liquidatedOn, setLiquidatedOn] = useState(application?.deregistration?.liquidationCompletedOn ?? '');
  const [accepted, setAccepted] = useState(false);
  const [signatory, setSignatory] = useState('');
  const [errors, setErrors] = useState<GroupedUserErrors>(NO_ERRORS);
  const [{ data: termsData }] = useQuery({
    query: RegistrationCommitmentTermsDocument,
    variables: { kind: 'DEREGISTRATION' },
  });
  const terms = termsData?.registrationCommitmentTerms;
  const [{ fetching: saving, error: saveError }, save] = useMutation(SaveRegistrationDraftDocument);
  const [{ fetching: submitting, error: submitError }, submit] = useMutation(SubmitRegistrationApplicationDocument);
  const needsLiquidation = !simplified && enterpriseKind !== 'INDIVIDUAL_BUSINESS';
  const at = (key: string) => errors.byField[key];
  // One array per set of errors: FormErrors takes focus whenever it is handed a new one.
  const formErrors = useMemo(
    () => [...errors.general, ...(errors.byField.enterpriseId ?? []), ...(errors.byField.deregistration ?? [])],
    [errors],
  );
  const show = (userErrors: readonly UserErrorFieldsFragment[]) => setErrors(groupUserErrors(userErrors, FIELDS));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!terms) return;
    const deregistration = {
      reason: reason.trim() || null,
      simplified,
      liquidationCompletedOn: needsLiquidation ? liquidatedOn || null : null,
    };
    const saved = await save({
      input: applicationId
        ? { id: applicationId, deregistration }
        : { kind: 'DEREGISTRATION', enterpriseId, deregistration },
    });
    const draft = saved.data?.saveRegistrationDraft;
    if (!draft) return;
    if (draft.userErrors.length || !draft.application) return show(draft.userErrors);
    const id = draft.application.id;
    setApplicationId(id);
    const result = await submit({
      input: { id, commitment: { termsVersion: terms.version, accepted, signatoryName: signatory.trim() } },
    });
    const payload = result.data?.submitRegistrationApplication;
    if (!payload) return;
    if (payload.userErrors.length || !payload.application) return show(payload.userErrors);
    navigate(`/applications/${encodeURIComponent(id)}`, { state: { submitted: true } });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="deregistration-form">
      <h2>{simplified ? t('deregistrationFlow.simplifiedFormTitle') : t('deregistrationFlow.ordinaryFormTitle')}</h2>
      <FormErrors messages={formErrors} />
      {saveError ? <ErrorNotice error={saveError} /> : null}
      {submitError ? <ErrorNotice error={submitError} /> : null}
      <TextAreaField
        label={t('deregistrationFlow.reason')}
        hint={t('deregistrationFlow.reasonHint')}
        name="reason"
        required
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        errors={at('deregistration.reason') ?? at('deregistration.simplified')}
      />
      {needsLiquidation ? (
        <TextField
          label={t('deregistrationFlow.liquidationCompletedOn')}
          hint={t('deregistrationFlow.liquidationHint')}
          type="date"
          name="liquidationCompletedOn"
          required
          value={liquidatedOn}
          onChange={(event) => setLiquidatedOn(event.target.value)}
          errors={at('deregistration.liquidationCompletedOn')}
        />
      ) : null}
      <CommitmentStep
        terms={terms}
        accepted={accepted}
        onAccepted={setAccepted}
        signatory={signatory}
        onSignatory={setSignatory}
        at={at}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving || submitting || !terms}>
          {submitting ? t('registration.submitting') : t('deregistrationFlow.submit')}
        </button>
      </div>
    </form>
  );
}
