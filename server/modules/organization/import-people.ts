import type { Ctx } from '../../platform/context';
import { vietnamDate } from '../../platform/time';
import { rowErrors } from '../../platform/row-errors';
import { assertCan, can, isWithin } from '../../platform/access';
import { recordAudit, type AuditInput } from '../../platform/audit';
import type { Progress } from '../../platform/jobs';
import { foldVietnamese, nfc, squish } from '../../platform/text';
import { z } from '../../platform/validation';
import {
  genderLabels,
  personCategoryLabels,
  type Gender,
  type PersonCategory,
} from '../../../shared/org';
import { birthYearBounds, normalisePhone } from './organization.rules';
import { PEOPLE_COLUMNS } from './xlsx-format';
import { readImportSheet } from '../../platform/spreadsheet';
import { loadUnitResolver } from './unit-resolver';
import * as uq from './units.queries';
import * as iq from './import.queries';

const genderByFolded = new Map(
  Object.entries(genderLabels).map(([k, v]) => [foldVietnamese(v), k as Gender]),
);
const categoryByFolded = new Map<string, PersonCategory>(
  Object.entries(personCategoryLabels).flatMap(([k, v]) => [
    [foldVietnamese(v), k as PersonCategory],
    [k.replace(/_/g, ' '), k as PersonCategory],
  ]),
);

type ParsedPerson = {
  row: number;
  id: number | null;
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  category: PersonCategory;
  position: string | null;
  unitId: number;
  unitName: string;
  unitPath: string;
  provinceId: number | null;
  email: string | null;
  phone: string | null;
};

export { MAX_REPORTED_ROW_ERRORS } from '../../platform/row-errors';

type ImportOutcome = { created: number; updated: number; rows: number };

/**
 * Imports record their outcome against the job in the same transaction as the data, so a job
 * re-run after a crash between commit and "succeeded" returns that outcome instead of importing twice.
 */
export async function recordedImportOutcome(
  ctx: Ctx,
  jobId: number | undefined,
): Promise<ImportOutcome | undefined> {
  if (jobId === undefined) return undefined;
  const row = await iq.findImportOutcomeEvent(ctx.db, jobId);
  return row === undefined ? undefined : (row.after as ImportOutcome);
}

/** The audit target of an import's summary event: the job when there is one, else the scope unit. */
export function importOutcomeTarget(scope: { id: number }, jobId: number | undefined) {
  return jobId === undefined
    ? { entityType: 'org_unit', entityId: scope.id }
    : { entityType: 'job', entityId: jobId };
}

/**
 * Imports people from an .xlsx into the scope unit. All or nothing: every row is validated first
 * and, if any row is bad, the job fails with every bad row (row, column, reason) and writes
 * nothing. Rows with an ID update that person (who must be inside the scope); others are created.
 */
