import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/**
 * The nominations a unit has received and not yet decided (submitted or forwarded to it, or
 * accepted there): what its council reviews (decision 044). A read for the councils module; the
 * caller checks that the actor may manage that unit's council.
 */
export type ReceivedNomination = {
  id: number;
  subjectKind: 'person' | 'unit';
  subjectName: string;
  formCode: string;
  formName: string;
  proposingUnitName: string;
  achievement: string;
};

/** The nominations waiting at `unitId` (all of them, or those among `ids`), oldest first. */
export async function listNominationsReceivedAt(
  db: Executor,
  unitId: number,
  ids?: readonly number[],
): Promise<ReceivedNomination[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const r = await sql<ReceivedNomination>`
    SELECT n.id,
      CASE WHEN n.person_id IS NULL THEN 'unit' ELSE 'person' END AS "subjectKind",
      coalesce(p.full_name, su.display_name) AS "subjectName",
      f.code AS "formCode", v.name AS "formName",
      pu.display_name AS "proposingUnitName", n.achievement
    FROM nomination n
    JOIN award_form_version v ON v.id = n.form_version_id
    JOIN award_form f ON f.id = v.form_id
    JOIN org_unit pu ON pu.id = n.proposing_unit_id
    LEFT JOIN person p ON p.id = n.person_id
    LEFT JOIN org_unit su ON su.id = n.unit_id
    WHERE n.current_unit_id = ${unitId}
      AND n.status IN ('submitted', 'forwarded', 'accepted')
      ${ids === undefined ? sql`` : sql`AND n.id = ANY(${[...ids]}::int[])`}
    ORDER BY n.id`.execute(db);
  return r.rows;
}
