import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { canAnywhere, scopeFor } from '../../platform/access';
import { AppError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { changedFields, recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { parseInput } from '../../platform/validation';
import { getUnit } from '../organization/index';
import {
  NewTemplate,
  PreviewRequest,
  TemplateListQuery,
  TemplateUpdate,
  type CertificateTemplateInput as CertificateTemplate,
  type TemplateListInput as TemplateList,
} from '../../../shared/api/certificates';
import { certificateFieldLabels, certificateFields } from '../../../shared/certificates';
import { renderCertificatesPdf, STANDARD_LAYOUT, type CertificateLayout } from './certificate-pdf';
import { sampleCertificateRow } from './certificate-sample';
import { canManageTemplates } from './certificates.policy';
import * as q from './templates.queries';

const labels: Record<string, string> = {
  unitId: 'Đơn vị',
  name: 'Tên mẫu',
  formCode: 'Mã hình thức khen thưởng',
  mode: 'Cách in',
  offsets: 'Căn chỉnh từng dòng',
  version: 'Phiên bản',
};
for (const f of certificateFields) {
  const l = certificateFieldLabels[f];
  labels[`offsets.${f}`] = l;
  labels[`offsets.${f}.x`] = `${l}: lệch ngang (mm)`;
  labels[`offsets.${f}.y`] = `${l}: lệch dọc (mm)`;
  labels[`offsets.${f}.fontSize`] = `${l}: cỡ chữ`;
}

const NO_MANAGE = 'Bạn không có quyền quản lý mẫu in giấy khen của đơn vị này.';
const nameTaken = () =>
  new AppError('CONFLICT', 'Đơn vị đã có mẫu in giấy khen trùng tên. Vui lòng đặt tên khác.', {
    fields: [{ field: 'name', label: 'Tên mẫu', message: 'đã có mẫu cùng tên trong đơn vị' }],
  });

function toResponse(t: q.TemplateRecord): CertificateTemplate {
  return {
    id: t.id,
    unit: { id: t.unitId, name: t.unitName },
    name: t.name,
    formCode: t.formCode,
    mode: t.mode,
    offsets: t.offsets,
    version: t.version,
    updatedAt: t.updatedAt,
  };
}

async function managedTemplate(ctx: Ctx, id: number): Promise<q.TemplateRecord> {
  const t = await q.findTemplate(ctx.db, id);
  if (t === undefined) throw notFound('mẫu in giấy khen');
  if (!canManageTemplates(ctx.actor, t.unitPath)) throw forbidden(NO_MANAGE);
  return t;
}

/**
 * The certificate templates of the units within the actor's certificate_template.manage scope
 * (filtered in SQL), or of one unit (`unitId`), and the units of the actor's own grants where
 * templates may be added. NOT_FOUND for an unknown unit; FORBIDDEN for a unit out of scope.
 */
export async function listTemplates(ctx: Ctx, input: unknown): Promise<TemplateList> {
  const query = parseInput(TemplateListQuery, input, { unitId: 'Đơn vị' });
  if (query.unitId !== undefined) {
    const unit = await getUnit(ctx.db, query.unitId);
    if (!canManageTemplates(ctx.actor, unit.path)) throw forbidden(NO_MANAGE);
  }
  const scope = scopeFor(ctx.actor, 'certificate_template.manage');
  const rows = await q.listTemplates(ctx.db, scope, query.unitId ?? null);
  const grantUnits = ctx.actor.kind === 'user' ? ctx.actor.grants : [];
  const manageableUnits: { id: number; name: string }[] = [];
  for (const g of grantUnits) {
    if (g.unitId === null || g.unitPath === null) continue;
    if (manageableUnits.some((u) => u.id === g.unitId)) continue;
    if (!canManageTemplates(ctx.actor, g.unitPath)) continue;
    const unit = await getUnit(ctx.db, g.unitId);
    manageableUnits.push({ id: unit.id, name: unit.name });
  }
  return { items: rows.map(toResponse), manageableUnits };
}

/**
 * Adds a certificate template to a unit: its name (unique in the unit), the form it prints (a
 * catalogue code, or null for any), the mode (full: plain paper; blank: pre-printed paper, only
 * the variable fields) and per-field offsets in mm with an optional font size, all validated.
 * certificate_template.manage over the unit; audited as `certificate_template.created`.
 * VALIDATION_FAILED naming the field; NOT_FOUND (unit); FORBIDDEN; CONFLICT for a taken name.
 */
export async function createTemplate(ctx: Ctx, input: unknown): Promise<CertificateTemplate> {
  const { unitId, ...values } = parseInput(NewTemplate, input, labels);
  const unit = await getUnit(ctx.db, unitId);
  if (!canManageTemplates(ctx.actor, unit.path)) throw forbidden(NO_MANAGE);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await q.insertTemplate(trx, unitId, values, {
      userId: actorId(ctx.actor),
      at: ctx.now(),
    });
    if (newId === undefined) throw nameTaken();
    await recordAudit(trx, ctx, {
      action: 'certificate_template.created',
      entityType: 'certificate_template',
      entityId: newId,
      unitPath: unit.path,
      after: { unitId, ...values },
    });
    return newId;
  });
  return toResponse(await getTemplateRecord(ctx.db, id));
}

