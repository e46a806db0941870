/**
 * Appraisal (thẩm định): the appraisal rounds, requests for explanation and the unit's answers,
 * bulk acceptance of self-scores, the side-by-side view, the survey import (a scoring stage the
 * appraised result adds) and the score sheet's export (.docx/.xlsx of every stage). Builds on
 * assessment's sheet loader, entry writer and state machine. The only file other modules may
 * import.
 */
export { registerAppraisalRoutes } from './appraisal.routes';
export {
  answerExplanation,
  completeAppraisal,
  requestExplanation,
  saveAppraisalEntry,
  submitExplanation,
} from './appraisal.service';
export { acceptSelfScores } from './appraisal.bulk';
export { sideBySide } from './appraisal.compare';
export { canAppraise } from './appraisal.policy';
export { importSurveyScores } from './survey.service';
export { exportSheetDocx, exportSheetXlsx } from './sheet-export.service';