export async function importPeople(
  ctx: Ctx,
  input: { scopeUnitId: number; data: Buffer; jobId?: number },
  progress: Progress,
) {
  const previous = await recordedImportOutcome(ctx, input.jobId);
  if (previous !== undefined) return previous;
  const scope = await uq.getUnit(ctx.db, input.scopeUnitId);
  assertCan(ctx.actor, 'person.import', scope.path);
  await progress(0, 0, 'Đang đọc tệp');
  const sheet = await readImportSheet(
    ctx,
    input.data,
    PEOPLE_COLUMNS,
    [['fullName'], ['category'], ['unitId', 'unitPath']],
    (n) => void progress(n, 0, `Đang đọc tệp: ${n} dòng`),
  );

  const total = sheet.rows.length;
  const resolver = await loadUnitResolver(ctx.db, scope.path);
  const idsInFile = sheet.rows
    .map((r) => Number(r.cells[0]))
    .filter((n) => Number.isInteger(n) && n > 0);
  const existing = new Map<number, { unitPath: string }>();
  for (let i = 0; i < idsInFile.length; i += 5000) {
    const chunk = idsInFile.slice(i, i + 5000);
    const found = await iq.listPersonUnitPaths(ctx.db, chunk);
    for (const f of found) existing.set(f.id, { unitPath: f.unitPath });
  }

  const errors = rowErrors();
  const fail = errors.fail;
  const seenIds = new Set<number>();
  const { min, max } = birthYearBounds(ctx.now().getFullYear());
  const parsed: ParsedPerson[] = [];
  const header = (key: string) => PEOPLE_COLUMNS.find((c) => c.key === key)?.header ?? key;

  sheet.rows.forEach(({ rowNumber: row, cells }, index) => {
    const [
      idRaw = '',
      fullNameRaw = '',
      genderRaw = '',
      birthRaw = '',
      categoryRaw = '',
      positionRaw = '',
      unitIdRaw = '',
      unitPathRaw = '',
      emailRaw = '',
      phoneRaw = '',
    ] = cells;
    let ok = true;
    const bad = (key: string, message: string) => {
      ok = false;
      fail(row, header(key), message);
    };
    let id: number | null = null;
    if (idRaw !== '') {
      const n = Number(idRaw);
      if (!Number.isInteger(n) || n <= 0) bad('id', 'phải là số nguyên dương');
      else if (seenIds.has(n)) bad('id', `ID ${n} xuất hiện nhiều lần trong tệp`);
      else {
        const e = existing.get(n);
        if (!e) bad('id', `không có cán bộ có ID ${n}`);
        else if (!can(ctx.actor, 'person.import', e.unitPath) || !isWithin(e.unitPath, scope.path))
          bad('id', `cán bộ ID ${n} không thuộc phạm vi được nhập`);
        else id = n;
        seenIds.add(n);
      }
    }
    const fullName = squish(nfc(fullNameRaw));
    if (fullName === '') bad('fullName', 'không được để trống');
    else if (fullName.length > 120) bad('fullName', 'không được dài quá 120 ký tự');
    let gender: Gender | null = null;
    if (genderRaw !== '') {
      gender = genderByFolded.get(foldVietnamese(genderRaw)) ?? null;
      if (gender === null) bad('gender', `"${genderRaw}" không hợp lệ; chọn Nam hoặc Nữ`);
    }
    let birthYear: number | null = null;
    if (birthRaw !== '') {
      const n = Number(birthRaw);
      if (!Number.isInteger(n)) bad('birthYear', `"${birthRaw}" không phải năm (4 chữ số)`);
      else if (n < min || n > max) bad('birthYear', `phải trong khoảng ${min}–${max}`);
      else birthYear = n;
    }
    let category: PersonCategory | null = null;
    if (categoryRaw === '') bad('category', 'không được để trống');
    else {
      category = categoryByFolded.get(foldVietnamese(categoryRaw)) ?? null;
      if (category === null)
        bad(
          'category',
          `"${categoryRaw}" không hợp lệ; chọn một trong: ${Object.values(personCategoryLabels).join(', ')}`,
        );
    }
    let unit: Pick<uq.UnitRecord, 'id' | 'displayName' | 'path' | 'provinceId'> | null = null;
    if (unitIdRaw !== '') {
      const u = resolver.byId(Number(unitIdRaw));
      if (!u) bad('unitId', `không có đơn vị mã ${unitIdRaw} trong phạm vi được nhập`);
      else unit = u;
    } else if (unitPathRaw === '') bad('unitPath', 'không được để trống');
    else {
      const r = resolver.byPath(unitPathRaw);
      if ('error' in r) bad('unitPath', r.error);
      else unit = r.unit;
    }
    const email = emailRaw === '' ? null : emailRaw;
    if (email !== null && !z.email().safeParse(email).success)
      bad('email', `"${emailRaw}" không đúng định dạng email`);
    let phone: string | null = null;
    if (phoneRaw !== '') {
      phone = normalisePhone(phoneRaw);
      if (phone === null) bad('phone', `"${phoneRaw}" không đúng định dạng (ví dụ 0912345678)`);
    }
    const position = squish(nfc(positionRaw)) || null;
    if (position !== null && position.length > 200) bad('position', 'không được dài quá 200 ký tự');
    if (ok && category !== null && unit !== null) {
      parsed.push({
        row,
        id,
        fullName,
        gender,
        birthYear,
        category,
        position,
        unitId: unit.id,
        unitName: unit.displayName,
        unitPath: unit.path,
        provinceId: unit.provinceId,
        email,
        phone,
      });
    }
    if (index % 10_000 === 0) void progress(index, total, 'Đang kiểm tra dữ liệu');
  });

  errors.throwIfAny();

  await progress(0, total, 'Đang ghi dữ liệu');
  const today = vietnamDate(ctx.now());
  let created = 0;
  let updated = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const audits: AuditInput[] = [];
    const BATCH = 1000;
    const fields = (p: ParsedPerson): iq.ImportedPerson => ({
      fullName: p.fullName,
      gender: p.gender,
      birthYear: p.birthYear,
      category: p.category,
      position: p.position,
      email: p.email,
      phone: p.phone,
      unitId: p.unitId,
      provinceId: p.provinceId,
    });
    for (let i = 0; i < parsed.length; i += BATCH) {
      const batch = parsed.slice(i, i + BATCH);
      const inserts = batch.filter((p) => p.id === null);
      if (inserts.length > 0) {
        const ids = await iq.insertPeople(trx, inserts.map(fields), ctx.now());
        await iq.insertAssignments(
          trx,
          ids.map((r, k) => ({
            personId: r.id,
            unitId: inserts[k]?.unitId ?? 0,
            position: inserts[k]?.position ?? null,
            startedOn: today,
          })),
        );
        ids.forEach((r, k) => {
          const p = inserts[k];
          if (!p) return;
          audits.push({
            action: 'person.imported',
            entityType: 'person',
            entityId: r.id,
            unitPath: p.unitPath,
            after: {
              fullName: p.fullName,
              gender: p.gender,
              birthYear: p.birthYear,
              category: p.category,
              position: p.position,
              unitId: p.unitId,
              unitName: p.unitName,
              email: p.email,
              phone: p.phone,
              row: p.row,
            },
          });
        });
        created += ids.length;
      }
      for (const p of batch.filter((x) => x.id !== null)) {
        const id = p.id ?? 0;
        const before = await iq.lockPerson(trx, id);
        await iq.updateImportedPerson(trx, id, fields(p), ctx.now());
        if (before.unitId !== p.unitId) {
          await iq.endOpenAssignment(trx, id, today);
          await iq.insertAssignments(trx, [
            { personId: id, unitId: p.unitId, position: p.position, startedOn: today },
          ]);
        }
        const b = {
          fullName: before.fullName,
          gender: before.gender,
          birthYear: before.birthYear,
          category: before.category,
          position: before.position,
          unitId: before.unitId,
          email: before.email,
          phone: before.phone,
        };
        const a = {
          fullName: p.fullName,
          gender: p.gender,
          birthYear: p.birthYear,
          category: p.category,
          position: p.position,
          unitId: p.unitId,
          unitName: p.unitName,
          email: p.email,
          phone: p.phone,
        };
        audits.push({
          action: 'person.import_updated',
          entityType: 'person',
          entityId: id,
          unitPath: p.unitPath,
          before: b,
          after: a,
        });
        updated++;
      }
      await progress(Math.min(i + BATCH, parsed.length), total, 'Đang ghi dữ liệu');
    }
    audits.push({
      ...importOutcomeTarget(scope, input.jobId),
      action: 'import.people',
      unitPath: scope.path,
      after: { rows: total, created, updated },
    });
    await recordAudit(trx, ctx, audits);
  });
  await progress(total, total, 'Hoàn tất');
  return { created, updated, rows: total };
}
