import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { getStoredFile, insertStoredFile } from '../../platform/storage';
import { requireXlsx } from '../../platform/upload';
import { refuseZipBomb } from '../../platform/untrusted/index';
import { assertCan, scopeFor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { defineJob, enqueueJob } from '../../platform/jobs';
import { parseInput, z } from '../../platform/validation';
import { ExportQuery, ImportFields } from '../../../shared/api/organization';
import { genderLabels, personCategoryLabels, unitKindLabels } from '../../../shared/org';
import { importPeople } from './import-people';
import { importUnits } from './import-units';
import * as pq from './people.queries';
import { PATH_SEPARATOR, PEOPLE_COLUMNS, UNIT_COLUMNS } from './xlsx-format';
import * as uq from './units.queries';
import { fileName } from '../../platform/file-name';
import { SHEET_OPTIONS, setupSheet } from '../../platform/spreadsheet';

const ImportPayload = z.object({
  type: z.enum(['people', 'units']),
  scopeUnitId: z.number().int(),
  fileId: z.string(),
});

/** The background job that runs an uploaded import (all or nothing, with progress). */
export const importJob = defineJob({
  kind: 'organization.import',
  payload: ImportPayload,
  // It reads an uploaded file: a crash while it runs fails it rather than crashing every restart.
  retryAfterCrash: false,
  async run(ctx, payload, progress, job) {
    const file = await getStoredFile(ctx.db, payload.fileId);
    const data = await ctx.storage.get(file.storageKey);
    const input = { scopeUnitId: payload.scopeUnitId, data, jobId: job.id };
    return payload.type === 'people'
      ? importPeople(ctx, input, progress)
      : importUnits(ctx, input, progress);
  },
});

const labels = { type: 'Loại dữ liệu', unitId: 'Đơn vị nhận dữ liệu', file: 'Tệp Excel' };

/**
 * Accepts an uploaded .xlsx for import into a unit the actor may import into (person.import; units
 * also need unit.manage), checks that the content really is an .xlsx (zip) file within the zip
 * guard's limits (VALIDATION_FAILED on "file" otherwise, nothing stored), stores it and queues
 * the import job. Returns the job id for the progress bar.
 */
export async function requestImport(
  ctx: Ctx,
  input: { type: unknown; unitId: unknown; fileName: string | undefined; data: Buffer | undefined },
) {
  const p = parseInput(ImportFields, { type: input.type, unitId: input.unitId }, labels);
  const upload = requireXlsx(input, { field: 'file', label: labels.file });
  // A zip bomb is refused now, before it is stored or queued (decision 031).
  refuseZipBomb(upload.data, { field: 'file', label: labels.file }, ctx.log);
  const unit = await uq.getUnit(ctx.db, p.unitId);
  assertCan(
    ctx.actor,
    'person.import',
    unit.path,
    'Bạn không có quyền nhập dữ liệu vào đơn vị này.',
  );
  if (p.type === 'units')
    assertCan(
      ctx.actor,
      'unit.manage',
      unit.path,
      'Bạn không có quyền thêm đơn vị vào đơn vị này.',
    );
  const stored = await ctx.storage.put(upload.data, upload.fileName);
  return ctx.db.transaction().execute(async (trx) => {
    const file = await insertStoredFile(trx, ctx, stored, {
      originalName: upload.fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const jobId = await enqueueJob(
      trx,
      importJob,
      { type: p.type, scopeUnitId: unit.id, fileId: file.id },
      actorId(ctx.actor),
    );
    await recordAudit(trx, ctx, {
      action: `import.${p.type}_requested`,
      entityType: 'job',
      entityId: jobId,
      unitPath: unit.path,
      after: { fileName: upload.fileName, sha256: stored.sha256, sizeBytes: stored.size },
    });
    return { jobId };
  });
}

async function exportScope(ctx: Ctx, unitId: number | undefined, action: 'person.export') {
  const scope = scopeFor(ctx.actor, action);
  let unitPath: string | undefined;
  let name = 'toàn bộ';
  if (unitId !== undefined) {
    const unit = await uq.getUnit(ctx.db, unitId);
    assertCan(ctx.actor, action, unit.path);
    unitPath = unit.path;
    name = unit.displayName;
  } else if (!scope.all && scope.paths.length === 0) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xuất dữ liệu.');
  }
  return { filter: { scope, unitPath }, name };
}

/** Name paths of units (" › "-joined) for export columns, loaded once per export. */
async function pathNames(ctx: Ctx, unitIds: number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await uq.listUnitNamePaths(ctx.db, unitIds, PATH_SEPARATOR);
  return new Map(rows.map((r) => [r.id, r.names]));
}

/**
 * Streams people (person.export, inside the actor's scope and the chosen unit) as an .xlsx in the
 * import format, in keyset-paged batches so memory stays flat on large exports.
 */
export async function exportPeople(ctx: Ctx, input: unknown) {
  const p = parseInput(ExportQuery, input, labels);
  const { filter, name } = await exportScope(ctx, p.unitId, 'person.export');
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet('Cán bộ', SHEET_OPTIONS);
  setupSheet(ws, PEOPLE_COLUMNS, 0);
  const write = async () => {
    let lastId = 0;
    const paths = new Map<number, string>();
    for (;;) {
      const rows = await pq.listPeopleForExport(
        ctx.db,
        { ...filter, search: p.search },
        lastId,
        2000,
      );
      if (rows.length === 0) break;
      const missing = [...new Set(rows.map((r) => r.unitId))].filter((u) => !paths.has(u));
      for (const [k, v] of await pathNames(ctx, missing)) paths.set(k, v);
      for (const r of rows) {
        ws.addRow([
          r.id,
          r.fullName,
          r.gender ? genderLabels[r.gender] : '',
          r.birthYear ?? '',
          personCategoryLabels[r.category],
          r.position ?? '',
          r.unitId,
          paths.get(r.unitId) ?? '',
          r.email ?? '',
          r.phone ?? '',
        ]).commit();
      }
      lastId = rows[rows.length - 1]?.id ?? lastId;
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((e: unknown) => stream.destroy(e instanceof Error ? e : new Error(String(e))));
  return { stream, fileName: fileName(['Cán bộ', name], 'xlsx') };
}

/** Streams the units of a subtree (person.export) in the import format. */
export async function exportUnits(ctx: Ctx, input: unknown) {
  const p = parseInput(ExportQuery, input, labels);
  const { filter, name } = await exportScope(ctx, p.unitId, 'person.export');
  const rows = await uq.listUnitsForExport(ctx.db, filter);
  const paths = await pathNames(ctx, [
    ...new Set(rows.map((r) => r.parentId).filter((x): x is number => x !== null)),
  ]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị', SHEET_OPTIONS);
  setupSheet(ws, UNIT_COLUMNS, 0);
  for (const r of rows) {
    ws.addRow([
      r.id,
      r.name,
      unitKindLabels[r.kind],
      r.adminCode ?? '',
      r.parentId ?? '',
      r.parentId === null ? '' : (paths.get(r.parentId) ?? ''),
      r.active ? 'Có' : 'Không',
    ]);
  }
  return {
    data: Buffer.from(await wb.xlsx.writeBuffer()),
    fileName: fileName(['Đơn vị', name], 'xlsx'),
  };
}
