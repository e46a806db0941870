import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { Id } from '../../api/types';
import type { LeafInput } from '../../../shared/criteria';
import { fillPath, type ResponseOf } from '../../../shared/api/endpoint';
import {
  assessmentEndpoints as e,
  type ScoreSheet,
  type SheetEntry,
} from '../../../shared/api/assessment';

/** Score sheets (phiếu tự chấm điểm): the contract's assessment endpoints (shared/api/assessment.ts). */

// The response types are the contract's.
export {
  isSelfStage,
  type SavedSelfEntry as SavedEntry,
  type ScoreSheet,
  type ScoreStage,
  type SheetEntry,
  type SheetEvidence,
  type SheetProblem,
  type SheetStatus,
} from '../../../shared/api/assessment';
export type { LeafInput } from '../../../shared/criteria';

export const sheetKeys = {
  all: ['score-sheets'] as const,
  detail: (id: Id) => ['score-sheets', String(id)] as const,
};

/** Where an evidence file downloads from. */
export function evidenceUrl(sheetId: Id, evidenceId: Id): string {
  return endpointUrl(e.downloadEvidence, { params: { id: sheetId, evidenceId } });
}

/** The saved input of an entry (the contract's LeafInput), or none. */
export function entryInput(entry: { input: LeafInput } | null | undefined): LeafInput {
  return entry?.input ?? {};
}

export function useScoreSheet(id: Id) {
  return useQuery({
    queryKey: sheetKeys.detail(id),
    queryFn: () => callEndpoint(e.get, { params: { id } }),
  });
}

/** Opens (or finds) the sheet of an approved collective registration. */
export function useOpenSheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: Id) => callEndpoint(e.open, { params: { id: registrationId } }),
    onSuccess: (s) => queryClient.setQueryData(sheetKeys.detail(s.id), s),
  });
}

/** After a change the roll-up, problems and audit views are stale: refetch the sheet. */
function useRefreshSheet() {
  const queryClient = useQueryClient();
  return (id: Id, s?: ScoreSheet) => {
    if (s) queryClient.setQueryData(sheetKeys.detail(id), s);
    return Promise.all([
      s ? undefined : queryClient.invalidateQueries({ queryKey: sheetKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  };
}

/** Saves one leaf's figures and explanation (CONFLICT when `version` is stale). */
export function useSaveSelfEntry(sheetId: Id) {
  const refresh = useRefreshSheet();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (b: { nodeId: string; input: LeafInput; note: string | null; version: number }) =>
      callEndpoint(e.saveSelf, {
        params: { id: sheetId, nodeId: b.nodeId },
        body: { input: b.input, note: b.note, version: b.version },
      }),
    // Show the saved figures at once (no flash of the old entry), then refetch the roll-up.
    onSuccess: (saved, b) =>
      queryClient.setQueryData<ScoreSheet>(sheetKeys.detail(sheetId), (s) => {
        if (!s) return s;
        const entry: SheetEntry = {
          ...saved,
          input: b.input,
          scoredByName: null,
          scoredAt: new Date().toISOString(),
        };
        const rest = s.entries.filter((e) => !(e.stage === 'self' && e.nodeId === b.nodeId));
        return { ...s, entries: [...rest, entry] };
      }),
    onSettled: () => refresh(sheetId),
  });
}

/** The key of a sheet's evidence uploads, so other controls can wait while one is running. */
export const evidenceUploadKey = (sheetId: Id) => ['score-sheet-evidence-upload', String(sheetId)];

export function useUploadEvidence(sheetId: Id) {
  const refresh = useRefreshSheet();
  return useMutation({
    mutationKey: evidenceUploadKey(sheetId),
    mutationFn: ({ nodeId, file }: { nodeId: string; file: File }) => {
      const form = new FormData();
      form.append('nodeId', nodeId);
      form.append('file', file, file.name);
      return api.upload<ResponseOf<typeof e.uploadEvidence>>(
        fillPath(e.uploadEvidence.path, { id: sheetId }),
        form,
      );
    },
    onSuccess: () => refresh(sheetId),
  });
}

export function useRemoveEvidence(sheetId: Id) {
  const refresh = useRefreshSheet();
  return useMutation({
    mutationFn: (evidenceId: Id) =>
      callEndpoint(e.removeEvidence, { params: { id: sheetId, evidenceId } }),
    onSettled: () => refresh(sheetId),
  });
}

export function useSubmitSheet(sheetId: Id) {
  const refresh = useRefreshSheet();
  return useMutation({
    mutationFn: (version: number) =>
      callEndpoint(e.submit, { params: { id: sheetId }, body: { version } }),
    onSuccess: (s) => refresh(sheetId, s),
  });
}

export function useReturnSheet(sheetId: Id) {
  const refresh = useRefreshSheet();
  return useMutation({
    mutationFn: (b: { version: number; reason: string }) =>
      callEndpoint(e.return, { params: { id: sheetId }, body: b }),
    onSuccess: (s) => refresh(sheetId, s),
  });
}

/** The sheet's fill-in workbook for the self-assessment (current figures filled in). */
export const selfTemplateUrl = (sheetId: Id) =>
  endpointUrl(e.selfTemplate, { params: { id: sheetId } });

/** The sheet as .xlsx. */
export const sheetXlsxUrl = (sheetId: Id) => endpointUrl(e.exportXlsx, { params: { id: sheetId } });

/** The sheet as .docx (the printed self-assessment). */
export const sheetDocxUrl = (sheetId: Id) => endpointUrl(e.exportDocx, { params: { id: sheetId } });

/** Imports the filled template back; all or nothing (row errors in the ApiError's `rows`). */
export function useImportSelf(sheetId: Id) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ResponseOf<typeof e.selfImport>>(
        fillPath(e.selfImport.path, { id: sheetId }),
        form,
      );
    },
    // The answer carries the sheet as getSheet reads it after the import.
    onSuccess: (r) => {
      qc.setQueryData(sheetKeys.detail(sheetId), r.sheet);
      return qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
