import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Notice } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { RegistrationApplicationDocument } from '../../gql/graphql';
import { ApplicationFormPage } from '../ApplicationFormPage';
import { DeregistrationForm } from './DeregistrationForm';

/**
 * Editing a draft (or an application sent back for correction): establishments and changes in the
 * declaration form, deregistrations in their own short form.
 */
export function EditApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data }] = useQuery({ query: RegistrationApplicationDocument, variables: { id }, pause: !id });
  const application = data?.registrationApplication;
  // Anything but a deregistration stays in the declaration form, which loads (and waits) by itself: the
  // same element for a new draft and its edit page, so saving a new draft keeps the step and its problems.
  if (application?.kind !== 'DEREGISTRATION' || !application.enterprise) return <ApplicationFormPage />;
  const editable = application.status === 'DRAFT' || application.status === 'CORRECTION_REQUESTED';
  return (
    <Page title={t('deregistrationFlow.editTitle', { name: application.enterprise.name })}>
      {editable ? (
        <DeregistrationForm
          enterpriseId={application.enterprise.id}
          enterpriseKind={application.enterprise.kind}
          simplified={application.deregistration?.simplified ?? false}
          application={application}
        />
      ) : (
        <>
          <Notice>{t('registration.notEditable')}</Notice>
          <Link to={`/applications/${encodeURIComponent(application.id)}`}>{t('registration.viewApplication')}</Link>
        </>
      )}
    </Page>
  );
}
