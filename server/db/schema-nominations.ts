import type { ColumnType, Generated } from 'kysely';
import type { NominationAction, NominationRound, NominationStatus } from '../../shared/nominations';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Nominations (migration 0023, decision 038). */
export interface NominationTable {
  id: Generated<number>;
  planId: number;
  round: NominationRound;
  personId: number | null;
  unitId: number | null;
  formVersionId: number;
  achievement: string;
  periodFrom: string;
  periodTo: string;
  proposingUnitId: number;
  currentUnitId: number;
  status: Generated<NominationStatus>;
  returnReason: string | null;
  /** The quota counters an approval claimed (migration 0025, decision 041). */
  quotaKeys: Generated<string[]>;
  version: Generated<number>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedBy: number | null;
  updatedAt: Timestamp;
}

export interface NominationStepTable {
  id: Generated<number>;
  nominationId: number;
  action: NominationAction;
  fromUnitId: number;
  toUnitId: number;
  reason: string | null;
  byUserId: number | null;
  at: Timestamp;
}

/** A file of a nomination's dossier (migration 0025, decision 041). */
export interface NominationAttachmentTable {
  id: Generated<number>;
  nominationId: number;
  dossierItem: string | null;
  fileId: string;
  uploadedBy: number | null;
  uploadedAt: Timestamp;
}
