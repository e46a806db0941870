import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { Id } from '../../api/types';
import { documentEndpoints as e } from '../../../shared/api/documents';

// The response types are the contract's (shared/api/documents.ts).
export type { RegisterPage, RegisterRow } from '../../../shared/api/documents';

export type RegisterFilter = {
  year?: number;
  docType?: string;
  q?: string;
  page: number;
  pageSize: number;
};

/** The register of outgoing documents of a unit (GET /api/units/:id/document-register). */
export function useDocumentRegister(unitId: Id | undefined, filter: RegisterFilter) {
  return useQuery({
    queryKey: ['document-register', String(unitId), filter],
    queryFn: () => callEndpoint(e.register, { params: { id: unitId ?? '' }, query: filter }),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx export of the same rows (same filters, unpaged). */
export function documentRegisterXlsxUrl(
  unitId: Id,
  filter: Omit<RegisterFilter, 'page' | 'pageSize'>,
) {
  return endpointUrl(e.registerXlsx, { params: { id: unitId }, query: filter });
}

/** Cancels a number (POST /api/document-register/:entryId/cancel, reason required). */
export function useCancelNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, reason }: { entryId: number; reason: string }) =>
      callEndpoint(e.cancel, { params: { entryId }, body: { reason } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['document-register'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
