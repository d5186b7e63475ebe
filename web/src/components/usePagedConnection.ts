import type { CombinedError, TypedDocumentNode } from '@urql/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';

export interface PagedConnection<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Node }[];
}

export interface PagedList<Node> {
  items: Node[];
  /** The whole list's length; null until the first page has come. */
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  error: CombinedError | null;
  /** The next page, after the last cursor (nothing skipped or repeated when new items arrive). */
  loadMore(): void;
  /** The first page again, replacing what is shown. */
  reload(): void;
  /** Puts a changed item in place of the one with the same key. */
  replace(item: Node): void;
}

/**
 * A Relay connection shown a page at a time with "load more": `first`/`after` are the hook's, the
 * other variables the caller's (a change of them starts again from the first page).
 */
export function usePagedConnection<Node, Data, Variables extends { first: number; after?: string | null }>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'first' | 'after'>,
  connectionOf: (data: Data) => PagedConnection<Node> | null | undefined,
  keyOf: (item: Node) => string,
  pageSize = 20,
): PagedList<Node> {
  const client = useClient();
  const [items, setItems] = useState<Node[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  // The caller's callbacks and variables as of this render, without restarting the list on each render.
  const latest = useRef({ connectionOf, variables });
  latest.current = { connectionOf, variables };
  const variablesKey = JSON.stringify(variables);

  const load = useCallback(
    async (after: string | null, replace: boolean) => {
      setLoading(true);
      const result = await client
        .query(document, { ...latest.current.variables, first: pageSize, after } as Variables, {
          requestPolicy: 'network-only',
        })
        .toPromise();
      setLoading(false);
      if (result.error) {
        setError(result.error);
        return;
      }
      setError(null);
      const connection = result.data ? latest.current.connectionOf(result.data) : null;
      if (!connection) return;
      const page = connection.edges.map((edge) => edge.node);
      setItems((current) => (replace ? page : [...current, ...page]));
      setCursor(connection.pageInfo.endCursor ?? null);
      setHasMore(connection.pageInfo.hasNextPage);
      setTotal(connection.totalCount);
    },
    // variablesKey stands for the variables' content (a new object each render).
    [client, document, pageSize, variablesKey],
  );

  useEffect(() => {
    void load(null, true);
  }, [load]);

  return {
    items,
    total,
    hasMore,
    loading,
    error,
    loadMore: () => void load(cursor, false),
    reload: () => void load(null, true),
    replace: (changed) =>
      setItems((current) => current.map((item) => (keyOf(item) === keyOf(changed) ? changed : item))),
  };
}
