import type { Ctx } from '../../platform/context';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors';
import { insertStoredFile } from '../../platform/storage';
import { requireFile } from '../../platform/upload';
import type { NominationAttachment } from '../../../shared/api/nominations';
import { checkEvidence } from '../assessment/index';
import { levelsOf } from './levels';
import { canProposeNomination } from './nominations.policy';
import * as q from './nominations.queries';
import { by, toAttachment, visibleNomination } from './nominations.service';

/**
 * The files of a nomination's dossier (decision 041): the report of achievements, evidence and
 * minutes, each tagged with the dossier checklist item it satisfies. Files are checked on their
 * bytes by assessment's `checkEvidence` (PDF, PNG, JPEG, .docx, .xlsx; Office files through the
 * untrusted-zip guard, decision 031), bounded in size and number.
 */

/** The most one file may weigh, and the most files one nomination may carry. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 30;

const FILE = { field: 'file', label: 'Tệp hồ sơ' };

/** The nomination when the actor may change its files now: the proposer, while editable. */
async function editableNomination(ctx: Ctx, db: Executor, id: number, lock = false) {
  const r = await visibleNomination(ctx, db, id, lock);
  if (!canProposeNomination(ctx.actor, r.proposingUnitPath))
    throw forbidden('Chỉ thủ trưởng, cán bộ thi đua của đơn vị đề nghị được nộp hồ sơ.');
  if (r.status !== 'draft' && r.status !== 'returned')
    throw new AppError(
      'INVALID_STATE',
      'Đề nghị đã gửi lên: chỉ thay đổi hồ sơ khi đề nghị là dự thảo hoặc bị trả lại.',
    );
  return r;
}

/** The checklist item a file is tagged with: one of the receiving level's items, or none. */
async function checkItem(ctx: Ctx, db: Executor, r: q.NominationRecord, item: string | null) {
  const { checklist } = await levelsOf(ctx, db, r);
  if (item !== null && !checklist.some((i) => i.item === item))
    throw fieldError('dossierItem', 'Mục hồ sơ', 'không có trong danh mục hồ sơ của cấp nhận');
  if ((await q.listAttachments(db, r.id)).length >= MAX_ATTACHMENTS)
    throw fieldError('file', FILE.label, `đề nghị đã có ${MAX_ATTACHMENTS} tệp, không thêm được`);
}

/**
 * Attaches a file to a draft or returned nomination, tagged with the dossier checklist item it
 * satisfies (an item of the receiving level's checklist) or none (other evidence). Checked before
 * the bytes are stored and again on the locked nomination. VALIDATION_FAILED for a missing, empty,
 * too large or unaccepted file, an unknown item, or more than the limit; FORBIDDEN outside the
 * proposing unit; INVALID_STATE once submitted; NOT_FOUND when unseen. Audited.
 */
export async function uploadNominationAttachment(
  ctx: Ctx,
  id: number,
  input: { dossierItem: unknown; fileName: string | undefined; data: Buffer | undefined },
  maxBytes = MAX_ATTACHMENT_BYTES,
): Promise<NominationAttachment> {
  const { data, fileName } = requireFile(input, FILE);
  const raw = typeof input.dossierItem === 'string' ? input.dossierItem.trim() : '';
  const item = raw === '' ? null : raw;
  const seen = await editableNomination(ctx, ctx.db, id);
  await checkItem(ctx, ctx.db, seen, item);
  const check = await checkEvidence(fileName, data, maxBytes);
  if (!check.ok) throw fieldError('file', FILE.label, check.message);
  const put = await ctx.storage.put(data, fileName);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const r = await editableNomination(ctx, trx, id, true);
      await checkItem(ctx, trx, r, item);
      const file = await insertStoredFile(trx, ctx, put, {
        originalName: fileName,
        contentType: check.contentType,
      });
      const attachmentId = await q.insertAttachment(
        trx,
        { nominationId: id, dossierItem: item, fileId: file.id },
        by(ctx),
      );
      await recordAudit(trx, ctx, {
        action: 'nomination.attachment_added',
        entityType: 'nomination',
        entityId: id,
        unitPath: r.proposingUnitPath,
        after: { attachmentId, dossierItem: item, fileName, sha256: put.sha256, size: put.size },
      });
      const row = (await q.listAttachments(trx, id)).find((a) => a.id === attachmentId);
      if (row === undefined) throw new Error('attachment vanished');
      return toAttachment(row);
    });
  } catch (e) {
    await ctx.storage.remove(put.key);
    throw e;
  }
}

/**
 * Removes a file from a draft or returned nomination (the stored file stays for the audit trail).
 * NOT_FOUND for an unknown file of this nomination; FORBIDDEN; INVALID_STATE once submitted.
 */
export async function removeNominationAttachment(ctx: Ctx, id: number, attachmentId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await editableNomination(ctx, trx, id, true);
    const gone = await q.deleteAttachment(trx, id, attachmentId);
    if (gone === undefined) throw notFound('tệp hồ sơ');
    await recordAudit(trx, ctx, {
      action: 'nomination.attachment_removed',
      entityType: 'nomination',
      entityId: id,
      unitPath: r.proposingUnitPath,
      before: { attachmentId, dossierItem: gone.dossierItem, fileId: gone.fileId },
    });
    return { id: attachmentId, removed: true };
  });
}

/** A file's bytes for whoever may see the nomination; NOT_FOUND otherwise. */
export async function downloadNominationAttachment(ctx: Ctx, id: number, attachmentId: number) {
  await visibleNomination(ctx, ctx.db, id);
  const file = (await q.listAttachments(ctx.db, id)).find((f) => f.id === attachmentId);
  if (file === undefined) throw notFound('tệp hồ sơ');
  return {
    data: await ctx.storage.get(file.storageKey),
    fileName: file.fileName,
    contentType: file.contentType,
  };
}
