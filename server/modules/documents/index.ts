/**
 * Official documents (decision 024): the register of outgoing documents (sổ đăng ký văn bản đi)
 * every numbered document takes its number from, the generated-document store keyed by subject,
 * and the documents laid out per Decree 30/2020/NĐ-CP. Plans: `buildPlanOutline` (plain JSON, for
 * the web preview) and the .docx / .pdf renderers, both byte-identical for the same input.
 */
export { registerDocumentRoutes } from './documents.routes';
export {
  cancelNumber,
  cancelRegisterEntry,
  exportRegister,
  latestIssuedOn,
  listRegister,
  recordPaperNumber,
  takeNumber,
  type Subject,
  type TakenNumber,
} from './register.service';
export {
  documentSymbol,
  formatDocumentNumber,
  parseDocumentNumber,
  type Series,
} from './register.rules';
export { findGenerated, storeGenerated, type GeneratedKey } from './generated.service';
export {
  buildPlanOutline,
  type PlanDocumentInput,
  type PlanOutline,
  type PlanOutlineBlock,
} from './plan-document';
export {
  closingTable,
  headerTable,
  renderOutlineDocx,
  renderPlanDocx,
  titleBlock,
} from './plan-docx';
export {
  closingBlock,
  drawHeader,
  drawMarginals,
  drawTitle,
  renderOutlinePdf,
  renderPlanPdf,
} from './plan-pdf';
export type {
  OfficialBlock,
  OfficialOutline,
  OutlineCentred,
  OutlineTable,
} from './official-outline';
export {
  Layout,
  drawGridTable,
  fonts as pdfFonts,
  officialPdf,
  type Face as PdfFace,
  type GridColumn as PdfGridColumn,
} from './pdf-kit';
export { fixedDocumentDate, normaliseDocx } from './docx-package';
export {
  decimal,
  deepNfc,
  docTypeWords,
  groupThousands,
  headerLines,
  longDate,
  lowerFirst,
  numberLine,
  placeDateLine,
  punctuateList,
  roman,
  shortDate,
  stripEndPunctuation,
  upper,
} from './plan-format';
export {
  BODY_SPACING,
  LANDSCAPE_TEXT_WIDTH,
  TEXT_WIDTH,
  centred,
  gridTable,
  line,
  officialDocument,
  type GridColumn,
  rule,
  run,
  twoColumns,
  type RunStyle,
} from './docx-kit';
