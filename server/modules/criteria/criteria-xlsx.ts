import ExcelJS from 'exceljs';
import {
  CriteriaTree,
  scoringMethodLabels,
  scoringMethods,
  CriterionNode,
  type Scoring,
  type ScoringMethod,
  type Tier,
} from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { can } from '../../platform/access';
import { AppError, forbidden, notFound, staleVersion, type RowError } from '../../platform/errors';
import { requireXlsx } from '../../platform/upload';
import { loadWorkbook, styleHeaderRow } from '../../platform/spreadsheet';
import { foldVietnamese } from '../../platform/text';
import { parseInput, z } from '../../platform/validation';
import { criteriaLabels } from './criteria.schemas';
import { getCriteriaVersion, updateCriteriaDraft } from './criteria.service';
import { findCriteriaVersion } from './criteria.queries';
import { num, round2 } from '../../platform/numbers';
import { validateTree } from './scoring.rules';
import { fileName } from '../../platform/file-name';

/**
 * Criteria sets as .xlsx: one sheet "Bộ tiêu chí" with a header block (name, version, status,
 * maximum total) above a table of every node in tree order. The export is the import format, so
 * a set can be drafted in Excel, imported, exported again and edited. Hierarchy comes from the
 * codes ("1" → "1.1" → "1.1.a"); "Tham số" holds the scoring method's parameters as text:
 * tiers "100%=4; 98%=3", deduction "1 điểm/lần", survey "thang 100", adjustment "+3 / -3".
 */

const SHEET_NAME = 'Bộ tiêu chí';
const FILE = { field: 'file', label: 'Tệp Excel' };
type Key = 'code' | 'title' | 'maxPoints' | 'method' | 'params' | 'evidence' | 'guidance' | 'id';
const COLUMNS: { key: Key; header: string; width: number }[] = [
  { key: 'code', header: 'Mã', width: 18 },
  { key: 'title', header: 'Nội dung', width: 70 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 11 },
  { key: 'method', header: 'Cách chấm', width: 30 },
  { key: 'params', header: 'Tham số', width: 30 },
  { key: 'evidence', header: 'Bắt buộc minh chứng', width: 12 },
  { key: 'guidance', header: 'Hướng dẫn', width: 60 },
  { key: 'id', header: 'Mã định danh', width: 18 },
];
const HEADER = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
const REQUIRED: Key[] = ['code', 'title', 'maxPoints', 'method'];
const MAX_TOTAL = 'Tổng điểm tối đa';
const PARAMS_HINT = [
  `Cách ghi tham số (để trống với "${scoringMethodLabels.binary}", "${scoringMethodLabels.manual}"):`,
  `• ${scoringMethodLabels.tiered_percent}: các mức "tỷ lệ%=điểm" cách nhau bằng dấu chấm phẩy, ví dụ "100%=4; 98%=3; 95%=2"`,
  `• ${scoringMethodLabels.deduction}: số điểm trừ mỗi lần, ví dụ "1 điểm/lần"`,
  `• ${scoringMethodLabels.survey}: thang điểm khảo sát, ví dụ "thang 100"`,
  `• ${scoringMethodLabels.adjustment}: thưởng tối đa / trừ tối đa, ví dụ "+3 / -3"`,
].join('\n');

/** The "Tham số" text of a scoring method (decimal comma, as Vietnamese documents print it). */
export function formatScoringParams(s: Scoring): string {
  switch (s.method) {
    case 'binary':
    case 'manual':
      return '';
    case 'tiered_percent':
      return s.tiers.map((t) => `${num(t.minPercent)}%=${num(t.points)}`).join('; ');
    case 'deduction':
      return `${num(s.perIncident)} điểm/lần`;
    case 'survey':
      return `thang ${num(s.surveyMax)}`;
    case 'adjustment':
      return `+${num(s.maxBonus)} / -${num(s.maxPenalty)}`;
  }
}

