/**
 * Nominations (đề nghị khen thưởng, issue 12 items 2–3, decision 038): a proposal that a person
 * or a collective receive an award form for a plan's round, travelling up the levels with
 * return for revision; the eligibility policy checked on the server. The only file other modules
 * may import.
 */
export { registerNominationRoutes } from './nominations.routes';
export {
  acceptNomination,
  approveNomination,
  createNomination,
  forwardNomination,
  getNomination,
  listNominationCandidates,
  listNominations,
  rejectNomination,
  returnNomination,
  submitNomination,
  withdrawNomination,
} from './nominations.service';
export { listApprovedNominations, type ApprovedNomination } from './approved.queries';
export {
  downloadNominationAttachment,
  removeNominationAttachment,
  uploadNominationAttachment,
} from './attachments.service';
export { addDossierItemsSource, dossierItemsPresent, type DossierItemsSource } from './levels';
export {
  checkEligibility,
  nextNominationStatus,
  type Eligibility,
  type EligibilityInput,
  type RuleFailure,
} from './nominations.rules';
export { nominationForDossier, type NominationForDossier } from './dossier-access';
export { listNominationsReceivedAt, type ReceivedNomination } from './received.queries';
