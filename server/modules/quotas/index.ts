/**
 * Quotas as rules (issue 12 item 5, decision 037): the quota model's parser from a plan's text,
 * the pure selection within a quota (highest score down, Decree 152 Art. 4(6) tie-break, ties
 * for the council), the what-if over published results, and the enforcement primitive the
 * decision step calls inside its transaction. The only file other modules may import.
 */
export { registerQuotaRoutes } from './quotas.routes';
export { whatIfQuota, listQuotaCandidates, ruleOfPlanQuota } from './quotas.service';
export {
  selectWithinQuota,
  hasPriority,
  type QuotaCandidate,
  type QuotaOutcome,
  type QuotaSelection,
  type SelectOptions,
} from './quotas.rules';
export { parseQuotaText, type ParsedQuota } from './quota-text.rules';
export { claimQuota, releaseQuota, listQuotaUse, type QuotaClaim } from './quota-use';
