import { describe, expect, it } from 'vitest';
import type { PlanStatus } from '../../shared/campaign';
import {
  planTabsFor,
  type PlanTab,
  type PlanTabFacts,
} from '../modules/campaigns/plan-tab-registry';
import { allPlanTabs } from './plan-tabs';

type PlanTabKey = string;
/** The keys of the tabs the composed registry shows for these facts, in display order. */
const visiblePlanTabs = (f: PlanTabFacts) => planTabsFor(f, allPlanTabs).map((t) => t.key);
const planTabKeys = [
  'content',
  'preview',
  'versions',
  'cascade',
  'registrations',
  'tree',
  'timeline',
  'evaluation',
  'dashboard',
  'results',
  'quotas',
  'nominations',
  'history',
];

const facts = (over: Partial<PlanTabFacts> & { status: PlanStatus }): PlanTabFacts => ({
  documentVersion: over.status === 'draft' ? 0 : 1,
  cascadeUnitIds: [],
  parent: null,
  criteriaVersionId: null,
  permissions: { canEdit: false },
  ...over,
});

const reader = {
  canEdit: false,
  canViewHistory: true,
  canViewDashboard: true,
  canSimulateQuota: true,
};

describe('the composed plan tab registry', () => {
  const cases: { name: string; facts: PlanTabFacts; tabs: PlanTabKey[] }[] = [
    {
      name: 'draft seen by a reader: content and document only',
      facts: facts({ status: 'draft', permissions: { canEdit: false } }),
      tabs: ['content', 'preview'],
    },
    {
      name: 'draft seen by its drafter: the criteria choice too',
      facts: facts({ status: 'draft', permissions: { canEdit: true } }),
      tabs: ['content', 'preview', 'evaluation'],
    },
    {
      name: 'draft implementing a parent plan: the plan tree',
      facts: facts({ status: 'draft', parent: { id: 1 }, permissions: { canEdit: false } }),
      tabs: ['content', 'preview', 'tree'],
    },
    {
      name: 'draft with history rights: the log',
      facts: facts({ status: 'draft', permissions: { canEdit: false, canViewHistory: true } }),
      tabs: ['content', 'preview', 'history'],
    },
    {
      name: 'draft never shows the dashboard, even to those who may read it',
      facts: facts({ status: 'draft', criteriaVersionId: 3, permissions: reader }),
      tabs: ['content', 'preview', 'history'],
    },
    {
      name: 'issued without cascade units',
      facts: facts({ status: 'issued', permissions: reader }),
      tabs: [
        'content',
        'preview',
        'versions',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'nominations',
        'history',
      ],
    },
    {
      name: 'issued with cascade units: the cascade board',
      facts: facts({ status: 'issued', cascadeUnitIds: [4, 5], permissions: { canEdit: false } }),
      tabs: [
        'content',
        'preview',
        'versions',
        'cascade',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'nominations',
      ],
    },
    {
      name: 'issued with criteria chosen: still no dashboard or results',
      facts: facts({ status: 'issued', criteriaVersionId: 7, permissions: reader }),
      tabs: [
        'content',
        'preview',
        'versions',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'nominations',
        'history',
      ],
    },
    {
      name: 'in progress without criteria: no dashboard, no results',
      facts: facts({ status: 'in_progress', criteriaVersionId: null, permissions: reader }),
      tabs: [
        'content',
        'preview',
        'versions',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'nominations',
        'history',
      ],
    },
    {
      name: 'in progress with criteria: dashboard and results',
      facts: facts({ status: 'in_progress', criteriaVersionId: 7, permissions: reader }),
      tabs: [
        'content',
        'preview',
        'versions',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'dashboard',
        'results',
        'quotas',
        'nominations',
        'history',
      ],
    },
    {
      name: 'in progress with criteria, dashboard and quota what-if not allowed: results only',
      facts: facts({ status: 'in_progress', criteriaVersionId: 7, permissions: { canEdit: true } }),
      tabs: [
        'content',
        'preview',
        'versions',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'results',
        'nominations',
      ],
    },
    {
      name: 'in review: dashboard and results whatever the criteria field says',
      facts: facts({ status: 'in_review', criteriaVersionId: null, permissions: reader }),
      tabs: [
        'content',
        'preview',
        'versions',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'dashboard',
        'results',
        'quotas',
        'nominations',
        'history',
      ],
    },
    {
      name: 'closed with cascade units',
      facts: facts({ status: 'closed', cascadeUnitIds: [9], permissions: reader }),
      tabs: [
        'content',
        'preview',
        'versions',
        'cascade',
        'registrations',
        'tree',
        'timeline',
        'evaluation',
        'dashboard',
        'results',
        'quotas',
        'nominations',
        'history',
      ],
    },
    {
      name: 'cancelled after issue: versions and registrations kept',
      facts: facts({
        status: 'cancelled',
        documentVersion: 2,
        cascadeUnitIds: [4],
        permissions: reader,
      }),
      tabs: ['content', 'preview', 'versions', 'registrations', 'history'],
    },
    {
      name: 'cancelled before issue: content and document only',
      facts: facts({ status: 'cancelled', documentVersion: 0, permissions: { canEdit: true } }),
      tabs: ['content', 'preview'],
    },
    {
      name: 'cancelled child plan: the plan tree through its parent',
      facts: facts({ status: 'cancelled', documentVersion: 0, parent: { id: 1 } }),
      tabs: ['content', 'preview', 'tree'],
    },
  ];

  it.each(cases)('$name', ({ facts: f, tabs }) => {
    expect(visiblePlanTabs(f)).toEqual(tabs);
  });

  it('shows every tab of a closed plan in display order, with the ?tab= keys unchanged', () => {
    const all = visiblePlanTabs(
      facts({ status: 'closed', cascadeUnitIds: [1], permissions: reader }),
    );
    expect(all).toEqual([...planTabKeys]);
  });

  it('treats a missing criteriaVersionId like null while in progress', () => {
    const { criteriaVersionId: _omitted, ...rest } = facts({
      status: 'in_progress',
      permissions: reader,
    });
    expect(visiblePlanTabs(rest)).not.toContain('results');
    expect(visiblePlanTabs(rest)).not.toContain('dashboard');
  });
});

describe('planTabsFor', () => {
  const tab = (key: string, order: number, visible = true): PlanTab => ({
    key,
    label: key,
    order,
    visible: () => visible,
    render: () => null,
  });
  const f = facts({ status: 'issued' });

  it('orders contributions by their order, whatever the order they were registered in', () => {
    expect(planTabsFor(f, [tab('c', 30), tab('a', 10), tab('b', 20)]).map((t) => t.key)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('leaves out the tabs that are not visible', () => {
    expect(planTabsFor(f, [tab('a', 10), tab('b', 20, false)]).map((t) => t.key)).toEqual(['a']);
  });

  it('has one tab per key across modules', () => {
    const keys = allPlanTabs.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
