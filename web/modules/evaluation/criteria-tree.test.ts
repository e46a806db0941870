import { describe, expect, it } from 'vitest';
import type { CriteriaTree, CriterionNode, Scoring } from '../../../shared/criteria';
import {
  addChild,
  addSiblingAfter,
  blankNode,
  childSum,
  countLeaves,
  findNode,
  moveNode,
  newId,
  parentIds,
  pathTo,
  removeNode,
  replaceNode,
  scoringSummary,
  starterTree,
  suggestCode,
  sumMax,
} from './criteria-tree';

const leaf = (id: string, code: string, maxPoints: number, scoring?: Scoring): CriterionNode => ({
  id,
  code,
  title: `Tiêu chí ${code}`,
  maxPoints,
  scoring: scoring ?? { method: 'binary' },
  evidenceRequired: false,
  children: [],
});
const parent = (id: string, code: string, maxPoints: number, children: CriterionNode[]) => ({
  id,
  code,
  title: `Nhóm ${code}`,
  maxPoints,
  evidenceRequired: false,
  children,
});

/** 1 (60) → 1.1 (30) → 1.1.1 (10), 1.1.2 (20); 1.2 (30); 2 (40); bonus row (adjustment). */
const tree = (): CriteriaTree => ({
  maxTotal: 100,
  fields: [
    parent('a', '1', 60, [
      parent('a1', '1.1', 30, [leaf('a11', '1.1.1', 10), leaf('a12', '1.1.2', 20)]),
      leaf('a2', '1.2', 30),
    ]),
    leaf('b', '2', 40),
    leaf('bonus', '3', 5, { method: 'adjustment', maxBonus: 5, maxPenalty: 3 }),
  ],
});

const codes = (nodes: readonly CriterionNode[]): string[] =>
  nodes.flatMap((n) => [n.code, ...codes(n.children)]);

describe('pathTo', () => {
  it.each([
    ['a', []],
    ['a1', ['a']],
    ['a12', ['a', 'a1']],
    ['a2', ['a']],
    ['b', []],
    ['missing', null],
  ] as const)('%s → %j', (id, path) => {
    expect(pathTo(tree().fields, id)).toEqual(path);
  });
});

describe('sums and counts', () => {
  it('sumMax leaves bonus/penalty rows out of the total', () => {
    expect(sumMax(tree().fields)).toBe(100);
  });
  it('sumMax rounds to two decimals', () => {
    expect(sumMax([leaf('x', '1', 0.1), leaf('y', '2', 0.2)])).toBe(0.3);
  });
  it('countLeaves counts only leaves, adjustment rows included', () => {
    expect(countLeaves(tree().fields)).toBe(5);
  });
  it('childSum compares the children with the parent maximum', () => {
    const t = tree();
    expect(childSum(t.fields[0]!)).toEqual({ sum: 60, ok: true });
    expect(childSum(t.fields[1]!)).toBeNull();
    const off = parent('p', '9', 50, [leaf('q', '9.1', 20)]);
    expect(childSum(off)).toEqual({ sum: 20, ok: false });
  });
  it('parentIds lists every node with children, depth first', () => {
    expect(parentIds(tree().fields)).toEqual(['a', 'a1']);
  });
});

describe('scoringSummary', () => {
  it.each<[Scoring | undefined, RegExp]>([
    [undefined, /^Chưa chọn cách chấm$/],
    [
      {
        method: 'tiered_percent',
        tiers: [
          { minPercent: 95, points: 2 },
          { minPercent: 98, points: 3 },
        ],
      },
      /: ≥ 98% → 3; ≥ 95% → 2$/,
    ],
    [{ method: 'deduction', perIncident: 0.5 }, /: 0,5 điểm\/lần$/],
    [{ method: 'survey', surveyMax: 10 }, /\(thang 10\)$/],
    [{ method: 'adjustment', maxBonus: 5, maxPenalty: 3 }, /: \+5 \/ −3$/],
  ])('%j', (scoring, expected) => {
    expect(scoringSummary(scoring)).toMatch(expected);
  });
});

