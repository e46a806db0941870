import type { CriteriaTree, CriterionNode } from '../../../shared/criteria';

/** Pure walks over a criteria tree (the tree types themselves are in shared/criteria.ts). */

/** Every leaf of the tree, in tree order. */
export function treeLeaves(tree: CriteriaTree): CriterionNode[] {
  const out: CriterionNode[] = [];
  const walk = (n: CriterionNode) => {
    if (n.children.length === 0) out.push(n);
    else n.children.forEach(walk);
  };
  tree.fields.forEach(walk);
  return out;
}

/** How many leaves the tree has. */
export const countLeaves = (tree: CriteriaTree): number => treeLeaves(tree).length;

/** Any node by id (leaves and parents). */
export function findNode(tree: CriteriaTree, nodeId: string): CriterionNode | undefined {
  const walk = (nodes: CriterionNode[]): CriterionNode | undefined => {
    for (const n of nodes) {
      if (n.id === nodeId) return n;
      const hit = walk(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(tree.fields);
}

/** A leaf by id; undefined for a missing id or a parent node. */
export function findLeaf(tree: CriteriaTree, nodeId: string): CriterionNode | undefined {
  const node = findNode(tree, nodeId);
  return node !== undefined && node.children.length === 0 ? node : undefined;
}
