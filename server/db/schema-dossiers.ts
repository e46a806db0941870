import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A tờ trình of a proposing unit for a plan's round (decision 045). */
export interface DossierRequestTable {
  id: Generated<number>;
  planId: number;
  round: 'annual' | 'final' | 'ad_hoc';
  proposingUnitId: number;
  createdBy: number | null;
  createdAt: Timestamp;
}

/** A free-text part of a dossier document, owned by a nomination or a tờ trình (decision 045). */
export interface DossierTextTable {
  id: Generated<number>;
  nominationId: number | null;
  requestId: number | null;
  documentKind: 'report' | 'request';
  partKey: string;
  text: string;
  version: Generated<number>;
  updatedBy: number | null;
  updatedAt: Timestamp;
}
