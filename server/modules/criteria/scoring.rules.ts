import {
  LeafInput,
  type Band,
  type CriteriaTree,
  type CriterionNode,
  type Scoring,
} from '../../../shared/criteria';
import { isNumber, num, round2 } from '../../platform/numbers';

export { round2 } from '../../platform/numbers';
export * from './ranking.rules';

/**
 * Pure scoring rules of a CCHC index round: a leaf's points from what the unit or the appraiser
 * enters, tree checks, the roll-up leaf → criterion → field → total, classification, ranking and
 * the self-score vs appraisal differences. No I/O; every number leaves here rounded to 2 decimals.
 */

/** What a unit or appraiser enters for one leaf: one definition, in shared/criteria.ts. */
export { LeafInput };

/** A leaf's points, or why the input is refused (Vietnamese, shown to the person entering it). */
export type LeafScore = { ok: true; points: number } | { ok: false; message: string };

const ok = (points: number): LeafScore => ({ ok: true, points: round2(points) });
const fail = (message: string): LeafScore => ({ ok: false, message });

/** Tiers from the highest threshold down (the order they are read in). */
function tiersDesc(scoring: Extract<Scoring, { method: 'tiered_percent' }>) {
  return [...scoring.tiers].sort((a, b) => b.minPercent - a.minPercent);
}

/** Computes a leaf's points from the entered input under the leaf's scoring method. */
export function leafScore(scoring: Scoring, maxPoints: number, input: LeafInput): LeafScore {
  switch (scoring.method) {
    case 'binary':
      if (typeof input.met !== 'boolean') return fail('Cần chọn "Đạt" hoặc "Không đạt"');
      return ok(input.met ? maxPoints : 0);
    case 'tiered_percent': {
      const p = input.percent;
      if (!isNumber(p)) return fail('Cần nhập tỷ lệ % đạt được');
      if (p < 0 || p > 100) return fail(`Tỷ lệ phải trong khoảng 0 – 100 % (đã nhập ${num(p)})`);
      const tier = tiersDesc(scoring).find((t) => p >= t.minPercent);
      return ok(Math.min(tier?.points ?? 0, maxPoints));
    }
    case 'deduction': {
      const n = input.incidents;
      if (!isNumber(n)) return fail('Cần nhập số lần vi phạm');
      if (n < 0 || !Number.isInteger(n)) {
        return fail(`Số lần vi phạm phải là số nguyên không âm (đã nhập ${num(n)})`);
      }
      return ok(Math.max(0, maxPoints - n * scoring.perIncident));
    }
    case 'manual': {
      const v = input.points;
      if (!isNumber(v)) return fail('Cần nhập số điểm');
      if (v < 0 || v > maxPoints) {
        return fail(`Điểm phải trong khoảng 0 – ${num(maxPoints)} (đã nhập ${num(v)})`);
      }
      return ok(v);
    }
    case 'survey': {
      const s = input.surveyScore;
      if (!isNumber(s)) return fail('Cần nhập điểm khảo sát');
      if (s < 0 || s > scoring.surveyMax) {
        return fail(
          `Điểm khảo sát phải trong khoảng 0 – ${num(scoring.surveyMax)} (đã nhập ${num(s)})`,
        );
      }
      return ok(Math.min(maxPoints, (maxPoints * s) / scoring.surveyMax));
    }
    case 'adjustment': {
      const v = input.points;
      if (!isNumber(v)) return fail('Cần nhập điểm thưởng (số dương) hoặc điểm trừ (số âm)');
      if (v < -scoring.maxPenalty || v > scoring.maxBonus) {
        return fail(
          `Điểm thưởng / điểm trừ phải trong khoảng −${num(scoring.maxPenalty)} – +${num(scoring.maxBonus)} (đã nhập ${num(v)})`,
        );
      }
      return ok(v);
    }
  }
}

/** One problem found in a criteria tree; `code` is the node's printed code, null for the tree. */
export type TreeProblem = { code: string | null; message: string };

const isAdjustment = (n: CriterionNode) => n.scoring?.method === 'adjustment';
/** Sum of maxPoints, adjustment leaves excluded (they sit outside the 100-point total). */
const sumMax = (nodes: readonly CriterionNode[]) =>
  round2(nodes.filter((n) => !isAdjustment(n)).reduce((s, n) => s + n.maxPoints, 0));

