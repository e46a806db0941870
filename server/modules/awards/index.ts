/**
 * The award catalogue (danh mục khen thưởng, decision 035): titles and forms in dated, immutable
 * versions with their deciders and Decree 152 coefficients, the base salary and the rounding rule
 * as dated values, and the amount of an award on a decision date, explained.
 */
export { registerAwardRoutes } from './awards.routes';
export { ensureNationalCatalogue } from './awards.seed';
export { formOfVersion, kindsOfVersions } from './version-of.queries';
export {
  addAwardForm,
  addAwardFormVersion,
  addBaseSalary,
  getCatalogue,
  linkPlanRewardsOn,
  loadAmountTables,
  quoteAward,
  setRounding,
  type AwardQuote,
} from './awards.service';
export {
  awardAmount,
  versionOn,
  type AwardAmount,
  type AwardAmountInput,
  type BaseSalary,
  type FormVersion,
  type Rounding,
} from './awards.rules';
export {
  deciderOf,
  linkPlanReward,
  linkPlanRewards,
  type PlanReward,
  type PlanRewardLink,
} from './plan-link.rules';
