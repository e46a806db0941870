import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { recordAudit, type AuditInput } from '../../platform/audit';
import { rowErrors } from '../../platform/row-errors';
import { cellDate, cellMoney, readImportSheet } from '../../platform/spreadsheet';
import { foldVietnamese, nfc, squish } from '../../platform/text';
import { requireXlsx } from '../../platform/upload';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../../shared/dates';
import { HonourImportFields, type HonourImportResult } from '../../../shared/api/honours';
import { getUnit, loadUnitResolver, type UnitRecord } from '../organization/index';
import * as q from './honours.queries';
import { HONOUR_COLUMNS, honourHeader } from './honours-xlsx';
import { canManageHonours } from './honours.policy';
import { auditValues, loadFormMatcher } from './honours.service';

const FILE = { field: 'file', label: 'Tệp Excel' };
const labels = { unitId: 'Đơn vị nhận dữ liệu', file: FILE.label };

const SUBJECTS = new Map([
  [foldVietnamese('Cá nhân'), 'person' as const],
  [foldVietnamese('Tập thể'), 'unit' as const],
]);

/** Text limits of the free-text columns (as the manual form allows). */
const LIMITS: Record<string, number> = {
  period: 100,
  decisionNumber: 100,
  issuer: 300,
  achievement: 2000,
  form: 300,
};

type Parsed = q.NewHonourRow & { row: number; path: string };

/**
 * Imports past awards from an .xlsx into a unit's subtree (honour.manage over the unit), all rows
 * or none. Read through readImportSheet (bounded, in a worker). Each row names its subject: a
 * person by their code (Mã cán bộ) or by name within their unit (accent-insensitive; two people
 * of that name in the unit is a row error asking for the code), or a collective by its unit (name
 * path or code); and its form: matched by name or code against the catalogue for that subject,
 * or kept as text. Row errors in Vietnamese name the row and column ("Dòng 5, cột Hình thức: …");
 * an award already recorded (same subject, form, year and decision number) or repeated in the
 * file is a row error too. Audited: one `honour.imported` per row and `import.honours` for the
 * file. Synchronous: meant for up to a few thousand rows.
 */
