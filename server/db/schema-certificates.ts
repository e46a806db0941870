import type { ColumnType, Generated } from 'kysely';
import type { CertificateMode, FieldOffsets } from '../../shared/certificates';

/**
 * Kysely's view of certificate templates (migration 0027, decision 043).
 * Re-exported by schema.ts, which assembles the `Database` interface.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CertificateTemplateTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  formCode: string | null;
  mode: CertificateMode;
  /** jsonb: written as a JSON string, read as the object. */
  offsets: ColumnType<FieldOffsets, string, string>;
  version: Generated<number>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
