import { defaultBands } from '../../../shared/criteria';
import type { Actor, Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { insertStoredFile } from '../../platform/storage';
import { requireFile } from '../../platform/upload';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { id as idSchema, parseInput } from '../../platform/validation';
import { ChecklistItemParams, ConfirmItem, ItemEvidenceFields } from '../../../shared/api/results';
import { getVisiblePlan, type PlanRecord } from '../campaigns/index';
import { assertResultsOpen, checkEvidence, MAX_EVIDENCE_BYTES } from '../assessment/index';
import { canConfirmChecklist, canViewChecklist } from './individual.policy';
import { evaluationLock } from './results-lock';
import { individualEligibility, qualifyingBands } from './individual.rules';
import * as q from './individual.queries';
import type { RegRef } from './individual.queries';
import { getPlanEvaluation, getResultsState } from '../assessment/index';

/**
 * The checklist of a plan's individual criteria (content.criteria.individual) for one approved
 * individual registration. Rows are created lazily, the first time the checklist is read, with
 * the criteria's text copied from the plan; later amendments of the plan do not change them.
 * The unit's side confirms each item (met or not, a note, one evidence file); the person never
 * confirms their own. Eligibility = every item met AND the unit's classification in the plan
 * is one of the plan's qualifying bands (its top band unless the plan names them;
 * individual.rules.ts). "The unit" is the registration's unit or, when it has no
 * result of its own, its nearest ancestor that has one (a one-stop section is classified with
 * its commune); results count once computed, and the response says whether they are published.
 */

const AUDIT = 'registration';

/** The registration and its plan, checked: visible, individual and approved. */
async function load(ctx: Ctx, db: Executor, registrationIdInput: unknown) {
  const registrationId = parseInput(idSchema, registrationIdInput, { '(dữ liệu)': 'Mã đăng ký' });
  const reg = await q.findRegistrationRef(db, registrationId);
  if (reg === undefined) throw notFound('đăng ký thi đua');
  const plan = await getVisiblePlan(ctx, db, reg.planId);
  const ref = { unitPath: reg.unitPath, personId: reg.personId, planUnitPath: plan.unitPath };
  if (!canViewChecklist(ctx.actor, ref)) throw notFound('đăng ký thi đua');
  if (reg.kind !== 'individual')
    throw new AppError('INVALID_STATE', 'Bảng tiêu chí cá nhân chỉ dành cho đăng ký cá nhân.');
  if (reg.status !== 'approved')
    throw new AppError('INVALID_STATE', 'Đăng ký cá nhân chưa được duyệt.');
  return { reg, plan, ref };
}

/** Creates the missing rows from the plan's individual criteria (idempotent under races). */
async function ensureRows(db: Executor, reg: RegRef, plan: PlanRecord, now: Date) {
  const texts = plan.content.criteria.individual;
  if (texts.length === 0) return;
  await q.insertChecklistRows(db, reg.id, texts, now);
}

async function listItems(db: Executor, registrationId: number) {
  const rows = await q.listChecklistItems(db, registrationId);
  return rows.map((r) => ({
    index: r.index,
    text: r.text,
    met: r.met,
    note: r.note,
    version: r.version,
    confirmedBy:
      r.confirmedById === null ? null : { id: r.confirmedById, name: r.confirmedByName ?? '' },
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    evidence:
      r.fileId === null
        ? null
        : {
            fileId: r.fileId,
            fileName: r.fileName ?? '',
            contentType: r.contentType ?? '',
            sizeBytes: Number(r.sizeBytes),
          },
  }));
}

async function present(
  db: Executor,
  actor: Actor,
  reg: RegRef,
  plan: PlanRecord,
  canConfirm: boolean,
) {
  const items = await listItems(db, reg.id);
  // The unit's classification: its own result in the plan, else its nearest ancestor's.
  const band = await q.findUnitBand(db, plan.id, reg.unitPath);
  const state = await getResultsState(db, plan.id);
  const lock = evaluationLock(actor, plan, state, 'bảng tiêu chí cá nhân');
  const settings = await getPlanEvaluation(db, plan.id);
  const bands = settings.bands ?? defaultBands;
  const qualifying = qualifyingBands(bands, settings.qualifyingBandKeys ?? undefined);
  const labelOf = (key: string) => bands.find((b) => b.key === key)?.label ?? key;
  const eligibility = individualEligibility(items, band, qualifying, labelOf);
  return {
    registrationId: reg.id,
    planId: plan.id,
    person: { id: reg.personId, fullName: reg.personName ?? '' },
    unit: { id: reg.unitId, name: reg.unitName },
    items,
    unitBand: band,
    qualifyingBands: qualifying.map((key) => ({ key, label: labelOf(key) })),
    resultsStatus: state.resultsStatus,
    eligible: eligibility.eligible,
    reasons: eligibility.reasons,
    // Published results (or a cancelled plan) lock the checklist too (results-lock.ts).
    lock,
    permissions: { canConfirm: canConfirm && lock === null },
  };
}

/**
 * The checklist of an approved individual registration, created from the plan on first read,
 * with the eligibility verdict and its reasons (Vietnamese), and `lock` saying why it is
 * read-only (results published since a date, who may reopen them; a cancelled plan), else null. NOT_FOUND outside its viewers;
 * INVALID_STATE for a collective or not-yet-approved registration.
 */
export async function getChecklist(ctx: Ctx, registrationId: unknown) {
  return ctx.db.transaction().execute(async (trx) => {
    const { reg, plan, ref } = await load(ctx, trx, registrationId);
    await ensureRows(trx, reg, plan, ctx.now());
    return present(trx, ctx.actor, reg, plan, canConfirmChecklist(ctx.actor, ref));
  });
}

const confirmLabels = { met: 'Kết quả', note: 'Ghi chú', version: 'Phiên bản' };
const indexSchema = ChecklistItemParams.shape.index;

async function lockItem(trx: Executor, registrationId: number, index: number) {
  const row = await q.lockChecklistItem(trx, registrationId, index);
  if (row === undefined) throw notFound('tiêu chí cá nhân');
  return row;
}

async function loadForChange(ctx: Ctx, trx: Executor, registrationId: unknown, index: unknown) {
  const { reg, plan, ref } = await load(ctx, trx, registrationId);
  if (!canConfirmChecklist(ctx.actor, ref))
    throw forbidden(
      'Chỉ thủ trưởng hoặc cán bộ thi đua quản lý đơn vị của cá nhân được xác nhận tiêu chí; cá nhân không tự xác nhận cho mình.',
    );
  if (plan.status === 'cancelled')
    throw new AppError('INVALID_STATE', 'Kế hoạch đã hủy, không xác nhận tiêu chí được nữa.');
  await assertResultsOpen(trx, plan.id);
  const itemIndex = parseInput(indexSchema, index, { '(dữ liệu)': 'Số thứ tự tiêu chí' });
  await ensureRows(trx, reg, plan, ctx.now());
  const before = await lockItem(trx, reg.id, itemIndex);
  return { reg, plan, before, itemIndex };
}

/**
 * Confirms one item (met, not met, or back to unconfirmed with null) with a note. The unit's
 * side over the person's unit, never the person; CONFLICT on a stale version; audited.
 */
export async function confirmItem(
  ctx: Ctx,
  registrationId: unknown,
  index: unknown,
  input: unknown,
) {
  const data = parseInput(ConfirmItem, input, confirmLabels);
  return ctx.db.transaction().execute(async (trx) => {
    const { reg, plan, before, itemIndex } = await loadForChange(ctx, trx, registrationId, index);
    if (before.version !== data.version) throw staleVersion();
    const now = ctx.now();
    await q.updateChecklistItem(trx, reg.id, itemIndex, {
      met: data.met,
      note: data.note,
      confirmedBy: data.met === null ? null : actorId(ctx.actor),
      confirmedAt: data.met === null ? null : now,
      version: before.version + 1,
    });
    await recordAudit(trx, ctx, {
      action: 'individual_check.confirmed',
      entityType: AUDIT,
      entityId: reg.id,
      unitPath: reg.unitPath,
      before: { index: itemIndex, met: before.met, note: before.note },
      after: { index: itemIndex, text: before.itemText, met: data.met, note: data.note },
    });
    return present(trx, ctx.actor, reg, plan, true);
  });
}

/**
 * Attaches (or replaces) the evidence file of one item: bytes checked like a score sheet's
 * evidence (evidence.rules.ts), stored, linked; the replaced file stays stored for the audit
 * trail. Same people as confirming; an optional version is checked when sent; audited.
 */
export async function attachItemEvidence(
  ctx: Ctx,
  registrationId: unknown,
  index: unknown,
  input: { fileName: string | undefined; data: Buffer | undefined; version?: unknown },
  maxBytes = MAX_EVIDENCE_BYTES,
) {
  const { data, fileName } = requireFile(input, { field: 'file', label: 'Tệp minh chứng' });
  const version =
    input.version === undefined || input.version === ''
      ? undefined
      : parseInput(ItemEvidenceFields, { version: input.version }, { version: 'Phiên bản' })
          .version;
  // A first look (and the permission check) before the bytes are stored.
  await ctx.db.transaction().execute(async (trx) => loadForChange(ctx, trx, registrationId, index));
  const check = await checkEvidence(fileName, data, maxBytes);
  if (!check.ok) throw fieldError('file', 'Tệp minh chứng', check.message);
  const put = await ctx.storage.put(data, fileName);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const { reg, plan, before, itemIndex } = await loadForChange(ctx, trx, registrationId, index);
      if (version !== undefined && before.version !== version) throw staleVersion();
      const file = await insertStoredFile(trx, ctx, put, {
        originalName: fileName,
        contentType: check.contentType,
      });
      await q.updateChecklistItem(trx, reg.id, itemIndex, {
        evidenceFileId: file.id,
        version: before.version + 1,
      });
      await recordAudit(trx, ctx, {
        action: 'individual_check.evidence_attached',
        entityType: AUDIT,
        entityId: reg.id,
        unitPath: reg.unitPath,
        before: { index: itemIndex, fileId: before.evidenceFileId },
        after: { index: itemIndex, fileId: file.id, fileName, sha256: put.sha256, size: put.size },
      });
      return present(trx, ctx.actor, reg, plan, true);
    });
  } catch (e) {
    await ctx.storage.remove(put.key);
    throw e;
  }
}

/** An item's evidence bytes for whoever may see the checklist; NOT_FOUND otherwise. */
export async function downloadItemEvidence(ctx: Ctx, registrationId: unknown, index: unknown) {
  const { reg } = await load(ctx, ctx.db, registrationId);
  const itemIndex = parseInput(indexSchema, index, { '(dữ liệu)': 'Số thứ tự tiêu chí' });
  const file = await q.findItemEvidenceFile(ctx.db, reg.id, itemIndex);
  if (file === undefined) throw notFound('tệp minh chứng');
  return {
    data: await ctx.storage.get(file.storageKey),
    fileName: file.originalName,
    contentType: file.contentType,
  };
}
