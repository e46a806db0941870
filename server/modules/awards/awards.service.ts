import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors';
import { isUniqueViolation, type Executor } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { scopeFor } from '../../platform/access';
import { parseInput } from '../../platform/validation';
import { formatVietnamDate, vietnamDate } from '../../../shared/dates';
import {
  CatalogueQuery,
  NewAwardForm,
  NewBaseSalary,
  NewRounding,
  VersionFields,
  type AwardCatalogue,
  type AwardFormRow,
  type BaseSalaryRow,
  type RoundingRow,
} from '../../../shared/api/awards';
import { getUnit } from '../organization/index';
import * as q from './awards.queries';
import {
  awardAmount,
  newEffectiveFromProblems,
  newVersionProblems,
  versionOn,
  type AwardAmount,
  type BaseSalary,
  type FormVersion,
  type Problem,
  type Rounding,
} from './awards.rules';
import { canManageForm, canManageNational } from './awards.policy';
import { linkPlanRewards, type PlanReward, type PlanRewardLink } from './plan-link.rules';
import {
  baseSalaryLabels,
  roundingLabels,
  toFormRow,
  versionLabels,
  withEffectiveTo,
} from './awards.schemas';

/** VALIDATION_FAILED naming every field of the problems, in Vietnamese. */
function refuse(problems: Problem[], labels: Record<string, string>): never {
  const fields = problems.map((p) => ({
    field: p.field,
    label: labels[p.field] ?? p.field,
    message: p.message,
  }));
  const summary = fields.map((f) => `${f.label}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ — ${summary}.`, { fields });
}

const NATIONAL_ONLY =
  'Chỉ quản trị hệ thống được sửa danh mục khen thưởng quốc gia, mức lương cơ sở và quy tắc làm tròn.';

/** What every amount is computed from: the dated base salaries and rounding rules. */
export async function loadAmountTables(
  db: Executor,
): Promise<{ baseSalaries: BaseSalary[]; roundings: Rounding[] }> {
  const [baseSalaries, roundings] = await Promise.all([
    q.listBaseSalaries(db),
    q.listRoundings(db),
  ]);
  return { baseSalaries, roundings };
}

async function formRows(
  ctx: Ctx,
  db: Executor,
  forms: q.FormRecord[],
  date: string,
): Promise<AwardFormRow[]> {
  const [versions, tables] = await Promise.all([
    q.listVersions(
      db,
      forms.map((f) => f.id),
    ),
    loadAmountTables(db),
  ]);
  return forms.map((form) => {
    const own = versions.filter((v) => v.formId === form.id);
    const current = versionOn(own, date);
    const amount: AwardAmount | null =
      current === undefined
        ? null
        : awardAmount({ version: current, decisionDate: date, ...tables });
    return toFormRow(form, own, current, amount, ctx.actor);
  });
}

/**
 * The award catalogue as of a date (default: today in Vietnam): the national forms and the
 * provinces' own forms the actor's units belong to or oversee (filtered in SQL), each with the
 * version in force that day, its amount explained (coefficient × the base salary in force,
 * rounded by the rule in force), and its whole history; the base salaries and rounding rules with
 * their periods; and what the actor may change. Any signed-in user may read it.
 * VALIDATION_FAILED naming "Ngày" for a malformed date.
 */
export async function getCatalogue(ctx: Ctx, input: unknown): Promise<AwardCatalogue> {
  const query = parseInput(CatalogueQuery, input, versionLabels);
  const date = query.date ?? vietnamDate(ctx.now());
  const [forms, baseSalaries, roundings, provinces] = await Promise.all([
    q.listForms(ctx.db, scopeFor(ctx.actor, 'unit.view')),
    q.listBaseSalaries(ctx.db),
    q.listRoundings(ctx.db),
    q.listProvincesIn(ctx.db, scopeFor(ctx.actor, 'award_catalogue.manage')),
  ]);
  return {
    date,
    forms: await formRows(ctx, ctx.db, forms, date),
    baseSalaries: withEffectiveTo(baseSalaries),
    roundings: withEffectiveTo(roundings),
    canManageNational: canManageNational(ctx.actor),
    manageableProvinces: provinces,
  };
}

async function oneFormRow(ctx: Ctx, db: Executor, formId: number, date: string) {
  const form = await q.findForm(db, formId);
  if (form === undefined) throw notFound('danh hiệu, hình thức khen thưởng');
  const [row] = await formRows(ctx, db, [form], date);
  if (row === undefined) throw notFound('danh hiệu, hình thức khen thưởng');
  return row;
}

/**
 * Adds a title or form to the national catalogue (system-wide administrators) or to a province's
 * own catalogue (`award_catalogue.manage` over the province), with its first version; audited as
 * `award_form.created`. FORBIDDEN without the right; VALIDATION_FAILED naming the field for a bad
 * code, a negative coefficient, both a coefficient and a fixed amount, valid_to before
 * valid_from, or a province that is not a province; CONFLICT naming "Mã" when the code is taken in
 * that catalogue.
 */
