import type { Ctx } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { canProposeNomination, canReviewNomination } from './nominations.policy';
import * as q from './nominations.queries';

/**
 * A nomination as the dossiers module needs it (decision 045): its status and where it comes
 * from, and whether the actor proposes it (`nomination.submit` over the proposing unit: may edit
 * its dossier). With `lock`, the row is locked FOR UPDATE in `db` (a transaction), so a dossier
 * edit and the submission that freezes it are serialised. NOT_FOUND when the actor may not see
 * it (neither proposer nor reviewer).
 */
export async function nominationForDossier(ctx: Ctx, db: Executor, id: number, lock = false) {
  const r = await q.findNomination(db, id, lock);
  if (r === undefined) throw notFound('đề nghị khen thưởng');
  const canPropose = canProposeNomination(ctx.actor, r.proposingUnitPath);
  if (!canPropose && !canReviewNomination(ctx.actor, r.proposingUnitPath))
    throw notFound('đề nghị khen thưởng');
  return {
    id: r.id,
    planId: r.planId,
    round: r.round,
    personId: r.personId,
    unitId: r.unitId,
    subjectName: r.subjectName,
    formName: r.formName,
    achievement: r.achievement,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    proposingUnitId: r.proposingUnitId,
    proposingUnitPath: r.proposingUnitPath,
    status: r.status,
    canPropose,
  };
}
export type NominationForDossier = Awaited<ReturnType<typeof nominationForDossier>>;
