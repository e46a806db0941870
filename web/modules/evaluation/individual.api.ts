import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { Id } from '../../api/types';
import { fillPath, type ResponseOf } from '../../../shared/api/endpoint';
import { resultsEndpoints as e } from '../../../shared/api/results';

/** An individual's checklist of the plan's criteria: server/modules/evaluation/individual.service.ts. */

// The response types are the contract's (shared/api/results.ts).
export type { Checklist, ChecklistItem } from '../../../shared/api/results';

export const checklistEvidenceUrl = (registrationId: Id, index: number) =>
  endpointUrl(e.itemEvidence, { params: { id: registrationId, index } });

const key = (registrationId: Id) => ['individual-checklist', String(registrationId)] as const;

export function useChecklist(registrationId: Id, enabled = true) {
  return useQuery({
    queryKey: key(registrationId),
    queryFn: () => callEndpoint(e.checklist, { params: { id: registrationId } }),
    enabled,
  });
}

export function useConfirmItem(registrationId: Id) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { index: number; met: boolean | null; note: string | null; version: number }) =>
      callEndpoint(e.confirmItem, {
        params: { id: registrationId, index: v.index },
        body: { met: v.met, note: v.note, version: v.version },
      }),
    onSuccess: (data) => qc.setQueryData(key(registrationId), data),
    onError: () => qc.invalidateQueries({ queryKey: key(registrationId) }),
  });
}

export function useAttachItemEvidence(registrationId: Id) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ index, file, version }: { index: number; file: File; version: number }) => {
      const form = new FormData();
      form.append('version', String(version));
      form.append('file', file, file.name);
      return api.upload<ResponseOf<typeof e.attachItemEvidence>>(
        fillPath(e.attachItemEvidence.path, { id: registrationId, index }),
        form,
      );
    },
    onSuccess: (data) => qc.setQueryData(key(registrationId), data),
    onError: () => qc.invalidateQueries({ queryKey: key(registrationId) }),
  });
}
