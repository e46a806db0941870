import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { getMyTodo } from '../home/index';
import { openSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { T, world, type World } from '../../test/evaluation';
import { countScoreSheetsWaiting } from './sheet-list.service';
import { listAssessmentDeadlines } from './todo.queries';

/** The evaluation side of the home page: sheets waiting for the actor, self-assessment deadlines. */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** 20/11/2020 in Vietnam: the assessment deadline (15/12/2020) is 25 days away. */
const NOV = '2020-11-20T03:00:00Z';
const window = { today: '2020-11-20', until: '2020-12-20', limit: 10 };

async function submit(w: World, sheetId: number) {
  const ctx = w.as('head', NOV);
  await saveSelfEntry(ctx, sheetId, 'l11', { input: { met: true }, note: 'Đã ban hành KH 12' });
  await saveSelfEntry(ctx, sheetId, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(ctx, sheetId, 'l21', { input: { points: 4.5 }, note: 'Có 12 tin bài' });
  return submitSheet(ctx, sheetId, { version: 1 });
}

describe('score sheets waiting for the actor', () => {
  it("count the unit side's drafts, then the appraisers' submitted sheets", async () => {
    const w = await world(t);
    const count = (who: keyof World['users']) => countScoreSheetsWaiting(w.as(who, NOV));
    // The sheet was provided when the registration was approved: waiting before anyone opens it.
    expect(await count('head')).toBe(1);
    const sheet = await openSheet(w.as('head', NOV), w.reg.id);
    expect(await count('head')).toBe(1);
    // The province officer may act for the unit too (registration.submit over it).
    expect(await count('officer')).toBe(1);
    expect(await count('staff')).toBe(0);
    expect(await count('otherOfficer')).toBe(0);
    const home = await getMyTodo(w.as('head', NOV));
    expect(home.todo.sheets).toMatchObject({ count: 1, link: '/evaluation' });
    expect(home.total).toBeGreaterThanOrEqual(1);

    await submit(w, sheet.id);
    expect(await count('head')).toBe(0);
    expect(await count('council')).toBe(1);
    expect(await count('officer')).toBe(1);
    expect(await count('otherOfficer')).toBe(0);
  });
});

describe('self-assessment deadlines', () => {
  it("concern the registered unit's side until its sheet is submitted", async () => {
    const w = await world(t);
    const due = (who: keyof World['users'], win = window) =>
      listAssessmentDeadlines(t.db, w.users[who].actor, win);
    expect(await due('head')).toEqual([
      {
        planId: w.plan.id,
        title: w.plan.title,
        documentNumber: '62/KH-UBND',
        issuerName: w.units.province.name,
        date: '2020-12-15',
        units: 1,
      },
    ]);
    expect(await due('otherOfficer')).toEqual([]);
    expect(await due('staff')).toEqual([]);
    const home = await getMyTodo(w.as('head', NOV));
    expect(home.deadlines.filter((d) => d.planId === w.plan.id)).toMatchObject([
      { kind: 'assessment', daysLeft: 25, link: `/evaluation?plan=${w.plan.id}` },
    ]);
    // More than 30 days ahead is not upcoming; a passed deadline neither.
    const july = await getMyTodo(w.as('head', T.onTime));
    expect(july.deadlines.filter((d) => d.kind === 'assessment')).toEqual([]);
    const late = await getMyTodo(w.as('head', T.justLate));
    expect(late.deadlines.filter((d) => d.kind === 'assessment')).toEqual([]);
    const lastDay = await getMyTodo(w.as('head', T.lastMinute));
    expect(lastDay.deadlines.find((d) => d.kind === 'assessment')?.daysLeft).toBe(0);

    const sheet = await openSheet(w.as('head', NOV), w.reg.id);
    expect(await due('head')).toHaveLength(1);
    await submit(w, sheet.id);
    expect(await due('head')).toEqual([]);
  });
});
