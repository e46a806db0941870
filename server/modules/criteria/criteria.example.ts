import type { Ctx } from '../../platform/context';
import { recordAudit } from '../../platform/audit';
import * as q from './criteria.queries';
import { communeTemplate, communeTemplateLabel } from './templates/commune-100';

/**
 * Ships the illustrative 100-point commune template (domain brief §2.3) as a published example
 * set with no owner: units copy it into a set of their own and replace the points with their
 * province's decision. Idempotent: does nothing when the example exists.
 */
export async function ensureExampleCriteriaSet(ctx: Ctx): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    // One process at a time, so two starting processes never create it twice.
    await q.lockExampleInstall(trx);
    const existing = await q.findExampleVersionId(trx, communeTemplateLabel);
    if (existing !== undefined) return existing;
    const setId = await q.insertCriteriaSet(trx, {
      ownerUnitId: null,
      name: communeTemplateLabel,
      description:
        'Tổng hợp minh họa theo cấu trúc 8 lĩnh vực của Chỉ số CCHC, thang 100 điểm (khoảng 75 điểm thẩm định, 25 điểm khảo sát). Không phải văn bản chính thức: mỗi tỉnh thay bằng bộ tiêu chí theo quyết định của mình.',
      isExample: true,
      at: ctx.now(),
    });
    const versionId = await q.insertCriteriaVersion(trx, {
      setId,
      tree: communeTemplate,
      basedOnId: null,
      createdBy: null,
      at: ctx.now(),
      published: true,
    });
    await recordAudit(trx, ctx, {
      action: 'criteria.example_installed',
      entityType: 'criteria_set_version',
      entityId: versionId,
      unitPath: null,
      after: { name: communeTemplateLabel },
    });
    return versionId;
  });
}
