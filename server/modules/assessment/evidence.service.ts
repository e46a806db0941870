import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors';
import { insertStoredFile } from '../../platform/storage';
import { requireFile } from '../../platform/upload';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { findNode, loadCriteriaTree } from '../criteria/index';
import { isSelfStage, isSelfScored } from './assessment.rules';
import { APPRAISED_SHEET_REASON, canActForUnit, canRemoveEvidence } from './assessment.policy';
import * as q from './assessment.queries';
import { loadSheet } from './assessment.service';
import { assertResultsOpen } from './plan-lock';
import { hasAppraisedSheet } from './entry.queries';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_LEAF, checkEvidence } from './evidence.rules';

/**
 * Evidence (tài liệu kiểm chứng) attached by the unit to a leaf of its score sheet. Files are
 * checked on their bytes (evidence.rules.ts), stored, and linked to the leaf; downloads are
 * authorised like the sheet itself. The unit adds and removes files while it edits its
 * self-assessment; during an explanation round (giải trình) it may add files to the leaves it was
 * asked about (any leaf when the request named none) and remove only the files of that round.
 */

const AUDIT = 'score_sheet';

/**
 * FORBIDDEN outside the unit's side, and during an explanation round for someone who appraised
 * the sheet (they do not explain it for the unit); INVALID_STATE while the plan's results are
 * published or outside the editable and explanation steps. Runs on a plain read before an
 * upload's bytes are stored, and again on the locked sheet in the writing transaction.
 */
async function assertEvidenceOpen(ctx: Ctx, db: Executor, sheet: q.SheetRecord) {
  if (!canActForUnit(ctx.actor, sheet))
    throw forbidden(
      'Chỉ đơn vị được chấm (thủ trưởng, cán bộ thi đua) được nộp tài liệu kiểm chứng.',
    );
  // In a transaction this holds the plan row FOR SHARE until commit (results-lock.ts).
  await assertResultsOpen(db, sheet.planId);
  if (!isSelfStage(sheet.status) && sheet.status !== 'explaining')
    throw new AppError(
      'INVALID_STATE',
      'Phiếu đã nộp nên bị khóa; chỉ thêm tài liệu kiểm chứng khi được trả lại hoặc khi được đề nghị giải trình.',
    );
  if (sheet.status === 'explaining' && (await hasAppraisedSheet(db, sheet.id, ctx.actor)))
    throw forbidden(APPRAISED_SHEET_REASON);
}

/** The sheet, locked, when the unit's side may change its evidence now (`assertEvidenceOpen`). */
async function evidenceSheet(ctx: Ctx, trx: Executor, sheetId: number, lock: 'update' | 'share') {
  const sheet = await loadSheet(ctx, trx, sheetId, lock);
  await assertEvidenceOpen(ctx, trx, sheet);
  return sheet;
}

/**
 * The leaf a file may be attached to now: a self-scored leaf of the sheet, during an explanation
 * round one asked about, with fewer than the per-leaf limit of files. VALIDATION_FAILED otherwise.
 */
async function attachableLeaf(db: Executor, sheet: q.SheetRecord, nodeId: string) {
  const node = findNode(await loadCriteriaTree(db, sheet.criteriaVersionId), nodeId);
  if (node === undefined || node.children.length > 0)
    throw fieldError('nodeId', 'Tiêu chí', `không có tiêu chí cuối "${nodeId}" trong phiếu`);
  if (!isSelfScored(node))
    throw fieldError('nodeId', `Mục ${node.code}`, 'chấm theo khảo sát, không nộp kiểm chứng');
  const asked = sheet.explanationNodeIds;
  if (sheet.status === 'explaining' && asked.length > 0 && !asked.includes(nodeId))
    throw fieldError(
      'nodeId',
      `Mục ${node.code}`,
      'không nằm trong các mục được đề nghị giải trình nên không thêm tài liệu được',
    );
  if ((await q.countEvidence(db, sheet.id, nodeId)) >= MAX_EVIDENCE_PER_LEAF)
    throw fieldError(
      'file',
      `Mục ${node.code}`,
      `đã có ${MAX_EVIDENCE_PER_LEAF} tệp kiểm chứng, không thêm được nữa`,
    );
  return node;
}