describe('findNode', () => {
  it('returns the node, its parent and its siblings', () => {
    const found = findNode(tree(), 'a12');
    expect(found?.node.code).toBe('1.1.2');
    expect(found?.parent?.id).toBe('a1');
    expect(found?.siblings.map((s) => s.id)).toEqual(['a11', 'a12']);
  });
  it('gives a field no parent, and null for an unknown id', () => {
    expect(findNode(tree(), 'b')?.parent).toBeNull();
    expect(findNode(tree(), 'nope')).toBeNull();
  });
});

describe('edits', () => {
  it('replaceNode keeps the id and leaves the input unchanged', () => {
    const t = tree();
    const next = replaceNode(t, 'a11', { ...leaf('other', '1.1.1', 15), title: 'Mới' });
    expect(findNode(next, 'a11')?.node).toMatchObject({ title: 'Mới', maxPoints: 15 });
    expect(findNode(next, 'other')).toBeNull();
    expect(findNode(t, 'a11')?.node.maxPoints).toBe(10);
  });

  it('removeNode drops the node and its subtree', () => {
    expect(codes(removeNode(tree(), 'a1').fields)).toEqual(['1', '1.2', '2', '3']);
  });

  it.each([
    ['a12', -1, ['1', '1.1', '1.1.2', '1.1.1', '1.2', '2', '3']],
    ['a11', 1, ['1', '1.1', '1.1.2', '1.1.1', '1.2', '2', '3']],
    ['a11', -1, ['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '3']],
    ['bonus', 1, ['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '3']],
    ['b', -1, ['2', '1', '1.1', '1.1.1', '1.1.2', '1.2', '3']],
  ] as const)('moveNode(%s, %i)', (id, delta, expected) => {
    expect(codes(moveNode(tree(), id, delta).fields)).toEqual(expected);
  });

  it('addChild under a leaf makes it a parent without a scoring method', () => {
    const next = addChild(tree(), 'b', leaf('b1', '2.1', 40));
    const b = findNode(next, 'b')?.node;
    expect(b?.scoring).toBeUndefined();
    expect(b?.children.map((c) => c.id)).toEqual(['b1']);
  });

  it('addChild with no parent adds a field at the end', () => {
    const next = addChild(tree(), null, leaf('c', '4', 1));
    expect(next.fields.map((f) => f.id)).toEqual(['a', 'b', 'bonus', 'c']);
  });

  it('addSiblingAfter inserts right after the sibling, at its level', () => {
    const next = addSiblingAfter(tree(), 'a11', leaf('new', '1.1.3', 0));
    expect(findNode(next, 'a1')?.node.children.map((c) => c.id)).toEqual(['a11', 'new', 'a12']);
    expect(addSiblingAfter(tree(), 'nope', leaf('x', 'x', 0))).toEqual(tree());
  });
});

describe('new nodes', () => {
  it.each<[string | null, string[], string]>([
    [null, ['1', '2'], '3'],
    ['1.1', [], '1.1.1'],
    ['1.1', ['1.1.1', '1.1.2'], '1.1.3'],
    // A code already taken by a renumbered sibling is skipped.
    ['1', ['1.3', '1.1'], '1.4'],
  ])('suggestCode under %s with %j → %s', (parentCode, siblingCodes, expected) => {
    const p = parentCode === null ? null : leaf('p', parentCode, 0);
    const siblings = siblingCodes.map((c, i) => leaf(`s${i}`, c, 0));
    expect(suggestCode(p, siblings)).toBe(expected);
  });

  it('newId never returns an id the tree holds', () => {
    const t = tree();
    const ids = new Set(Array.from({ length: 50 }, () => newId(t)));
    for (const id of ids) {
      expect(id).toMatch(/^tc-[0-9a-z]+$/);
      expect(findNode(t, id)).toBeNull();
    }
  });

  it('blankNode is a binary leaf with the given code', () => {
    expect(blankNode(tree(), '2.1', 'Mới')).toMatchObject({
      code: '2.1',
      title: 'Mới',
      maxPoints: 0,
      scoring: { method: 'binary' },
      children: [],
    });
  });

  it('starterTree is one manual field worth the whole total', () => {
    const t = starterTree(80);
    expect(t.maxTotal).toBe(80);
    expect(sumMax(t.fields)).toBe(80);
    expect(t.fields[0]?.scoring).toEqual({ method: 'manual' });
  });
});
