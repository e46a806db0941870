import type { Ctx } from '../../platform/context';
import { AppError, type RowError } from '../../platform/errors';
import { assertCan } from '../../platform/access';
import { recordAudit, type AuditInput } from '../../platform/audit';
import type { Progress } from '../../platform/jobs';
import { foldVietnamese, nfc, squish } from '../../platform/text';
import { unitKindLabels, type UnitKind } from '../../../shared/org';
import { containmentError } from './organization.rules';
import { UNIT_COLUMNS } from './xlsx-format';
import { readImportSheet } from '../../platform/spreadsheet';
import { loadUnitResolver } from './unit-resolver';
import * as uq from './units.queries';
import * as iq from './import.queries';
import {
  MAX_REPORTED_ROW_ERRORS,
  importOutcomeTarget,
  recordedImportOutcome,
} from './import-people';

const kindByFolded = new Map<string, UnitKind>(
  Object.entries(unitKindLabels).flatMap(([k, v]) => [
    [foldVietnamese(v), k as UnitKind],
    [k.replace(/_/g, ' '), k as UnitKind],
  ]),
);

/**
 * Imports units under the scope unit. A row's parent may be an existing unit or a row above it in
 * the same file. All or nothing, like the people import. Rows with an ID update that unit's name,
 * kind, code and active flag (moving units is done on the unit page, not by import).
 */
