import { expectAppError } from '../../test/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaTree } from '../../../shared/criteria';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { ensureExampleCriteriaSet } from './criteria.example';
import {
  createCriteriaSet,
  getCriteriaVersion,
  listCriteriaVersions,
  newCriteriaVersion,
  publishCriteriaVersion,
  updateCriteriaDraft,
} from './criteria.service';
import { loadCriteriaTree, publishedCriteriaTree } from './criteria.queries';
import { statementRecorder } from '../../test/statements';
import { findLeaf, findNode, treeLeaves } from './tree';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const fails = expectAppError;

/** Two fields of 6 and 4 points: a binary leaf, a tiered one, a manual one. */
function smallTree(firstMax = 6): CriteriaTree {
  return {
    maxTotal: 10,
    fields: [
      {
        id: 'f1',
        code: '1',
        title: 'Chỉ đạo, điều hành',
        maxPoints: firstMax,
        evidenceRequired: false,
        children: [
          {
            id: 'c11',
            code: '1.1',
            title: 'Kế hoạch CCHC',
            maxPoints: 2,
            evidenceRequired: true,
            scoring: { method: 'binary' },
            children: [],
          },
          {
            id: 'c12',
            code: '1.2',
            title: 'Tỷ lệ nhiệm vụ hoàn thành',
            maxPoints: 4,
            evidenceRequired: true,
            scoring: {
              method: 'tiered_percent',
              tiers: [
                { minPercent: 100, points: 4 },
                { minPercent: 80, points: 2 },
              ],
            },
            children: [],
          },
        ],
      },
      {
        id: 'f2',
        code: '2',
        title: 'Thể chế',
        maxPoints: 4,
        evidenceRequired: false,
        children: [
          {
            id: 'c21',
            code: '2.1',
            title: 'Rà soát văn bản',
            maxPoints: 4,
            evidenceRequired: false,
            scoring: { method: 'manual' },
            children: [],
          },
        ],
      },
    ],
  };
}

async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const officer = await makeUser(sys, 'emulation_officer', tree.province.id);
  const communeOfficer = await makeUser(sys, 'emulation_officer', tree.commune.id);
  const staff = await makeUser(sys, 'staff', tree.province.id);
  return {
    tree,
    sys,
    officer: testCtx(t, officer.actor),
    communeOfficer: testCtx(t, communeOfficer.actor),
    staff: testCtx(t, staff.actor),
  };
}

