import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint, endpointKey, endpointUrl } from '../../api/endpoint';
import { fillPath, type ResponseOf } from '../../../shared/api/endpoint';
import { organizationEndpoints } from '../../../shared/api/organization';
import {
  nominationEndpoints as e,
  type NominationCreateInput,
} from '../../../shared/api/nominations';

export type {
  Nomination,
  NominationAttachment,
  NominationCandidates,
  NominationList,
} from '../../../shared/api/nominations';

/** The candidates the plan's published results prefill (GET /api/plans/:id/nomination-candidates). */
export function useNominationCandidates(planId: number) {
  return useQuery({
    queryKey: endpointKey(e.candidates, { params: { id: planId } }),
    queryFn: () => callEndpoint(e.candidates, { params: { id: planId } }),
    retry: false,
  });
}

/** A plan's nominations the caller may see. */
export function useNominations(planId: number) {
  return useQuery({
    queryKey: endpointKey(e.list, { params: { id: planId } }),
    queryFn: () => callEndpoint(e.list, { params: { id: planId } }),
  });
}

/** One nomination with its history, checklist, files and quota use (null: none chosen). */
export function useNomination(id: number | null) {
  return useQuery({
    queryKey: endpointKey(e.get, { params: { id: id ?? 0 } }),
    queryFn: () => callEndpoint(e.get, { params: { id: id ?? 0 } }),
    enabled: id !== null,
  });
}

/** Refreshes the list and the nomination after a change. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [e.list.path] }),
      queryClient.invalidateQueries({ queryKey: [e.get.path] }),
      // A submission freezes the dossier's parts (decision 045).
      queryClient.invalidateQueries({ queryKey: ['dossier'] }),
    ]);
}

export function useCreateNomination(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NominationCreateInput) =>
      callEndpoint(e.create, { params: { id: planId }, body }),
    onSuccess: refresh,
  });
}

/** The moves of a nomination; return and reject carry a reason. */
export type NominationMoveInput =
  | { move: 'submit' | 'accept' | 'forward' | 'approve' | 'withdraw'; version: number }
  | { move: 'return' | 'reject'; version: number; reason: string };

export function useMoveNomination(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (m: NominationMoveInput) => {
      const params = { id };
      switch (m.move) {
        case 'return':
        case 'reject':
          return callEndpoint(e[m.move], {
            params,
            body: { version: m.version, reason: m.reason },
          });
        case 'submit':
          return callEndpoint(e.submit, { params, body: { version: m.version } });
        default:
          return callEndpoint(e[m.move], { params, body: { version: m.version } });
      }
    },
    onSettled: refresh,
  });
}

export function useUploadAttachment(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ dossierItem, file }: { dossierItem: string | null; file: File }) => {
      const form = new FormData();
      if (dossierItem !== null) form.append('dossierItem', dossierItem);
      form.append('file', file, file.name);
      return api.upload<ResponseOf<typeof e.uploadAttachment>>(
        fillPath(e.uploadAttachment.path, { id }),
        form,
      );
    },
    onSuccess: refresh,
  });
}

export function useRemoveAttachment(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (attachmentId: number) =>
      callEndpoint(e.removeAttachment, { params: { id, attachmentId } }),
    onSettled: refresh,
  });
}

export const attachmentUrl = (id: number, attachmentId: number) =>
  endpointUrl(e.downloadAttachment, { params: { id, attachmentId } });

/** People to nominate by hand, searched by name (GET /api/people, the caller's scope). */
export function usePeopleToNominate(search: string) {
  return useQuery({
    queryKey: endpointKey(organizationEndpoints.listPeople, {
      query: { search, pageSize: 20, active: 'true' },
    }),
    queryFn: () =>
      callEndpoint(organizationEndpoints.listPeople, {
        query: { search, pageSize: 20, active: 'true' },
      }),
    enabled: search.trim().length >= 2,
  });
}
