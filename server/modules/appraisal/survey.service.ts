import {
  assertResultsOpen,
  listPlanStageInputs,
  listStageEntries,
  writeEntry,
} from '../assessment/index';
import { leafScore, loadCriteriaTree, treeLeaves } from '../criteria/index';
import type { CriterionNode, CriteriaTree } from '../../../shared/criteria';
import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { can } from '../../platform/access';
import { AppError, forbidden, notFound, type RowError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { foldVietnamese } from '../../platform/text';
import { canImportSurvey } from './appraisal.policy';
import { findSurveyPlan, listPlanSheets, type PlanRef, type PlanSheet } from './survey.queries';
import { buildSurveyWorkbook, readSurveyRows, SURVEY_COLUMNS } from './survey-xlsx';
import { getVisiblePlan, planFileName } from '../campaigns/index';

/**
 * Survey points (điểm khảo sát, e.g. SIPAS): the plan's officer imports raw survey scores per
 * unit and survey criterion from .xlsx; each is scaled to points by the leaf's surveyMax and
 * stored as the sheet's 'survey' entry (a re-import replaces it). All or nothing.
 */

const AUDIT = 'score_sheet';
const MAX_ROW_ERRORS = 200;

async function officerPlan(ctx: Ctx, db: Executor, planId: number): Promise<PlanRef> {
  const plan = await findSurveyPlan(db, planId);
  if (plan === undefined || !can(ctx.actor, 'campaign.view', plan.planUnitPath))
    throw notFound('kế hoạch');
  if (!canImportSurvey(ctx.actor, plan.planUnitPath))
    throw forbidden('Chỉ cán bộ thi đua của cơ quan ban hành kế hoạch được nhập điểm khảo sát.');
  return plan;
}

async function treesOf(db: Executor, sheets: PlanSheet[]) {
  const trees = new Map<number, CriteriaTree>();
  for (const s of sheets)
    if (!trees.has(s.criteriaVersionId))
      trees.set(s.criteriaVersionId, await loadCriteriaTree(db, s.criteriaVersionId));
  return trees;
}

const surveyLeaves = (tree: CriteriaTree) =>
  treeLeaves(tree).filter((l) => l.scoring?.method === 'survey');

type Score = { sheet: PlanSheet; leaf: CriterionNode; surveyScore: number; points: number };

/** Checks every row; the scores to write, or every row error (Vietnamese, by column). */
function checkRows(
  rows: Awaited<ReturnType<typeof readSurveyRows>>['rows'],
  sheets: PlanSheet[],
  trees: Map<number, CriteriaTree>,
) {
  const header = (key: string) => SURVEY_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const errors: RowError[] = [];
  const scores: Score[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const { rowNumber: row, cells } of rows) {
    const bad = (key: string, message: string) =>
      errors.push({ row, column: header(key), message });
    const raw = (cells.surveyScore ?? '').replace(',', '.');
    if (raw === '') {
      skipped++;
      continue;
    }
    const idRaw = cells.unitId ?? '';
    const nameRaw = cells.unitName ?? '';
    let sheet: PlanSheet | undefined;
    if (idRaw !== '') {
      sheet = sheets.find((s) => String(s.unitId) === idRaw);
      if (sheet === undefined)
        bad('unitId', `đơn vị mã ${idRaw} không có phiếu chấm trong kế hoạch`);
    } else if (nameRaw !== '') {
      const name = foldVietnamese(nameRaw);
      const byDisplay = sheets.filter((s) => foldVietnamese(s.unitName) === name);
      const hits =
        byDisplay.length > 0 ? byDisplay : sheets.filter((s) => foldVietnamese(s.ownName) === name);
      if (hits.length === 0) bad('unitName', `"${nameRaw}" không có phiếu chấm trong kế hoạch`);
      else if (hits.length > 1)
        bad(
          'unitName',
          `có nhiều đơn vị tên "${nameRaw}", hãy ghi Mã đơn vị hoặc tên như trong mẫu (ví dụ "${hits[0]?.unitName ?? nameRaw}")`,
        );
      else sheet = hits[0];
    } else bad('unitName', 'cần ghi Mã đơn vị hoặc tên Đơn vị');
    const code = cells.code ?? '';
    if (code === '') bad('code', 'không được để trống');
    const surveyScore = Number(raw);
    if (!/^-?\d+(\.\d+)?$/.test(raw)) bad('surveyScore', `"${cells.surveyScore}" không phải là số`);
    if (sheet === undefined || code === '') continue;
    const tree = trees.get(sheet.criteriaVersionId);
    const leaf = tree && treeLeaves(tree).find((l) => l.code === code);
    if (leaf?.scoring === undefined) {
      bad('code', `không có tiêu chí cuối mã ${code} trong bộ tiêu chí`);
      continue;
    }
    if (leaf.scoring.method !== 'survey') {
      bad('code', `tiêu chí ${code} không chấm theo khảo sát`);
      continue;
    }
    const key = `${sheet.id}/${leaf.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      bad('code', `trùng đơn vị và tiêu chí với dòng ${first}`);
      continue;
    }
    seen.set(key, row);
    if (!Number.isFinite(surveyScore) || !/^-?\d+(\.\d+)?$/.test(raw)) continue;
    const score = leafScore(leaf.scoring, leaf.maxPoints, { surveyScore });
    if (!score.ok) bad('surveyScore', score.message);
    else scores.push({ sheet, leaf, surveyScore, points: score.points });
  }
  return { errors, scores, skipped };
}

/**
 * Imports survey scores for a plan's score sheets from .xlsx: columns "Mã đơn vị" or "Đơn vị",
 * "Mã tiêu chí" (a survey leaf), "Điểm khảo sát" (0 – the leaf's surveyMax, scaled to points).
 * Rows without a score are skipped. All or nothing: VALIDATION_FAILED with every row error in
 * details.rows (unreadable file, missing columns, unknown or ambiguous unit, unknown or
 * non-survey criterion, bad or out-of-range score, duplicate row). INVALID_STATE while the plan's
 * results are published. The plan's officer only: FORBIDDEN; NOT_FOUND outside the plan's viewers.
 */
export async function importSurveyScores(
  ctx: Ctx,
  planId: number,
  input: { fileName: string | undefined; data: Buffer | undefined },
) {
  if (input.data === undefined || input.fileName === undefined)
    throw new AppError('VALIDATION_FAILED', 'Chưa chọn tệp điểm khảo sát.');
  const { data, fileName } = input;
  const plan = await officerPlan(ctx, ctx.db, planId);
  const read = await readSurveyRows(data, { log: ctx.log }).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    ctx.log.warn({ err: e }, 'unreadable survey .xlsx upload');
    throw new AppError(
      'VALIDATION_FAILED',
      'Không đọc được tệp: tệp phải là bảng tính Excel .xlsx.',
      {
        fileError: true,
      },
    );
  });
  const missing = [['unitId', 'unitName'], ['code'], ['surveyScore']]
    .filter((alts) => !alts.some((k) => read.headers.has(k)))
    .map((alts) => alts.map((k) => SURVEY_COLUMNS.find((c) => c.key === k)?.header).join(' hoặc '));
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', `Tệp thiếu cột bắt buộc: ${missing.join(', ')}.`, {
      rows: missing.map((column) => ({ row: 1, column, message: 'thiếu cột' })),
    });
  return ctx.db.transaction().execute(async (trx) => {
    await assertResultsOpen(trx, plan.id);
    const sheets = await listPlanSheets(trx, plan.id, true);
    const { errors, scores, skipped } = checkRows(read.rows, sheets, await treesOf(trx, sheets));
    if (errors.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Tệp có ${errors.length} lỗi; chưa ghi điểm khảo sát nào. Hãy sửa và nhập lại.`,
        { rows: errors.slice(0, MAX_ROW_ERRORS), errorCount: errors.length },
      );
    if (scores.length === 0) throw new AppError('VALIDATION_FAILED', 'Tệp không có điểm nào.');
    const bySheet = new Map<number, Score[]>();
    for (const s of scores) bySheet.set(s.sheet.id, [...(bySheet.get(s.sheet.id) ?? []), s]);
    for (const [sheetId, list] of bySheet) {
      const before = await listStageEntries(
        trx,
        sheetId,
        'survey',
        list.map((s) => s.leaf.id),
      );
      for (const s of list)
        await writeEntry(
          trx,
          { sheetId, nodeId: s.leaf.id, stage: 'survey' },
          {
            input: { surveyScore: s.surveyScore },
            points: s.points,
            note: `Nhập từ tệp ${fileName}`,
            scoredBy: actorId(ctx.actor),
            scoredAt: ctx.now(),
          },
          'overwrite',
        );
      await recordAudit(trx, ctx, {
        action: 'score_sheet.survey_imported',
        entityType: AUDIT,
        entityId: sheetId,
        unitPath: list[0]?.sheet.unitPath ?? null,
        before: before.length > 0 ? { survey: before } : undefined,
        after: {
          fileName,
          survey: list.map((s) => ({
            nodeId: s.leaf.id,
            surveyScore: s.surveyScore,
            points: s.points,
          })),
        },
      });
    }
    return { planId: plan.id, fileName, imported: scores.length, skipped, sheets: bySheet.size };
  });
}

