import type { CarriedSection, LegalBasis, PlanContentDraft } from '../../../shared/campaign';
import { withoutPlanItemIds } from '../../../shared/plan-items';
import type { Ctx } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { parseInput } from '../../platform/validation';
import { daysLeft, vietnamDate } from '../../../shared/dates';
import { getUnit } from '../organization/index';
import { notifyUnit } from '../notifications/index';
import { StartChildPlan } from '../../../shared/api/campaigns';
import { planLabels, toPlanSummary, type PlanRecord } from './campaigns.schemas';
import { canDraftPlanAt, canViewPlan } from './campaigns.policy';
import {
  cascadeState,
  defaultSigner,
  isLive,
  placeOf,
  reminderStage,
  statusByDate,
} from './campaigns.rules';
import * as q from './campaigns.queries';
import {
  adaptCarriedContent,
  adaptLevelWording,
  childParticipants,
  levelOf,
  unitPhrase,
  type SubUnit,
} from './level-wording';
import { createPlan, getVisiblePlan } from './plans.service';

/** "ngày 18/02/2022" for legal-basis sentences. */
function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The sentence a child plan cites its parent with: "Kế hoạch số 47/KH-UBND ngày … của UBND …". */
export function parentBasis(parent: PlanRecord): LegalBasis {
  const typeName = { KH: 'Kế hoạch', HD: 'Hướng dẫn', CTr: 'Chương trình' }[parent.docType];
  const date = parent.issuedOn;
  const issuer = unitPhrase({ kind: parent.unitKind, name: parent.unitName });
  const text = `${typeName} số ${parent.documentNumber ?? ''}${date ? ` ngày ${shortDate(date)}` : ''} của UBND ${issuer} về việc ${parent.title.charAt(0).toLocaleLowerCase('vi')}${parent.title.slice(1)}`;
  return { text, number: parent.documentNumber, date, planId: parent.id };
}

type ChildUnit = { id: number; name: string; kind: PlanRecord['unitKind'] };

/**
 * Pre-fills a lower unit's plan from its parent: the parent as the first legal basis, then the
 * theme, purposes, goals, contents, criteria, reward forms and dates in the child's words (level
 * words, the named unit and the reward issuer adapted: level-wording.ts), and participants
 * re-derived from the child's own subunits; recipients start with the parent's issuer. Deadlines,
 * quotas, assignments and the signer's name are the unit's own. Returns the draft and the sections
 * it carried over (adapted = the wording differs from the parent's), for the officer to review.
 */
export function childPlanDraft(
  parent: PlanRecord,
  unit: ChildUnit,
  subunits: SubUnit[] = [],
  inTree: (unitId: number) => boolean = () => false,
) {
  // A different plan: the items it carries over get ids of their own when saved (decision 025).
  const c = withoutPlanItemIds(parent.content);
  const from = levelOf({ kind: parent.unitKind, name: parent.unitName });
  const to = levelOf(unit);
  const adapt = (text: string) =>
    from === null || to === null ? text : adaptLevelWording(text, from, to);
  const carriedContent = adaptCarriedContent(c, adapt);
  const content: PlanContentDraft = {
    ...carriedContent,
    legalBases: [parentBasis(parent)],
    preamble: null,
    participants: childParticipants(c.participants, unit, subunits, inTree, adapt),
    deadlines: [],
    quotas: [],
    assignments: [],
    dossier: [],
    recipients: [
      `UBND ${unitPhrase({ kind: parent.unitKind, name: parent.unitName })} (b/c)`,
      'Lưu: VT',
    ],
    signer: defaultSigner(unit.kind),
    closing: null,
  };
  const title = adapt(parent.title);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const p = c.participants;
  const sections: { section: CarriedSection; carried: boolean; adapted: boolean }[] = [
    { section: 'general', carried: true, adapted: title !== parent.title },
    {
      section: 'aims',
      carried: c.theme !== null || [c.purposes, c.requirements, c.goals].some((l) => l.length > 0),
      adapted: !same(
        [c.theme, c.purposes, c.requirements, c.goals],
        [content.theme, content.purposes, content.requirements, content.goals],
      ),
    },
    {
      section: 'contents',
      carried: c.contents.length > 0,
      adapted: !same(c.contents, content.contents),
    },
    {
      section: 'participants',
      carried:
        p.collectiveUnitKinds.length +
          p.collectiveUnitIds.length +
          p.collectives.length +
          p.individualCategories.length +
          p.individuals.length >
        0,
      adapted: !same(p, content.participants),
    },
    {
      section: 'criteria',
      carried: c.criteria.collective.length + c.criteria.individual.length > 0,
      adapted: !same(c.criteria, content.criteria),
    },
    {
      section: 'time',
      carried:
        parent.periodStart !== null ||
        parent.periodEnd !== null ||
        parent.registrationDeadline !== null ||
        c.reviewRounds.length > 0,
      adapted: !same(c.reviewRounds, content.reviewRounds),
    },
    {
      section: 'rewards',
      carried: c.rewards.length > 0,
      adapted: !same(c.rewards, content.rewards),
    },
    { section: 'contest', carried: c.contest !== null, adapted: !same(c.contest, content.contest) },
  ];
  return {
    draft: {
      issuingUnitId: unit.id,
      parentPlanId: parent.id,
      kind: parent.kind,
      mode: parent.mode,
      docType: parent.docType,
      issuerSymbol: 'UBND',
      place: placeOf(unit.name),
      title,
      periodStart: parent.periodStart,
      periodEnd: parent.periodEnd,
      registrationDeadline: parent.registrationDeadline,
      cascadeDeadline: null,
      cascadeUnitIds: [],
      content,
    },
    carried: sections
      .filter((x) => x.carried)
      .map(({ section, adapted }) => ({ section, adapted })),
  };
}

