import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint } from '../../api/endpoint';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { fillPath } from '../../../shared/api/endpoint';
import {
  planEndpoints as e,
  type CreatePlanInput,
  type PlanReading,
} from '../../../shared/api/campaigns';
import type { PlanImportJson } from '../../../shared/plan-reading';
import type { PlanContentDraft } from '../../../shared/campaign';

/**
 * Reading an existing plan document (POST /api/plans/import) and creating a draft from the
 * confirmed fields (POST /api/plans). Nothing is saved by the reading itself. The types are the
 * contract's (shared/api/campaigns.ts, shared/plan-reading.ts).
 */

export type { PlanDraft, PlanReading } from '../../../shared/api/campaigns';
export type { Evidence } from '../../../shared/plan-reading';
/** What the reader found in the text; absent values are null or []. */
export type FoundPlan = PlanImportJson;

export type ReadSource = { file: File } | { text: string };

export function useReadPlan() {
  return useMutation({
    mutationFn: (source: ReadSource): Promise<PlanReading> => {
      if ('file' in source) {
        const form = new FormData();
        form.append('file', source.file, source.file.name);
        return api.upload<ResponseOf<typeof e.read>>(fillPath(e.read.path), form);
      }
      return callEndpoint(e.read, { body: { text: source.text } });
    },
  });
}

/**
 * The CreatePlan body the import form builds: its full content (checked for doubtful values
 * before sending) and `importReview`, the values kept as they are (decision 017).
 */
export type CreatePlanBody = Omit<CreatePlanInput, 'content'> & { content: PlanContentDraft };

export function useCreatePlanFromImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => callEndpoint(e.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}
