import type { ColumnType, Generated } from 'kysely';
import type { DisciplineKind, HonourSource } from '../../shared/honours';

/**
 * Kysely's view of award history and discipline records (migration 0021, decision 036).
 * Re-exported by schema.ts, which assembles the `Database` interface.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface HonourTable {
  id: Generated<number>;
  personId: number | null;
  unitId: number | null;
  formVersionId: number | null;
  formCode: string | null;
  formName: string;
  year: number;
  period: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  issuer: string | null;
  achievement: string | null;
  /** bigint: parsed to a number by platform/db.ts. */
  amount: number | null;
  source: HonourSource;
  sourceRef: string | null;
  enteredBy: number | null;
  createdAt: Timestamp;
  removedAt: Timestamp | null;
  removedBy: number | null;
  removedReason: string | null;
}

export interface DisciplineRecordTable {
  id: Generated<number>;
  personId: number;
  kind: DisciplineKind;
  level: string | null;
  fromDate: string;
  toDate: string | null;
  reason: string;
  decisionRef: string | null;
  enteredBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
  removedAt: Timestamp | null;
  removedBy: number | null;
  removedReason: string | null;
}