/**
 * Attaches a file to a self-scored leaf while the sheet is editable, or during an explanation
 * round to a leaf asked about. Who may, the sheet's step, the results lock, the leaf and the
 * per-leaf limit are checked before the bytes are stored, then again in the transaction with the
 * sheet row locked FOR UPDATE: concurrent uploads to one sheet take turns, so the limit holds.
 * VALIDATION_FAILED for a missing, empty, too large or unaccepted file (decided on content, and
 * the name must match it), an unknown or survey leaf, a leaf not asked about, or more than the
 * per-leaf limit; FORBIDDEN outside the unit's side, or during an explanation round for someone
 * who appraised the sheet; INVALID_STATE once submitted (outside an explanation round) or while
 * the plan's results are published; NOT_FOUND outside the sheet's viewers.
 */
export async function uploadEvidence(
  ctx: Ctx,
  sheetId: number,
  input: { nodeId: unknown; fileName: string | undefined; data: Buffer | undefined },
  maxBytes = MAX_EVIDENCE_BYTES,
) {
  const { data, fileName } = requireFile(input, { field: 'file', label: 'Tệp kiểm chứng' });
  if (typeof input.nodeId !== 'string' || input.nodeId.length === 0)
    throw fieldError('nodeId', 'Tiêu chí', 'không được để trống');
  const nodeId = input.nodeId;
  // Nothing is stored for a caller who may not attach this file now.
  const seen = await loadSheet(ctx, ctx.db, sheetId);
  await assertEvidenceOpen(ctx, ctx.db, seen);
  await attachableLeaf(ctx.db, seen, nodeId);
  const check = await checkEvidence(fileName, data, maxBytes);
  if (!check.ok) throw fieldError('file', 'Tệp kiểm chứng', check.message);
  const put = await ctx.storage.put(data, fileName);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // The state may have changed meanwhile: every check again, on the locked sheet.
      const sheet = await evidenceSheet(ctx, trx, sheetId, 'update');
      await attachableLeaf(trx, sheet, nodeId);
      const file = await insertStoredFile(trx, ctx, put, {
        originalName: fileName,
        contentType: check.contentType,
      });
      const row = await q.insertEvidence(trx, {
        sheetId,
        nodeId,
        fileId: file.id,
        uploadedBy: actorId(ctx.actor),
        uploadedAt: ctx.now(),
      });
      await recordAudit(trx, ctx, {
        action: 'score_sheet.evidence_added',
        entityType: AUDIT,
        entityId: sheetId,
        unitPath: sheet.unitPath,
        after: {
          evidenceId: row.id,
          nodeId,
          fileName,
          sha256: put.sha256,
          size: put.size,
          ...(sheet.status === 'explaining' ? { explanationRound: true } : {}),
        },
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
 * Detaches an evidence file while the sheet is editable, or during an explanation round a file
 * uploaded in that round (the stored file stays for the audit trail). NOT_FOUND for an unknown
 * file of this sheet; FORBIDDEN; INVALID_STATE once submitted, for a file from before the
 * explanation round, or while the plan's results are published.
 */
export async function removeEvidence(ctx: Ctx, sheetId: number, evidenceId: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const sheet = await evidenceSheet(ctx, trx, sheetId, 'share');
    const file = await q.findEvidenceUpload(trx, sheetId, evidenceId);
    if (file === undefined) throw notFound('tệp kiểm chứng');
    if (!canRemoveEvidence(ctx.actor, sheet, file.uploadedAt))
      throw new AppError(
        'INVALID_STATE',
        'Trong lúc giải trình chỉ xóa được tệp nộp thêm trong lần giải trình này; tài liệu nộp trước vẫn được giữ.',
      );
    const gone = await q.deleteEvidence(trx, sheetId, evidenceId);
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
  await loadSheet(ctx, ctx.db, sheetId);
  const file = (await q.listEvidence(ctx.db, sheetId)).find((f) => f.id === evidenceId);
  if (file === undefined) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp kiểm chứng.');
  return {
    data: await ctx.storage.get(file.storageKey),
    fileName: file.fileName,
    contentType: file.contentType,
  };
}
