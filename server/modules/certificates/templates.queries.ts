import { sql } from 'kysely';
import { pathInScope, type Scope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type { CertificateMode, FieldOffsets } from '../../../shared/certificates';

/** A template with its unit's name and path (for scope checks and the audit row). */
export type TemplateRecord = {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  name: string;
  formCode: string | null;
  mode: CertificateMode;
  offsets: FieldOffsets;
  version: number;
  updatedAt: Date;
};

export type TemplateValues = {
  name: string;
  formCode: string | null;
  mode: CertificateMode;
  offsets: FieldOffsets;
};

function selectTemplates(db: Executor) {
  return db
    .selectFrom('certificateTemplate as t')
    .innerJoin('orgUnit as u', 'u.id', 't.unitId')
    .select([
      't.id',
      't.unitId',
      'u.name as unitName',
      sql<string>`u.path::text`.as('unitPath'),
      't.name',
      't.formCode',
      't.mode',
      't.offsets',
      't.version',
      't.updatedAt',
    ]);
}

export function findTemplate(db: Executor, id: number): Promise<TemplateRecord | undefined> {
  return selectTemplates(db).where('t.id', '=', id).executeTakeFirst();
}

/** Templates of units within the scope (and under `unitPath` when given), by unit then name. */
export function listTemplates(
  db: Executor,
  scope: Scope,
  unitId: number | null,
): Promise<TemplateRecord[]> {
  let query = selectTemplates(db).where(pathInScope(scope, sql.ref('u.path')));
  if (unitId !== null) query = query.where('t.unitId', '=', unitId);
  return query.orderBy('u.name').orderBy('t.name').orderBy('t.id').limit(500).execute();
}

/** Inserts a template; undefined when the unit already has one of that name. */
export async function insertTemplate(
  db: Executor,
  unitId: number,
  values: TemplateValues,
  by: { userId: number | null; at: Date },
): Promise<number | undefined> {
  const row = await db
    .insertInto('certificateTemplate')
    .values({
      unitId,
      name: values.name,
      formCode: values.formCode,
      mode: values.mode,
      offsets: JSON.stringify(values.offsets),
      createdBy: by.userId,
      createdAt: by.at,
      updatedAt: by.at,
    })
    .onConflict((oc) => oc.constraint('certificate_template_name').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Updates at `version`; false when the row changed meanwhile (or is gone). */
export async function updateTemplate(
  db: Executor,
  id: number,
  version: number,
  values: TemplateValues,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('certificateTemplate')
    .set({
      name: values.name,
      formCode: values.formCode,
      mode: values.mode,
      offsets: JSON.stringify(values.offsets),
      version: sql`version + 1`,
      updatedAt: at,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** True when another template of the unit already has this name. */
export async function nameTaken(
  db: Executor,
  unitId: number,
  name: string,
  exceptId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('certificateTemplate')
    .select('id')
    .where('unitId', '=', unitId)
    .where('name', '=', name)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteTemplate(db: Executor, id: number): Promise<boolean> {
  const r = await db.deleteFrom('certificateTemplate').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