const N = String.raw`(\d+(?:[.,]\d+)?)`;
const RE = {
  tier: new RegExp(`^(?:≥|>=)?\\s*${N}\\s*%?\\s*(?:=|:|→|->)\\s*${N}\\s*(?:diem|d)?$`),
  deduction: new RegExp(`^${N}\\s*(?:diem|d)?\\s*(?:/\\s*(?:lan|truong hop|vu)(?: vi pham)?)?$`),
  survey: new RegExp(`^(?:thang(?: diem)?\\s*)?${N}$`),
  adjustment: new RegExp(`^(?:±\\s*${N}|\\+?\\s*${N}\\s*/\\s*[-−–]?\\s*${N})$`),
};
const toNum = (s: string | undefined) => Number((s ?? '').replace(',', '.'));
/** "1,5", "1.5", " 2 " → number; anything else → undefined. */
function parseNumber(raw: string): number | undefined {
  const t = raw.replace(/\s+/g, '');
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(t) ? toNum(t) : undefined;
}

/** Parses "Tham số" for a method; a string is the problem (Vietnamese). */
export function parseScoringParams(method: ScoringMethod, raw: string): Scoring | string {
  const text = foldVietnamese(raw);
  const bad = (example: string) => `"${raw}" không đúng cách ghi, ví dụ "${example}"`;
  switch (method) {
    case 'binary':
    case 'manual':
      return text === '' ? { method } : 'cách chấm này không có tham số; hãy để trống';
    case 'tiered_percent': {
      const tiers: Tier[] = [];
      for (const part of raw.split(/[;\n]/)) {
        const m = RE.tier.exec(foldVietnamese(part));
        if (part.trim() === '') continue;
        if (!m) return `mức "${part.trim()}" không đúng cách ghi "tỷ lệ%=điểm", ví dụ "98%=3"`;
        tiers.push({ minPercent: toNum(m[1]), points: toNum(m[2]) });
      }
      return tiers.length > 0 ? { method, tiers } : bad('100%=4; 98%=3');
    }
    case 'deduction': {
      const m = RE.deduction.exec(text);
      return m ? { method, perIncident: toNum(m[1]) } : bad('1 điểm/lần');
    }
    case 'survey': {
      const m = RE.survey.exec(text);
      return m ? { method, surveyMax: toNum(m[1]) } : bad('thang 100');
    }
    case 'adjustment': {
      const m = RE.adjustment.exec(text);
      const [bonus, penalty] = m?.[1] ? [m[1], m[1]] : [m?.[2], m?.[3]];
      return m ? { method, maxBonus: toNum(bonus), maxPenalty: toNum(penalty) } : bad('+3 / -3');
    }
  }
}

const squash = (s: string) => foldVietnamese(s).replace(/[\s/]+/g, '');
const METHOD_LIST = Object.values(scoringMethodLabels).join('; ');
const METHODS = new Map<string, ScoringMethod>();
for (const m of scoringMethods) METHODS.set(squash(scoringMethodLabels[m]), m).set(m, m);

