/**
 * Criteria (bộ tiêu chí): versioned criteria trees, the example set, criteria .xlsx, and the pure
 * scoring rules over a tree. The only file other modules may import.
 */
export { registerCriteriaRoutes } from './criteria.routes';
export { ensureExampleCriteriaSet } from './criteria.example';
export { communeTemplate, communeTemplateLabel } from './templates/commune-100';
export {
  createCriteriaSet,
  getCriteriaVersion,
  publishCriteriaVersion,
  updateCriteriaDraft,
} from './criteria.service';
export {
  criteriaPublishedAtSql,
  findCriteriaVersion,
  loadCriteriaTree,
  publishedCriteriaTree,
} from './criteria.queries';
export { BindCriteria, criteriaLabels, type CriteriaVersionRecord } from './criteria.schemas';
export { countLeaves, findLeaf, findNode, treeLeaves } from './tree';
export * from './scoring.rules';
export type { CriteriaTree, CriterionNode, Band, Scoring } from '../../../shared/criteria';
