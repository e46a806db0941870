import { selectWithinQuota, type QuotaCandidate } from '../server/modules/quotas/index';
import { rng } from '../server/demo/names';

/**
 * Quota selection at scale (issue 12, `commendation` bench): selectWithinQuota over 300,000
 * candidates — integer scores 0..1000 so ties are frequent (about 300 per score), half of them
 * women — under a 20 % quota, so the boundary group needs the Art. 4(6) tie-break. Pure: no
 * database. Target ≤ 2,000 ms. Returns the figures of the run (the median of three).
 */
export function benchQuotaSelect(candidates = 300_000): {
  candidates: number;
  quotaSelectMs: number;
  selected: number;
  tied: number;
} {
  const next = rng(12);
  const list: QuotaCandidate[] = Array.from({ length: candidates }, (_, i) => ({
    key: `person:${i}`,
    name: `Cán bộ ${i}`,
    score: Math.floor(next() * 1001),
    female: next() < 0.5,
  }));
  const quota = {
    maxCount: null,
    maxPercent: 20,
    rounding: 'floor' as const,
    subject: 'individual' as const,
  };
  const runs: { ms: number; selected: number; tied: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    const outcome = selectWithinQuota(list, quota);
    runs.push({
      ms: performance.now() - start,
      selected: outcome.selected,
      tied: outcome.tie?.keys.length ?? 0,
    });
  }
  runs.sort((a, b) => a.ms - b.ms);
  const median = runs[1] ?? runs[0];
  return {
    candidates,
    quotaSelectMs: Math.round(median?.ms ?? 0),
    selected: median?.selected ?? 0,
    tied: median?.tied ?? 0,
  };
}
