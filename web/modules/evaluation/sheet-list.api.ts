import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import type { SheetStatus } from './sheet.api';

/**
 * The evaluation work list (GET /api/score-sheets, server/modules/evaluation/sheet-list.service.ts)
 * and the survey-score import of a plan (appraisal.routes.ts, survey.service.ts).
 */

export type SheetTodo = 'mine' | 'all';

/** Whose move it is on a sheet; null once it is appraised. */
export type WaitingFor = 'unit' | 'appraiser' | null;

export type SheetListItem = {
  id: number;
  planId: number;
  planTitle: string;
  /** The plan's document number ("62/KH-UBND"), null for a plan recorded without one. */
  planNumber: string | null;
  unitId: number;
  unitName: string;
  /** Ancestor names of the unit, root first, without the unit itself. */
  unitPath: string[];
  status: SheetStatus;
  version: number;
  submittedAt: string | null;
  updatedAt: string;
  /** Vietnam date, YYYY-MM-DD; null = no deadline. */
  assessmentDeadline: string | null;
  selfTotal: number;
  selfPercent: number;
  waitingFor: WaitingFor;
  /** The sheet waits for the signed-in user's side. */
  waitingForMe: boolean;
};

export type SheetListFilter = {
  todo: SheetTodo;
  status?: SheetStatus;
  planId?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export type SheetListPage = {
  items: SheetListItem[];
  total: number;
  page: number;
  pageSize: number;
};

/** Under the score sheets' key, so any change to a sheet refreshes the list too. */
export const sheetListKey = (filter: SheetListFilter) => ['score-sheets', 'list', filter] as const;

export function useSheetList(filter: SheetListFilter) {
  return useQuery({
    queryKey: sheetListKey(filter),
    queryFn: () => api.get<SheetListPage>('/api/score-sheets', filter),
    placeholderData: keepPreviousData,
  });
}

export type SurveyImportResult = {
  planId: number;
  fileName: string;
  imported: number;
  skipped: number;
  sheets: number;
};

const planPath = (planId: Id, rest: string) =>
  `/api/plans/${encodeURIComponent(String(planId))}${rest}`;

/** Where the survey-score template (.xlsx, one row per sheet and survey criterion) downloads. */
export const surveyTemplateUrl = (planId: Id) => planPath(planId, '/survey-scores/template.xlsx');

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
      return api.upload<SurveyImportResult>(planPath(planId, '/survey-scores'), form);
    },
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['plan-results'] }),
        qc.invalidateQueries({ queryKey: ['plan-dashboard', String(planId)] }),
        qc.invalidateQueries({ queryKey: ['score-sheets'] }),
      ]),
  });
}