async function getTemplateRecord(db: Executor, id: number): Promise<q.TemplateRecord> {
  const t = await q.findTemplate(db, id);
  if (t === undefined) throw notFound('mẫu in giấy khen');
  return t;
}

/**
 * Changes a template at the version the client read (CONFLICT when someone changed it
 * meanwhile, or the new name is taken in the unit); certificate_template.manage over its unit;
 * audited as `certificate_template.updated` with the changed fields. NOT_FOUND, FORBIDDEN,
 * VALIDATION_FAILED as for adding.
 */
export async function updateTemplate(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<CertificateTemplate> {
  const { version, ...values } = parseInput(TemplateUpdate, input, labels);
  const t = await managedTemplate(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (await q.nameTaken(trx, t.unitId, values.name, id)) throw nameTaken();
    if (!(await q.updateTemplate(trx, id, version, values, ctx.now()))) throw staleVersion();
    const before = { name: t.name, formCode: t.formCode, mode: t.mode, offsets: t.offsets };
    await recordAudit(trx, ctx, {
      action: 'certificate_template.updated',
      entityType: 'certificate_template',
      entityId: id,
      unitPath: t.unitPath,
      ...changedFields(before, values),
    });
  });
  return toResponse(await getTemplateRecord(ctx.db, id));
}

/**
 * Deletes a template (certificates already printed are not affected: they are files);
 * certificate_template.manage over its unit; audited as `certificate_template.deleted` with the
 * template as it was. NOT_FOUND, FORBIDDEN.
 */
export async function deleteTemplate(ctx: Ctx, id: number): Promise<void> {
  const t = await managedTemplate(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await q.deleteTemplate(trx, id))) throw notFound('mẫu in giấy khen');
    await recordAudit(trx, ctx, {
      action: 'certificate_template.deleted',
      entityType: 'certificate_template',
      entityId: id,
      unitPath: t.unitPath,
      before: toResponse(t),
    });
  });
}

export type PdfFile = { data: Buffer; fileName: string };

/**
 * A sample certificate printed with a saved template, issued in the template's unit's name.
 * certificate_template.manage over its unit. NOT_FOUND, FORBIDDEN.
 */
export async function previewTemplate(ctx: Ctx, id: number): Promise<PdfFile> {
  const t = await managedTemplate(ctx, id);
  const row = sampleCertificateRow({ issuerName: t.unitName });
  return {
    data: await renderCertificatesPdf({ mode: t.mode, offsets: t.offsets }, [row]),
    fileName: `mau-giay-khen-${t.id}.pdf`,
  };
}

/**
 * A sample certificate printed with a layout being edited (not saved), for the live preview of
 * the "Mẫu giấy khen" page. Needs certificate_template.manage somewhere (FORBIDDEN otherwise);
 * VALIDATION_FAILED naming the offset field.
 */
export async function previewLayout(ctx: Ctx, input: unknown): Promise<PdfFile> {
  const layout = parseInput(PreviewRequest, input, labels);
  if (!canAnywhere(ctx.actor, 'certificate_template.manage')) throw forbidden(NO_MANAGE);
  return {
    data: await renderCertificatesPdf(layout, [sampleCertificateRow()]),
    fileName: 'xem-truoc-giay-khen.pdf',
  };
}

/**
 * The layout a unit prints a form's certificates with, for the award decision's certificate
 * download: the unit's template for that form code, else its template for any form (the most
 * recently changed first), else plain paper at the standard places. No permission check: the
 * caller has already authorised the download.
 */
export async function layoutFor(
  db: Executor,
  unitId: number,
  formCode: string | null,
): Promise<CertificateLayout> {
  const rows = await q.listTemplates(db, { all: true }, unitId);
  const rank = (t: q.TemplateRecord) => (t.formCode !== null && t.formCode === formCode ? 0 : 1);
  const best = rows
    .filter((t) => t.formCode === null || t.formCode === formCode)
    .sort((a, b) => rank(a) - rank(b) || b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  return best === undefined ? STANDARD_LAYOUT : { mode: best.mode, offsets: best.offsets };
}

/**
 * The layout of one chosen template of `unitId`, for printing a decision's certificates onto a
 * chosen blank. No permission check (the caller authorised the download); NOT_FOUND when the
 * template does not exist or belongs to another unit.
 */
export async function templateLayout(
  db: Executor,
  unitId: number,
  templateId: number,
): Promise<CertificateLayout> {
  const t = await q.findTemplate(db, templateId);
  if (t === undefined || t.unitId !== unitId) throw notFound('mẫu in giấy khen');
  return { mode: t.mode, offsets: t.offsets };
}
