import type { Ctx } from '../../platform/context';
import { addDays, daysLeft, vietnamDate } from '../../../shared/dates';
import { listCascadeDeadlines, listPendingCascade, type PendingCascade } from '../campaigns/index';
import { listPlansToRegister, listReviewQueue, type OpenPlan } from '../registrations/index';
import { countScoreSheetsWaiting, listAssessmentDeadlines } from '../assessment/index';
import type { DeadlineKind, MyTodo, UpcomingDeadline } from '../../../shared/api/home';

/**
 * The home page's "Việc cần làm" and "Sắp đến hạn": what the signed-in actor must do now and the
 * deadlines coming, composed from the modules' own scoped reads (each filtered in SQL by the
 * actor's grants with the module's policy). Reads only.
 */

/** How many plans or units each to-do list shows. */
export const TODO_LIST_LIMIT = 5;
/** Deadlines from today up to this many days ahead are "upcoming". */
export const UPCOMING_DAYS = 30;
/** How many upcoming deadlines are listed. */
export const DEADLINE_LIST_LIMIT = 10;

type PlanRef = { title: string; documentNumber: string | null; issuerName: string };

/**
 * "15/KH-UBND (Huyện Châu Thành) — Phát động …": child plans repeat their parent's title and
 * numbers restart at every unit, so the issuer tells them apart.
 */
const planRef = (p: PlanRef) =>
  p.documentNumber === null
    ? `${p.title} (${p.issuerName})`
    : `${p.documentNumber} (${p.issuerName}) — ${p.title}`;

const planLink = (planId: number, tab: 'registrations' | 'cascade') =>
  `/plans/${planId}?tab=${tab}`;

const kindOrder: DeadlineKind[] = ['cascade', 'registration', 'assessment'];
const deadlineLabels: Record<DeadlineKind, string> = {
  registration: 'Hạn đăng ký thi đua',
  assessment: 'Hạn nộp bảng tự đánh giá',
  cascade: 'Hạn ban hành kế hoạch thực hiện',
};

/** Vietnam calendar days from `today` to a deadline (shared/dates.ts); null without one. */
const leftUntil = (date: string | null, today: string) =>
  date === null ? null : daysLeft(date, today);

function cascadeItem(c: PendingCascade, today: string) {
  const parent = planRef({
    title: c.parentTitle,
    documentNumber: c.parentNumber,
    issuerName: c.parentIssuerName,
  });
  const draft = c.childPlanId !== null ? ' (đã có dự thảo)' : '';
  const left = leftUntil(c.deadline, today);
  return {
    ...c,
    daysLeft: left,
    overdue: left !== null && left < 0,
    label: `${c.unitName}: ban hành kế hoạch thực hiện ${parent}${draft}`,
    link: planLink(c.parentPlanId, 'cascade'),
  };
}

function registrationItem(p: OpenPlan, today: string) {
  return {
    ...p,
    daysLeft: leftUntil(p.deadline, today),
    label: planRef(p),
    link: planLink(p.planId, 'registrations'),
  };
}

/**
 * The actor's to-do counts and short lists, and the deadlines of the next 30 days (Vietnam dates
 * from `ctx.now()`; `daysLeft` counts Vietnam calendar days with shared/dates.ts, 0 = today):
 * - `reviews`: registrations in `submitted` of plans whose issuing unit the actor reviews
 *   (registration.review), with the plans waiting longest;
 * - `sheets`: score sheets waiting for the actor (the evaluation work list's "mine" total);
 * - `cascade`: units where the actor drafts (campaign.draft at the unit itself) that a live parent
 *   plan requires to issue their own plan and that have not issued it, with the deadline and
 *   whether it has passed;
 * - `registrations`: plans taking registrations where a unit the actor may register is eligible
 *   and not registered, with the days left;
 * - `deadlines`: registration deadlines of those plans, self-assessment deadlines of plans where
 *   the actor's registered unit has not submitted its sheet, and cascade deadlines where the
 *   actor's unit must issue or its lower units have not issued yet; soonest first.
 * Every item carries a Vietnamese `label` and a web `link`. Throws nothing of its own.
 */
