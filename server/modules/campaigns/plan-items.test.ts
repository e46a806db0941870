import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { PlanContent } from '../../../shared/campaign';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { expectAppError } from '../../test/errors';
import { samplePlanContent, samplePlanInput } from '../../test/plans';
import { PlanSnapshot } from './plan-snapshot';
import { amendPlan, createPlan, updateDraft } from './plans.service';
import { issuePlan } from './issue-plan';
import { startChildPlan } from './cascade.service';
import { previewPlan } from './plan-documents.service';
import { findPlanItem } from './index';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const as = async (role: 'emulation_officer' | 'unit_head', unitId: number) =>
    testCtx(t, (await makeUser(sys, role, unitId)).actor);
  return {
    tree,
    officer: await as('emulation_officer', tree.commune.id),
    head: await as('unit_head', tree.commune.id),
    provinceOfficer: await as('emulation_officer', tree.province.id),
    provinceHead: await as('unit_head', tree.province.id),
  };
}

const idsOf = (c: PlanContent) => [
  ...c.criteria.collectiveIds,
  ...c.criteria.individualIds,
  ...c.rewards.map((r) => r.id),
  ...c.quotas.map((q) => q.id),
  ...(c.contest?.prizes ?? []).map((p) => p.id),
];

async function snapshotContent(planId: number, version: number) {
  const { rows } = await sql<{ snapshot: unknown }>`SELECT snapshot FROM campaign_plan_version
    WHERE plan_id = ${planId} AND version = ${version}`.execute(t.db);
  return PlanSnapshot.parse(rows[0]?.snapshot).content;
}

/** The content as the editor sends it back: every item with the id it was read with. */
const echo = (c: PlanContent) => structuredClone(c);

describe('stable ids of plan items', () => {
  it('assigns ids on create and refuses ids a new plan cannot have', async () => {
    const s = await setup();
    const plan = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const ids = idsOf(plan.content);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(plan.content.quotas[0]?.id).toMatch(/^q-[0-9a-z]{8}$/);
    expect(findPlanItem(plan.content, plan.content.quotas[0]?.id ?? '')?.kind).toBe('quota');

    const copy = samplePlanInput(s.tree.commune.id, {
      content: { ...samplePlanContent(), quotas: plan.content.quotas },
    });
    const e = await expectAppError(
      createPlan(s.officer, copy),
      'VALIDATION_FAILED',
      'content.quotas.0.id',
    );
    expect(e.message).toContain('Số lượng khen thưởng — mã (dòng 1)');
  });

  it('keeps ids on saving a draft, gives new items new ids and refuses foreign or repeated ids', async () => {
    const s = await setup();
    const plan = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const other = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const c = echo(plan.content);
    const kept = c.quotas[0]?.id;
    c.quotas[0] = { ...c.quotas[0]!, maxPercent: 15 };
    c.rewards = [];
    const added = { ...c.quotas[0], id: undefined, scope: 'individual' as const, maxCount: 3 };
    const saved = await updateDraft(s.officer, plan.id, {
      version: plan.version,
      content: { ...c, quotas: [c.quotas[0], added] },
    });
    expect(saved.content.quotas.map((q) => q.maxPercent)).toEqual([15, 15]);
    expect(saved.content.quotas[0]?.id).toBe(kept);
    expect(saved.content.quotas[1]?.id).not.toBe(kept);
    expect(saved.content.rewards).toEqual([]);
    expect(saved.content.criteria).toEqual(plan.content.criteria);

    const foreign = { ...c, quotas: other.content.quotas };
    await expectAppError(
      updateDraft(s.officer, plan.id, { version: saved.version, content: foreign }),
      'VALIDATION_FAILED',
      'content.quotas.0.id',
    );
    const twice = { ...c, quotas: [saved.content.quotas[0], saved.content.quotas[0]] };
    await expectAppError(
      updateDraft(s.officer, plan.id, { version: saved.version, content: twice }),
      'VALIDATION_FAILED',
      'content.quotas.1.id',
    );
    // A removed item's id is no longer the plan's.
    const removed = { ...c, rewards: plan.content.rewards };
    await expectAppError(
      updateDraft(s.officer, plan.id, { version: saved.version, content: removed }),
      'VALIDATION_FAILED',
      'content.rewards.0.id',
    );
    // Previews check ids as saving does, and write nothing.
    await expectAppError(
      previewPlan(s.officer, plan.id, { content: foreign }),
      'VALIDATION_FAILED',
      'content.quotas.0.id',
    );
  });

  it('issues and amends with the same ids; the versions keep them', async () => {
    const s = await setup();
    const draft = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    const issued = await issuePlan(s.head, draft.id, { version: draft.version });
    expect(issued.content).toEqual(draft.content);
    expect(await snapshotContent(draft.id, 1)).toEqual(draft.content);

    const c = echo(issued.content);
    const amended = await amendPlan(s.officer, draft.id, {
      version: issued.version,
      reason: 'Thêm tiêu chí cá nhân',
      content: {
        ...c,
        criteria: {
          ...c.criteria,
          individual: [...c.criteria.individual, 'Tích cực học tập'],
          individualIds: [...c.criteria.individualIds, null],
        },
      },
    });
    const v2 = await snapshotContent(draft.id, 2);
    expect(v2).toEqual(amended.content);
    expect(v2.criteria.individualIds[0]).toBe(issued.content.criteria.individualIds[0]);
    expect(v2.criteria.individualIds[1]).toMatch(/^c-/);
    expect(v2.rewards).toEqual(issued.content.rewards);
    expect(v2.quotas).toEqual(issued.content.quotas);
    // The first version is frozen with its own ids.
    expect(await snapshotContent(draft.id, 1)).toEqual(issued.content);
  });

  it('gives a lower unit’s plan its own ids for the items it carries over', async () => {
    const s = await setup();
    const parentDraft = await createPlan(s.provinceOfficer, samplePlanInput(s.tree.province.id));
    const parent = await issuePlan(s.provinceHead, parentDraft.id, {
      version: parentDraft.version,
    });
    const child = await startChildPlan(s.officer, parent.id, { unitId: s.tree.commune.id });
    expect(child.content.rewards).toHaveLength(parent.content.rewards.length);
    expect(child.content.criteria.collective).toEqual(parent.content.criteria.collective);
    const parentIds = new Set(idsOf(parent.content));
    const childIds = idsOf(child.content);
    expect(childIds.length).toBeGreaterThan(0);
    expect(childIds.filter((id) => parentIds.has(id))).toEqual([]);
  });
});