/**
 * The survey-score template of a plan: a row per score sheet and survey criterion, current
 * scores filled in. The plan's officer only (FORBIDDEN; NOT_FOUND outside the plan's viewers).
 */
export async function surveyTemplate(ctx: Ctx, planId: number) {
  const plan = await officerPlan(ctx, ctx.db, planId);
  const sheets = await listPlanSheets(ctx.db, plan.id, false);
  const trees = await treesOf(ctx.db, sheets);
  const current = await listPlanStageInputs(ctx.db, plan.id, 'survey');
  const scoreOf = (sheetId: number, nodeId: string) => {
    const input = current.find((c) => c.sheetId === sheetId && c.nodeId === nodeId)?.input;
    const v = (input as { surveyScore?: unknown } | undefined)?.surveyScore;
    return typeof v === 'number' ? v : null;
  };
  const rows = sheets.flatMap((s) =>
    surveyLeaves(trees.get(s.criteriaVersionId) ?? { maxTotal: 1, fields: [] }).map((leaf) => ({
      unitId: s.unitId,
      unitName: s.unitName,
      code: leaf.code,
      title: leaf.title,
      surveyScore: scoreOf(s.id, leaf.id),
      surveyMax: leaf.scoring?.method === 'survey' ? leaf.scoring.surveyMax : 0,
    })),
  );
  return {
    data: await buildSurveyWorkbook(rows),
    fileName: planFileName('Điểm khảo sát', await getVisiblePlan(ctx, ctx.db, plan.id), 'xlsx'),
  };
}
