import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { Gender } from '../../../shared/org';

/**
 * What the tie-break of Decree 152/2025 Art. 4(6) needs to know (a woman; a collective with at
 * least 70 % women): people's genders and the share of women among a unit's active people.
 */

/** Each person's recorded gender (null: not recorded). One statement. */
export async function listGenders(
  db: Executor,
  personIds: readonly number[],
): Promise<Map<number, Gender | null>> {
  if (personIds.length === 0) return new Map();
  const { rows } = await sql<{ id: number; gender: Gender | null }>`
    SELECT id, gender FROM person WHERE id = ANY(${sql.val([...personIds])}::int[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.gender]));
}

/**
 * The share of women (0..1) among the active people of each unit's subtree whose gender is
 * recorded; null when none is. One statement.
 */
export async function listWomenShares(
  db: Executor,
  unitIds: readonly number[],
): Promise<Map<number, number | null>> {
  if (unitIds.length === 0) return new Map();
  const { rows } = await sql<{ unitId: number; women: number; known: number }>`
    SELECT u.id AS "unitId",
      count(*) FILTER (WHERE p.gender = 'female')::int AS women,
      count(p.gender)::int AS known
    FROM org_unit u
      LEFT JOIN org_unit d ON d.path <@ u.path
      LEFT JOIN person p ON p.unit_id = d.id AND p.active
    WHERE u.id = ANY(${sql.val([...unitIds])}::int[])
    GROUP BY u.id`.execute(db);
  return new Map(rows.map((r) => [r.unitId, r.known === 0 ? null : r.women / r.known]));
}

/** Which of `unitIds` lie in the subtree of `ancestorId` (itself included). One statement. */
export async function listUnitsWithin(
  db: Executor,
  unitIds: readonly number[],
  ancestorId: number,
): Promise<Set<number>> {
  if (unitIds.length === 0) return new Set();
  const { rows } = await sql<{ id: number }>`
    SELECT u.id FROM org_unit u JOIN org_unit a ON a.id = ${ancestorId}
    WHERE u.id = ANY(${sql.val([...unitIds])}::int[]) AND u.path <@ a.path`.execute(db);
  return new Set(rows.map((r) => r.id));
}