function scoringProblems(node: CriterionNode, scoring: Scoring): string[] {
  const max = node.maxPoints;
  switch (scoring.method) {
    case 'tiered_percent': {
      const out: string[] = [];
      const tiers = tiersDesc(scoring);
      if (tiers.length === 0) return ['chưa có mức tỷ lệ nào'];
      tiers.forEach((t, i) => {
        if (t.points > max) {
          out.push(
            `mức ≥ ${num(t.minPercent)} % cho ${num(t.points)} điểm, vượt điểm tối đa ${num(max)}`,
          );
        }
        const lower = tiers[i + 1];
        if (lower && lower.minPercent === t.minPercent) {
          out.push(`có hai mức cùng ngưỡng ${num(t.minPercent)} %`);
        } else if (lower && lower.points > t.points) {
          out.push(`mức ≥ ${num(t.minPercent)} % cho ít điểm hơn mức ≥ ${num(lower.minPercent)} %`);
        }
      });
      const best = Math.max(...tiers.map((t) => t.points));
      if (best < max)
        out.push(`mức cao nhất chỉ cho ${num(best)} điểm, chưa bằng điểm tối đa ${num(max)}`);
      return out;
    }
    case 'adjustment':
      // The printed "±3" column reads maxPoints; keep it the same as the bonus cap.
      return max === scoring.maxBonus
        ? []
        : [`điểm tối đa (${num(max)}) phải bằng mức thưởng tối đa (${num(scoring.maxBonus)})`];
    case 'binary':
    case 'deduction':
    case 'manual':
    case 'survey':
      return [];
  }
}

/**
 * Checks a criteria tree before it is published; returns every problem found (empty = valid),
 * in Vietnamese and naming the node's code: duplicate ids or codes, leaves without a scoring
 * method, parents with one, children's maxima not adding up to the parent's (adjustment leaves
 * excluded), tiers above the maximum, out of order or never reaching it, adjustment caps, and
 * fields not adding up to `maxTotal`. Children summing to less than the parent are reported too:
 * a parent's points are the sum of its children, so its maximum could never be reached.
 */
export function validateTree(tree: CriteriaTree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const byId = new Map<string, string[]>();
  const byCode = new Map<string, string[]>();
  const add = (node: CriterionNode, text: string) =>
    problems.push({ code: node.code, message: `Mục ${node.code}: ${text}` });

  const visit = (node: CriterionNode) => {
    byId.set(node.id, [...(byId.get(node.id) ?? []), node.code]);
    byCode.set(node.code, [...(byCode.get(node.code) ?? []), node.code]);
    if (node.children.length === 0) {
      if (!node.scoring) add(node, 'là tiêu chí cuối nhưng chưa có phương pháp chấm điểm');
      else for (const m of scoringProblems(node, node.scoring)) add(node, m);
      return;
    }
    if (node.scoring) {
      add(
        node,
        'có tiêu chí con nên không được gắn phương pháp chấm điểm (điểm cộng từ tiêu chí con)',
      );
    }
    const sum = sumMax(node.children);
    if (sum > node.maxPoints) {
      add(
        node,
        `tổng điểm tối đa các tiêu chí con (${num(sum)}) vượt điểm tối đa của mục (${num(node.maxPoints)})`,
      );
    } else if (sum < node.maxPoints) {
      add(
        node,
        `tổng điểm tối đa các tiêu chí con (${num(sum)}) thấp hơn điểm tối đa của mục (${num(node.maxPoints)}), không thể đạt đủ điểm`,
      );
    }
    node.children.forEach(visit);
  };
  tree.fields.forEach(visit);

  for (const [id, codes] of byId) {
    if (codes.length > 1) {
      problems.push({
        code: codes[0] ?? null,
        message: `Mã định danh "${id}" bị trùng ở các mục ${codes.join(', ')}`,
      });
    }
  }
  for (const [code, codes] of byCode) {
    if (codes.length > 1) {
      problems.push({ code, message: `Mục ${code}: số hiệu bị trùng (${codes.length} mục)` });
    }
  }
  const total = sumMax(tree.fields);
  if (total !== tree.maxTotal) {
    problems.push({
      code: null,
      message: `Tổng điểm tối đa các lĩnh vực (${num(total)}, không tính điểm thưởng / điểm trừ) khác tổng điểm của bộ tiêu chí (${num(tree.maxTotal)})`,
    });
  }
  return problems;
}

