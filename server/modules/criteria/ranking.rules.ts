import { defaultTieBreak, type TieBreakStep } from '../../../shared/criteria';
import { isNumber, round2 } from '../../platform/numbers';
import type { RollUpResult } from './scoring.rules';

/** Ranking of units and the self-score vs appraisal differences (re-exported by scoring.rules). */

/** One unit's result as ranking needs it; `rankEntry` builds it from a roll-up. */
export type RankEntry = {
  unitId: string;
  percent: number;
  /** Appraised (non-survey, non-adjustment) points. */
  appraised: number;
  /** Field totals in tree order (field 1 first). */
  fieldTotals: readonly number[];
  missingCount: number;
  /** When the self-assessment was submitted; null (never) ranks after any time. */
  submittedAt: Date | null;
};

// The steps, their default order and labels are shared with the web (plan settings).
export { defaultTieBreak, rankKeyLabels, tieBreakSteps } from '../../../shared/criteria';
export type { TieBreakStep } from '../../../shared/criteria';

/** Builds a ranking entry from a unit's roll-up. */
export function rankEntry(unitId: string, r: RollUpResult, submittedAt: Date | null): RankEntry {
  const { percent, appraised, fieldTotals } = r;
  return { unitId, percent, appraised, fieldTotals, missingCount: r.missing.length, submittedAt };
}

/** Negative when `a` ranks ahead of `b` on `key`, 0 when equal there. */
function compareOn(key: 'percent' | TieBreakStep, a: RankEntry, b: RankEntry): number {
  switch (key) {
    case 'percent':
      return round2(b.percent) - round2(a.percent);
    case 'appraised':
      return round2(b.appraised) - round2(a.appraised);
    case 'fields': {
      const n = Math.max(a.fieldTotals.length, b.fieldTotals.length);
      for (let i = 0; i < n; i++) {
        const d = round2(b.fieldTotals[i] ?? 0) - round2(a.fieldTotals[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    }
    case 'missing':
      return a.missingCount - b.missingCount;
    case 'submittedAt': {
      const ta = a.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
      const tb = b.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
      return ta === tb ? 0 : ta < tb ? -1 : 1;
    }
  }
}

/** A ranked unit; `decidedBy` is the key that put it below the unit before it. */
export type Ranked<T extends RankEntry> = {
  entry: T;
  rank: number;
  /** null for the first unit, 'tied' when it shares the previous unit's rank. */
  decidedBy: 'percent' | TieBreakStep | 'tied' | null;
};

/**
 * Ranks units "từ cao xuống thấp": higher percent first, then the tie-break steps in order
 * (default: higher appraised points → higher field scores compared field 1 first, then field 2…
 * → fewer missing leaves → earlier submission). Units still equal share a rank, with standard
 * competition ranking "1, 2, 2, 4" (rank = 1 + number of units strictly ahead), so an award quota
 * such as "không quá 20 %" counts units; tied units keep their input order. Numbers are compared
 * at 2 decimals, as printed.
 */
export function rankUnits<T extends RankEntry>(
  results: readonly T[],
  tieBreak: readonly TieBreakStep[] = defaultTieBreak,
): Ranked<T>[] {
  const keys: ('percent' | TieBreakStep)[] = ['percent', ...tieBreak];
  const firstDifference = (a: T, b: T) => keys.find((k) => compareOn(k, a, b) !== 0);
  const sorted = [...results].sort((a, b) => {
    const key = firstDifference(a, b);
    return key === undefined ? 0 : compareOn(key, a, b);
  });
  const ranked: Ranked<T>[] = [];
  sorted.forEach((entry, i) => {
    const prev = ranked[i - 1];
    if (!prev) {
      ranked.push({ entry, rank: 1, decidedBy: null });
      return;
    }
    const key = firstDifference(prev.entry, entry);
    ranked.push(
      key === undefined
        ? { entry, rank: prev.rank, decidedBy: 'tied' }
        : { entry, rank: i + 1, decidedBy: key },
    );
  });
  return ranked;
}

/** One stage's points per leaf id; null = not scored at that stage. */
export type StagePoints = ReadonlyMap<string, number | null>;

/** A leaf's self-score and appraisals side by side, with the differences (appraisal − self). */
export type StageDiff = {
  leafId: string;
  self: number | null;
  appraisal1: number | null;
  appraisal2: number | null;
  /** appraisal1 − self; null when either is missing. */
  diff1: number | null;
  /** appraisal2 − self; null when either is missing. */
  diff2: number | null;
  /** True when an appraisal differs from the self-score. */
  changed: boolean;
};

/**
 * Per leaf, the differences between the appraisal rounds and the self-assessment (thẩm định lần
 * 1 / lần 2 vs tự chấm), for the side-by-side view. Leaves appear in the order first seen in
 * self, then appraisal 1, then appraisal 2; pass an empty map when round 2 has not happened.
 */
export function diffStages(
  self: StagePoints,
  appraisal1: StagePoints,
  appraisal2: StagePoints,
): StageDiff[] {
  const ids = new Set([...self.keys(), ...appraisal1.keys(), ...appraisal2.keys()]);
  const value = (m: StagePoints, id: string) => {
    const v = m.get(id);
    return isNumber(v) ? round2(v) : null;
  };
  return [...ids].map((leafId) => {
    const s = value(self, leafId);
    const a1 = value(appraisal1, leafId);
    const a2 = value(appraisal2, leafId);
    const diff1 = s === null || a1 === null ? null : round2(a1 - s);
    const diff2 = s === null || a2 === null ? null : round2(a2 - s);
    const changed = (diff1 ?? 0) !== 0 || (diff2 ?? 0) !== 0;
    return { leafId, self: s, appraisal1: a1, appraisal2: a2, diff1, diff2, changed };
  });
}