export async function addAwardForm(ctx: Ctx, input: unknown): Promise<AwardFormRow> {
  const data = parseInput(NewAwardForm, input, versionLabels);
  let province: { id: number; path: string } | null = null;
  if (data.scope === 'province') {
    if (data.provinceUnitId === null)
      throw fieldError('provinceUnitId', versionLabels.provinceUnitId, 'không được để trống');
    const unit = await getUnit(ctx.db, data.provinceUnitId);
    if (unit.kind !== 'province')
      throw fieldError(
        'provinceUnitId',
        versionLabels.provinceUnitId,
        `${unit.name} không phải là tỉnh`,
      );
    province = { id: unit.id, path: unit.path };
  }
  if (!canManageForm(ctx.actor, { scope: data.scope, provincePath: province?.path ?? null }))
    throw forbidden(
      data.scope === 'national'
        ? NATIONAL_ONLY
        : 'Bạn không có quyền sửa danh mục khen thưởng của tỉnh này.',
    );
  const problems = newVersionProblems([], data);
  if (problems.length > 0) refuse(problems, versionLabels);
  const { code, scope, provinceUnitId: _p, ...version } = data;
  const formId = await ctx.db.transaction().execute(async (trx) => {
    const id = await q
      .insertForm(trx, {
        code,
        scope,
        provinceUnitId: province?.id ?? null,
        createdBy: actorId(ctx.actor),
        createdAt: ctx.now(),
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'award_form_code')) {
          const message = `${code} đã có trong danh mục này`;
          throw new AppError('CONFLICT', `Mã: ${message}.`, {
            fields: [{ field: 'code', label: versionLabels.code, message }],
          });
        }
        throw e;
      });
    const versionId = await q.insertVersion(trx, {
      ...version,
      formId: id,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'award_form.created',
      entityType: 'award_form',
      entityId: id,
      unitPath: province?.path ?? null,
      after: { code, scope, provinceUnitId: province?.id ?? null, versionId, ...version },
    });
    return id;
  });
  return oneFormRow(ctx, ctx.db, formId, version.validFrom);
}

/**
 * Adds a dated version of a form: a change of name, coefficient, amount, deciders or legal basis
 * is a new version from a date, never an edit (versions are immutable; the database refuses
 * updates), so amounts computed earlier stay explainable. The new version must start after the
 * latest one started and after its valid_to if it has one; the subject and kind stay those of the
 * form. The form's row is locked so versions are added one at a time; audited as
 * `award_form.version_added` with the version it supersedes. NOT_FOUND for an unknown form;
 * FORBIDDEN without `award_catalogue.manage` over the form's catalogue; VALIDATION_FAILED naming
 * the field (negative coefficient, overlapping dates, valid_to before valid_from, a changed
 * subject).
 */
export async function addAwardFormVersion(
  ctx: Ctx,
  formId: number,
  input: unknown,
): Promise<AwardFormRow> {
  const version = parseInput(VersionFields, input, versionLabels);
  await ctx.db.transaction().execute(async (trx) => {
    const form = await q.findForm(trx, formId, true);
    if (form === undefined) throw notFound('danh hiệu, hình thức khen thưởng');
    if (!canManageForm(ctx.actor, form))
      throw forbidden(
        form.scope === 'national'
          ? NATIONAL_ONLY
          : 'Bạn không có quyền sửa danh mục khen thưởng này.',
      );
    const existing = await q.listVersions(trx, [form.id]);
    const latest = existing.at(-1);
    const problems = newVersionProblems(existing, version);
    if (latest !== undefined && latest.subject !== version.subject)
      problems.push({
        field: 'subject',
        message: 'không được đổi giữa các phiên bản; hãy thêm một danh hiệu, hình thức mới',
      });
    if (latest !== undefined && latest.kind !== version.kind)
      problems.push({ field: 'kind', message: 'không được đổi giữa các phiên bản' });
    if (problems.length > 0) refuse(problems, versionLabels);
    const versionId = await q.insertVersion(trx, {
      ...version,
      formId: form.id,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'award_form.version_added',
      entityType: 'award_form',
      entityId: form.id,
      unitPath: form.provincePath,
      before: latest === undefined ? null : versionSummary(latest),
      after: { versionId, code: form.code, ...version },
    });
  });
  return oneFormRow(ctx, ctx.db, formId, version.validFrom);
}

function versionSummary(v: q.VersionRecord) {
  return {
    versionId: v.id,
    code: v.code,
    name: v.name,
    coefficient: v.coefficient,
    fixedAmount: v.fixedAmount,
    deciders: v.deciders,
    validFrom: v.validFrom,
    validTo: v.validTo,
  };
}

/**
 * Adds a base salary (mức lương cơ sở) from a date, after the latest one recorded (values in
 * force are never changed); amounts of decisions dated from then on use it. System-wide
 * administrators only (FORBIDDEN otherwise); VALIDATION_FAILED naming "Mức lương cơ sở" or
 * "Áp dụng từ ngày"; audited as `base_salary.added`.
 */