/** A unit's points rolled up over a tree. */
export type RollUpResult = {
  /** Every node id → points: a leaf's own (0 when missing), a parent's = sum of its children. */
  totals: Map<string, number>;
  /** Top-level nodes other than adjustments, in tree order (field 1 first). */
  fieldTotals: number[];
  /** Sum of the fields, adjustments excluded. */
  base: number;
  /** Points of non-survey, non-adjustment leaves (what the appraisal team scored). */
  appraised: number;
  /** Net bonus (+) / penalty (−) from adjustment leaves. */
  adjustments: number;
  /** base + adjustments, clamped to [0, maxTotal]. */
  total: number;
  /** total / maxTotal × 100, 2 decimals. */
  percent: number;
  /** Leaf ids with no points entered (tree order); adjustments are never missing. */
  missing: string[];
  /** Ids in `leafPoints` that are not leaves of the tree (stale or mistyped). */
  unknown: string[];
};

/**
 * Rolls leaf points up to criteria, fields and the total. Missing leaves (absent or null) count 0
 * and are listed in `missing`, so a partial self-assessment still shows a total. Adjustment leaves
 * sit outside the 100-point total (shared/criteria): wherever they are in the tree they feed only
 * the grand total, never their parent's sum, and an empty one simply means "no bonus / penalty".
 */
export function rollUp(
  tree: CriteriaTree,
  leafPoints: ReadonlyMap<string, number | null>,
): RollUpResult {
  const totals = new Map<string, number>();
  const missing: string[] = [];
  const leafIds = new Set<string>();
  let appraised = 0;
  let adjustments = 0;

  const walk = (node: CriterionNode): number => {
    if (node.children.length > 0) {
      const sum = round2(node.children.reduce((s, c) => s + walk(c), 0));
      totals.set(node.id, sum);
      return sum;
    }
    leafIds.add(node.id);
    const raw = leafPoints.get(node.id);
    const v = isNumber(raw) ? round2(raw) : null;
    totals.set(node.id, v ?? 0);
    if (isAdjustment(node)) {
      adjustments += v ?? 0;
      return 0;
    }
    if (v === null) missing.push(node.id);
    else if (node.scoring?.method !== 'survey') appraised += v;
    return v ?? 0;
  };

  const fieldTotals: number[] = [];
  let base = 0;
  for (const field of tree.fields) {
    const points = walk(field);
    base += points;
    if (!isAdjustment(field)) fieldTotals.push(points);
  }
  base = round2(base);
  adjustments = round2(adjustments);
  const total = round2(Math.min(tree.maxTotal, Math.max(0, base + adjustments)));
  return {
    totals,
    fieldTotals,
    base,
    appraised: round2(appraised),
    adjustments,
    total,
    percent: round2((total / tree.maxTotal) * 100),
    missing,
    unknown: [...leafPoints.keys()].filter((id) => !leafIds.has(id)),
  };
}

/** Problems with a classification table (Vietnamese); empty = usable. */
export function validateBands(bands: readonly Band[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) return ['Chưa có mức xếp loại nào'];
  if (!bands.some((b) => b.minPercent === 0)) {
    problems.push('Phải có một mức xếp loại bắt đầu từ 0 % để mọi kết quả đều được xếp loại');
  }
  const keys = bands.map((b) => b.key);
  const mins = bands.map((b) => b.minPercent);
  if (new Set(keys).size !== keys.length) problems.push('Có mức xếp loại bị trùng mã');
  if (new Set(mins).size !== mins.length) problems.push('Có hai mức xếp loại cùng tỷ lệ tối thiểu');
  return problems;
}

/**
 * The band a percentage falls in: bands are read from the highest `minPercent` down and the first
 * with percent ≥ minPercent wins (90 → "Xuất sắc", 89.99 → "Tốt" with the default bands). Pass the
 * 2-decimal percent of `rollUp`. Throws on an unusable table (see `validateBands`) or a non-number.
 */
export function classify(percent: number, bands: readonly Band[]): Band {
  const problems = validateBands(bands);
  if (problems.length > 0) throw new Error(problems.join('; '));
  if (!Number.isFinite(percent)) throw new Error('Tỷ lệ điểm không hợp lệ');
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  const lowest = sorted.at(-1);
  if (!lowest) throw new Error('Chưa có mức xếp loại nào');
  return sorted.find((b) => percent >= b.minPercent) ?? lowest;
}
