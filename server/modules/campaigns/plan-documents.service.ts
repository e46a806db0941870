import type { Ctx } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../platform/time';
import {
  buildPlanOutline,
  findGenerated,
  renderPlanDocx,
  storeGenerated,
  renderPlanPdf,
  type PlanDocumentInput,
} from '../documents/index';
import { DownloadQuery, DraftEdits } from '../../../shared/api/campaigns';
import { planLabels } from './campaigns.schemas';
import { withPlanItemIds } from './plan-items.rules';
import * as q from './campaigns.queries';
import { assertCascadeUnits, getVisiblePlan, unitRef } from './plans.service';
import { canAmendPlan, canEditDraft } from './campaigns.policy';
import { PlanSnapshot, planSnapshot } from './plan-snapshot';
import { assertNoOpenDoubts } from './import-review';
import { planDocumentFileName } from './plan-file-name';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';
type Format = 'docx' | 'pdf';
const contentTypes: Record<Format, string> = { docx: DOCX_TYPE, pdf: PDF_TYPE };

/** The renderer's input from a frozen snapshot. */
export function documentInput(s: PlanSnapshot, draft: boolean, today: string): PlanDocumentInput {
  return {
    parentBody: s.parentBody,
    issuingBody: s.issuingBody,
    docType: s.docType,
    documentNumber: s.documentNumber,
    documentSymbol: s.documentSymbol,
    place: s.place,
    issuedOn: s.issuedOn,
    draftYear: Number((s.issuedOn ?? today).slice(0, 4)),
    title: s.title,
    kind: s.kind,
    mode: s.mode,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    registrationDeadline: s.registrationDeadline,
    cascade:
      s.cascadeUnits.length === 0 && s.cascadeDeadline === null
        ? null
        : { deadline: s.cascadeDeadline, unitNames: s.cascadeUnits.map((u) => u.name) },
    content: s.content,
    draft,
  };
}

const render = (input: PlanDocumentInput, format: Format) =>
  format === 'docx' ? renderPlanDocx(input) : renderPlanPdf(input);

/**
 * The plan as .docx or .pdf. An issued version is rendered once from its snapshot and stored in
 * the documents store (subject 'plan', its version, the format), so every later download returns
 * the same bytes; a draft is rendered on the fly with a DỰ THẢO mark,
 * refused (VALIDATION_FAILED) while imported values await review. NOT_FOUND for a version that
 * does not exist.
 */
export async function planDocument(ctx: Ctx, planId: number, format: Format, query: unknown) {
  const { version } = parseInput(DownloadQuery, query, { version: 'Phiên bản' });
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const today = vietnamDate(ctx.now());
  if (plan.documentNumber === null) {
    await assertNoOpenDoubts(ctx.db, plan, 'tải văn bản');
    const snapshot = await planSnapshot(ctx.db, plan, await q.listCascadeUnitIds(ctx.db, plan.id));
    const data = await render(documentInput(snapshot, true, today), format);
    return {
      data,
      fileName: planDocumentFileName(plan, format, null),
      contentType: contentTypes[format],
    };
  }
  const wanted = version ?? plan.documentVersion;
  const key = { kind: 'plan', id: planId, version: wanted, format } as const;
  const stored = await findGenerated(ctx, key);
  const row = await q.findVersionSnapshot(ctx.db, planId, wanted);
  if (row === undefined)
    throw new AppError('NOT_FOUND', `Không tìm thấy phiên bản ${wanted} của kế hoạch.`);
  const snapshot = PlanSnapshot.parse(row.snapshot);
  const name = planDocumentFileName(
    { ...plan, documentNumber: snapshot.documentNumber ?? plan.documentNumber },
    format,
    wanted,
  );
  if (stored !== undefined)
    return { data: stored, fileName: name, contentType: contentTypes[format] };
  const data = await render(documentInput(snapshot, false, today), format);
  await storeGenerated(ctx, key, { data, name, contentType: contentTypes[format] });
  return { data, fileName: name, contentType: contentTypes[format] };
}

/**
 * The official layout of a plan as an outline the web app renders: the saved plan, or the saved
 * plan with unsaved edits from the editor applied (nothing is written).
 */
export async function previewPlan(ctx: Ctx, planId: number, edits: unknown) {
  const plan = await getVisiblePlan(ctx, ctx.db, planId);
  const changes =
    edits === undefined || edits === null ? {} : parseInput(DraftEdits, edits, planLabels);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  // Unsaved edits are the editor's: only who may save them previews them, and the units they
  // name must be below the issuer as on saving (else any reader could look up any unit's name).
  if (Object.keys(defined).length > 0) {
    const ref = { status: plan.status, unit: unitRef(plan) };
    if (!canEditDraft(ctx.actor, ref) && !canAmendPlan(ctx.actor, ref))
      throw forbidden('Chỉ người được sửa kế hoạch mới xem trước được thay đổi chưa lưu.');
    if (changes.cascadeUnitIds !== undefined)
      await assertCascadeUnits(ctx.db, changes.cascadeUnitIds, plan.unitPath);
  }
  // Unsaved items get provisional ids (never stored); ids sent must be the plan's, as on saving.
  const content =
    changes.content === undefined ? plan.content : withPlanItemIds(changes.content, plan.content);
  const merged: typeof plan = { ...plan, ...defined, content };
  const cascadeIds =
    'cascadeUnitIds' in changes && Array.isArray(changes.cascadeUnitIds)
      ? changes.cascadeUnitIds
      : await q.listCascadeUnitIds(ctx.db, plan.id);
  const snapshot = await planSnapshot(ctx.db, merged, cascadeIds);
  const today = vietnamDate(ctx.now());
  return buildPlanOutline(documentInput(snapshot, plan.documentNumber === null, today));
}
