import { sql } from 'kysely';
import { carriedSections, type CarriedSection } from '../../../shared/campaign';
import type { Executor } from '../../platform/db';

/** SQL of the sections a child plan carries over from its parent, and their review. */

/** A section a child plan carried over from its parent, with its review. */
export type CarriedSectionRow = {
  section: CarriedSection;
  adapted: boolean;
  reviewedAt: Date | null;
  reviewedByName: string | null;
};

export async function insertCarriedSections(
  db: Executor,
  planId: number,
  rows: { section: CarriedSection; adapted: boolean }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('campaignPlanCarriedSection')
    .values(rows.map((r) => ({ planId, section: r.section, adapted: r.adapted })))
    .execute();
}

/** The plan's carried-over sections in the editor's order. */
export async function listCarriedSections(
  db: Executor,
  planId: number,
): Promise<CarriedSectionRow[]> {
  const rows = await db
    .selectFrom('campaignPlanCarriedSection as c')
    .leftJoin('userAccount as a', 'a.id', 'c.reviewedBy')
    .select(['c.section', 'c.adapted', 'c.reviewedAt', 'a.displayName as reviewedByName'])
    .where('c.planId', '=', planId)
    .execute();
  const order = (s: string) => carriedSections.indexOf(s as CarriedSection);
  return rows
    .map((r) => ({ ...r, section: r.section as CarriedSection }))
    .sort((a, b) => order(a.section) - order(b.section));
}

/** Marks a carried section reviewed (kept from the first review); false when not carried. */
export async function markCarriedSectionReviewed(
  db: Executor,
  planId: number,
  section: CarriedSection,
  by: number | null,
  at: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('campaignPlanCarriedSection')
    .set({
      reviewedAt: sql<Date>`coalesce(reviewed_at, ${at})`,
      reviewedBy: sql<
        number | null
      >`CASE WHEN reviewed_at IS NULL THEN ${by}::int ELSE reviewed_by END`,
    })
    .where('planId', '=', planId)
    .where('section', '=', section)
    .returning('planId')
    .executeTakeFirst();
  return row !== undefined;
}