/** Exports a version the actor may read (getCriteriaVersion's visibility) as an .xlsx. */
export async function exportCriteriaXlsx(ctx: Ctx, versionId: number) {
  const v = await getCriteriaVersion(ctx, versionId);
  const wb = new ExcelJS.Workbook();
  const block: [string, string | number][] = [
    ['Bộ tiêu chí', v.set.name],
    ['Phiên bản', v.number],
    ['Trạng thái', v.status === 'draft' ? 'Bản nháp' : 'Đã ban hành'],
    [MAX_TOTAL, v.maxTotal],
  ];
  const headerRow = block.length + 2;
  const ws = wb.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  block.forEach(([label, value], i) => {
    const row = ws.getRow(i + 1);
    row.values = [label, value];
    row.alignment = { horizontal: 'left' };
    row.font = { bold: true, size: i === 0 ? 13 : 11 };
  });
  const head = ws.getRow(headerRow);
  head.values = COLUMNS.map((c) => c.header);
  styleHeaderRow(head, { height: 32, center: true });
  head.getCell(COLUMNS.findIndex((c) => c.key === 'params') + 1).note = PARAMS_HINT;
  head.getCell(COLUMNS.findIndex((c) => c.key === 'id') + 1).note =
    'Giữ nguyên khi sửa tệp đã xuất; để trống với tiêu chí mới (hệ thống tự tạo).';

  let n = headerRow;
  const write = (node: CriterionNode, depth: number) => {
    const row = ws.getRow(++n);
    row.values = [
      node.code,
      node.title,
      node.maxPoints,
      node.scoring ? scoringMethodLabels[node.scoring.method] : null,
      (node.scoring && formatScoringParams(node.scoring)) || null,
      node.evidenceRequired ? 'Có' : 'Không',
      node.guidance ?? null,
      node.id,
    ];
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).alignment = { vertical: 'top', wrapText: true, indent: depth * 2 };
    if (node.children.length > 0) row.font = { bold: true };
    node.children.forEach((c) => write(c, depth + 1));
  };
  v.tree.fields.forEach((f) => write(f, 0));
  const list = (values: string[]): ExcelJS.DataValidation => {
    return { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
  };
  for (let r = headerRow + 1; r <= n + 50; r++) {
    ws.getCell(r, 4).dataValidation = list(Object.values(scoringMethodLabels));
    ws.getCell(r, 6).dataValidation = list(['Có', 'Không']);
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { data, fileName: fileName([v.set.name, `phiên bản ${v.number}`], 'xlsx') };
}

type Line = { n: number; cells: string[] };
type Cells = { row: number; code: string; givenId: string; hasMethod: boolean };
/** A parsed row; `children` are filled in from the codes once every row is read. */
type Item = Cells & { node: CriterionNode; children: Item[] };
const fold = (s: string) => foldVietnamese(s.replace(/\(\*\)/g, ''));

/** All-or-nothing: every row error at once, the first one also in the message. */
function fail(errors: RowError[]): AppError {
  const rows = [...errors].sort((a, b) => a.row - b.row);
  const at = rows[0] ? ` Dòng ${rows[0].row}, cột ${rows[0].column}: ${rows[0].message}.` : '';
  const text = `Tệp có ${rows.length} lỗi; không có dữ liệu nào được ghi, hãy sửa rồi nhập lại.`;
  return new AppError('VALIDATION_FAILED', `${text}${at}`, { rows });
}

/** Loads the sheet and finds the table's header row (the first with "Mã" and "Nội dung"). */
async function readTable(ctx: Ctx, data: Buffer) {
  const book = await loadWorkbook(data, FILE, ctx.log);
  const sheet = book.sheets.find((s) => s.name === SHEET_NAME) ?? book.sheets[0];
  const lines: Line[] = (sheet?.rows ?? []).map((r) => ({ n: r.number, cells: r.cells }));
  const header = lines.find((l) => {
    const f = l.cells.map(fold);
    return f.includes(fold(HEADER.code)) && f.includes(fold(HEADER.title));
  });
  const message = 'thiếu cột (không tìm thấy dòng tiêu đề của bảng)';
  if (!header) throw fail(REQUIRED.map((k) => ({ row: 1, column: HEADER[k], message })));
  const col = new Map<Key, number>();
  header.cells.forEach((c, i) => {
    const key = COLUMNS.find((x) => fold(x.header) === fold(c))?.key;
    if (key !== undefined && !col.has(key)) col.set(key, i);
  });
  const missing = REQUIRED.filter((k) => !col.has(k));
  const rows = missing.map((k) => ({ row: header.n, column: HEADER[k], message: 'thiếu cột' }));
  if (rows.length > 0) throw fail(rows);
  return { lines, header, col };
}

/** One table row → an entry (undefined when its code is missing or taken); problems → `errors`. */
function parseRow(l: Line, col: Map<Key, number>, byCode: Map<string, Item>, errors: RowError[]) {
  const cell = (k: Key) => l.cells[col.get(k) ?? -1] ?? '';
  if (COLUMNS.every((c) => cell(c.key) === '')) return undefined;
  const before = errors.length;
  const e = (k: Key, message: string) => errors.push({ row: l.n, column: HEADER[k], message });
  const code = cell('code').replace(/\.+$/, '');
  const dup = byCode.get(code);
  if (code === '' || dup) {
    e('code', dup ? `mã "${code}" trùng với dòng ${dup.row}` : 'không được để trống');
    return undefined;
  }
  const title = cell('title');
  if (title === '') e('title', 'không được để trống');
  const rawPoints = cell('maxPoints');
  const maxPoints = parseNumber(rawPoints);
  if (maxPoints === undefined)
    e('maxPoints', rawPoints === '' ? 'không được để trống' : `"${rawPoints}" không phải là số`);
  const rawMethod = cell('method');
  const method = METHODS.get(squash(rawMethod));
  const scoring = method && parseScoringParams(method, cell('params'));
  if (rawMethod !== '' && !method)
    e('method', `không có cách chấm "${rawMethod}"; chọn một trong: ${METHOD_LIST}`);
  if (rawMethod === '' && cell('params') !== '') e('params', 'có tham số nhưng chưa có cách chấm');
  if (typeof scoring === 'string') e('params', scoring);
  const evidence = fold(cell('evidence'));
  const evidenceRequired = ['co', 'x', '1', 'true'].includes(evidence);
  if (!evidenceRequired && !['', 'khong', '0', 'false'].includes(evidence))
    e('evidence', `"${cell('evidence')}" phải là Có hoặc Không`);
  const guidance = cell('guidance');
  const node: CriterionNode = {
    ...{ id: '', code, title, maxPoints: maxPoints ?? 0 },
    ...(typeof scoring === 'object' ? { scoring } : {}),
    evidenceRequired,
    ...(guidance === '' ? {} : { guidance }),
    children: [],
  };
  // The shared schema's limits (lengths, ranges, tier count), checked row by row.
  const shape = CriterionNode.safeParse({ ...node, id: cell('id') || 'n' });
  for (const i of errors.length > before ? [] : (shape.error?.issues ?? [])) {
    const key = String(i.path[0]);
    const tier = i.path[1] === 'tiers' ? `mức thứ ${Number(i.path[2]) + 1}: ` : '';
    const column = key === 'scoring' ? 'params' : COLUMNS.find((c) => c.key === key)?.key;
    e(column ?? 'code', `${tier}${i.message}`);
  }
  return { row: l.n, code, givenId: cell('id'), hasMethod: rawMethod !== '', node, children: [] };
}

/**
 * Parses a criteria sheet into a tree: the parent of "1.3.2" is "1.3" (it must be in the file),
 * ids are kept from "Mã định danh" or made from the code ("n-1.3.2"), maxTotal is the header
 * block's or the sum of the fields (adjustments excluded). Every problem — this module's, the
 * shared schema's and validateTree's — is a row error naming the column; any → VALIDATION_FAILED.
 */
export async function parseCriteriaSheet(ctx: Ctx, data: Buffer): Promise<CriteriaTree> {
  const { lines, header, col } = await readTable(ctx, data);
  const errors: RowError[] = [];
  const err = (row: number, key: Key | 'total', message: string) =>
    errors.push({ row, column: key === 'total' ? MAX_TOTAL : HEADER[key], message });
  let total: { row: number; value: number | undefined } | undefined;
  for (const l of lines.filter((x) => x.n < header.n)) {
    const i = l.cells.findIndex((c) => fold(c) === fold(MAX_TOTAL));
    if (i < 0) continue;
    const raw = l.cells.slice(i + 1).find((c) => c !== '') ?? '';
    total = { row: l.n, value: parseNumber(raw) };
    if (total.value === undefined) err(l.n, 'total', `"${raw}" không phải là số`);
  }
  const byCode = new Map<string, Item>();
  for (const l of lines.filter((x) => x.n > header.n)) {
    const item = parseRow(l, col, byCode, errors);
    if (item) byCode.set(item.code, item);
  }
  const entries = [...byCode.values()];
  if (entries.length === 0 && errors.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Tệp không có dòng tiêu chí nào.');
  const top: Item[] = [];
  const ids = new Map<string, Item>();
  for (const e of entries) {
    const parentCode = e.code.slice(0, Math.max(0, e.code.lastIndexOf('.')));
    const parent = byCode.get(parentCode);
    if (parentCode === '') top.push(e);
    else if (parent) parent.children.push(e);
    else err(e.row, 'code', `mã "${e.code}" không có mục cha "${parentCode}" trong tệp`);
    const other = ids.get(e.givenId);
    if (other) err(e.row, 'id', `trùng với dòng ${other.row}; để trống nếu là mục mới`);
    else if (e.givenId !== '') ids.set(e.givenId, e);
  }
  for (const e of entries) {
    if (e.hasMethod && e.children.length > 0)
      err(e.row, 'method', 'mục có tiêu chí con phải để trống (điểm cộng từ các tiêu chí con)');
    if (!e.hasMethod && e.children.length === 0)
      err(e.row, 'method', 'tiêu chí cuối (không có mục con) phải có cách chấm');
    let id = e.givenId;
    for (let k = 1; id === '' || (ids.get(id) ?? e) !== e; k++)
      id = k === 1 ? `n-${e.code}` : `n-${e.code}-${k}`;
    ids.set(id, e);
    e.node.id = id;
  }
  if (errors.length > 0) throw fail(errors);
  const build = (e: Item): CriterionNode => ({ ...e.node, children: e.children.map(build) });
  const fields = top.map(build);
  const adjustment = (f: CriterionNode) => f.scoring?.method === 'adjustment';
  const sum = round2(fields.filter((f) => !adjustment(f)).reduce((s, f) => s + f.maxPoints, 0));
  const tree: CriteriaTree = { maxTotal: total?.value ?? sum, fields };
  const totalRow = total?.row ?? header.n;
  for (const i of CriteriaTree.safeParse(tree).error?.issues ?? [])
    err(totalRow, i.path[0] === 'maxTotal' ? 'total' : 'code', `Cây tiêu chí: ${i.message}`);
  for (const p of validateTree(tree)) {
    const e = p.code === null ? undefined : byCode.get(p.code);
    if (e === undefined) err(totalRow, 'total', p.message);
    else err(e.row, e.children.length > 0 ? 'maxPoints' : 'params', p.message);
  }
  if (errors.length > 0) throw fail(errors);
  return tree;
}

const labels = { ...criteriaLabels, file: FILE.label };
const ImportFields = z.object({ version: z.coerce.number().int().positive() });

/**
 * Replaces a draft version's tree from an uploaded sheet (the export's format): all or nothing,
 * every bad row reported as `details.rows`. Same rules as updateCriteriaDraft, checked before the
 * file is read: NOT_FOUND for drafts the actor cannot see, FORBIDDEN without criteria.manage,
 * INVALID_STATE once published, CONFLICT on a stale `version`.
 */
export async function importCriteriaXlsx(
  ctx: Ctx,
  versionId: number,
  input: { version: unknown; fileName: string | undefined; data: Buffer | undefined },
) {
  const { version } = parseInput(ImportFields, { version: input.version }, labels);
  const { data } = requireXlsx(input, FILE);
  const v = await findCriteriaVersion(ctx.db, versionId);
  const owner = v?.ownerUnitPath ?? null;
  const manages = owner !== null && can(ctx.actor, 'criteria.manage', owner);
  if (v === undefined || (v.status === 'draft' && !manages)) throw notFound('bộ tiêu chí');
  if (!manages) throw forbidden('Bạn không có quyền sửa bộ tiêu chí này.');
  const published = 'Phiên bản đã ban hành không sửa được: hãy tạo phiên bản mới.';
  if (v.status !== 'draft') throw new AppError('INVALID_STATE', published);
  if (v.version !== version) throw staleVersion();
  const tree = await parseCriteriaSheet(ctx, data);
  return updateCriteriaDraft(ctx, versionId, { version, tree });
}
