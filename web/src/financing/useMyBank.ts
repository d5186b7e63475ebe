import { useQuery } from 'urql';
import { FinancingBanksDocument, FinancingViewerDocument } from '../gql/graphql';

/**
 * The bank the signed-in officer works for: the bank on 金企通 of the officer's organisation
 * (matched by credit code, else by name). Null while loading or for an officer of no bank.
 */
export function useMyBank(): { bank: { id: string; name: string } | null; loading: boolean } {
  const [{ data: viewer, fetching: a }] = useQuery({ query: FinancingViewerDocument });
  const [{ data: banks, fetching: b }] = useQuery({ query: FinancingBanksDocument });
  const organisation = viewer?.viewer?.user?.organisation;
  const bank =
    organisation && banks
      ? (banks.banks.edges.find((edge) =>
          organisation.uscc ? edge.node.uscc === organisation.uscc : edge.node.name === organisation.name,
        )?.node ?? null)
      : null;
  return { bank, loading: (a && !viewer) || (b && !banks) };
}