export async function getMyTodo(ctx: Ctx): Promise<MyTodo> {
  const today = vietnamDate(ctx.now());
  const until = addDays(today, UPCOMING_DAYS);
  const db = ctx.db;
  const actor = ctx.actor;
  const list = { today, limit: TODO_LIST_LIMIT };
  const upcoming = { today, until, limit: DEADLINE_LIST_LIMIT };
  // One read of the plans open for registration serves both lists: it comes nearest deadline
  // first, so the deadlines within the window are a prefix of it, and no more than
  // DEADLINE_LIST_LIMIT of them can be shown.
  const [reviews, sheets, cascade, toRegister, assessmentDue, cascadeDue] = await Promise.all([
    listReviewQueue(db, actor, TODO_LIST_LIMIT),
    countScoreSheetsWaiting(ctx),
    listPendingCascade(db, actor, list),
    listPlansToRegister(db, actor, {
      today,
      limit: Math.max(TODO_LIST_LIMIT, DEADLINE_LIST_LIMIT),
    }),
    listAssessmentDeadlines(db, actor, upcoming),
    listCascadeDeadlines(db, actor, upcoming),
  ]);
  const open = { total: toRegister.total, plans: toRegister.plans.slice(0, TODO_LIST_LIMIT) };
  const registrationDue = toRegister.plans.filter(
    (p) => p.deadline !== null && p.deadline <= until,
  );

  const deadline = (
    kind: DeadlineKind,
    d: PlanRef & { planId: number; date: string },
    tab: 'registrations' | 'cascade' | null,
    note = '',
  ): UpcomingDeadline => ({
    kind,
    planId: d.planId,
    title: d.title,
    documentNumber: d.documentNumber,
    issuerName: d.issuerName,
    date: d.date,
    daysLeft: daysLeft(d.date, today),
    label: `${deadlineLabels[kind]}: ${planRef(d)}${note}`,
    link: tab === null ? `/evaluation?plan=${d.planId}` : planLink(d.planId, tab),
  });
  const deadlines = [
    ...registrationDue.flatMap((p) =>
      p.deadline === null
        ? []
        : [
            deadline(
              'registration',
              { ...p, date: p.deadline },
              'registrations',
              ` (${p.unitsNotRegistered} đơn vị chưa đăng ký)`,
            ),
          ],
    ),
    ...assessmentDue.map((a) => deadline('assessment', a, null)),
    ...cascadeDue.map((c) =>
      deadline('cascade', c, 'cascade', c.asIssuer ? ` (${c.pending} đơn vị chưa ban hành)` : ''),
    ),
  ]
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
        a.planId - b.planId,
    )
    .slice(0, DEADLINE_LIST_LIMIT);

  const todo = {
    reviews: {
      count: reviews.total,
      planCount: reviews.planCount,
      label: 'Đăng ký thi đua chờ bạn duyệt',
      items: reviews.plans.map((p) => ({
        ...p,
        label: planRef(p),
        link: planLink(p.planId, 'registrations'),
      })),
    },
    sheets: { count: sheets, label: 'Phiếu chấm điểm chờ bạn xử lý', link: '/evaluation' },
    cascade: {
      count: cascade.total,
      label: 'Kế hoạch thực hiện đơn vị bạn cần ban hành',
      items: cascade.items.map((c) => cascadeItem(c, today)),
    },
    registrations: {
      count: open.total,
      label: 'Kế hoạch đang nhận đăng ký, đơn vị chưa đăng ký',
      items: open.plans.map((p) => registrationItem(p, today)),
    },
  };
  const total =
    todo.reviews.count + todo.sheets.count + todo.cascade.count + todo.registrations.count;
  return { today, horizonDays: UPCOMING_DAYS, total, todo, deadlines };
}
export type { MyTodo };