export async function importHonours(
  ctx: Ctx,
  input: { unitId: unknown; fileName: string | undefined; data: Buffer | undefined },
): Promise<HonourImportResult> {
  const { unitId } = parseInput(HonourImportFields, { unitId: input.unitId }, labels);
  const upload = requireXlsx(input, FILE);
  const scope = await getUnit(ctx.db, unitId);
  if (!canManageHonours(ctx.actor, scope.path))
    throw forbidden('Bạn không có quyền nhập khen thưởng vào đơn vị này.');
  const sheet = await readImportSheet(ctx, upload.data, HONOUR_COLUMNS, [
    ['subject'],
    ['form'],
    ['year'],
  ]);
  const [resolver, people, matcher] = await Promise.all([
    loadUnitResolver(ctx.db, scope.path),
    q.listPeopleWithin(ctx.db, scope.path),
    loadFormMatcher(ctx),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const byUnitAndName = new Map<string, typeof people>();
  for (const p of people) {
    const key = `${p.unitId}\u0000${foldVietnamese(p.fullName)}`;
    byUnitAndName.set(key, [...(byUnitAndName.get(key) ?? []), p]);
  }
  const thisYear = Number(vietnamDate(ctx.now()).slice(0, 4));
  const errors = rowErrors();
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();

  for (const { rowNumber: row, cells } of sheet.rows) {
    const cell = (key: string) =>
      squish(nfc(cells[HONOUR_COLUMNS.findIndex((c) => c.key === key)] ?? ''));
    let ok = true;
    const bad = (key: string, message: string) => {
      ok = false;
      errors.fail(row, honourHeader(key), message);
    };
    const text = (key: string) => {
      const v = cell(key);
      const max = LIMITS[key] ?? 300;
      if (v.length > max) bad(key, `không được dài quá ${max} ký tự`);
      return v === '' ? null : v;
    };

    const subjectRaw = cell('subject');
    const subject = SUBJECTS.get(foldVietnamese(subjectRaw));
    if (subjectRaw === '') bad('subject', 'không được để trống');
    else if (subject === undefined)
      bad('subject', `"${subjectRaw}" không hợp lệ; chọn Cá nhân hoặc Tập thể`);

    let unit: UnitRecord | undefined;
    const unitIdRaw = cell('unitId');
    const unitPathRaw = cell('unitPath');
    if (unitIdRaw !== '') {
      unit = resolver.byId(Number(unitIdRaw));
      if (unit === undefined)
        bad('unitId', `không có đơn vị mã ${unitIdRaw} trong phạm vi được nhập`);
    } else if (unitPathRaw !== '') {
      const r = resolver.byPath(unitPathRaw);
      if ('error' in r) bad('unitPath', r.error);
      else unit = r.unit;
    }

    let personId: number | null = null;
    let unitIdOut: number | null = null;
    let path = '';
    if (subject === 'person') {
      const idRaw = cell('personId');
      const name = cell('fullName');
      if (idRaw !== '') {
        const n = Number(idRaw);
        const p = Number.isInteger(n) && n > 0 ? personById.get(n) : undefined;
        if (p === undefined) bad('personId', `không có cán bộ mã ${idRaw} trong phạm vi được nhập`);
        else if (name !== '' && foldVietnamese(name) !== foldVietnamese(p.fullName))
          bad('fullName', `mã cán bộ ${n} là ${p.fullName}, không phải "${name}"`);
        else {
          personId = p.id;
          path = p.unitPath;
        }
      } else if (name === '') bad('fullName', 'không được để trống khi không có Mã cán bộ');
      else if (unit === undefined) {
        if (unitIdRaw === '' && unitPathRaw === '')
          bad('unitPath', 'không được để trống khi không có Mã cán bộ');
      } else {
        const found = byUnitAndName.get(`${unit.id}\u0000${foldVietnamese(name)}`) ?? [];
        if (found.length === 0)
          bad('fullName', `không có cán bộ "${name}" trong đơn vị ${unit.displayName}`);
        else if (found.length > 1)
          bad(
            'fullName',
            `có ${found.length} cán bộ tên "${name}" trong đơn vị ${unit.displayName}; hãy điền Mã cán bộ`,
          );
        else if (found[0] !== undefined) {
          personId = found[0].id;
          path = found[0].unitPath;
        }
      }
    } else if (subject === 'unit') {
      if (unit !== undefined) {
        unitIdOut = unit.id;
        path = unit.path;
      } else if (unitIdRaw === '' && unitPathRaw === '')
        bad('unitPath', 'không được để trống với tập thể');
    }

    const yearRaw = cell('year');
    let year: number | null = null;
    if (yearRaw === '') bad('year', 'không được để trống');
    else {
      const n = Number(yearRaw);
      if (!Number.isInteger(n) || n < 1945 || n > thisYear)
        bad('year', `"${yearRaw}" không hợp lệ; ghi năm từ 1945 đến ${thisYear}`);
      else year = n;
    }

    const dateRaw = cell('decisionDate');
    const decisionDate = dateRaw === '' ? null : cellDate(dateRaw);
    if (dateRaw !== '' && decisionDate === null)
      bad('decisionDate', `"${dateRaw}" không phải ngày hợp lệ (ví dụ 15/01/2025)`);

    const amountRaw = cell('amount');
    let amount: number | null = null;
    if (amountRaw !== '') {
      amount = cellMoney(amountRaw);
      if (amount === null || amount > 100_000_000_000)
        bad('amount', `"${amountRaw}" không phải số tiền hợp lệ (chỉ ghi số, ví dụ 702000)`);
    }

    const formRaw = text('form');
    let form: { versionId: number | null; code: string | null; name: string } | null = null;
    if (formRaw === null) bad('form', 'không được để trống');
    else if (subject !== undefined && year !== null) {
      const m = matcher.match(
        formRaw,
        subject === 'person' ? 'individual' : 'collective',
        decisionDate ?? `${year}-12-31`,
      );
      if (m.kind === 'ambiguous')
        bad(
          'form',
          `"${formRaw}" trùng tên nhiều hình thức trong danh mục (${m.codes.join(', ')}); hãy ghi mã hình thức`,
        );
      else if (m.kind === 'catalogue')
        form = { versionId: m.versionId, code: m.code, name: m.name };
      else form = { versionId: null, code: null, name: formRaw };
    }
    const period = text('period');
    const decisionNumber = text('decisionNumber');
    const issuer = text('issuer');
    const achievement = text('achievement');

    if (!ok || form === null || year === null || (personId === null && unitIdOut === null))
      continue;
    const key = [
      personId ?? '',
      unitIdOut ?? '',
      foldVietnamese(form.name),
      year,
      foldVietnamese(decisionNumber ?? ''),
    ].join('\u0000');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      bad('form', `trùng với dòng ${earlier} (cùng đối tượng, hình thức, năm và số quyết định)`);
      continue;
    }
    seen.set(key, row);
    parsed.push({
      row,
      path,
      personId,
      unitId: unitIdOut,
      formVersionId: form.versionId,
      formCode: form.code,
      formName: form.name,
      year,
      period,
      decisionNumber,
      decisionDate,
      issuer,
      achievement,
      amount,
      source: 'import',
      sourceRef: null,
      enteredBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    });
  }

  // Awards already in the history are refused, so importing a file twice records nothing twice.
  const existing = await q.listHonourKeys(
    ctx.db,
    parsed.flatMap((p) => (p.personId === null ? [] : [p.personId])),
    parsed.flatMap((p) => (p.unitId === null ? [] : [p.unitId])),
  );
  const existingKeys = new Set(
    existing.map((e) =>
      [
        e.personId ?? '',
        e.unitId ?? '',
        foldVietnamese(e.formName),
        e.year,
        foldVietnamese(e.decisionNumber ?? ''),
      ].join('\u0000'),
    ),
  );
  for (const p of parsed) {
    const key = [
      p.personId ?? '',
      p.unitId ?? '',
      foldVietnamese(p.formName),
      p.year,
      foldVietnamese(p.decisionNumber ?? ''),
    ].join('\u0000');
    if (existingKeys.has(key))
      errors.fail(
        p.row,
        honourHeader('form'),
        'khen thưởng này đã có trong lịch sử (cùng đối tượng, hình thức, năm và số quyết định)',
      );
  }
  errors.throwIfAny();

  return ctx.db.transaction().execute(async (trx) => {
    const rows = parsed.map(({ row: _r, path: _p, ...values }) => values);
    const ids = await q.insertHonours(trx, rows);
    const audits: AuditInput[] = ids.map((r, i) => {
      const p = parsed[i];
      return {
        action: 'honour.imported',
        entityType: 'honour',
        entityId: r.id,
        unitPath: p?.path ?? scope.path,
        after: p === undefined ? {} : { ...auditValues(rows[i] ?? p), row: p.row },
      };
    });
    const result = {
      rows: sheet.rows.length,
      created: ids.length,
      formsAsText: parsed.filter((p) => p.formCode === null).length,
    };
    audits.push({
      action: 'import.honours',
      entityType: 'org_unit',
      entityId: scope.id,
      unitPath: scope.path,
      after: { ...result, fileName: upload.fileName },
    });
    await recordAudit(trx, ctx, audits);
    return result;
  });
}
