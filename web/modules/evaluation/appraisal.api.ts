import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint } from '../../api/endpoint';
import type { Id } from '../../api/types';
import type { LeafInput } from '../../../shared/criteria';
import {
  appraisalEndpoints as e,
  type Appraisal,
  type AppraisalRound,
  type StageCell,
} from '../../../shared/api/appraisal';
import { sheetKeys } from './sheet.api';

/**
 * Appraisal (thẩm định) and explanation (giải trình) of a score sheet:
 * server/modules/evaluation/appraisal.compare.ts (the side-by-side view) and appraisal.service.ts.
 */

// The response types are the contract's (shared/api/appraisal.ts).
export {
  stageOfRound,
  type AppraisalRollUp as StageRollUp,
  type Appraisal,
  type AppraisalPermissions,
  type AppraisalRound,
  type AppraisalStage,
  type ComparedLeaf,
  type SavedAppraisal,
  type StageCell,
} from '../../../shared/api/appraisal';

export const appraisalKey = (id: Id) => [...sheetKeys.detail(id), 'appraisal'] as const;

export function useAppraisal(id: Id, enabled: boolean) {
  return useQuery({
    queryKey: appraisalKey(id),
    queryFn: () => callEndpoint(e.get, { params: { id } }),
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
      callEndpoint(e.save, {
        params: { id: sheetId, nodeId: b.nodeId },
        body: { round: b.round, input: b.input, note: b.note, version: b.version },
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
      callEndpoint(e.acceptSelf, { params: { id: sheetId }, body: { version } }),
    onSuccess: (view) => refresh(view),
  });
}

export function useRequestExplanation(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  return useMutation({
    mutationFn: (b: { version: number; reason: string; nodeIds: string[] }) =>
      callEndpoint(e.requestExplanation, { params: { id: sheetId }, body: b }),
    onSuccess: (view) => refresh(view),
  });
}

export function useCompleteAppraisal(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  return useMutation({
    mutationFn: (version: number) =>
      callEndpoint(e.complete, { params: { id: sheetId }, body: { version } }),
    onSuccess: (view) => refresh(view),
  });
}

/** The unit's answer for one leaf asked about; CONFLICT when `version` is stale. */
export function useAnswerExplanation(sheetId: Id) {
  const refresh = useRefresh(sheetId);
  const patch = usePatchLeaf(sheetId);
  return useMutation({
    mutationFn: (b: { nodeId: string; note: string; version: number }) =>
      callEndpoint(e.answerExplanation, {
        params: { id: sheetId, nodeId: b.nodeId },
        body: { note: b.note, version: b.version },
      }),
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
      callEndpoint(e.submitExplanation, { params: { id: sheetId }, body: { version } }),
    onSuccess: (view) => refresh(view),
  });
}
