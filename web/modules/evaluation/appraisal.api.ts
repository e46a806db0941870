import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import type { ScoringMethod } from '../../../shared/criteria';
import { sheetKeys, sheetPath } from './sheet.api';
import type { LeafInput, SheetStatus } from './sheet.api';

/**
 * Appraisal (thẩm định) and explanation (giải trình) of a score sheet:
 * server/modules/evaluation/appraisal.compare.ts (the side-by-side view) and appraisal.service.ts.
 */

export type AppraisalRound = 1 | 2;

/** One stage's score of one leaf. */
export type StageCell = {
  points: number | null;
  note: string | null;
  input: unknown;
  version: number;
  scoredByName: string | null;
  scoredAt: string;
  /** Round 1 only: scored before the sheet's last submission (it was returned and sent again). */
  stale?: boolean;
};

export type ComparedLeaf = {
  nodeId: string;
  code: string;
  title: string;
  maxPoints: number;
  method: ScoringMethod | null;
  /** False for survey leaves: their points come from the survey import. */
  appraised: boolean;
  self: StageCell | null;
  appraisal1: StageCell | null;
  appraisal2: StageCell | null;
  survey: StageCell | null;
  explanation: StageCell | null;
  /** Appraisal − self, null when either is missing. */
  diff1: number | null;
  diff2: number | null;
  changed: boolean;
  final: number | null;
  /**
   * The round-1 score is stale and the unit changed this leaf's self entry after it: it no
   * longer counts as appraised, the leaf must be scored again.
   */
  needsRescore: boolean;
};

export type StageRollUp = {
  totals: Record<string, number>;
  fieldTotals: number[];
  base: number;
  adjustments: number;
  total: number;
  percent: number;
  missing: { nodeId: string; code: string }[];
};

export type AppraisalPermissions = {
  round: AppraisalRound | null;
  canScore: boolean;
  canRequestExplanation: boolean;
  canComplete: boolean;
  canAnswer: boolean;
  canSubmitExplanation: boolean;
  /**
   * Why the conflict rules keep the actor from a step their role would allow now (they filled
   * the sheet in for the unit, or they appraised it); null otherwise.
   */
  blockedReason: string | null;
};

export type Appraisal = {
  id: number;
  planId: number;
  unitId: number;
  unitName: string;
  status: SheetStatus;
  /** The sheet's version (request-explanation, submit-explanation, complete, accept-self). */
  version: number;
  explanation: {
    reason: string | null;
    /** The leaves asked about; empty = the whole sheet. */
    nodeIds: string[];
    requestedAt: string | null;
    explainedAt: string | null;
  };
  appraisedAt: string | null;
  leaves: ComparedLeaf[];
  totals: {
    self: StageRollUp;
    appraisal1: StageRollUp;
    appraisal2: StageRollUp;
    final: StageRollUp;
  };
  /** The plan's results are published: nothing changes any more. */
  resultsPublished?: boolean;
  permissions: AppraisalPermissions;
};

export type AppraisalStage = 'appraisal1' | 'appraisal2';
export const stageOfRound = (round: AppraisalRound): AppraisalStage =>
  round === 1 ? 'appraisal1' : 'appraisal2';

export const appraisalKey = (id: Id) => [...sheetKeys.detail(id), 'appraisal'] as const;
const appraisalPath = (id: Id, rest = '') => sheetPath(id, `/appraisal${rest}`);

export function useAppraisal(id: Id, enabled: boolean) {
  return useQuery({
    queryKey: appraisalKey(id),
    queryFn: () => api.get<Appraisal>(appraisalPath(id)),
    enabled,
  });
}

/**
 * After a change: the side-by-side view (when the server returned it) goes into the cache; the
 * sheet (status, version, evidence) and the audit views are refetched. Invalidating the sheet's
 * key also refetches the appraisal view below it unless it was just set.
 */
function useRefresh(id: Id) {
  const queryClient = useQueryClient();
  return (view?: Appraisal) => {
    if (view) queryClient.setQueryData(appraisalKey(id), view);
    return Promise.all([
      queryClient.invalidateQueries({
        queryKey: sheetKeys.detail(id),
        predicate: (q) => !view || q.queryKey.length === sheetKeys.detail(id).length,
      }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  };
}

/** Writes a saved cell into the cached view at once (no flash of the old value). */
function usePatchLeaf(id: Id) {
  const queryClient = useQueryClient();
  return (nodeId: string, stage: 'appraisal1' | 'appraisal2' | 'explanation', cell: StageCell) =>
    queryClient.setQueryData<Appraisal>(appraisalKey(id), (view) =>
      view
        ? {
            ...view,
            leaves: view.leaves.map((l) => (l.nodeId === nodeId ? { ...l, [stage]: cell } : l)),
          }
        : view,
    );
}

export type SavedAppraisal = {
  nodeId: string;
  stage: AppraisalStage;
  points: number | null;
  note: string | null;
  version: number;
};

/** One leaf's score in the open round; CONFLICT when `version` is stale. */
export function useSaveAppraisal(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  const patch = usePatchLeaf(sheetId);
  return useMutation({
    mutationFn: (b: {
      nodeId: string;
      round: AppraisalRound;
      input: LeafInput;
      note: string | null;
      version: number;
    }) =>
      api.put<SavedAppraisal>(appraisalPath(sheetId, `/${encodeURIComponent(b.nodeId)}`), {
        round: b.round,
        input: b.input,
        note: b.note,
        version: b.version,
      }),
    onSuccess: (saved, b) =>
      patch(b.nodeId, saved.stage, {
        points: saved.points,
        note: saved.note,
        input: b.input,
        version: saved.version,
        scoredByName: null,
        scoredAt: new Date().toISOString(),
      }),
    onSettled: () => refresh(),
  });
}

/** Round 1: every leaf not yet appraised takes the unit's self-score. */
export function useAcceptSelf(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  return useMutation({
    mutationFn: (version: number) =>
      api.post<Appraisal & { accepted: number }>(appraisalPath(sheetId, '/accept-self'), {
        version,
      }),
    onSuccess: (view) => refresh(view),
  });
}

export function useRequestExplanation(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  return useMutation({
    mutationFn: (b: { version: number; reason: string; nodeIds: string[] }) =>
      api.post<Appraisal>(appraisalPath(sheetId, '/request-explanation'), b),
    onSuccess: (view) => refresh(view),
  });
}

export function useCompleteAppraisal(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  return useMutation({
    mutationFn: (version: number) =>
      api.post<Appraisal>(appraisalPath(sheetId, '/complete'), { version }),
    onSuccess: (view) => refresh(view),
  });
}

/** The unit's answer for one leaf asked about; CONFLICT when `version` is stale. */
export function useAnswerExplanation(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  const patch = usePatchLeaf(sheetId);
  return useMutation({
    mutationFn: (b: { nodeId: string; note: string; version: number }) =>
      api.put<{ nodeId: string; note: string; version: number }>(
        appraisalPath(sheetId, `/explanation/${encodeURIComponent(b.nodeId)}`),
        { note: b.note, version: b.version },
      ),
    onSuccess: (saved) =>
      patch(saved.nodeId, 'explanation', {
        points: null,
        note: saved.note,
        input: {},
        version: saved.version,
        scoredByName: null,
        scoredAt: new Date().toISOString(),
      }),
    onSettled: () => refresh(),
  });
}

export function useSubmitExplanation(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  return useMutation({
    mutationFn: (version: number) =>
      api.post<Appraisal>(appraisalPath(sheetId, '/submit-explanation'), { version }),
    onSuccess: (view) => refresh(view),
  });
}
