/**
 * Award history (khen thưởng đã nhận) of people and collectives, imported from .xlsx or entered by
 * hand, and recorded by issued decisions through `recordHonours`; suggestions from history; the
 * discipline, investigation and complaint records that block an award (decision 036).
 */
export { registerHonourRoutes } from './honours.routes';
export {
  addHonour,
  getPersonHonours,
  getUnitHonours,
  historyOfPeople,
  historyOfUnits,
  recordHonours,
  removeHonour,
  type DecidedHonour,
} from './honours.service';
export {
  addDiscipline,
  disciplineOfPeople,
  listDiscipline,
  removeDiscipline,
  updateDiscipline,
} from './discipline.service';
export { importHonours } from './import-honours';
export { annulDecisionHonours } from './decision-honours';
export {
  consecutiveYears,
  suggestionsFromHistory,
  SUGGESTION_RULES,
  type HistoryEntry,
  type Suggestion,
} from './honours.rules';
export {
  achievementsCountFrom,
  blockingRecords,
  type BlockingRecord,
  type DisciplineFacts,
} from './discipline.rules';
