/**
 * Assessment (tự chấm điểm): score sheets — provision and opening, self-entry, evidence, the
 * self-assessment import, the work list, the plan's criteria binding — with the ONE sheet loader
 * (`loadSheet`), the ONE entry writer (`writeEntry`) and the ONE place a sheet's status changes
 * (`transitionSheet`, over the pure state machine `nextSheetStatus`). The only file other modules
 * may import.
 */
export { registerAssessmentRoutes } from './assessment.routes';
export {
  editableSheet,
  getSheet,
  loadSheet,
  openSheet,
  returnSheet,
  saveSelfEntry,
  submitSheet,
} from './assessment.service';
export {
  listEntries,
  listEvidence,
  touchSheet,
  type EntryRecord,
  type EvidenceRecord,
  type SheetChanges,
  type SheetRecord,
} from './assessment.queries';
export {
  actedForUnitSql,
  appraisedSheetSql,
  findEntryPoints,
  hasActedForUnit,
  hasAppraisedSheet,
  listPlanStageInputs,
  listStageEntries,
  sidesActed,
  writeEntry,
  type EntryBefore,
  type EntryExpectation,
  type EntryWrite,
} from './entry.queries';
export { transitionSheet } from './sheet-state';
export {
  isSelfStage,
  isSelfScored,
  nextSheetStatus,
  sheetEvents,
  sheetStatusLabels,
  sheetStatuses,
  type SheetEvent,
  type SheetStatus,
} from './assessment.rules';
export {
  ACTED_FOR_UNIT_REASON,
  APPRAISED_SHEET_REASON,
  appraiserPaths,
  canActForUnit,
  canViewSheet,
} from './assessment.policy';
export { assertResultsOpen, RESULTS_LOCKED_MESSAGE } from './plan-lock';
export { notifySheetEvent } from './sheet-notifications';
export { downloadEvidence, removeEvidence, uploadEvidence } from './evidence.service';
export { MAX_EVIDENCE_BYTES, checkEvidence } from './evidence.rules';
export { bindPlanCriteria } from './plan-criteria.service';
export { provideScoreSheets } from './sheet-provision';
export { countScoreSheetsWaiting, listScoreSheets } from './sheet-list.service';
export { listAssessmentDeadlines, type AssessmentDeadline } from './todo.queries';
export {
  getEvaluatedPlan,
  getEvaluatedPlanAndResults,
  planEvaluationContributions,
  setPlanEvaluation,
  type EvaluatedPlan,
} from './plan-evaluation.service';
export {
  getPlanEvaluation,
  getPlanEvaluationAndResults,
  joinPlanEvaluation,
  noPlanEvaluation,
  upsertPlanEvaluation,
  type PlanEvaluationSettings,
} from './plan-evaluation.queries';
export {
  getResultsState,
  isResultsPublished,
  joinResultsState,
  resultsOpen,
  resultsPublished,
  resultsStatus,
  updateResultsState,
  type ResultsState,
} from './results-state.queries';
