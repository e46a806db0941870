import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { findCriteriaVersion } from './criteria.service';
import { findNode, isSelfScored } from './assessment.rules';
import * as q from './assessment.queries';
import { editableSheet, visibleSheet } from './assessment.service';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_LEAF, checkEvidence } from './evidence.rules';

/**
 * Evidence (tài liệu kiểm chứng) attached by the unit to a leaf of its score sheet. Files are
 * checked on their bytes (evidence.rules.ts), stored, and linked to the leaf; downloads are
 * authorised like the sheet itself.
 */

const AUDIT = 'score_sheet';

/**
 * Attaches a file to a self-scored leaf while the sheet is editable. VALIDATION_FAILED for a
 * missing, empty, too large or unaccepted file (decided on content, and the name must match
 * it), an unknown or survey leaf, or more than the per-leaf limit; FORBIDDEN; INVALID_STATE
 * once submitted; NOT_FOUND outside the sheet's viewers.
 */
export async function uploadEvidence(
  ctx: Ctx,
  sheetId: number,
  input: { nodeId: unknown; fileName: string | undefined; data: Buffer | undefined },
  maxBytes = MAX_EVIDENCE_BYTES,
) {
  if (input.data === undefined || input.fileName === undefined)
    throw fieldError('file', 'Tệp kiểm chứng', 'chưa chọn tệp');
  const { data, fileName } = input;
  if (typeof input.nodeId !== 'string' || input.nodeId.length === 0)
    throw fieldError('nodeId', 'Tiêu chí', 'không được để trống');
  const nodeId = input.nodeId;
  // A first look before the bytes are stored; the authoritative checks run in the transaction.
  await visibleSheet(ctx, ctx.db, sheetId);
  const check = await checkEvidence(fileName, data, maxBytes);
  if (!check.ok) throw fieldError('file', 'Tệp kiểm chứng', check.message);
  const put = await ctx.storage.put(data, fileName);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const sheet = await editableSheet(ctx, trx, sheetId, 'share');
      const v = await findCriteriaVersion(trx, sheet.criteriaVersionId);
      const node = v && findNode(v.tree, nodeId);
      if (node === undefined || node.children.length > 0)
        throw fieldError('nodeId', 'Tiêu chí', `không có tiêu chí cuối "${nodeId}" trong phiếu`);
      if (!isSelfScored(node))
        throw fieldError('nodeId', `Mục ${node.code}`, 'chấm theo khảo sát, không nộp kiểm chứng');
      const count = await trx
        .selectFrom('scoreEvidence')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sheetId', '=', sheetId)
        .where('nodeId', '=', nodeId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_EVIDENCE_PER_LEAF)
        throw fieldError(
          'file',
          `Mục ${node.code}`,
          `đã có ${MAX_EVIDENCE_PER_LEAF} tệp kiểm chứng, không thêm được nữa`,
        );
      const file = await trx
        .insertInto('storedFile')
        .values({
          storageKey: put.key,
          originalName: fileName,
          contentType: check.contentType,
          sizeBytes: put.size,
          sha256: put.sha256,
          createdBy: actorId(ctx.actor),
          createdAt: ctx.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('scoreEvidence')
        .values({
          sheetId,
          nodeId,
          fileId: file.id,
          uploadedBy: actorId(ctx.actor),
          uploadedAt: ctx.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'score_sheet.evidence_added',
        entityType: AUDIT,
        entityId: sheetId,
        unitPath: sheet.unitPath,
        after: { evidenceId: row.id, nodeId, fileName, sha256: put.sha256, size: put.size },
      });
      return {
        id: row.id,
        nodeId,
        fileName,
        contentType: check.contentType,
        sizeBytes: put.size,
        uploadedAt: ctx.now(),
      };
    });
  } catch (e) {
    await ctx.storage.remove(put.key);
    throw e;
  }
}

/**
 * Detaches an evidence file while the sheet is editable (the stored file stays for the audit
 * trail). NOT_FOUND for an unknown file of this sheet; FORBIDDEN; INVALID_STATE once submitted.
 */
export async function removeEvidence(ctx: Ctx, sheetId: number, evidenceId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await editableSheet(ctx, trx, sheetId, 'share');
    const gone = await trx
      .deleteFrom('scoreEvidence')
      .where('id', '=', evidenceId)
      .where('sheetId', '=', sheetId)
      .returning(['nodeId', 'fileId'])
      .executeTakeFirst();
    if (gone === undefined) throw notFound('tệp kiểm chứng');
    await recordAudit(trx, ctx, {
      action: 'score_sheet.evidence_removed',
      entityType: AUDIT,
      entityId: sheetId,
      unitPath: sheet.unitPath,
      before: { evidenceId, nodeId: gone.nodeId, fileId: gone.fileId },
    });
    return { id: evidenceId, removed: true };
  });
}

/** An evidence file's bytes for whoever may see the sheet; NOT_FOUND otherwise. */
export async function downloadEvidence(ctx: Ctx, sheetId: number, evidenceId: number) {
  await visibleSheet(ctx, ctx.db, sheetId);
  const file = (await q.listEvidence(ctx.db, sheetId)).find((f) => f.id === evidenceId);
  if (file === undefined) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp kiểm chứng.');
  return {
    data: await ctx.storage.get(file.storageKey),
    fileName: file.fileName,
    contentType: file.contentType,
  };
}
