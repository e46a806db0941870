import type { ColumnType, Generated } from 'kysely';
import type {
  AwardKind,
  AwardScope,
  AwardSubject,
  Decider,
  RoundingMode,
} from '../../shared/awards';

/**
 * Kysely's view of the award catalogue (migration 0020, decision 035): forms, their dated and
 * immutable versions, the base salary and the rounding rule. Re-exported by schema.ts, which
 * assembles the `Database` interface.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AwardFormTable {
  id: Generated<number>;
  code: string;
  scope: AwardScope;
  provinceUnitId: number | null;
  planId: number | null;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface AwardFormVersionTable {
  id: Generated<number>;
  formId: number;
  name: string;
  kind: AwardKind;
  subject: AwardSubject;
  /** numeric: parsed to a number by platform/db.ts. */
  coefficient: number | null;
  fixedAmount: number | null;
  deciders: Decider[];
  legalBasis: string | null;
  validFrom: string;
  /** Last day in force (inclusive); null: until the next version. */
  validTo: string | null;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface BaseSalaryTable {
  id: Generated<number>;
  amount: number;
  effectiveFrom: string;
  legalBasis: string;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface AwardRoundingTable {
  id: Generated<number>;
  effectiveFrom: string;
  mode: RoundingMode;
  step: number;
  legalBasis: string | null;
  createdBy: number | null;
  createdAt: Timestamp;
}