/**
 * Starts the unit's own plan "căn cứ" an issued parent (the unit's officer only). CONFLICT when
 * the unit already has a live child plan of this parent.
 */
export async function startChildPlan(ctx: Ctx, parentId: number, input: unknown) {
  const { unitId } = parseInput(StartChildPlan, input, { unitId: 'Đơn vị' });
  const parent = await getVisiblePlan(ctx, ctx.db, parentId);
  if (parent.documentNumber === null || !isLive(parent.status))
    throw new AppError(
      'INVALID_STATE',
      'Kế hoạch cấp trên chưa ban hành, đã kết thúc hoặc đã hủy.',
    );
  const unit = await getUnit(ctx.db, unitId);
  if (!canDraftPlanAt(ctx.actor, unit))
    throw forbidden('Chỉ cán bộ thi đua của đơn vị được soạn kế hoạch của đơn vị.');
  if (unit.id === parent.issuingUnitId || !unit.path.startsWith(`${parent.unitPath}.`))
    throw new AppError(
      'VALIDATION_FAILED',
      `${planLabels.parentPlanId}: đơn vị không thuộc đơn vị ban hành kế hoạch cấp trên.`,
    );
  const subunits = await q.listDirectSubunits(ctx.db, unit.id);
  const outside = new Set(
    await q.unitsOutside(ctx.db, parent.content.participants.collectiveUnitIds, unit.path),
  );
  const { draft, carried } = childPlanDraft(parent, unit, subunits, (id) => !outside.has(id));
  return createPlan(ctx, draft, carried);
}

/**
 * The parent's cascade board: every required unit with issued (link) / draft / missing / late,
 * counts per state and the deadline. A unit's draft shows as "draft" without its id unless the
 * actor may view it (its own unit or an ancestor's officer).
 */
export async function cascadeBoard(ctx: Ctx, planId: number) {
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const today = vietnamDate(ctx.now());
  const rows = await q.listCascade(ctx.db, planId);
  const units = rows.map((r) => {
    const child =
      r.childId === null || r.childStatus === null
        ? null
        : { status: r.childStatus, issuedOn: r.childIssuedOn };
    const state = cascadeState(child, plan.cascadeDeadline, today);
    const issued = child !== null && r.childNumber !== null;
    // A draft's id is given only to those who may open it; the others see its state alone.
    const linked =
      child !== null &&
      canViewPlan(ctx.actor, {
        status: child.status,
        unit: { id: r.unitId, path: r.unitPath },
        issued,
      });
    return {
      unit: { id: r.unitId, name: r.unitName, kind: r.unitKind },
      state,
      plan:
        r.childId === null || r.childStatus === null
          ? null
          : {
              id: linked ? r.childId : null,
              status: r.childStatus,
              documentNumber: r.childNumber,
              issuedOn: r.childIssuedOn,
              linked,
            },
    };
  });
  const counts = { issued: 0, late: 0, draft: 0, missing: 0 };
  for (const u of units) counts[u.state] += 1;
  return {
    deadline: plan.cascadeDeadline,
    daysLeft: plan.cascadeDeadline === null ? null : daysLeft(plan.cascadeDeadline, today),
    counts,
    units,
  };
}

