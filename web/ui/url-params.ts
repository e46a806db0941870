/** Pure parts of the URL-held list state (url-list.ts): read the page, patch the parameters. */

/** The 1-based page from `?page=`; anything missing, zero, negative or not a number is page 1. */
export function pageParam(params: URLSearchParams): number {
  return Math.max(1, Number(params.get('page')) || 1);
}

/** A copy of `prev` with each key of `patch` set to its value, or removed when it is empty. */
export function patchParams(
  prev: URLSearchParams,
  patch: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(patch)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}
