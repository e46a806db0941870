import type { CriteriaTree, CriterionNode, Scoring } from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { AppError, fieldError, forbidden, type RowError } from '../../platform/errors';
import { requireXlsx } from '../../platform/upload';
import { recordAudit } from '../../platform/audit';
import { LeafInput, leafScore, loadCriteriaTree } from '../criteria/index';
import { editableSheet, getSheet, loadSheet } from './assessment.service';
import { isSelfScored } from './assessment.rules';
import { canActForUnit } from './assessment.policy';
import { listEntries, type EntryRecord } from './assessment.queries';
import { SaveSelfEntry } from './assessment.schemas';
import { writeSelfEntry, type SelfEntrySnapshot } from './self-entry';
import {
  buildSelfTemplate,
  figureOf,
  parseFigure,
  readSelfSheet,
  selfHeader,
  type SelfRow,
  type SelfSheet,
} from './self-import-xlsx';
import { fileName } from '../../platform/file-name';

/**
 * The self-assessment in Excel: the unit downloads a fill-in workbook of its sheet (one input
 * cell per self-scored leaf, current entries filled in), fills it, and imports it. The import is
 * all or nothing and writes every changed leaf through the same path as saving one leaf
 * (writeSelfEntry), with the same rules, in one transaction.
 */

const AUDIT = 'score_sheet';
const MAX_ROW_ERRORS = 200;
const FILE = { field: 'file', label: 'Tệp Excel' };

/** Every node by printed code (codes are unique within a published tree: validateTree). */
function nodesByCode(tree: CriteriaTree): Map<string, CriterionNode> {
  const out = new Map<string, CriterionNode>();
  const walk = (n: CriterionNode) => {
    out.set(n.code, n);
    n.children.forEach(walk);
  };
  tree.fields.forEach(walk);
  return out;
}

type Current = Pick<EntryRecord, 'input' | 'points' | 'note' | 'version' | 'scoredAt'>;

/** A saved input as LeafInput (the driver hands jsonb back as an object). */
const asInput = (raw: unknown): LeafInput => LeafInput.catch({}).parse(raw ?? {});

/**
 * The fill-in workbook of a sheet: its readers (NOT_FOUND otherwise). Survey leaves are left out
 * (not the unit's to score); the hidden sheet records the sheet id and the export time.
 */
export async function selfTemplate(ctx: Ctx, sheetId: number) {
  const sheet = await loadSheet(ctx, ctx.db, sheetId);
  const tree = await loadCriteriaTree(ctx.db, sheet.criteriaVersionId);
  const entries = (await listEntries(ctx.db, sheetId)).filter((e) => e.stage === 'self');
  const data = await buildSelfTemplate({
    sheetId,
    unitName: sheet.unitName,
    planTitle: sheet.planTitle,
    exportedAt: ctx.now(),
    tree,
    entries: new Map(entries.map((e) => [e.nodeId, { input: asInput(e.input), note: e.note }])),
  });
  return { data, fileName: fileName(['Tự chấm điểm', sheet.unitName], 'xlsx') };
}

type Change = {
  node: CriterionNode;
  value: { input: LeafInput; points: number | null; note: string | null };
  current: Current | undefined;
};

/** Every row checked against the tree: the leaves to write, the unchanged count, the errors. */
function checkRows(rows: SelfRow[], tree: CriteriaTree, current: Map<string, Current>) {
  const byCode = nodesByCode(tree);
  const errors: RowError[] = [];
  const changes: Change[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const r of rows) {
    const bad = (key: 'code' | 'figure' | 'note', message: string) =>
      errors.push({ row: r.row, column: selfHeader(key), message });
    const code = r.code.replace(/\.+$/, '');
    const hasFigure = r.figure.text !== '';
    if (code === '') {
      bad('code', 'không được để trống');
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      bad('code', `mã "${code}" trùng với dòng ${first}`);
      continue;
    }
    seen.set(code, r.row);
    const node = byCode.get(code);
    if (node === undefined) {
      bad('code', `không có tiêu chí mã "${code}" trong bộ tiêu chí của phiếu`);
      continue;
    }
    const scoring: Scoring | undefined = node.children.length === 0 ? node.scoring : undefined;
    if (scoring === undefined) {
      if (hasFigure || r.note !== '')
        bad(
          hasFigure ? 'figure' : 'note',
          'mục có tiêu chí con: điểm cộng từ các mục con, để trống',
        );
      continue;
    }
    if (!isSelfScored(node)) {
      if (hasFigure) bad('figure', 'chấm theo kết quả khảo sát, đơn vị không tự chấm; để trống');
      continue;
    }
    const note = SaveSelfEntry.shape.note.safeParse(r.note);
    if (!note.success) bad('note', `dài quá 4000 ký tự`);
    else if (r.note.includes('\u0000')) bad('note', 'có ký tự không hợp lệ');
    const now = current.get(node.id);
    const nowInput = asInput(now?.input);
    let input = nowInput;
    let points = now?.points ?? null;
    if (hasFigure) {
      const parsed = parseFigure(scoring, r.figure);
      if (typeof parsed === 'string') {
        bad('figure', parsed);
        continue;
      }
      const score = leafScore(scoring, node.maxPoints, parsed);
      if (!score.ok) {
        bad('figure', score.message.charAt(0).toLowerCase() + score.message.slice(1));
        continue;
      }
      input = parsed;
      points = score.points;
    }
    // Blank cells never clear: a blank figure keeps the saved one, a blank note the saved note.
    const newNote = note.success && note.data !== null ? note.data : (now?.note ?? null);
    const sameFigure = figureOf(scoring, input) === figureOf(scoring, nowInput);
    if ((!hasFigure || sameFigure) && newNote === (now?.note ?? null)) {
      unchanged++;
      continue;
    }
    changes.push({ node, value: { input, points, note: newNote }, current: now });
  }
  return { errors, changes, unchanged };
}

