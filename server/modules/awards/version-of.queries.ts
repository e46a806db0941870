import type { Executor } from '../../platform/db';

/** The form a catalogue version belongs to (award decisions quote by form), or undefined. */
export async function formOfVersion(db: Executor, versionId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('awardFormVersion')
    .select('formId')
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row?.formId;
}
