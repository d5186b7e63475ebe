import { useQuery } from 'urql';
import { ViewerDocument, type ViewerQuery } from '../gql/graphql';
import { useSession } from './SessionProvider';

export type ViewerUser = NonNullable<NonNullable<ViewerQuery['viewer']>['user']>;

export interface ViewerState {
  /** The signed-in user; null when anonymous (or while loading). */
  user: ViewerUser | null;
  signedIn: boolean;
  /** True until the viewer of a stored token is known. */
  loading: boolean;
}

export function useViewer(): ViewerState {
  const { token } = useSession();
  const [{ data, fetching }] = useQuery({ query: ViewerDocument, pause: !token });
  const user = token ? (data?.viewer?.user ?? null) : null;
  return { user, signedIn: user !== null, loading: Boolean(token) && fetching && !data };
}
