import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDate } from '../shared/dates';
import { allPlanTabs } from '../web/shell/plan-tabs';
import { watchConsole, type ConsoleWatch } from './console';
import { screenshots, shotsDir, useSite, type WatchedSession } from './session';

/**
 * A clean browser console on every main page, for each kind of demo account: the district's
 * officer, head and council member, a commune officer opening the district's plan, and a commune
 * civil servant. No console error or warning, no uncaught error, no request answered >= 400.
 * The district's live plan is given criteria, a commune's collective and individual registrations
 * and a score sheet, then its (empty) results are published, so the evaluation pages, the sheet
 * and the locked individual checklist have something to show. Also: "Thêm nội dung" moves the
 * focus to the new line.
 */

const LIVE_PLAN = /đẩy mạnh cải cách hành chính, chuyển đổi số trên địa bàn huyện/;

const site = useSite({ LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
const shot = screenshots();
const contexts: BrowserContext[] = [];
let planId = 0;
let sheetId = 0;
let publicPlanId = 0;

type Json = Record<string, unknown>;

async function api<T = Json>(page: Page, method: string, url: string, data?: unknown) {
  const res = await page.request.fetch(`${site.url}${url}`, { method, data });
  if (res.status() >= 400) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs in through the login page (itself checked for a clean console) in a fresh context. */
async function signIn(username: string): Promise<WatchedSession> {
  const session = await site.signIn(username, { watch: true });
  contexts.push(session.page.context());
  return session;
}

/**
 * In-app navigation, without reloading the app (as a link click does, only faster than a fresh
 * load per page): a history entry the router recognises as its own (`idx`), then popstate.
 */
async function visit(page: Page, watch: ConsoleWatch, to: string) {
  await page.evaluate((url) => {
    const state = window.history.state as { idx?: number } | null;
    const idx = (state?.idx ?? 0) + 1;
    window.history.pushState({ usr: null, key: `e2e${idx}`, idx }, '', url);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, to);
  await watch.settle();
  // Still on the page asked for (no redirect to /login or elsewhere), and something rendered.
  expect(new URL(page.url()).pathname).toBe(to.split('?')[0]);
  watch.assertClean(to);
}

/** An officer's pages: the plans, every tab of the district's plan, registrations, evaluation. */
const officerPages = () => [
  '/plans',
  ...allPlanTabs.map((t) => `/plans/${planId}?tab=${t.key}`),
  '/registrations',
  '/evaluation',
  `/score-sheets/${sheetId}`,
  '/people',
];

async function walk(username: string, pages: string[]) {
  const { page, watch } = await signIn(username);
  await watch.settle();
  watch.assertClean(`/ after ${username} signs in`);
  for (const to of pages) await visit(page, watch, to);
  return { page, watch };
}

beforeAll(async () => {
  // The district's live plan gets criteria; Xã Thái Bình registers, is approved, opens its sheet.
  const asUser = async (username: string) => {
    const c = await site.browser.newContext();
    contexts.push(c);
    const p = await c.newPage();
    await api(p, 'POST', '/api/auth/login', { username, password: 'demo' });
    return p;
  };
  const district = await asUser('thidua.chauthanh');
  const commune = await asUser('thidua.thaibinh');
  const head = await asUser('lanhdao.chauthanh');
  const plans = await api<{ items: { id: number; title: string; parentPlanId: number | null }[] }>(
    district,
    'GET',
    '/api/plans?pageSize=50',
  );
  // The district's own plan, not a commune's plan that repeats its title.
  planId = plans.items.find((p) => LIVE_PLAN.test(p.title) && p.parentPlanId === null)?.id ?? 0;
  expect(planId).toBeGreaterThan(0);
  const plan = await api<{ version: number }>(district, 'GET', `/api/plans/${planId}`);
  const criteria = await api<{ items: { id: number; status: string }[] }>(
    district,
    'GET',
    '/api/criteria',
  );
  const example = criteria.items.find((v) => v.status === 'published');
  await api(district, 'PUT', `/api/plans/${planId}/evaluation`, {
    version: plan.version,
    criteriaVersionId: example?.id,
    assessmentDeadline: addDays(vietnamDate(new Date()), 20),
  });
  const me = await api<{ grants: { unitId: number }[] }>(commune, 'GET', '/api/auth/me');
  const unitId = me.grants[0]?.unitId;
  const commitments = {
    targetTitle: 'Tập thể lao động xuất sắc',
    targets: ['Giải quyết 100% hồ sơ đúng hạn'],
    keyTasks: [],
    breakthroughTasks: [],
  };
  const collective = await api<{ id: number; version: number }>(
    commune,
    'POST',
    `/api/plans/${planId}/registrations`,
    { kind: 'collective', unitId, commitments },
  );
  const people = await api<{ items: { id: number; category: string }[] }>(
    commune,
    'GET',
    `/api/people?unitId=${unitId}&pageSize=50`,
  );
  const person = people.items.find((p) => p.category === 'cong_chuc' || p.category === 'can_bo');
  const individual = await api<{ id: number; version: number }>(
    commune,
    'POST',
    `/api/plans/${planId}/registrations`,
    { kind: 'individual', personId: person?.id, commitments },
  );
  for (const r of [collective, individual])
    await api(district, 'POST', `/api/registrations/${r.id}/approve`, { version: r.version });
  const sheet = await api<{ id: number }>(
    commune,
    'POST',
    `/api/registrations/${collective.id}/score-sheet`,
  );
  sheetId = sheet.id;
  // Results computed (no sheet submitted yet) and published: the checklist locks.
  await api(district, 'POST', `/api/plans/${planId}/results/compute`);
  await api(head, 'POST', `/api/plans/${planId}/results/publish`);
  const pub = await api<{ items: { id: number }[] }>(district, 'GET', '/api/public/plans');
  publicPlanId = pub.items[0]?.id ?? 0;
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
});

// The accounts walk side by side (their own browser contexts): the run stays short.
describe.concurrent('a clean browser console', () => {
  it("on the district officer's pages, and 'Thêm nội dung' focuses the new line", async () => {
    const { page, watch } = await walk('thidua.chauthanh', [
      ...officerPages(),
      '/units',
      '/plans/new',
    ]);
    const add = page.getByRole('button', { name: 'Thêm nội dung' });
    await add.scrollIntoViewIfNeeded();
    const before = await page.getByRole('textbox', { name: /^Nội dung \d+$/ }).count();
    await add.click();
    // The focus leaves the button for the new line.
    await page.waitForFunction(
      (label) => document.activeElement?.getAttribute('aria-label') === label,
      `Nội dung ${before + 1}`,
      { timeout: 5_000 },
    );
    await page.keyboard.type('Thi đua giải quyết hồ sơ đúng hạn');
    expect(await page.getByRole('textbox', { name: `Nội dung ${before + 1}` }).inputValue()).toBe(
      'Thi đua giải quyết hồ sơ đúng hạn',
    );
    watch.assertClean('/plans/new after "Thêm nội dung"');
  });

  it("on a commune officer's pages, the district's plan included; the locked checklist says why", async () => {
    const { page, watch } = await walk('thidua.thaibinh', officerPages());
    await visit(page, watch, `/plans/${planId}?tab=registrations`);
    await page.getByRole('button', { name: 'Tiêu chí cá nhân' }).first().click();
    const lock = page.getByTestId('checklist-locked');
    await lock.waitFor();
    expect(await lock.innerText()).toMatch(
      /Kết quả của kế hoạch đã công bố ngày \d\d\/\d\d\/\d{4}; bảng tiêu chí cá nhân đã khóa\.[\s\S]*Hội đồng thi đua – khen thưởng của Huyện Châu Thành/,
    );
    expect(await page.getByRole('dialog').getByRole('radio', { name: 'Đạt' }).count()).toBe(0);
    await watch.settle();
    watch.assertClean('individual checklist');
    if (shotsDir) {
      await shot(page, 'checklist-locked-1366', false);
      // The narrow layout renders the list anew (and the dialog with it): open it again.
      await page.setViewportSize({ width: 375, height: 812 });
      await page
        .getByRole('dialog')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      if (!(await lock.isVisible()))
        await page.getByRole('button', { name: 'Tiêu chí cá nhân' }).first().click();
      await lock.waitFor();
      await page.waitForTimeout(400); // the dialog's opening animation
      await shot(page, 'checklist-locked-375', false);
    }
  });

  it("on the district head's and the council member's pages", async () => {
    const pages = (username: string) =>
      walk(username, [
        '/plans',
        `/plans/${planId}?tab=content`,
        `/plans/${planId}?tab=registrations`,
        `/plans/${planId}?tab=evaluation`,
        `/plans/${planId}?tab=results`,
        '/evaluation',
        `/score-sheets/${sheetId}`,
        '/registrations',
      ]);
    await Promise.all([pages('lanhdao.chauthanh'), pages('hoidong.chauthanh')]);
  });

  it("on a commune civil servant's pages", async () => {
    const { page, watch } = await signIn('canbo.luongdien');
    await watch.settle();
    watch.assertClean('/ as a civil servant');
    const plans = await api<{ items: { id: number }[] }>(page, 'GET', '/api/plans');
    const first = plans.items[0]?.id;
    for (const to of [
      '/plans',
      ...(first ? [`/plans/${first}?tab=content`, `/plans/${first}?tab=registrations`] : []),
      '/registrations',
      '/evaluation',
    ])
      await visit(page, watch, to);
  });

  it('on the public portal, without signing in', async () => {
    const context = await site.browser.newContext({ locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    const watch = watchConsole(page);
    await page.goto(`${site.url}/cong-khai`);
    await watch.settle();
    watch.assertClean('/cong-khai');
    await visit(page, watch, `/cong-khai/ke-hoach/${publicPlanId}`);
    await page.goto(`${site.url}/login`);
    await watch.settle();
    watch.assertClean('/login');
    // A protected page sends the visitor to the login page, without a failed request.
    await page.goto(`${site.url}/plans`);
    await page.waitForURL(/\/login\?next=/);
    await watch.settle();
    watch.assertClean('/plans → /login');
  });
});
