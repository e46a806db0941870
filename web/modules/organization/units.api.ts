import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Id } from '../../api/types';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import {
  organizationEndpoints as e,
  type CreateUnitInput,
  type UpdateUnitInput,
} from '../../../shared/api/organization';
import { searchUnits, unitDetailQuery, unitKeys } from '../../ui/unit-fetch';

// The response types are the contract's (shared/api/organization.ts).
export type { PathItem, Unit, UnitDetail, UnitPermissions } from '../../../shared/api/organization';

export { unitKeys };

/** The unit's change history (a page of audit entries), for the history tab. */
export function unitHistoryUrl(id: Id): string {
  return endpointUrl(e.unitHistory, { params: { id } });
}

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

/** The unit form's fields (the parent is chosen elsewhere). */
export type UnitInput = Omit<CreateUnitInput, 'parentId'>;

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
    mutationFn: (body: CreateUnitInput) => callEndpoint(e.createUnit, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id } & UpdateUnitInput) =>
      callEndpoint(e.updateUnit, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export { useInvalidateOrg };
