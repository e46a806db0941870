import type { Band, CriteriaTree, CriterionNode, Scoring } from '../../../shared/criteria';
import { placeBeyondName } from '../../../shared/org';
import { isNumber, num, round2 } from '../../platform/numbers';
import { classify, LeafInput } from '../criteria/index';

/**
 * The printable score sheet (phiếu chấm điểm) as plain data, read by both the .xlsx and the .docx
 * renderers: the tree in order with each node's points per stage (the roll-ups of the
 * side-by-side view), the figures in words, the stages that exist, the totals and the result.
 * Pure: the service gathers the inputs.
 */

/** One stage's cell of a leaf, as the side-by-side view gives it. */
export type StageCell = { points: number | null; note: string | null; input: unknown } | null;

export type ComparedLeaf = {
  nodeId: string;
  appraised: boolean;
  self: StageCell;
  appraisal1: StageCell;
  appraisal2: StageCell;
  survey: StageCell;
  explanation: StageCell;
  final: number | null;
};

type Summary = { totals: Record<string, number>; total: number; percent: number };

/** The parts of `sideBySide` the export reads. */
export type ComparisonView = {
  status: string;
  explanation: { reason: string | null; requestedAt: Date | null };
  leaves: ComparedLeaf[];
  totals: { self: Summary; appraisal1: Summary; appraisal2: Summary; final: Summary };
};

export type ExportInput = {
  view: ComparisonView;
  tree: CriteriaTree;
  /** Evidence file names per leaf, in upload order. */
  evidence: ReadonlyMap<string, string[]>;
  planNumber: string | null;
  planTitle: string;
  unitName: string;
  /** Units between the plan's issuer and the sheet's unit, top down (e.g. its commune). */
  unitPlace: string[];
  /** "<set> — phiên bản N"; null for the shipped example set, whose name is a placeholder. */
  criteriaName: string | null;
  statusLabel: string;
  bands: readonly Band[];
  /** The unit's rank once the plan's results are published, else null. */
  rank: number | null;
  exportedAt: Date;
};

export type Stages = {
  appraisal1: boolean;
  explanation: boolean;
  appraisal2: boolean;
  survey: boolean;
  /** Final points and the difference from the self-score (once round 1 has scores). */
  final: boolean;
};

export type ExportRow = {
  nodeId: string;
  /** 0 for a field (lĩnh vực), 1 for its criteria, … */
  depth: number;
  isLeaf: boolean;
  code: string;
  title: string;
  maxPoints: number;
  selfFigure: string | null;
  self: number | null;
  /** The unit's explanation and the names of its evidence files. */
  selfNote: string | null;
  appraisal1: number | null;
  appraisal1Note: string | null;
  explanation: string | null;
  appraisal2: number | null;
  appraisal2Note: string | null;
  survey: number | null;
  final: number | null;
  /** Final − self, on every row where both are printed. */
  diff: number | null;
};

export type StageTotals = { total: number; percent: number };

export type SheetExport = {
  kind: 'self' | 'appraisal';
  heading: string;
  planNumber: string | null;
  planTitle: string;
  unitName: string;
  unitPlace: string[];
  criteriaName: string | null;
  statusLabel: string;
  exportedAt: string;
  explanationReason: string | null;
  stages: Stages;
  rows: ExportRow[];
  maxTotal: number;
  totals: {
    self: StageTotals;
    appraisal1: StageTotals | null;
    appraisal2: StageTotals | null;
    final: StageTotals | null;
  };
  /** The band of the final percentage once the sheet is appraised; the rank once published. */
  result: { bandLabel: string; rank: number | null } | null;
  /** Notes printed under the table (how survey leaves and differences are read). */
  footnotes: string[];
};

export const HEADINGS = {
  self: 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM',
  appraisal: 'BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH',
} as const;

/** A sheet counts as appraised (the appraisal table) once the appraisal is closed. */
export const isAppraisedStatus = (status: string) =>
  status === 'appraised' || status === 'published';

/** 4.5 → "4,50": points and percentages print with 2 decimals and a decimal comma. */
export function points2(n: number): string {
  return n.toFixed(2).replace('.', ',');
}

