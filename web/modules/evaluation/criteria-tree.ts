import { scoringMethodLabels } from '../../../shared/criteria';
import type { CriteriaTree, CriterionNode, Scoring } from '../../../shared/criteria';

/**
 * Pure edits of a criteria tree in the editor (nodes found by their `id`, unique in a version),
 * and the checks shown live while editing. The server re-checks everything on save.
 */

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** "1,5" — Vietnamese decimal comma, at most 2 decimals. */
export const fmt = (n: number) => round2(n).toLocaleString('vi-VN', { maximumFractionDigits: 2 });

export const isLeaf = (n: CriterionNode) => n.children.length === 0;
const isAdjustment = (n: CriterionNode) => n.scoring?.method === 'adjustment';

/** Sum of the nodes' maxima, bonus/penalty rows excluded (they sit outside the total). */
export function sumMax(nodes: readonly CriterionNode[]): number {
  return round2(nodes.filter((n) => !isAdjustment(n)).reduce((s, n) => s + n.maxPoints, 0));
}

export function countLeaves(nodes: readonly CriterionNode[]): number {
  return nodes.reduce((n, c) => n + (isLeaf(c) ? 1 : countLeaves(c.children)), 0);
}

/** The method with its parameters, e.g. "Theo mức tỷ lệ %: ≥ 98% → 3; ≥ 95% → 2". */
export function scoringSummary(s: Scoring | undefined): string {
  if (!s) return 'Chưa chọn cách chấm';
  const label = scoringMethodLabels[s.method];
  switch (s.method) {
    case 'tiered_percent': {
      const tiers = [...s.tiers].sort((a, b) => b.minPercent - a.minPercent);
      return `${label}: ${tiers.map((t) => `≥ ${fmt(t.minPercent)}% → ${fmt(t.points)}`).join('; ')}`;
    }
    case 'deduction':
      return `${label}: ${fmt(s.perIncident)} điểm/lần`;
    case 'survey':
      return `${label} (thang ${fmt(s.surveyMax)})`;
    case 'adjustment':
      return `${label}: +${fmt(s.maxBonus)} / −${fmt(s.maxPenalty)}`;
    case 'binary':
    case 'manual':
      return label;
  }
}

/** Children vs the parent's maximum; null for leaves. */
export function childSum(node: CriterionNode): { sum: number; ok: boolean } | null {
  if (isLeaf(node)) return null;
  const sum = sumMax(node.children);
  return { sum, ok: sum === round2(node.maxPoints) };
}

/** Applies `fn` to every list of siblings (the fields first), rebuilding only what changes. */
function mapLists(
  nodes: CriterionNode[],
  fn: (list: CriterionNode[], parent: CriterionNode | null) => CriterionNode[],
  parent: CriterionNode | null = null,
): CriterionNode[] {
  return fn(nodes, parent).map((n) =>
    n.children.length === 0 ? n : { ...n, children: mapLists(n.children, fn, n) },
  );
}

const withFields = (tree: CriteriaTree, fields: CriterionNode[]): CriteriaTree => ({
  ...tree,
  fields,
});

export function findNode(
  tree: CriteriaTree,
  id: string,
): { node: CriterionNode; parent: CriterionNode | null; siblings: CriterionNode[] } | null {
  const walk = (
    list: CriterionNode[],
    parent: CriterionNode | null,
  ): ReturnType<typeof findNode> => {
    for (const node of list) {
      if (node.id === id) return { node, parent, siblings: list };
      const found = walk(node.children, node);
      if (found) return found;
    }
    return null;
  };
  return walk(tree.fields, null);
}

function allIds(nodes: readonly CriterionNode[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    out.add(n.id);
    allIds(n.children, out);
  }
  return out;
}

/** A fresh id, unique in the tree (ids are never reused: scores of other versions name theirs). */
export function newId(tree: CriteriaTree): string {
  const taken = allIds(tree.fields);
  for (;;) {
    const id = `tc-${Math.random().toString(36).slice(2, 10)}`;
    if (!taken.has(id)) return id;
  }
}

