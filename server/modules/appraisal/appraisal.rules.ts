import type { CriteriaTree, CriterionNode } from '../../../shared/criteria';
import type { ScoreSheetStatus } from '../../db/schema';
import { treeLeaves } from '../criteria/index';
import { isNumber, round2 } from '../../platform/numbers';

/**
 * Pure rules of the appraisal (thẩm định): which round is open in which status, which leaves an
 * appraiser must score before the appraisal can be closed, and the final appraised points.
 *
 * Round 1 is scored while the sheet is 'submitted'; round 2 once the unit has answered the
 * request for explanation ('explained'). Closing round 2 carries each round-1 score the
 * appraisers did not change into round 2, so the last round is always complete. A sheet returned
 * to the unit during round 1 keeps its round-1 entries; after it is sent again, an entry older
 * than that submission whose self-score changed since must be scored again.
 */

export type AppraisalRound = 1 | 2;
export type AppraisalStage = 'appraisal1' | 'appraisal2';

export const stageOfRound = (round: AppraisalRound): AppraisalStage =>
  round === 1 ? 'appraisal1' : 'appraisal2';

/** The round open for scoring in a status, or null when appraisers cannot score now. */
export function openRound(status: ScoreSheetStatus): AppraisalRound | null {
  if (status === 'submitted') return 1;
  if (status === 'explained') return 2;
  return null;
}

/** Survey leaves get their points from the imported survey, never from an appraiser. */
export const isAppraised = (leaf: CriterionNode) => leaf.scoring?.method !== 'survey';

type Scored = { points: number | null };

/**
 * Leaves still lacking an appraisal score: every appraised non-adjustment leaf, and an
 * adjustment leaf when the unit claimed a bonus or penalty (so the claim is decided explicitly).
 * `round2` entries count before `round1` ones (carried over at closing); callers pass only the
 * round-1 entries that count (`countedRound1`). Tree order.
 */
export function unappraisedLeaves(
  tree: CriteriaTree,
  self: ReadonlyMap<string, Scored>,
  round1: ReadonlyMap<string, Scored>,
  round2: ReadonlyMap<string, Scored> = new Map(),
): CriterionNode[] {
  return treeLeaves(tree).filter((leaf) => {
    if (!isAppraised(leaf)) return false;
    const scored = [round2.get(leaf.id), round1.get(leaf.id)].some((e) => isNumber(e?.points));
    if (scored) return false;
    if (leaf.scoring?.method !== 'adjustment') return true;
    const claimed = self.get(leaf.id)?.points;
    return isNumber(claimed) && claimed !== 0;
  });
}

type Timed = { scoredAt: Date };

/**
 * A round-1 entry made before the sheet's last submission: the sheet was returned to the unit
 * and sent again after it, so the entry judged self-scores that may have changed since.
 */
export function isStaleEntry(entry: Timed, submittedAt: Date | null): boolean {
  return submittedAt !== null && entry.scoredAt.getTime() < submittedAt.getTime();
}

/**
 * A stale round-1 entry (see `isStaleEntry`) whose leaf's self entry the unit changed after it:
 * it is kept as history but no longer counts as appraised — the leaf must be scored again.
 */
export function needsRescore(
  entry: Timed,
  self: Timed | undefined,
  submittedAt: Date | null,
): boolean {
  return (
    isStaleEntry(entry, submittedAt) &&
    self !== undefined &&
    self.scoredAt.getTime() > entry.scoredAt.getTime()
  );
}

/** The round-1 entries that count as appraised: all but those that need scoring again. */
export function countedRound1<E extends Timed>(
  round1: ReadonlyMap<string, E>,
  self: ReadonlyMap<string, Timed>,
  submittedAt: Date | null,
): Map<string, E> {
  return new Map([...round1].filter(([id, e]) => !needsRescore(e, self.get(id), submittedAt)));
}

/**
 * A comment is required when the appraised points differ from the unit's self-score (or the
 * unit gave none), so the unit sees why points were changed.
 */
export function needsComment(selfPoints: number | null | undefined, points: number | null) {
  if (points === null) return false;
  return !isNumber(selfPoints) || round2(selfPoints) !== round2(points);
}

/**
 * The final points per leaf: the latest appraisal round that scored the leaf (2, then 1) for
 * appraised leaves, the survey stage for survey leaves.
 */
export function finalPoints(
  tree: CriteriaTree,
  stages: {
    appraisal1: ReadonlyMap<string, Scored>;
    appraisal2: ReadonlyMap<string, Scored>;
    survey: ReadonlyMap<string, Scored>;
  },
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const leaf of treeLeaves(tree)) {
    const candidates = isAppraised(leaf)
      ? [stages.appraisal2.get(leaf.id), stages.appraisal1.get(leaf.id)]
      : [stages.survey.get(leaf.id)];
    const hit = candidates.find((e) => isNumber(e?.points));
    out.set(leaf.id, hit?.points ?? null);
  }
  return out;
}

/** Stage points for a roll-up: the stage for appraised leaves, the survey for survey leaves. */
export function withSurvey(
  tree: CriteriaTree,
  stage: ReadonlyMap<string, Scored>,
  survey: ReadonlyMap<string, Scored>,
): Map<string, number | null> {
  return new Map(
    treeLeaves(tree).map((leaf) => [
      leaf.id,
      (isAppraised(leaf) ? stage.get(leaf.id) : survey.get(leaf.id))?.points ?? null,
    ]),
  );
}
