import { describe, expect, it } from 'vitest';
import { CriteriaTree, defaultBands, type CriterionNode } from '../../../../shared/criteria';
import { classify, leafScore, rollUp, validateTree, type LeafInput } from '../scoring.rules';
import { communeTemplate, communeTemplateLabel } from './commune-100';

function allNodes(nodes: CriterionNode[]): CriterionNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}
const nodes = allNodes(communeTemplate.fields);
const leaves = nodes.filter((n) => n.children.length === 0);
function node(code: string): CriterionNode {
  const found = nodes.find((n) => n.code === code);
  if (!found) throw new Error(`no node ${code}`);
  return found;
}
function score(code: string, input: LeafInput) {
  const n = node(code);
  if (!n.scoring) throw new Error(`${code} has no scoring`);
  return leafScore(n.scoring, n.maxPoints, input);
}
const fields = communeTemplate.fields.filter((f) => f.scoring?.method !== 'adjustment');

describe('illustrative commune template (domain brief §2.3)', () => {
  it('passes the shared schema and the tree checks', () => {
    expect(CriteriaTree.safeParse(communeTemplate).success).toBe(true);
    expect(validateTree(communeTemplate)).toEqual([]);
  });

  it('has 8 fields with the table maxima, summing to 100', () => {
    expect(fields.map((f) => [f.code, f.maxPoints])).toEqual([
      ['1', 10],
      ['2', 6],
      ['3', 14],
      ['4', 7],
      ['5', 11],
      ['6', 8],
      ['7', 14],
      ['8', 30],
    ]);
    expect(fields.reduce((s, f) => s + f.maxPoints, 0)).toBe(100);
    expect(communeTemplate.maxTotal).toBe(100);
  });

  it('splits 75 appraised points and 25 survey points', () => {
    const sum = (list: CriterionNode[]) => list.reduce((s, n) => s + n.maxPoints, 0);
    const surveyLeaves = leaves.filter((n) => n.scoring?.method === 'survey');
    expect(surveyLeaves.map((n) => n.code)).toEqual(['8.1', '8.2']);
    expect(sum(surveyLeaves)).toBe(25);
    const appraised = leaves.filter(
      (n) => n.scoring?.method !== 'survey' && n.scoring?.method !== 'adjustment',
    );
    expect(sum(appraised)).toBe(75);
  });

  it.each([
    ['3.2', 100, 4],
    ['3.2', 98.5, 3],
    ['3.2', 98, 3],
    ['3.2', 96, 2],
    ['3.2', 94.99, 0],
    ['1.2', 100, 2],
    ['1.2', 85, 1],
    ['1.2', 79.9, 0],
  ])('%s at %d %% gives %d points', (code, percent, points) => {
    expect(score(code, { percent })).toEqual({ ok: true, points });
  });

  it('scores 1.1 and 1.3 per item, 5.3 by deduction, 8.1 from the survey', () => {
    expect(node('1.1').children.map((c) => [c.code, c.maxPoints, c.scoring?.method])).toEqual([
      ['1.1.a', 1, 'binary'],
      ['1.1.b', 1, 'binary'],
    ]);
    expect(node('1.3').children.map((c) => c.maxPoints)).toEqual([0.5, 0.5, 0.5]);
    expect(score('5.3', { incidents: 1 })).toEqual({ ok: true, points: 2 });
    expect(score('8.1', { surveyScore: 80 })).toEqual({ ok: true, points: 12 });
    expect(score('8.2', { surveyScore: 80 })).toEqual({ ok: true, points: 8 });
  });

  it('caps the bonus / penalty row at ±3, outside the 100 points', () => {
    const adj = communeTemplate.fields.at(-1);
    expect(adj?.scoring).toEqual({ method: 'adjustment', maxBonus: 3, maxPenalty: 3 });
    expect(score(adj?.code ?? '', { points: -3 })).toEqual({ ok: true, points: -3 });
    expect(score(adj?.code ?? '', { points: 3.5 }).ok).toBe(false);
  });

  it('requires evidence on every leaf but the survey ones, with guidance everywhere', () => {
    for (const leaf of leaves) {
      expect(leaf.evidenceRequired, leaf.code).toBe(leaf.scoring?.method !== 'survey');
      expect(leaf.guidance?.length ?? 0, leaf.code).toBeGreaterThan(5);
    }
    expect(node('3.2').guidance).toContain('Hệ thống thông tin giải quyết TTHC');
  });

  it('rolls full marks up to 100 % "Xuất sắc", and a bonus cannot exceed 100', () => {
    const full = new Map(leaves.map((n) => [n.id, n.maxPoints] as [string, number]));
    const r = rollUp(communeTemplate, full);
    expect(r).toMatchObject({ base: 100, adjustments: 3, total: 100, percent: 100, missing: [] });
    expect(r.appraised).toBe(75);
    expect(classify(r.percent, defaultBands).label).toBe('Xuất sắc');
  });

  it('labels itself as an illustration', () => {
    expect(communeTemplateLabel).toBe(
      'Bộ tiêu chí mẫu (minh họa) cấp xã — tỉnh thay thế bằng quyết định của mình',
    );
  });
});
