import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import {
  dossierEndpoints as e,
  type DossierPartsUpdateInput,
  type DossierRequestOpenInput,
} from '../../../shared/api/dossiers';
import { nominationEndpoints } from '../../../shared/api/nominations';

// The response types are the contract's (shared/api/dossiers.ts).
export type { DossierRequest, NominationDossier } from '../../../shared/api/dossiers';

/** A written report or an opened tờ trình ticks the nominations' dossier checklists (decision 041). */
const refreshChecklists = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: [nominationEndpoints.get.path] });

/** A nomination's report of achievements: its parts, frozen or not (GET …/dossier). */
export function useNominationDossier(nominationId: number) {
  return useQuery({
    queryKey: ['dossier', 'nomination', nominationId],
    queryFn: () => callEndpoint(e.nominationDossier, { params: { id: nominationId } }),
  });
}

/** PUT …/dossier/parts. */
export function useSaveNominationParts(nominationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DossierPartsUpdateInput) =>
      callEndpoint(e.saveNominationParts, { params: { id: nominationId }, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(['dossier', 'nomination', nominationId], data);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
        refreshChecklists(queryClient),
      ]);
    },
  });
}

/** Where the report downloads. */
export const reportUrl = (nominationId: number, format: 'docx' | 'pdf') =>
  endpointUrl(format === 'docx' ? e.reportDocx : e.reportPdf, { params: { id: nominationId } });

/** A tờ trình (GET /api/dossier-requests/:id). */
export function useDossierRequest(requestId: number | null) {
  return useQuery({
    queryKey: ['dossier', 'request', requestId],
    queryFn: () => callEndpoint(e.request, { params: { id: requestId ?? 0 } }),
    enabled: requestId !== null,
  });
}

/** POST /api/plans/:id/dossier-requests: the unit's tờ trình for the round (made once). */
export function useOpenDossierRequest(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DossierRequestOpenInput) =>
      callEndpoint(e.openRequest, { params: { id: planId }, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(['dossier', 'request', data.id], data);
      return refreshChecklists(queryClient);
    },
  });
}

/** PUT /api/dossier-requests/:id/parts. */
export function useSaveRequestParts(requestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DossierPartsUpdateInput) =>
      callEndpoint(e.saveRequestParts, { params: { id: requestId }, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(['dossier', 'request', requestId], data);
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Where the tờ trình or its list downloads. */
export function requestUrl(requestId: number, doc: 'request' | 'list', format: 'docx' | 'pdf') {
  const endpoint =
    doc === 'request'
      ? format === 'docx'
        ? e.requestDocx
        : e.requestPdf
      : format === 'docx'
        ? e.listDocx
        : e.listPdf;
  return endpointUrl(endpoint, { params: { id: requestId } });
}
