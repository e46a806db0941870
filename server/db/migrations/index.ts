import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-planner-statistics';
import * as m0003 from './0003-campaigns';
import * as m0004 from './0004-registration-criteria';
import * as m0005 from './0005-assessment';
import * as m0006 from './0006-appraisal';
import * as m0007 from './0007-results';
import * as m0008 from './0008-individual-checklist';
import * as m0009 from './0009-plan-ranking';
import * as m0010 from './0010-notification-actor';
import * as m0011 from './0011-carried-sections';
import * as m0012 from './0012-plan-search';
import * as m0013 from './0013-unit-display-name';
import * as m0015 from './0015-plan-import-review';
import * as m0016 from './0016-document-register';
import * as m0017 from './0017-plan-evaluation-tables';
import * as m0018 from './0018-plan-item-ids';
import * as m0019 from './0019-audit-sealing';
import * as m0020 from './0020-award-catalogue';
import * as m0021 from './0021-honours';
import * as m0022 from './0022-quota-use';
import * as m0023 from './0023-nominations';
import * as m0024 from './0024-councils';
import * as m0025 from './0025-nomination-flow';
import * as m0026 from './0026-award-decisions';
import * as m0027 from './0027-certificate-templates';
import * as m0028 from './0028-meeting-place';
import * as m0029 from './0029-dossiers';

/** Migrations listed explicitly so they work the same under tsx, vitest and a bundle. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-planner-statistics': m0002,
  '0003-campaigns': m0003,
  '0004-registration-criteria': m0004,
  '0005-assessment': m0005,
  '0006-appraisal': m0006,
  '0007-results': m0007,
  '0008-individual-checklist': m0008,
  '0009-plan-ranking': m0009,
  '0010-notification-actor': m0010,
  '0011-carried-sections': m0011,
  '0012-plan-search': m0012,
  '0013-unit-display-name': m0013,
  '0015-plan-import-review': m0015,
  '0016-document-register': m0016,
  '0017-plan-evaluation-tables': m0017,
  '0018-plan-item-ids': m0018,
  '0019-audit-sealing': m0019,
  '0020-award-catalogue': m0020,
  '0021-honours': m0021,
  '0022-quota-use': m0022,
  '0023-nominations': m0023,
  '0024-councils': m0024,
  '0025-nomination-flow': m0025,
  '0026-award-decisions': m0026,
  '0027-certificate-templates': m0027,
  '0028-meeting-place': m0028,
  '0029-dossiers': m0029,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