/**
 * Plans form a tree across levels: the chain of parents up to the top and the direct children
 * (issued ones for everyone, drafts for those who may see them).
 */
export async function planTree(ctx: Ctx, planId: number) {
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const ancestors: ReturnType<typeof toPlanSummary>[] = [];
  let cursor = plan.parentPlanId;
  const seen = new Set<number>([plan.id]);
  while (cursor !== null && !seen.has(cursor)) {
    seen.add(cursor);
    const p = await q.findPlan(ctx.db, cursor);
    if (p === undefined) break;
    ancestors.unshift(toPlanSummary(p));
    cursor = p.parentPlanId;
  }
  const childIds = await q.listChildPlanIds(ctx.db, planId);
  const children = [];
  for (const childId of childIds) {
    const child = await q.findPlan(ctx.db, childId);
    if (child === undefined) continue;
    const visible = canViewPlan(ctx.actor, {
      status: child.status,
      unit: { id: child.issuingUnitId, path: child.unitPath },
      issued: child.documentNumber !== null,
    });
    if (!visible) continue;
    children.push({ ...toPlanSummary(child), childCount: 0 });
  }
  const counts = await q.countChildPlans(
    ctx.db,
    children.map((c) => c.id),
  );
  for (const c of children) c.childCount = counts.get(c.id) ?? 0;
  return { ancestors, plan: toPlanSummary(plan), children };
}

/**
 * Moves issued plans along their dates (issued → in progress → in review) as the system, with an
 * audit event each. Idempotent: run it as often as you like.
 */
export async function advancePlanStatuses(ctx: Ctx): Promise<number> {
  const today = vietnamDate(ctx.now());
  const due = await q.listPlansToAdvance(ctx.db, today);
  let moved = 0;
  for (const d of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const plan = await q.getPlan(trx, d.id, true);
      const next = statusByDate(plan.status, plan.periodStart, plan.periodEnd, today);
      if (next === plan.status) return;
      await q.updatePlan(trx, plan.id, {
        status: next,
        version: plan.version + 1,
        updatedAt: ctx.now(),
      });
      await recordAudit(trx, ctx, {
        action: 'plan.status_changed',
        entityType: 'campaign_plan',
        entityId: plan.id,
        unitPath: plan.unitPath,
        before: { status: plan.status },
        after: { status: next, reason: 'theo thời gian của kế hoạch' },
      });
      moved += 1;
    });
  }
  return moved;
}

/**
 * In-app reminders to required units that have not issued their plan: 7, 3 and 1 days before the
 * deadline, on the day, and once when it has passed. One notification per unit and stage.
 */
export async function sendCascadeReminders(ctx: Ctx): Promise<number> {
  const today = vietnamDate(ctx.now());
  const rows = await q.listPlansWithCascadeDeadlineNear(ctx.db, today);
  let sent = 0;
  for (const r of rows) {
    const stage = reminderStage(r.deadline, today);
    if (stage === null) continue;
    const plan = await q.getPlan(ctx.db, r.planId);
    for (const c of await q.listCascade(ctx.db, r.planId)) {
      const issued = c.childNumber !== null && c.childStatus !== 'cancelled';
      if (issued) continue;
      const overdue = stage < 0;
      const when = shortDate(r.deadline);
      sent += await notifyUnit(ctx, {
        unitId: c.unitId,
        kind: overdue ? 'cascade.overdue' : 'cascade.reminder',
        title: overdue
          ? `Quá hạn ban hành kế hoạch thực hiện ${plan.documentNumber ?? ''}`
          : stage === 0
            ? `Hôm nay là hạn ban hành kế hoạch thực hiện ${plan.documentNumber ?? ''}`
            : `Còn ${daysLeft(r.deadline, today)} ngày để ban hành kế hoạch thực hiện ${plan.documentNumber ?? ''}`,
        body: `${c.unitName} cần ban hành kế hoạch căn cứ "${plan.title}" của ${plan.unitName} chậm nhất ngày ${when}.`,
        link: `/plans/${plan.id}`,
        dueOn: r.deadline,
        dedupeKey: `cascade:${plan.id}:${c.unitId}:${stage}`,
      });
    }
  }
  return sent;
}
