import type { Ctx } from '../../platform/context';
import { recordAudit } from '../../platform/audit';
import { communeTemplate, communeTemplateLabel } from './templates/commune-100';

/**
 * Ships the illustrative 100-point commune template (domain brief §2.3) as a published example
 * set with no owner: units copy it into a set of their own and replace the points with their
 * province's decision. Idempotent: does nothing when the example exists.
 */
export async function ensureExampleCriteriaSet(ctx: Ctx): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    // One process at a time, so two starting processes never create it twice.
    await trx
      .selectNoFrom((eb) => eb.fn('pg_advisory_xact_lock', [eb.val(7_320_004)]).as('l'))
      .execute();
    const existing = await trx
      .selectFrom('criteriaSetVersion as v')
      .innerJoin('criteriaSet as s', 's.id', 'v.setId')
      .select('v.id')
      .where('s.isExample', '=', true)
      .where('s.name', '=', communeTemplateLabel)
      .executeTakeFirst();
    if (existing !== undefined) return existing.id;
    const set = await trx
      .insertInto('criteriaSet')
      .values({
        ownerUnitId: null,
        name: communeTemplateLabel,
        description:
          'Tổng hợp minh họa theo cấu trúc 8 lĩnh vực của Chỉ số CCHC, thang 100 điểm (khoảng 75 điểm thẩm định, 25 điểm khảo sát). Không phải văn bản chính thức: mỗi tỉnh thay bằng bộ tiêu chí theo quyết định của mình.',
        isExample: true,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const countLeaves = (nodes: typeof communeTemplate.fields): number =>
      nodes.reduce((n, c) => n + (c.children.length === 0 ? 1 : countLeaves(c.children)), 0);
    const version = await trx
      .insertInto('criteriaSetVersion')
      .values({
        setId: set.id,
        number: 1,
        status: 'published',
        tree: JSON.stringify(communeTemplate),
        leafCount: countLeaves(communeTemplate.fields),
        maxTotal: communeTemplate.maxTotal,
        publishedAt: ctx.now(),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'criteria.example_installed',
      entityType: 'criteria_set_version',
      entityId: version.id,
      unitPath: null,
      after: { name: communeTemplateLabel },
    });
    return version.id;
  });
}
