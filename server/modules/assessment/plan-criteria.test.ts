import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { expectAppError as fails } from '../../test/errors';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanInput } from '../../test/plans';
import { createPlan } from '../campaigns/index';
import { createCriteriaSet, publishCriteriaVersion } from '../criteria/index';
import { tree as criteriaTree } from '../../test/evaluation';
import { bindPlanCriteria } from './plan-criteria.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const officer = await makeUser(sys, 'emulation_officer', tree.province.id);
  const communeOfficer = await makeUser(sys, 'emulation_officer', tree.commune.id);
  const staff = await makeUser(sys, 'staff', tree.province.id);
  return {
    tree,
    officer: testCtx(t, officer.actor),
    communeOfficer: testCtx(t, communeOfficer.actor),
    staff: testCtx(t, staff.actor),
  };
}

describe('plan criteria binding', () => {
  it('binds a published version and bands to a campaign, refusing drafts and bad bands', async () => {
    const s = await setup();
    const communeOfficerId = s.communeOfficer;
    const plan = await createPlan(communeOfficerId, samplePlanInput(s.tree.commune.id));
    const draft = await createCriteriaSet(s.officer, {
      ownerUnitId: s.tree.province.id,
      name: 'Bộ tiêu chí thử',
      tree: criteriaTree,
    });
    const e = await fails(
      bindPlanCriteria(s.communeOfficer, plan.id, {
        version: plan.version,
        criteriaVersionId: draft.id,
      }),
      'VALIDATION_FAILED',
    );
    expect(e.message).toContain('Bộ tiêu chí áp dụng');
    const published = await publishCriteriaVersion(s.officer, draft.id, { version: draft.version });
    await fails(
      bindPlanCriteria(s.communeOfficer, plan.id, {
        version: plan.version,
        criteriaVersionId: published.id,
        bands: [
          { key: 'tot', label: 'Tốt', minPercent: 80 },
          { key: 'kha', label: 'Khá', minPercent: 60 },
        ],
      }),
      'VALIDATION_FAILED',
    );
    await fails(
      bindPlanCriteria(s.staff, plan.id, {
        version: plan.version,
        criteriaVersionId: published.id,
      }),
      'FORBIDDEN',
    );
    const bound = await bindPlanCriteria(s.communeOfficer, plan.id, {
      version: plan.version,
      criteriaVersionId: published.id,
      bands: [
        { key: 'dat', label: 'Đạt', minPercent: 0 },
        { key: 'tot', label: 'Tốt', minPercent: 85 },
      ],
    });
    expect(bound.criteriaVersionId).toBe(published.id);
    expect(bound.assessmentDeadline).toBeNull();
    const withDeadline = await bindPlanCriteria(s.communeOfficer, plan.id, {
      version: bound.version,
      criteriaVersionId: published.id,
      assessmentDeadline: '2027-01-10',
    });
    expect(withDeadline).toMatchObject({ assessmentDeadline: '2027-01-10', bands: null });
    expect(bound.bands?.map((b) => (b as { key: string }).key)).toEqual(['tot', 'dat']);
  });
});
