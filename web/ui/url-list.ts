import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './hooks';
import { pageParam, patchParams } from './url-params';

/**
 * The state of a list page that lives in the URL: `q` (search) and `page`, plus any other filter
 * the page reads from `params`. Typing in the search box drives the URL once it settles; a URL
 * change from elsewhere (Back) drives the box. `update` sets or clears parameters in place.
 */
export function useUrlListState() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageParam(params);
  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search.trim(), 300);

  const update = useCallback(
    (patch: Record<string, string | undefined>) =>
      setParams((prev) => patchParams(prev, patch), { replace: true }),
    [setParams],
  );

  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    if (debounced !== q) update({ q: debounced || undefined, page: undefined });
  });
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setSearch(q);
    }
  }, [q]);

  return { params, update, q, page, search, setSearch };
}
