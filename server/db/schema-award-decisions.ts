import type { ColumnType, Generated } from 'kysely';
import type { DecisionDecider, DecisionStatus, ReplaceKind } from '../../shared/award-decisions';

/**
 * Kysely's view of award decisions (migration 0026, decision 042).
 * Re-exported by schema.ts, which assembles the `Database` interface.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface AwardDecisionTable {
  id: Generated<number>;
  unitId: number;
  decider: DecisionDecider;
  planId: number | null;
  title: string;
  legalBases: Json<string[]>;
  fundingSource: string;
  signerName: string;
  signerTitle: string;
  decisionDate: string;
  status: Generated<DecisionStatus>;
  registerEntryId: number | null;
  documentNumber: string | null;
  replacesId: number | null;
  replaceKind: ReplaceKind | null;
  reason: string | null;
  issuedAt: Timestamp | null;
  issuedBy: number | null;
  version: Generated<number>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface AwardDecisionRowTable {
  id: Generated<number>;
  decisionId: number;
  position: number;
  personId: number | null;
  unitId: number | null;
  name: string;
  positionText: string;
  achievement: string;
  formVersionId: number;
  formCode: string;
  formName: string;
  /** bigint: parsed to a number by platform/db.ts. */
  fixedAmount: number | null;
  amount: number;
  amountExplanation: string;
  goldenBookNumber: number | null;
  nominationId: number | null;
}

export interface GoldenBookSeriesTable {
  unitId: number;
  lastNumber: number;
}
