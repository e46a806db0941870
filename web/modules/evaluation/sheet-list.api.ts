import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { Id } from '../../api/types';
import { fillPath, type ResponseOf } from '../../../shared/api/endpoint';
import { assessmentEndpoints, type SheetStatus } from '../../../shared/api/assessment';
import { appraisalEndpoints as survey } from '../../../shared/api/appraisal';

/**
 * The evaluation work list (GET /api/score-sheets, server/modules/evaluation/sheet-list.service.ts)
 * and the survey-score import of a plan (appraisal.routes.ts, survey.service.ts).
 */

export type SheetTodo = 'mine' | 'all';

// The response types are the contract's (shared/api/assessment.ts, shared/api/appraisal.ts).
export type { SheetListItem, SheetListPage, WaitingFor } from '../../../shared/api/assessment';
export type { SurveyImportResult } from '../../../shared/api/appraisal';

export type SheetListFilter = {
  todo: SheetTodo;
  status?: SheetStatus;
  planId?: string;
  q?: string;
  page: number;
  pageSize: number;
};

/** Under the score sheets' key, so any change to a sheet refreshes the list too. */
export const sheetListKey = (filter: SheetListFilter) => ['score-sheets', 'list', filter] as const;

export function useSheetList(filter: SheetListFilter) {
  return useQuery({
    queryKey: sheetListKey(filter),
    queryFn: () => callEndpoint(assessmentEndpoints.list, { query: filter }),
    placeholderData: keepPreviousData,
  });
}

/** Where the survey-score template (.xlsx, one row per sheet and survey criterion) downloads. */
export const surveyTemplateUrl = (planId: Id) =>
  endpointUrl(survey.surveyTemplate, { params: { id: planId } });

/**
 * Imports survey scores from an .xlsx; all or nothing (row errors in the ApiError's `rows`).
 * Refreshes the plan's results, dashboard and score sheets.
 */
export function useImportSurveyScores(planId: Id) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ResponseOf<typeof survey.surveyImport>>(
        fillPath(survey.surveyImport.path, { id: planId }),
        form,
      );
    },
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['plan-results'] }),
        qc.invalidateQueries({ queryKey: ['plan-dashboard', String(planId)] }),
        qc.invalidateQueries({ queryKey: ['score-sheets'] }),
      ]),
  });
}