describe('criteria sets', () => {
  it('ships the example commune template once, published, readable by everyone', async () => {
    const s = await setup();
    const a = await ensureExampleCriteriaSet(s.sys);
    const b = await ensureExampleCriteriaSet(s.sys);
    expect(b).toBe(a);
    const example = await getCriteriaVersion(s.staff, a);
    expect(example.status).toBe('published');
    expect(example.set.isExample).toBe(true);
    expect(example.maxTotal).toBe(100);
    // Eight fields, plus the bonus/penalty row outside the 100 points.
    expect(example.tree.fields.filter((f) => f.scoring?.method !== 'adjustment')).toHaveLength(8);
    expect(example.permissions.canEdit).toBe(false);
  });

  it('copies the example into a unit’s own draft, edits, publishes and then freezes it', async () => {
    const s = await setup();
    const exampleId = await ensureExampleCriteriaSet(s.sys);
    await fails(
      createCriteriaSet(s.staff, {
        ownerUnitId: s.tree.province.id,
        name: 'Bộ tiêu chí',
        basedOnVersionId: exampleId,
      }),
      'FORBIDDEN',
    );
    const draft = await createCriteriaSet(s.officer, {
      ownerUnitId: s.tree.province.id,
      name: 'Bộ chỉ số CCHC cấp xã năm 2026',
      basedOnVersionId: exampleId,
    });
    expect(draft).toMatchObject({
      status: 'draft',
      number: 1,
      basedOnId: exampleId,
      maxTotal: 100,
    });
    // Drafts are invisible outside their managers' scope.
    await fails(getCriteriaVersion(s.staff, draft.id), 'NOT_FOUND');
    const bad = await fails(
      updateCriteriaDraft(s.officer, draft.id, { version: draft.version, tree: smallTree(7) }),
      'VALIDATION_FAILED',
    );
    expect(bad.message).toContain('Cây tiêu chí');
    const edited = await updateCriteriaDraft(s.officer, draft.id, {
      version: draft.version,
      tree: smallTree(),
    });
    expect(edited.leafCount).toBe(3);
    await fails(
      updateCriteriaDraft(s.officer, draft.id, { version: draft.version, tree: smallTree() }),
      'CONFLICT',
    );
    await fails(
      updateCriteriaDraft(s.communeOfficer, draft.id, {
        version: edited.version,
        tree: smallTree(),
      }),
      'NOT_FOUND',
    );
    const published = await publishCriteriaVersion(s.officer, draft.id, {
      version: edited.version,
    });
    expect(published.status).toBe('published');
    await fails(
      updateCriteriaDraft(s.officer, draft.id, { version: published.version, tree: smallTree() }),
      'INVALID_STATE',
    );
    const next = await newCriteriaVersion(s.officer, published.set.id, {
      basedOnVersionId: published.id,
    });
    expect(next).toMatchObject({
      status: 'draft',
      number: 2,
      basedOnId: published.id,
      leafCount: 3,
    });
    const listed = await listCriteriaVersions(s.staff, { search: 'chi so cchc cap xa' });
    expect(listed.items.map((v) => v.id)).toContain(published.id);
    expect(listed.items.map((v) => v.id)).not.toContain(next.id);
  });

  it('loads any version’s tree through the one loader, NOT_FOUND for a missing version', async () => {
    const s = await setup();
    const draft = await createCriteriaSet(s.officer, {
      ownerUnitId: s.tree.province.id,
      name: 'Bộ tiêu chí nạp cây',
      tree: smallTree(),
    });
    const tree = await loadCriteriaTree(t.db, draft.id);
    expect(tree).toEqual(smallTree());
    await fails(loadCriteriaTree(t.db, 987_654_321), 'NOT_FOUND');
  });

  it('caches a published tree by id and publication time, never a draft', async () => {
    const s = await setup();
    const rec = statementRecorder(t);
    try {
      const draft = await createCriteriaSet(s.officer, {
        ownerUnitId: s.tree.province.id,
        name: 'Bộ tiêu chí bộ nhớ đệm',
        tree: smallTree(),
      });
      const read = (publishedAt: Date | null) =>
        rec.record(() => publishedCriteriaTree(rec.testDb.db, draft.id, publishedAt));
      expect((await read(null)).statements).toHaveLength(1);
      const base = smallTree();
      const retitled = {
        ...base,
        fields: base.fields.map((f, i) => (i === 0 ? { ...f, title: 'Chỉ đạo (sửa)' } : f)),
      };
      const edited = await updateCriteriaDraft(s.officer, draft.id, {
        version: draft.version,
        tree: retitled,
      });
      // A draft is read every time: the edit is seen.
      const again = await read(null);
      expect(again.statements).toHaveLength(1);
      expect(again.result.fields[0]?.title).toBe('Chỉ đạo (sửa)');
      const published = await publishCriteriaVersion(s.officer, draft.id, {
        version: edited.version,
      });
      const at = published.publishedAt === null ? null : new Date(published.publishedAt);
      expect(at).not.toBeNull();
      expect((await read(at)).statements).toHaveLength(1);
      const cached = await read(at);
      expect(cached.statements).toHaveLength(0);
      expect(cached.result).toEqual(again.result);
      expect(Object.isFrozen(cached.result.fields[0])).toBe(true);
      // Another publication time (the id reused after the data was emptied): read again.
      expect((await read(new Date('2020-01-01T00:00:00Z'))).statements).toHaveLength(1);
    } finally {
      await rec.close();
    }
  });
});

describe('tree walks', () => {
  const tree = smallTree();
  it.each([
    ['c11', 'c11', 'c11'],
    ['f1', 'f1', undefined],
    ['nope', undefined, undefined],
  ])('node %s: findNode → %s, findLeaf → %s', (id, node, leaf) => {
    expect(findNode(tree, id)?.id).toBe(node);
    expect(findLeaf(tree, id)?.id).toBe(leaf);
  });
  it('lists leaves in tree order', () => {
    expect(treeLeaves(tree).map((l) => l.code)).toEqual(['1.1', '1.2', '2.1']);
  });
});
