import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { governmentKinds, type UnitKind } from '../../../shared/org';
import type { Ctx } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { pathInScope, scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { escapeLike, foldVietnamese } from '../../platform/text';
import { vietnamDate } from '../../platform/time';
import {
  getVisiblePlan,
  issuingBodyName,
  placeOf,
  planFileName,
  planReference,
  type PlanRecord,
} from '../campaigns/index';
import { fileName } from '../../platform/file-name';
import { getUnit } from '../organization/index';
import {
  ExportRegistrationsQuery,
  ListRegistrationsQuery,
  ProgressQuery,
} from '../../../shared/api/registrations';
import { registrationLabels, toRegistrationResponse } from './registrations.schemas';
import {
  canSubmitForUnit,
  canViewAllRegistrations,
  canViewRegistration,
  registrationPermissions,
} from './registrations.policy';
import { acceptsRegistrations, allowsReview } from './registrations.rules';
import * as q from './registrations.queries';
import { progressRows, progressTotals } from './progress.queries';
import { streamRegistrationSheet } from './registration-xlsx';
import { renderRegistrationDocx } from './registration-docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Restricts a unit path column to what the actor sees of the plan's registrations. */
function visibility(ctx: Ctx, plan: PlanRecord) {
  if (canViewAllRegistrations(ctx.actor, plan.unitPath))
    return (_column: RawBuilder<string>) => sql<SqlBool>`true`;
  const scope = scopeFor(ctx.actor, 'campaign.view');
  return (column: RawBuilder<string>) => pathInScope(scope, column);
}

const like = (search: string) => `%${escapeLike(foldVietnamese(search))}%`;

/** The WHERE over `registration r`, `org_unit u`, `person p` for a list or an export. */
async function listConditions(
  ctx: Ctx,
  plan: PlanRecord,
  query: Omit<ListRegistrationsQuery, 'page' | 'pageSize'>,
) {
  const inScope = visibility(ctx, plan)(sql<string>`u.path`);
  // Besides their scope, people always see what they registered and their own registration.
  const own =
    ctx.actor.kind === 'user'
      ? sql<SqlBool>`(r.submitted_by = ${ctx.actor.userId} OR r.person_id = ${ctx.actor.personId ?? 0})`
      : sql<SqlBool>`false`;
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`(${inScope} OR ${own})`];
  if (query.status) conditions.push(sql<SqlBool>`r.status = ${query.status}`);
  if (query.kind) conditions.push(sql<SqlBool>`r.kind = ${query.kind}`);
  if (query.unitId !== undefined) {
    const unit = await getUnit(ctx.db, query.unitId);
    conditions.push(sql<SqlBool>`u.path <@ ${unit.path}::ltree`);
  }
  if (query.search) {
    const pattern = like(query.search);
    conditions.push(sql<SqlBool>`(u.name_search LIKE ${pattern} OR p.name_search LIKE ${pattern})`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

/**
 * A plan's registrations the actor may see, filtered in SQL: all of them for those with
 * `campaign.view` over the issuing unit; otherwise those inside the actor's `campaign.view`
 * scope plus their own. Filters: status, kind, unit (with its subtree), accent-insensitive name
 * search over unit and person; paged. NOT_FOUND / FORBIDDEN for a plan the actor cannot see.
 */
export async function listPlanRegistrations(ctx: Ctx, planId: number, input: unknown) {
  const query = parseInput(ListRegistrationsQuery, input, registrationLabels);
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const where = await listConditions(ctx, plan, query);
  const page = await q.listRegistrations(ctx.db, plan.id, where, query);
  const state = {
    unitPath: plan.unitPath,
    accepting: acceptsRegistrations(plan.status),
    reviewable: allowsReview(plan.status),
  };
  return {
    // Each row says what the actor may do with it, so the UI never re-implements the rules.
    items: page.items.map((r) => ({
      ...toRegistrationResponse(r),
      permissions: registrationPermissions(ctx.actor, r, state),
    })),
    total: page.total,
  };
}

/**
 * The same list (same visibility and filters, same order, no paging) as a streamed .xlsx: STT,
 * Loại, Đơn vị, Họ và tên, Chức vụ, Danh hiệu đăng ký, Chỉ tiêu, Nhiệm vụ trọng tâm, Nhiệm vụ
 * đột phá, Trạng thái, Đăng ký lúc, Muộn/Lý do. The matching ids are read once, in list order (one sort); the rows are then read
 * and written `batchSize` at a time, each batch its own short query, so only the ids stay in
 * memory and no database connection is held for the whole download. Input errors, NOT_FOUND and
 * FORBIDDEN are thrown before the stream is returned.
 */
export async function exportPlanRegistrations(
  ctx: Ctx,
  planId: number,
  input: unknown,
  { batchSize = 1000 }: { batchSize?: number } = {},
) {
  const query = parseInput(ExportRegistrationsQuery, input, registrationLabels);
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const ids = await q.listRegistrationIds(ctx.db, plan.id, await listConditions(ctx, plan, query));
  async function* batches() {
    for (let i = 0; i < ids.length; i += batchSize) {
      const batch = sql<SqlBool>`r.id = ANY(${sql.val(ids.slice(i, i + batchSize))}::int[])`;
      // A batch is a run of consecutive ids of the list, so list order within it is list order.
      yield (await q.listRegistrations(ctx.db, plan.id, batch, null)).items;
    }
  }
  return {
    stream: streamRegistrationSheet(batches()),
    fileName: planFileName('Đăng ký thi đua', plan, 'xlsx'),
  };
}

/**
 * Registration progress by unit: every collective the plan names (by kind or id, active, inside
 * the issuer's subtree and the actor's view) with its registration status, and its registered
 * individuals against its eligible staff (people of the plan's categories in the unit's subtree).
 * Totals: units registered of eligible, people registered of eligible. Units nested in another
 * eligible unit are counted in both rows' staff figures; the totals count each person once.
 * Each row says whether the actor may register the unit (`canRegister`: registration.submit over
 * it), so the web never reads units to decide.
 */
export async function registrationProgress(ctx: Ctx, planId: number, input: unknown) {
  const query = parseInput(ProgressQuery, input, registrationLabels);
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const p = plan.content.participants;
  const scope = {
    planId: plan.id,
    issuerPath: plan.unitPath,
    unitKinds: p.collectiveUnitKinds,
    unitIds: p.collectiveUnitIds,
    categories: p.individualCategories,
    visible: visibility(ctx, plan),
  };
  const filter = query.search
    ? sql<SqlBool>`u.name_search LIKE ${like(query.search)}`
    : sql<SqlBool>`true`;
  const [totals, page] = await Promise.all([
    progressTotals(ctx.db, scope),
    progressRows(ctx.db, scope, filter, query.page, query.pageSize),
  ]);
  return {
    ...totals,
    items: page.items.map(({ unitPath, ...r }) => ({
      ...r,
      canRegister: canSubmitForUnit(ctx.actor, unitPath),
    })),
    total: page.total,
  };
}

/** "Ủy ban nhân dân huyện An Biên" inside a sentence; other units by their name. */
function bodyInSentence(kind: UnitKind, name: string): string {
  if (!governmentKinds.includes(kind)) return name;
  return `Ủy ban nhân dân ${name.charAt(0).toLocaleLowerCase('vi')}${name.slice(1)}`;
}

/**
 * The registration form (bản đăng ký thi đua) as .docx, for whoever may see the registration.
 * Rendered from the registration as it stands: the same version gives the same bytes.
 */
export async function registrationForm(ctx: Ctx, id: number) {
  const r = await q.getRegistration(ctx.db, id);
  const plan = await getVisiblePlan(ctx, ctx.db, r.planId);
  if (!canViewRegistration(ctx.actor, r, plan.unitPath))
    throw forbidden('Bạn không có quyền xem đăng ký thi đua này.');
  const where = await q.localityOf(ctx.db, r.unitPath, governmentKinds);
  const isGovernment = governmentKinds.includes(r.unitKind);
  const above = isGovernment ? where.parentName : where.locality;
  const data = await renderRegistrationDocx({
    kind: r.kind,
    parentBody: above === null ? null : `UBND ${above}`.toLocaleUpperCase('vi'),
    unitBody: issuingBodyName(r.unitKind, r.unitName),
    unitName: r.unitName,
    person: r.personName === null ? null : { fullName: r.personName, position: r.personPosition },
    place: placeOf(where.locality ?? r.unitName),
    submittedOn: vietnamDate(r.submittedAt),
    plan: {
      documentNumber: plan.documentNumber,
      issuedOn: plan.issuedOn,
      issuerName: bodyInSentence(plan.unitKind, plan.unitName),
      title: plan.title,
    },
    commitments: r.commitments,
  });
  // A unit by its name and locality: many units share a name ("Văn phòng HĐND và UBND").
  const who =
    r.personName ??
    (isGovernment || where.locality === null ? r.unitName : `${r.unitName}, ${where.locality}`);
  return {
    data,
    fileName: fileName(['Bản đăng ký thi đua', who, planReference(plan)], 'docx'),
    contentType: DOCX_TYPE,
  };
}
