export { registerOrganizationRoutes } from './organization.routes';
export { importJob, requestImport } from './import.service';
export { createUnit } from './units.service';
export { createPerson } from './people.service';
export {
  findUnit,
  getUnit,
  refreshDisplayNames as refreshUnitDisplayNames,
  type UnitRecord,
} from './units.queries';
export { loadUnitResolver, type UnitResolver } from './unit-resolver';
export { listGenders, listUnitsWithin, listWomenShares } from './gender.queries';
