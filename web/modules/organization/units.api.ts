import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Unit } from '../../api/types';
import type { UnitKind } from '../../../shared/org';
import { searchUnits, unitDetailQuery, unitKeys } from '../../ui/unit-fetch';

export { unitKeys };

export function useUnit(id: Id | undefined) {
  return useQuery({ ...unitDetailQuery(id ?? ''), enabled: id !== undefined && id !== '' });
}

export function useUnitSearch(term: string) {
  return useQuery({
    queryKey: unitKeys.search(term),
    queryFn: () => searchUnits(term),
    enabled: term.length > 0,
  });
}

export type UnitInput = {
  name: string;
  kind: UnitKind;
  adminCode?: string | null;
  active?: boolean;
};

/** After any unit change: units, people (unit names/counts) and audit views may be stale. */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['units'] }),
      queryClient.invalidateQueries({ queryKey: ['people'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreateUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (body: UnitInput & { parentId: Id | null }) => api.post<Unit>('/api/units', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: Partial<UnitInput> & { id: Id; version: number; parentId?: Id }) =>
      api.patch<Unit>(`/api/units/${encodeURIComponent(String(id))}`, body),
    onSettled: invalidate,
  });
}

export { useInvalidateOrg };
