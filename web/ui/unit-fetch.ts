/** Unit reads shared by the tree browser and every unit picker (query keys start with 'units'). */
import type { Id } from '../api/types';
import { callEndpoint } from '../api/endpoint';
import { organizationEndpoints as e, type Unit } from '../../shared/api/organization';

const PAGE = 100;

/** All children of a unit (or the actor's top units when parentId is null), page by page. */
export async function fetchAllUnits(parentId: Id | null): Promise<Unit[]> {
  const items: Unit[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await callEndpoint(e.listUnits, {
      query: {
        parentId: parentId === null ? undefined : String(parentId),
        page,
        pageSize: PAGE,
      },
    });
    items.push(...res.items);
    if (res.items.length === 0 || items.length >= res.total) break;
  }
  return items;
}

export const unitKeys = {
  all: ['units'] as const,
  children: (parentId: Id | null) =>
    ['units', 'children', parentId === null ? 'root' : String(parentId)] as const,
  search: (term: string) => ['units', 'search', term] as const,
  detail: (id: Id) => ['units', 'detail', String(id)] as const,
};

export function childrenQuery(parentId: Id | null) {
  return {
    queryKey: unitKeys.children(parentId),
    queryFn: () => fetchAllUnits(parentId),
    staleTime: 30_000,
  };
}

export function searchUnits(term: string) {
  return callEndpoint(e.listUnits, { query: { search: term, page: 1, pageSize: 30 } });
}

export function unitDetailQuery(id: Id) {
  return {
    queryKey: unitKeys.detail(id),
    queryFn: () => callEndpoint(e.unit, { params: { id } }),
  };
}
