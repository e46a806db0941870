/**
 * Score-sheet helpers of the seed-002 browser test: the criteria tree's leaves, the figures that
 * give a leaf full marks by its method, and a minimal PDF for evidence uploads.
 */

export type Node = {
  id: string;
  code: string;
  maxPoints: number;
  scoring?: { method: string };
  children: Node[];
};
export const leavesOf = (nodes: Node[]): Node[] =>
  nodes.flatMap((n) => (n.children.length > 0 ? leavesOf(n.children) : [n]));

/** The figures giving a leaf its full points, by its scoring method (survey leaves: none). */
export function fullMarks(leaf: Node): Record<string, unknown> | null {
  switch (leaf.scoring?.method) {
    case 'binary':
      return { met: true };
    case 'tiered_percent':
      return { percent: 100 };
    case 'deduction':
      return { incidents: 0 };
    case 'manual':
      return { points: leaf.maxPoints };
    case 'adjustment':
      return { points: 0 };
    default:
      return null;
  }
}

/** A minimal PDF: the server checks evidence by its bytes, not its name. */
export const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
