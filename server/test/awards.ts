import { sql } from 'kysely';
import type { Db } from '../platform/db';

/**
 * Test helpers over the award catalogue (after `ensureNationalCatalogue`): the newest version of a
 * national form by its code ("LDTT", "CSTDCS", "BK_TINH_CN"…), which nominations and decisions name.
 */
export async function nationalFormVersion(db: Db, code: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    SELECT v.id FROM award_form_version v JOIN award_form f ON f.id = v.form_id
    WHERE f.code = ${code} AND f.scope = 'national' ORDER BY v.valid_from DESC LIMIT 1`.execute(db);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no form ${code}`);
  return id;
}
