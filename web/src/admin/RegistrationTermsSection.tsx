// The credit commitments applicants sign when they submit a registration application, each
// published in versions like the names module's texts (the same card): the version in force or a
// past one, and a form for the next.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  AdminPublishRegistrationCommitmentTermsDocument,
  AdminRegistrationCommitmentTermsDocument,
  type RegistrationKind,
} from '../gql/graphql';
import { outcomeOf } from './outcome';
import { FRESH, TermsCard } from './TermsCard';

const TEXTS = [
  { text: 'ESTABLISHMENT', kind: 'ESTABLISHMENT', simplifiedNotice: false },
  { text: 'CHANGE', kind: 'CHANGE', simplifiedNotice: false },
  { text: 'DEREGISTRATION', kind: 'DEREGISTRATION', simplifiedNotice: false },
  { text: 'SIMPLIFIED_NOTICE', kind: 'DEREGISTRATION', simplifiedNotice: true },
] as const satisfies readonly { text: string; kind: RegistrationKind; simplifiedNotice: boolean }[];

function RegistrationTerms({ text, kind, simplifiedNotice }: (typeof TEXTS)[number]) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(null);
  const query = AdminRegistrationCommitmentTermsDocument;
  const [shown, refetchShown] = useQuery({ query, variables: { kind, simplifiedNotice, number: picked } });
  const [current, refetchCurrent] = useQuery({ query, variables: { kind, simplifiedNotice, number: null } });
  const [, publish] = useMutation(AdminPublishRegistrationCommitmentTermsDocument);
  const terms = shown.data?.registrationCommitmentTerms;
  const inForce = current.data?.registrationCommitmentTerms;
  return (
    <div>
      <TermsCard
        id={`registration-${text.toLowerCase().replace('_', '-')}`}
        title={t(`admin.registration.${text}`)}
        latest={inForce?.number}
        shown={terms ? { ...terms, version: terms.number } : undefined}
        picked={picked}
        onPick={setPicked}
        error={shown.error}
        publish={async (texts) => {
          const result = await publish({ input: { kind, simplifiedNotice, ...texts } });
          const payload = result.data?.publishRegistrationCommitmentTerms;
          setPicked(null);
          refetchShown(FRESH);
          refetchCurrent(FRESH);
          return { version: payload?.commitmentTerms?.number ?? null, userErrors: outcomeOf(result, payload, t) };
        }}
      />
      {inForce ? <p className="field__hint">{t('admin.registration.label', { version: inForce.version })}</p> : null}
    </div>
  );
}

export function RegistrationTermsSection() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="registration-terms-title">
      <h2 id="registration-terms-title">{t('admin.registration.title')}</h2>
      <p>{t('admin.registration.intro')}</p>
      <div className="admin-lists">
        {TEXTS.map((entry) => (
          <RegistrationTerms key={entry.text} {...entry} />
        ))}
      </div>
    </section>
  );
}
