import { sql } from 'kysely';
import type { UnitKind } from '../../../shared/org';
import type { Executor } from '../../platform/db';
import { joinPlanEvaluation, joinResultsState, resultsPublished } from '../assessment/index';

/**
 * The score-sheet export's context (sheet-export.service.ts), read in ONE query inside the
 * export's repeatable-read snapshot. It joins other modules' tables directly (campaign_plan and
 * org_unit for the issuer and the unit's place, results' evaluation_result for the rank) rather
 * than calling each module's index: one round trip for the whole title block, and the rank read
 * without appraisal depending on results (which comes after it). The criteria set's name and
 * version number come from criteria's index (`findCriteriaVersion`).
 */

export type ExportContext = {
  planNumber: string | null;
  issuedOn: string | null;
  bands: unknown;
  resultsPublished: boolean;
  issuerName: string;
  issuerKind: UnitKind;
  /** The unit's own name: the export adds its place below the issuer itself. */
  unitOwnName: string;
  unitKind: UnitKind;
  parentName: string | null;
  parentKind: UnitKind | null;
  unitPlace: string[];
  rank: number | null;
};

/** Plan, issuer, the unit's place below the issuer and the published rank. */
export async function exportContext(db: Executor, sheetId: number): Promise<ExportContext> {
  const { rows } = await sql<ExportContext>`
    SELECT p.document_number AS "planNumber", p.issued_on::text AS "issuedOn", pe.bands,
      ${resultsPublished} AS "resultsPublished",
      iu.name AS "issuerName", iu.kind AS "issuerKind", u.name AS "unitOwnName",
      u.kind AS "unitKind",
      pa.name AS "parentName", pa.kind AS "parentKind",
      COALESCE((SELECT array_agg(a.name ORDER BY nlevel(a.path)) FROM org_unit a
        WHERE a.path @> u.path AND a.id <> u.id AND nlevel(a.path) > nlevel(iu.path)),
        '{}') AS "unitPlace",
      (SELECT r.rank FROM evaluation_result r WHERE r.sheet_id = s.id) AS rank
    FROM score_sheet s JOIN campaign_plan p ON p.id = s.plan_id
      JOIN org_unit iu ON iu.id = p.issuing_unit_id JOIN org_unit u ON u.id = s.unit_id
      LEFT JOIN org_unit pa ON pa.id = u.parent_id
      ${joinPlanEvaluation(sql.ref('p.id'))} ${joinResultsState(sql.ref('p.id'))}
    WHERE s.id = ${sheetId}`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error(`score sheet ${sheetId} vanished during the export`);
  return row;
}
