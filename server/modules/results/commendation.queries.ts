import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { UnitBand } from './individual.rules';

/** SQL of what commendation reads from the results (see commendation.ts). */

export type QualifyingUnitRow = {
  unitId: number;
  unitName: string;
  score: number;
  percent: number;
  band: string;
  bandLabel: string;
  rank: number;
};

/** The plan's stored results whose band is one of `bandKeys`, in rank order. */
export async function listResultsInBands(
  db: Executor,
  planId: number,
  bandKeys: readonly string[],
): Promise<QualifyingUnitRow[]> {
  if (bandKeys.length === 0) return [];
  const { rows } = await sql<QualifyingUnitRow>`
    SELECT r.unit_id AS "unitId", u.display_name AS "unitName", r.total AS score, r.percent,
      r.band_key AS band, r.band_label AS "bandLabel", r.rank
    FROM evaluation_result r JOIN org_unit u ON u.id = r.unit_id
    WHERE r.plan_id = ${planId} AND r.band_key = ANY(${sql.val([...bandKeys])}::text[])
    ORDER BY r.rank, r.unit_id`.execute(db);
  return rows;
}

export type ChecklistItem = {
  index: number;
  text: string;
  met: boolean | null;
  note: string | null;
};

export type IndividualRow = {
  registrationId: number;
  personId: number;
  fullName: string;
  unitId: number;
  checklist: ChecklistItem[];
  /** The classification that counts: the unit's own result, else its nearest ancestor's. */
  unitBand: UnitBand | null;
};

/**
 * Every approved individual registration of the plan with its checklist (as confirmed so far)
 * and the classification of its unit (own result, else the nearest ancestor's: the same rule as
 * the checklist screen). One statement.
 */
export async function listIndividualsWithBands(
  db: Executor,
  planId: number,
): Promise<IndividualRow[]> {
  const { rows } = await sql<
    Omit<IndividualRow, 'unitBand'> & {
      bandUnitId: number | null;
      bandUnitName: string | null;
      bandKey: string | null;
      bandLabel: string | null;
    }
  >`
    SELECT r.id AS "registrationId", r.person_id AS "personId", pe.full_name AS "fullName",
      r.unit_id AS "unitId", b.unit_id AS "bandUnitId", b.display_name AS "bandUnitName",
      b.band_key AS "bandKey", b.band_label AS "bandLabel",
      COALESCE((SELECT json_agg(json_build_object('index', c.item_index, 'text', c.item_text,
          'met', c.met, 'note', c.note) ORDER BY c.item_index)
        FROM individual_check c WHERE c.registration_id = r.id), '[]'::json) AS checklist
    FROM registration r JOIN person pe ON pe.id = r.person_id JOIN org_unit u ON u.id = r.unit_id
      LEFT JOIN LATERAL (
        SELECT er.unit_id, ou.display_name, er.band_key, er.band_label
        FROM evaluation_result er JOIN org_unit ou ON ou.id = er.unit_id
        WHERE er.plan_id = r.plan_id AND ou.path @> u.path
        ORDER BY nlevel(ou.path) DESC, er.rank LIMIT 1) b ON true
    WHERE r.plan_id = ${planId} AND r.kind = 'individual' AND r.status = 'approved'
    ORDER BY r.id`.execute(db);
  return rows.map(({ bandUnitId, bandUnitName, bandKey, bandLabel, ...r }) => ({
    ...r,
    unitBand:
      bandUnitId === null || bandKey === null
        ? null
        : { unitId: bandUnitId, unitName: bandUnitName ?? '', bandKey, bandLabel: bandLabel ?? '' },
  }));
}
