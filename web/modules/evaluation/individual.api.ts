import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';

/** An individual's checklist of the plan's criteria: server/modules/evaluation/individual.service.ts. */

export type ChecklistItem = {
  index: number;
  text: string;
  met: boolean | null;
  note: string | null;
  version: number;
  confirmedBy: { id: number; name: string } | null;
  confirmedAt: string | null;
  evidence: { fileId: string; fileName: string; contentType: string; sizeBytes: number } | null;
};

export type Checklist = {
  registrationId: number;
  planId: number;
  person: { id: number | null; fullName: string };
  unit: { id: number; name: string };
  items: ChecklistItem[];
  unitBand: { unitId: number; unitName: string; bandKey: string; bandLabel: string } | null;
  qualifyingBands: { key: string; label: string }[];
  resultsStatus: 'none' | 'computed' | 'published';
  eligible: boolean;
  reasons: string[];
  /** Why the checklist is read-only (server/modules/evaluation/results-lock.ts), null when open. */
  lock: {
    reason: 'results_published' | 'plan_cancelled';
    since: string | null;
    message: string;
    reopenBy: string | null;
    canReopen: boolean;
  } | null;
  permissions: { canConfirm: boolean };
};

const base = (registrationId: Id) =>
  `/api/registrations/${encodeURIComponent(String(registrationId))}/checklist`;

export const checklistEvidenceUrl = (registrationId: Id, index: number) =>
  `${base(registrationId)}/${index}/evidence`;

const key = (registrationId: Id) => ['individual-checklist', String(registrationId)] as const;

export function useChecklist(registrationId: Id, enabled = true) {
  return useQuery({
    queryKey: key(registrationId),
    queryFn: () => api.get<Checklist>(base(registrationId)),
    enabled,
  });
}

export function useConfirmItem(registrationId: Id) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { index: number; met: boolean | null; note: string | null; version: number }) =>
      api.put<Checklist>(`${base(registrationId)}/${v.index}`, {
        met: v.met,
        note: v.note,
        version: v.version,
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
      return api.upload<Checklist>(checklistEvidenceUrl(registrationId, index), form);
    },
    onSuccess: (data) => qc.setQueryData(key(registrationId), data),
    onError: () => qc.invalidateQueries({ queryKey: key(registrationId) }),
  });
}
