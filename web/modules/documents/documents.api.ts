import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Id } from '../../api/types';
import type { RegisterPage } from '../../../shared/documents';

export type { RegisterPage, RegisterRow } from '../../../shared/documents';

export type RegisterFilter = {
  year?: number;
  docType?: string;
  q?: string;
  page: number;
  pageSize: number;
};

const registerPath = (unitId: Id) => `/api/units/${unitId}/document-register`;

/** The register of outgoing documents of a unit (GET /api/units/:id/document-register). */
export function useDocumentRegister(unitId: Id | undefined, filter: RegisterFilter) {
  return useQuery({
    queryKey: ['document-register', String(unitId), filter],
    queryFn: () => api.get<RegisterPage>(registerPath(unitId ?? ''), filter),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx export of the same rows (same filters, unpaged). */
export function documentRegisterXlsxUrl(
  unitId: Id,
  filter: Omit<RegisterFilter, 'page' | 'pageSize'>,
) {
  return withQuery(`${registerPath(unitId)}.xlsx`, filter);
}

/** Cancels a number (POST /api/document-register/:entryId/cancel, reason required). */
export function useCancelNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, reason }: { entryId: number; reason: string }) =>
      api.post<{ id: number; status: string; reason: string }>(
        `/api/document-register/${entryId}/cancel`,
        { reason },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['document-register'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