/** The next code under a parent: "1.2" → "1.2.3" after two children; fields "1", "2", … */
export function suggestCode(parent: CriterionNode | null, siblings: readonly CriterionNode[]) {
  const prefix = parent ? `${parent.code}.` : '';
  const codes = new Set(siblings.map((s) => s.code));
  let n = siblings.length + 1;
  while (codes.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function blankNode(tree: CriteriaTree, code: string, title = ''): CriterionNode {
  return {
    id: newId(tree),
    code,
    title,
    maxPoints: 0,
    scoring: { method: 'binary' },
    evidenceRequired: true,
    children: [],
  };
}

export function replaceNode(tree: CriteriaTree, id: string, next: CriterionNode): CriteriaTree {
  return withFields(
    tree,
    mapLists(tree.fields, (list) => list.map((n) => (n.id === id ? { ...next, id } : n))),
  );
}

export function removeNode(tree: CriteriaTree, id: string): CriteriaTree {
  return withFields(
    tree,
    mapLists(tree.fields, (list) => list.filter((n) => n.id !== id)),
  );
}

/** Moves a node up (-1) or down (+1) among its siblings. */
export function moveNode(tree: CriteriaTree, id: string, delta: -1 | 1): CriteriaTree {
  return withFields(
    tree,
    mapLists(tree.fields, (list) => {
      const i = list.findIndex((n) => n.id === id);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= list.length) return list;
      const next = [...list];
      const a = next[i];
      const b = next[j];
      if (!a || !b) return list;
      next[i] = b;
      next[j] = a;
      return next;
    }),
  );
}

/**
 * Adds `node` as the last child of `parentId`, or as a new field when `parentId` is null. A leaf
 * that gets a child becomes a parent: its scoring method goes (a parent's points are its sum).
 */
export function addChild(
  tree: CriteriaTree,
  parentId: string | null,
  node: CriterionNode,
): CriteriaTree {
  if (parentId === null) return withFields(tree, [...tree.fields, node]);
  const add = (list: CriterionNode[]): CriterionNode[] =>
    list.map((n) => {
      if (n.id === parentId) {
        const { scoring: _dropped, ...rest } = n;
        return { ...rest, children: [...n.children, node] };
      }
      return n.children.length === 0 ? n : { ...n, children: add(n.children) };
    });
  return withFields(tree, add(tree.fields));
}

/** Adds `node` right after `siblingId`, at the same level. */
export function addSiblingAfter(
  tree: CriteriaTree,
  siblingId: string,
  node: CriterionNode,
): CriteriaTree {
  return withFields(
    tree,
    mapLists(tree.fields, (list) => {
      const i = list.findIndex((n) => n.id === siblingId);
      return i < 0 ? list : [...list.slice(0, i + 1), node, ...list.slice(i + 1)];
    }),
  );
}

/** Ids of every node with children (for "expand all"). */
export function parentIds(nodes: readonly CriterionNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children.length > 0) {
      out.push(n.id);
      parentIds(n.children, out);
    }
  }
  return out;
}

/** The minimal valid tree a set may start from: one field scored directly. */
export function starterTree(maxTotal: number): CriteriaTree {
  return {
    maxTotal,
    fields: [
      {
        id: 'tc-1',
        code: '1',
        title: 'Lĩnh vực 1',
        maxPoints: maxTotal,
        scoring: { method: 'manual' },
        evidenceRequired: true,
        children: [],
      },
    ],
  };
}

/** The ids of the node's ancestors (to expand them), or null when it is not in the tree. */
export function pathTo(nodes: readonly CriterionNode[], id: string): string[] | null {
  for (const n of nodes) {
    if (n.id === id) return [];
    const below = pathTo(n.children, id);
    if (below) return [n.id, ...below];
  }
  return null;
}

/**
 * Scrolls a leaf's row into view and focuses its first input, once the expanded rows have
 * rendered (the caller has just expanded the leaf's ancestors).
 */
export function revealLeafRow(rowElementId: string): void {
  window.setTimeout(() => {
    const el = document.getElementById(rowElementId);
    el?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    el?.querySelector<HTMLElement>('input, textarea, button')?.focus({ preventScroll: true });
  }, 50);
}
