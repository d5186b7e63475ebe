import { useCallback } from 'react';
import { useSubscription } from 'urql';
import { HostingAgreementUpdatedDocument } from '../gql/graphql';

/** Calls `refresh` whenever an agreement concerning the viewer changes (hostingAgreementUpdated). */
export function useLiveAgreements(refresh: () => void): void {
  const onEvent = useCallback(
    (_previous: unknown, event: unknown) => {
      refresh();
      return event;
    },
    [refresh],
  );
  useSubscription({ query: HostingAgreementUpdatedDocument }, onEvent);
}