export async function importUnits(
  ctx: Ctx,
  input: { scopeUnitId: number; data: Buffer; jobId?: number },
  progress: Progress,
) {
  const previous = await recordedImportOutcome(ctx, input.jobId);
  if (previous !== undefined) return previous;
  const scope = await uq.getUnit(ctx.db, input.scopeUnitId);
  assertCan(ctx.actor, 'unit.manage', scope.path);
  assertCan(ctx.actor, 'person.import', scope.path);
  const sheet = await readImportSheet(ctx, input.data, UNIT_COLUMNS, [['name'], ['kind']]);
  const total = sheet.rows.length;
  const header = (key: string) => UNIT_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const errors: RowError[] = [];
  let errorCount = 0;

  let created = 0;
  let updated = 0;
  // Validation and writing share one transaction: new units are written as rows are checked so
  // later rows can name them as parents; any error rolls everything back.
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await uq.lockTree(trx);
      const resolver = await loadUnitResolver(trx, scope.path);
      const audits: AuditInput[] = [];
      for (const [index, { rowNumber: row, cells }] of sheet.rows.entries()) {
        const [
          idRaw = '',
          nameRaw = '',
          kindRaw = '',
          codeRaw = '',
          parentIdRaw = '',
          parentPathRaw = '',
          activeRaw = '',
        ] = cells;
        const rowErrors: RowError[] = [];
        const bad = (key: string, message: string) =>
          rowErrors.push({ row, column: header(key), message });
        const name = squish(nfc(nameRaw));
        if (name === '') bad('name', 'không được để trống');
        const kind = kindRaw === '' ? null : (kindByFolded.get(foldVietnamese(kindRaw)) ?? null);
        if (kindRaw === '') bad('kind', 'không được để trống');
        else if (kind === null) bad('kind', `"${kindRaw}" không phải loại đơn vị hợp lệ`);
        const active =
          activeRaw === ''
            ? true
            : ['co', 'x', '1', 'true'].includes(foldVietnamese(activeRaw))
              ? true
              : ['khong', '0', 'false'].includes(foldVietnamese(activeRaw))
                ? false
                : null;
        if (active === null) bad('active', 'chọn Có hoặc Không');
        const adminCode = codeRaw === '' ? null : codeRaw;
        if (adminCode !== null && !/^[0-9A-Za-z.-]{1,20}$/.test(adminCode))
          bad('adminCode', 'chỉ gồm chữ số, chữ cái không dấu (tối đa 20 ký tự)');

        let existing: uq.UnitRecord | undefined;
        if (idRaw !== '') {
          existing = resolver.byId(Number(idRaw));
          if (!existing) bad('id', `không có đơn vị ID ${idRaw} trong phạm vi được nhập`);
          // A unit's kind decides what may sit above and below it: change it on the unit page,
          // where both are checked, not by import.
          else if (kind !== null && kind !== existing.kind) {
            bad(
              'kind',
              `không đổi loại đơn vị bằng nhập Excel (hiện là "${unitKindLabels[existing.kind]}"); hãy sửa trên trang đơn vị`,
            );
          }
        }
        let parent: uq.UnitRecord | undefined;
        if (!existing) {
          if (parentIdRaw !== '') {
            parent = resolver.byId(Number(parentIdRaw));
            if (!parent)
              bad('parentId', `không có đơn vị mã ${parentIdRaw} trong phạm vi được nhập`);
          } else if (parentPathRaw === '') bad('parentPath', 'không được để trống');
          else {
            const r = resolver.byPath(parentPathRaw);
            if ('error' in r) bad('parentPath', r.error);
            else parent = r.unit;
          }
          if (parent && kind) {
            const problem = containmentError(parent.kind, kind);
            if (problem) bad('kind', problem);
          }
        }
        if (rowErrors.length > 0 || kind === null || active === null) {
          errorCount += rowErrors.length;
          errors.push(...rowErrors.slice(0, Math.max(0, MAX_REPORTED_ROW_ERRORS - errors.length)));
          continue;
        }
        if (errorCount > 0) continue; // keep validating, but stop writing
        try {
          if (existing) {
            await iq.updateImportedUnit(
              trx,
              existing.id,
              { name, kind, adminCode, active },
              ctx.now(),
            );
            audits.push({
              action: 'unit.import_updated',
              entityType: 'org_unit',
              entityId: existing.id,
              unitPath: existing.path,
              before: {
                name: existing.name,
                kind: existing.kind,
                adminCode: existing.adminCode,
                active: existing.active,
              },
              after: { name, kind, adminCode, active },
            });
            updated++;
          } else if (parent) {
            const id = await uq.nextUnitId(trx);
            const path = `${parent.path}.${id}`;
            await uq.insertUnit(trx, {
              id,
              parentId: parent.id,
              path,
              provinceId: parent.provinceId,
              kind,
              name,
              adminCode,
              active,
              now: ctx.now(),
            });
            const rec: uq.UnitRecord = {
              id,
              parentId: parent.id,
              path,
              provinceId: parent.provinceId,
              kind,
              name,
              displayName: name,
              adminCode,
              active,
              version: 1,
            };
            resolver.add(rec, [...(resolver.fullPathOf(parent.id) ?? []), foldVietnamese(name)]);
            audits.push({
              action: 'unit.imported',
              entityType: 'org_unit',
              entityId: id,
              unitPath: path,
              after: { name, kind, adminCode, active, parentId: parent.id, row },
            });
            created++;
          }
        } catch (e) {
          const code = (e as { constraint?: string }).constraint;
          if (code === 'org_unit_sibling_name' || code === 'org_unit_admin_code') {
            errorCount++;
            if (errors.length < MAX_REPORTED_ROW_ERRORS)
              errors.push({
                row,
                column: header(code === 'org_unit_admin_code' ? 'adminCode' : 'name'),
                message:
                  code === 'org_unit_admin_code'
                    ? 'mã hành chính đã được dùng'
                    : 'đã có đơn vị cùng tên trong cùng đơn vị cấp trên',
              });
            // The failed statement aborted the transaction: report what we have.
            throw new AppError('VALIDATION_FAILED', '', { rows: errors, errorCount });
          }
          throw e;
        }
        if (index % 500 === 0) await progress(index, total, 'Đang kiểm tra và ghi dữ liệu');
      }
      if (errorCount > 0) throw new AppError('VALIDATION_FAILED', '', { rows: errors, errorCount });
      await uq.refreshDisplayNames(trx, uq.treeRootsOf(scope.path));
      audits.push({
        ...importOutcomeTarget(scope, input.jobId),
        action: 'import.units',
        unitPath: scope.path,
        after: { rows: total, created, updated },
      });
      await recordAudit(trx, ctx, audits);
    })
    .catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.message === '') {
        throw new AppError(
          'VALIDATION_FAILED',
          `Tệp có ${errorCount} lỗi. Không có dữ liệu nào được ghi; hãy sửa các dòng lỗi rồi nhập lại.`,
          e.details,
        );
      }
      throw e;
    });
  await progress(total, total, 'Hoàn tất');
  return { created, updated, rows: total };
}