/** A difference with its sign: "+2,00", "−1,50", "0,00". */
export function signed2(n: number): string {
  if (n > 0) return `+${points2(n)}`;
  if (n < 0) return `−${points2(-n)}`;
  return points2(0);
}

const vnParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "15/07/2020 09:00" in Vietnam time. */
export function vietnamDateTime(at: Date): string {
  const p = Object.fromEntries(vnParts.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** What the scorer entered, in words: "Đạt", "95 %", "2 lần", "4,5 điểm", "+1 điểm". */
export function figureText(scoring: Scoring | undefined, raw: unknown): string | null {
  const parsed = LeafInput.safeParse(raw);
  if (!parsed.success || scoring === undefined) return null;
  const i = parsed.data;
  switch (scoring.method) {
    case 'binary':
      return typeof i.met === 'boolean' ? (i.met ? 'Đạt' : 'Không đạt') : null;
    case 'tiered_percent':
      return isNumber(i.percent) ? `${num(i.percent)} %` : null;
    case 'deduction':
      return isNumber(i.incidents)
        ? i.incidents === 0
          ? 'Không vi phạm'
          : `${num(i.incidents)} lần`
        : null;
    case 'manual':
      return isNumber(i.points) ? `${num(i.points)} điểm` : null;
    case 'adjustment':
      return isNumber(i.points) ? `${i.points > 0 ? '+' : ''}${num(i.points)} điểm` : null;
    case 'survey':
      return isNumber(i.surveyScore) ? `${num(i.surveyScore)}/${num(scoring.surveyMax)}` : null;
  }
}

const joinText = (parts: (string | null | undefined)[], sep = '\n') => {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return kept.length > 0 ? kept.join(sep) : null;
};

/** Which stages have something to show (a draft only has the unit's own columns). */
export function stagesOf(view: ComparisonView): Stages {
  const any = (k: 'appraisal1' | 'appraisal2' | 'survey' | 'explanation') =>
    view.leaves.some((l) => l[k] !== null);
  const appraisal1 = any('appraisal1');
  return {
    appraisal1,
    explanation: any('explanation') || view.explanation.requestedAt !== null,
    appraisal2: any('appraisal2'),
    survey: any('survey'),
    final: appraisal1,
  };
}

/** An appraiser's comment, with the figure found when it differs from the unit's own. */
function appraisalNote(scoring: Scoring | undefined, cell: StageCell, self: StageCell) {
  if (cell === null) return null;
  const figure = figureText(scoring, cell.input);
  const differs = figure !== null && figure !== figureText(scoring, self?.input);
  return joinText([differs ? `Số liệu thẩm định: ${figure}` : null, cell.note]);
}

function buildRows(input: ExportInput, stages: Stages): ExportRow[] {
  const { view, tree } = input;
  const leaves = new Map(view.leaves.map((l) => [l.nodeId, l]));
  const t = view.totals;
  const rows: ExportRow[] = [];
  const walk = (node: CriterionNode, depth: number) => {
    const leaf = node.children.length === 0 ? leaves.get(node.id) : undefined;
    const rolled = (s: Summary) => s.totals[node.id] ?? 0;
    // Leaves print their own entry (blank when none); parents the stage's roll-up. Survey
    // leaves count in the appraisal stages with the survey's points, as the roll-up does.
    const stagePoints = (s: 'self' | 'appraisal1' | 'appraisal2', on: boolean) => {
      if (!on && s !== 'self') return null;
      if (leaf === undefined) return rolled(t[s]);
      const cell = s !== 'self' && !leaf.appraised ? leaf.survey : leaf[s];
      return cell?.points ?? null;
    };
    const self = stagePoints('self', true);
    const final = !stages.final ? null : leaf === undefined ? rolled(t.final) : leaf.final;
    const files = input.evidence.get(node.id) ?? [];
    rows.push({
      nodeId: node.id,
      depth,
      isLeaf: node.children.length === 0,
      code: node.code,
      title: node.title,
      maxPoints: node.maxPoints,
      selfFigure: leaf ? figureText(node.scoring, leaf.self?.input) : null,
      self,
      selfNote: joinText([
        leaf?.self?.note,
        files.length > 0 ? `Tệp kiểm chứng: ${files.join('; ')}` : null,
      ]),
      appraisal1: stagePoints('appraisal1', stages.appraisal1),
      appraisal1Note: leaf ? appraisalNote(node.scoring, leaf.appraisal1, leaf.self) : null,
      explanation: leaf?.explanation?.note ?? null,
      appraisal2: stagePoints('appraisal2', stages.appraisal2),
      appraisal2Note: leaf ? appraisalNote(node.scoring, leaf.appraisal2, leaf.self) : null,
      survey: leaf?.survey?.points ?? null,
      final,
      diff: final !== null && self !== null ? round2(final - self) : null,
    });
    node.children.forEach((c) => walk(c, depth + 1));
  };
  tree.fields.forEach((f) => walk(f, 0));
  return rows;
}

/** The whole printable sheet from the side-by-side view and its context. */
export function buildSheetExport(input: ExportInput): SheetExport {
  const { view } = input;
  const stages = stagesOf(input.view);
  const kind = isAppraisedStatus(view.status) ? 'appraisal' : 'self';
  const pick = (s: Summary): StageTotals => ({ total: s.total, percent: s.percent });
  const hasSurveyLeaf = view.leaves.some((l) => !l.appraised);
  const footnotes = [
    ...(hasSurveyLeaf && stages.appraisal1
      ? ['Tiêu chí chấm theo kết quả khảo sát: điểm thẩm định lấy theo điểm khảo sát.']
      : []),
    ...(stages.final
      ? ['Chênh lệch = Điểm cuối cùng − Điểm tự chấm (mục trống tính 0 điểm).']
      : []),
  ];
  const finalPercent = view.totals.final.percent;
  return {
    kind,
    heading: HEADINGS[kind],
    planNumber: input.planNumber,
    planTitle: input.planTitle,
    unitName: input.unitName,
    unitPlace: input.unitPlace,
    criteriaName: input.criteriaName,
    statusLabel: input.statusLabel,
    exportedAt: vietnamDateTime(input.exportedAt),
    explanationReason: view.explanation.reason,
    stages,
    rows: buildRows(input, stages),
    maxTotal: input.tree.maxTotal,
    totals: {
      self: pick(view.totals.self),
      appraisal1: stages.appraisal1 ? pick(view.totals.appraisal1) : null,
      appraisal2: stages.appraisal2 ? pick(view.totals.appraisal2) : null,
      final: stages.final ? pick(view.totals.final) : null,
    },
    result:
      kind === 'appraisal' && stages.final
        ? { bandLabel: classify(finalPercent, input.bands).label, rank: input.rank }
        : null,
    footnotes,
  };
}

/** "Bộ phận một cửa — Xã Lương Điền": the unit with where it sits below the plan's issuer. */
export function unitWithPlace(e: Pick<SheetExport, 'unitName' | 'unitPlace'>): string {
  const place = placeBeyondName(e.unitName, e.unitPlace).reverse().join(', ');
  return place === '' ? e.unitName : `${e.unitName} — ${place}`;
}

/** "Kế hoạch số 62/KH-UBND: <title>". */
export function planLine(e: Pick<SheetExport, 'planNumber' | 'planTitle'>): string {
  return e.planNumber === null
    ? `Kế hoạch: ${e.planTitle}`
    : `Kế hoạch số ${e.planNumber}: ${e.planTitle}`;
}

/**
 * "Phiếu chấm điểm - Bộ phận một cửa, Xã Lương Điền - 62-KH-UBND" (no extension; made safe by
 * platform/file-name when sent).
 */
export function exportFileBase(e: Pick<SheetExport, 'unitName' | 'unitPlace' | 'planNumber'>) {
  const unit = [e.unitName, ...[...e.unitPlace].reverse().slice(0, 1)].join(', ');
  return `Phiếu chấm điểm - ${unit} - ${(e.planNumber ?? 'kế hoạch').replace(/\//gu, '-')}`;
}