function rowErrors(errors: RowError[]): AppError {
  const rows = [...errors].sort((a, b) => a.row - b.row);
  const at = rows[0] ? ` Dòng ${rows[0].row}, cột ${rows[0].column}: ${rows[0].message}.` : '';
  return new AppError(
    'VALIDATION_FAILED',
    `Tệp có ${rows.length} lỗi; không có dữ liệu nào được ghi, hãy sửa rồi nhập lại.${at}`,
    { rows: rows.slice(0, MAX_ROW_ERRORS), errorCount: rows.length },
  );
}

async function readFile(ctx: Ctx, input: { fileName?: string; data?: Buffer }): Promise<SelfSheet> {
  const { data } = requireXlsx(input, FILE);
  // The kit's loader answers an unreadable file itself (naming the field); anything else it
  // throws is a workbook it could open but not walk.
  return readSelfSheet(data, FILE, ctx.log).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    ctx.log.warn({ err: e }, 'unreadable self-assessment .xlsx upload');
    throw fieldError(FILE.field, FILE.label, 'không đọc được tệp; tệp phải là bảng tính .xlsx');
  });
}

/**
 * Imports the unit's self-assessment from the workbook of selfTemplate (or any sheet with the
 * columns "Mã tiêu chí" and "Số liệu", "Giải trình" optional). Each row's figure is read by the
 * leaf's method and scored by leafScore; a blank cell changes nothing (never clears); rows equal
 * to what is saved are not written. All or nothing: VALIDATION_FAILED with every row error in
 * details.rows (row, column, Vietnamese message; unknown, duplicate or parent codes, survey
 * leaves, unreadable or out-of-range figures, over-long notes), or naming the file (missing,
 * not .xlsx by name or content, unreadable, another sheet's template). Same rules as saving one
 * leaf: NOT_FOUND outside the sheet's readers; FORBIDDEN for others than the unit's side;
 * INVALID_STATE once submitted or while the plan's results are published. No deadline applies to
 * saving figures (only to submitting, as for one leaf). The file wins over entries saved since
 * the template was downloaded; their codes come back in `changedSinceTemplate`. One audit event
 * `score_sheet.self_imported` with every written leaf's before and after.
 */
export async function importSelfAssessment(
  ctx: Ctx,
  sheetId: number,
  input: { fileName?: string; data?: Buffer },
) {
  const pre = await loadSheet(ctx, ctx.db, sheetId);
  if (!canActForUnit(ctx.actor, pre))
    throw forbidden('Chỉ đơn vị được chấm (thủ trưởng, cán bộ thi đua) được tự chấm điểm.');
  const file = await readFile(ctx, input);
  if (file.meta.sheetId !== undefined && file.meta.sheetId !== sheetId)
    throw fieldError(
      FILE.field,
      FILE.label,
      'là tệp mẫu của một phiếu chấm điểm khác; hãy tải tệp mẫu của phiếu này',
    );
  if (file.missing.length > 0)
    throw rowErrors(
      file.missing.map((k) => ({
        row: file.headerRow,
        column: selfHeader(k),
        message: 'thiếu cột',
      })),
    );
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await editableSheet(ctx, trx, sheetId, 'share');
    const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
    const entries = (await listEntries(trx, sheetId)).filter((e) => e.stage === 'self');
    const current = new Map(entries.map((e) => [e.nodeId, e]));
    const { errors, changes, unchanged } = checkRows(file.rows, tree, current);
    if (errors.length > 0) throw rowErrors(errors);
    const since = file.meta.exportedAt;
    const changedSinceTemplate = changes
      .filter((c) => since !== undefined && c.current !== undefined && c.current.scoredAt > since)
      .map((c) => c.node.code);
    const before: Record<string, SelfEntrySnapshot> = {};
    const after: Record<string, SelfEntrySnapshot> = {};
    for (const c of changes) {
      // The file wins: the expected version is the one just read (CONFLICT only on a race).
      const saved = await writeSelfEntry(ctx, trx, sheetId, c.node.id, {
        ...c.value,
        version: c.current?.version ?? 0,
      });
      if (saved.before) before[c.node.code] = saved.before;
      after[c.node.code] = saved.after;
    }
    if (changes.length > 0)
      await recordAudit(trx, ctx, {
        action: 'score_sheet.self_imported',
        entityType: AUDIT,
        entityId: sheetId,
        unitPath: sheet.unitPath,
        before,
        after: {
          fileName: input.fileName,
          codes: changes.map((c) => c.node.code),
          changedSinceTemplate,
          ...after,
        },
      });
    return {
      imported: changes.length,
      unchanged,
      changedSinceTemplate,
      sheet: await getSheet(ctx, sheetId, trx),
    };
  });
}
