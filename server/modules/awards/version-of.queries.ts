import type { Executor } from '../../platform/db';
import type { AwardKind } from '../../../shared/awards';

/** The form a catalogue version belongs to (award decisions quote by form), or undefined. */
export async function formOfVersion(db: Executor, versionId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('awardFormVersion')
    .select('formId')
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row?.formId;
}

/** The kind (title or form) of each of these form versions. */
export async function kindsOfVersions(
  db: Executor,
  versionIds: readonly number[],
): Promise<Map<number, AwardKind>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('awardFormVersion')
    .select(['id', 'kind'])
    .where('id', 'in', versionIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}
