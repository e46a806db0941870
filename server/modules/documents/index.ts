/**
 * Official documents generated from the system's data, laid out per Decree 30/2020/NĐ-CP.
 * Plans: `buildPlanOutline` (plain JSON, for the web preview) and the .docx / .pdf renderers,
 * both byte-identical for the same input.
 */
export {
  buildPlanOutline,
  type PlanDocumentInput,
  type PlanOutline,
  type PlanOutlineBlock,
} from './plan-document';
export { renderPlanDocx } from './plan-docx';
export { renderPlanPdf } from './plan-pdf';
export { fixedDocumentDate, normaliseDocx } from './docx-package';
export { headerLines, longDate, lowerFirst, stripEndPunctuation } from './plan-format';
export {
  BODY_SPACING,
  LANDSCAPE_TEXT_WIDTH,
  TEXT_WIDTH,
  centred,
  line,
  officialDocument,
  rule,
  run,
  twoColumns,
  type RunStyle,
} from './docx-kit';