export async function addBaseSalary(ctx: Ctx, input: unknown): Promise<BaseSalaryRow> {
  if (!canManageNational(ctx.actor)) throw forbidden(NATIONAL_ONLY);
  const data = parseInput(NewBaseSalary, input, baseSalaryLabels);
  const row = await ctx.db.transaction().execute(async (trx) => {
    await q.lockDatedTable(trx, 'base_salary');
    const problems = newEffectiveFromProblems(await q.listBaseSalaries(trx), data.effectiveFrom);
    if (problems.length > 0) refuse(problems, baseSalaryLabels);
    const inserted = await q.insertBaseSalary(trx, {
      ...data,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'base_salary.added',
      entityType: 'base_salary',
      entityId: inserted.id,
      unitPath: null,
      after: data,
    });
    return inserted;
  });
  return withEffectiveTo([row])[0] as BaseSalaryRow;
}

/**
 * Sets the rounding rule of award amounts from a date (after the latest rule recorded; earlier
 * rules stay as they were). System-wide administrators only (FORBIDDEN otherwise);
 * VALIDATION_FAILED naming the field; audited as `award_rounding.set`.
 */
export async function setRounding(ctx: Ctx, input: unknown): Promise<RoundingRow> {
  if (!canManageNational(ctx.actor)) throw forbidden(NATIONAL_ONLY);
  const data = parseInput(NewRounding, input, roundingLabels);
  const row = await ctx.db.transaction().execute(async (trx) => {
    await q.lockDatedTable(trx, 'award_rounding');
    const problems = newEffectiveFromProblems(await q.listRoundings(trx), data.effectiveFrom);
    if (problems.length > 0) refuse(problems, roundingLabels);
    const inserted = await q.insertRounding(trx, {
      ...data,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'award_rounding.set',
      entityType: 'award_rounding',
      entityId: inserted.id,
      unitPath: null,
      after: data,
    });
    return inserted;
  });
  return withEffectiveTo([row])[0] as RoundingRow;
}

/**
 * Links a plan's reward forms to the catalogue versions in force on the decision date (the
 * national forms and the provinces' own forms the actor sees): the catalogue forms each names,
 * its decider, or the plan's fixed amount (see linkPlanReward). For nominations and decisions,
 * which pass the plan content's `rewards`.
 */
export async function linkPlanRewardsOn(
  ctx: Ctx,
  rewards: readonly PlanReward[],
  decisionDate: string,
): Promise<PlanRewardLink[]> {
  const forms = await q.listForms(ctx.db, scopeFor(ctx.actor, 'unit.view'));
  const versions = await q.listVersions(
    ctx.db,
    forms.map((f) => f.id),
  );
  const inForce = forms.flatMap((f) => {
    const v = versionOn(
      versions.filter((x) => x.formId === f.id),
      decisionDate,
    );
    return v === undefined ? [] : [v];
  });
  return linkPlanRewards(rewards, inForce, decisionDate);
}

/** What an award decision snapshots for one row: the version used and the amount explained. */
export type AwardQuote = {
  formId: number;
  versionId: number;
  code: string;
  name: string;
  subject: FormVersion['subject'];
  deciders: FormVersion['deciders'];
  amount: number;
  explanation: string;
  coefficient: number | null;
  baseSalary: number | null;
};

/**
 * The amount of an award of a form decided on a date, with what it was computed from, for award
 * decisions to store on their rows (they never read the catalogue again): the version in force on
 * the decision date, the base salary and rounding rule in force then, or the plan's fixed amount.
 * Read inside the caller's transaction when given one. NOT_FOUND for an unknown form;
 * INVALID_STATE (in Vietnamese) when no version is in force that day or no amount can be computed.
 */
export async function quoteAward(
  db: Executor,
  input: { formId: number; decisionDate: string; fixedAmount?: number | null },
): Promise<AwardQuote> {
  const form = await q.findForm(db, input.formId);
  if (form === undefined) throw notFound('danh hiệu, hình thức khen thưởng');
  const [versions, tables] = await Promise.all([
    q.listVersions(db, [form.id]),
    loadAmountTables(db),
  ]);
  const version = versionOn(versions, input.decisionDate);
  const date = formatVietnamDate(input.decisionDate);
  if (version === undefined)
    throw new AppError('INVALID_STATE', `${form.code} không có phiên bản hiệu lực ngày ${date}.`);
  const amount = awardAmount({
    version,
    decisionDate: input.decisionDate,
    fixedAmount: input.fixedAmount,
    ...tables,
  });
  if (!amount.ok) throw new AppError('INVALID_STATE', amount.reason);
  return {
    formId: form.id,
    versionId: version.id,
    code: form.code,
    name: version.name,
    subject: version.subject,
    deciders: version.deciders,
    amount: amount.amount,
    explanation: amount.explanation,
    coefficient: amount.coefficient,
    baseSalary: amount.baseSalary?.amount ?? null,
  };
}
