/**
 * Award decisions (quyết định khen thưởng, issue 12 item 7, decision 042): drafted from approved
 * nominations or by hand, amounts quoted from the award catalogue on the decision date, issued
 * with a number from the unit's register and số sổ vàng, awards recorded in the honours; cancelled
 * or corrected only by a new decision; .docx and .pdf. The only file other modules may import.
 */
export { registerAwardDecisionRoutes } from './award-decisions.routes';
export {
  addDecisionRows,
  addFromNominations,
  createDecision,
  deleteDecision,
  getDecision,
  issueDecision,
  listDecisions,
  removeDecisionRows,
  replaceDecision,
  updateDecision,
} from './award-decisions.service';
export { decisionDocument } from './decision-files.service';
export { decisionCertificates, decisionPaymentList } from './decision-outputs.service';
export { buildDecisionOutline, type DecisionDocumentInput } from './decision-document';
export { renderDecisionDocx } from './decision-docx';
export { renderDecisionPdf } from './decision-pdf';
export {
  listPublishedDecisions,
  publishedDecisionPdf,
  type PublishedDecision,
  type PublishedFilter,
} from './published-decisions';
