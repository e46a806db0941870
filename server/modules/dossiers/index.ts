/**
 * Dossier documents (hồ sơ đề nghị khen thưởng, issue 12 item 6, decision 045): a nomination's
 * report of achievements (individual Mẫu 05, collective, thematic), a proposing unit's tờ trình
 * (Mẫu 01) for a plan's round and its list of nominees — generated from data as .docx and .pdf in
 * the Decree 30/2020 layout, with free-text parts the proposer writes, frozen on submission. The
 * only file other modules may import.
 */
export { registerDossierRoutes } from './dossiers.routes';
export {
  dossierRequestFile,
  getDossierRequest,
  getNominationDossier,
  nominationReportFile,
  openDossierRequest,
  saveNominationParts,
  saveRequestParts,
  type DossierFile,
} from './dossiers.service';
export { dossierDocumentsPresent, dossierItemsFromDocuments } from './present.queries';
export { dossierDocumentOfItem, frozenReason, reportVariant } from './dossiers.rules';
