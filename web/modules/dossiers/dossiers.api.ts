import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import { dossierEndpoints as e, type DossierPartsUpdateInput } from '../../../shared/api/dossiers';

// The response types are the contract's (shared/api/dossiers.ts).
export type { DossierRequest, NominationDossier } from '../../../shared/api/dossiers';

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
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Where the report downloads. */
export const reportUrl = (nominationId: number, format: 'docx' | 'pdf') =>
  endpointUrl(format === 'docx' ? e.reportDocx : e.reportPdf, { params: { id: nominationId } });
