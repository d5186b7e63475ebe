import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import {
  RegistrationApplicationUpdatedDocument,
  type ApplicationFieldsFragment,
  type RegistrationApplicationUpdatedSubscription,
} from '../gql/graphql';
import { enumLabel } from '../i18n/labels';

/**
 * The application as it changes: the latest `registrationApplicationUpdated` event wins over what
 * was loaded, and each change of status is put into words for a polite live region.
 */
export function useLiveApplication<T extends { id: string; status: string }>(
  loaded: T | null | undefined,
): { application: T | ApplicationFieldsFragment | null; announcement: string } {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const onEvent = useCallback(
    (
      previous: RegistrationApplicationUpdatedSubscription | undefined,
      event: RegistrationApplicationUpdatedSubscription,
    ) => {
      const next = event.registrationApplicationUpdated;
      const before = previous?.registrationApplicationUpdated.status ?? loaded?.status;
      if (next.status !== before)
        setAnnouncement(t('registration.statusChanged', { status: enumLabel(t, 'RegistrationStatus', next.status) }));
      return event;
    },
    [loaded?.status, t],
  );
  const [{ data }] = useSubscription(
    { query: RegistrationApplicationUpdatedDocument, variables: { id: loaded?.id ?? '' }, pause: !loaded?.id },
    onEvent,
  );
  const live = data?.registrationApplicationUpdated;
  return { application: live && live.id === loaded?.id ? live : (loaded ?? null), announcement };
}
