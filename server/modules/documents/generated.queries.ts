import type { Executor } from '../../platform/db';
import type { GeneratedKind } from '../../../shared/documents';

/** What a generated file was generated from: a subject at a version, in a format. */
export type GeneratedKey = {
  kind: GeneratedKind;
  id: number;
  version: number;
  format: 'docx' | 'pdf';
};

export async function findGeneratedFile(db: Executor, key: GeneratedKey) {
  return db
    .selectFrom('generatedDocument as g')
    .innerJoin('storedFile as f', 'f.id', 'g.fileId')
    .select(['f.storageKey', 'f.id as fileId'])
    .where('g.subjectKind', '=', key.kind)
    .where('g.subjectId', '=', key.id)
    .where('g.subjectVersion', '=', key.version)
    .where('g.format', '=', key.format)
    .executeTakeFirst();
}

/** Inserts the row unless one exists for the key; true when this insert kept its file. */
export async function insertGenerated(
  db: Executor,
  key: GeneratedKey,
  fileId: string,
  createdAt: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('generatedDocument')
    .values({
      subjectKind: key.kind,
      subjectId: key.id,
      subjectVersion: key.version,
      format: key.format,
      fileId,
      createdAt,
    })
    .onConflict((oc) => oc.constraint('generated_document_once').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteStoredFileRow(db: Executor, fileId: string): Promise<void> {
  await db.deleteFrom('storedFile').where('id', '=', fileId).execute();
}
