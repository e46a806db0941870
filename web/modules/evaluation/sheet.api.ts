import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import type { CriteriaTree } from '../../../shared/criteria';

/** Score sheets (phiếu tự chấm điểm): server/modules/evaluation/assessment.service.ts (getSheet). */

export type SheetStatus =
  'self_draft' | 'submitted' | 'returned' | 'explaining' | 'explained' | 'appraised' | 'published';
/** 'explanation' = the unit's answer to an appraisal question (a note, no points). */
export type ScoreStage = 'self' | 'appraisal1' | 'appraisal2' | 'survey' | 'explanation';

/** Still in the unit's self-assessment (editable by the unit, no appraisal yet). */
export const isSelfStage = (status: SheetStatus) =>
  status === 'self_draft' || status === 'returned';

/** What a unit or appraiser enters for one leaf; each scoring method reads its own field. */
export type LeafInput = {
  met?: boolean;
  percent?: number;
  incidents?: number;
  points?: number;
  surveyScore?: number;
};

export type SheetEntry = {
  nodeId: string;
  stage: ScoreStage;
  input: unknown;
  points: number | null;
  note: string | null;
  scoredByName: string | null;
  scoredAt: string;
  version: number;
};

export type SheetEvidence = {
  id: number;
  nodeId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedByName: string | null;
  uploadedAt: string;
  /** The actor may remove it now (during an explanation round: files of that round only). */
  canDelete?: boolean;
};

export type SheetProblem = { nodeId: string; code: string; message: string };

export type ScoreSheet = {
  id: number;
  planId: number;
  planTitle: string;
  registrationId: number;
  unitId: number;
  unitName: string;
  criteriaVersionId: number;
  status: SheetStatus;
  submittedAt: string | null;
  returnedReason: string | null;
  /** Vietnam date, YYYY-MM-DD; null = no deadline. */
  assessmentDeadline: string | null;
  version: number;
  tree: CriteriaTree;
  entries: SheetEntry[];
  evidence: SheetEvidence[];
  self: {
    totals: Record<string, number>;
    /** One per non-adjustment field, in tree order. */
    fieldTotals: number[];
    base: number;
    adjustments: number;
    total: number;
    percent: number;
    missing: { nodeId: string; code: string }[];
  };
  problems: SheetProblem[];
  /** The plan's results are published: the sheet is locked for good. */
  resultsPublished?: boolean;
  permissions: {
    canEdit: boolean;
    canSubmit: boolean;
    canReturn: boolean;
    /** Evidence may be added now (also while explaining); absent on older servers = canEdit. */
    canAddEvidence?: boolean;
    /** With canAddEvidence: the leaves that take evidence; null = any self-scored leaf. */
    evidenceNodeIds?: string[] | null;
  };
};

export type SavedEntry = {
  nodeId: string;
  stage: 'self';
  points: number | null;
  note: string | null;
  version: number;
};

export const sheetPath = (id: Id, rest = '') =>
  `/api/score-sheets/${encodeURIComponent(String(id))}${rest}`;

export const sheetKeys = {
  all: ['score-sheets'] as const,
  detail: (id: Id) => ['score-sheets', String(id)] as const,
};

/** Where an evidence file downloads from. */
export function evidenceUrl(sheetId: Id, evidenceId: Id): string {
  return sheetPath(sheetId, `/evidence/${encodeURIComponent(String(evidenceId))}`);
}

/** The saved input of an entry, whatever the driver handed back (object or JSON text). */
export function entryInput(entry: { input: unknown } | null | undefined): LeafInput {
  let raw = entry?.input;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return {};
    }
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const n = (k: string) => (typeof r[k] === 'number' ? r[k] : undefined);
  return {
    met: typeof r.met === 'boolean' ? r.met : undefined,
    percent: n('percent'),
    incidents: n('incidents'),
    points: n('points'),
    surveyScore: n('surveyScore'),
  };
}

export function useScoreSheet(id: Id) {
  return useQuery({
    queryKey: sheetKeys.detail(id),
    queryFn: () => api.get<ScoreSheet>(sheetPath(id)),
  });
}

/** Opens (or finds) the sheet of an approved collective registration. */
export function useOpenSheet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: Id) =>
      api.post<ScoreSheet>(
        `/api/registrations/${encodeURIComponent(String(registrationId))}/score-sheet`,
      ),
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
      api.put<SavedEntry>(sheetPath(sheetId, `/self/${encodeURIComponent(b.nodeId)}`), {
        input: b.input,
        note: b.note,
        version: b.version,
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
      return api.upload<SheetEvidence>(sheetPath(sheetId, '/evidence'), form);
    },
    onSuccess: () => refresh(sheetId),
  });
}

export function useRemoveEvidence(sheetId: Id) {
  const refresh = useRefreshSheet();
  return useMutation({
    mutationFn: (evidenceId: Id) =>
      api.delete<{ id: number; removed: boolean }>(evidenceUrl(sheetId, evidenceId)),
    onSettled: () => refresh(sheetId),
  });
}

export function useSubmitSheet(sheetId: Id) {
  const refresh = useRefreshSheet();
  return useMutation({
    mutationFn: (version: number) =>
      api.post<ScoreSheet>(sheetPath(sheetId, '/submit'), { version }),
    onSuccess: (s) => refresh(sheetId, s),
  });
}

export function useReturnSheet(sheetId: Id) {
  const refresh = useRefreshSheet();
  return useMutation({
    mutationFn: (b: { version: number; reason: string }) =>
      api.post<ScoreSheet>(sheetPath(sheetId, '/return'), b),
    onSuccess: (s) => refresh(sheetId, s),
  });
}
