import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, useSite } from './session';

/**
 * Plans on a phone (375 px) and the plan page's tabs (issue 9 item 11): no sideways scrolling on
 * the plans list or a plan page, and a draft shows only the tabs its status makes useful. With
 * E2E_SCREENSHOTS set, also saves each screen at 1366 and 375 px.
 */

const site = useSite();
const shot = screenshots('plans-mobile-');
/** Below 500 px the account signs in on a phone. */
const signIn = (username: string, width: number) =>
  site.signIn(username, { width, phone: width < 500 });

/** Fails when the page can be scrolled sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `${what}: page width ${scrollWidth} > viewport ${innerWidth}`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** Every tab of the plan page lies inside the viewport (none behind a "…" menu or cut off). */
async function expectTabsInView(page: Page, what: string) {
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('.plan-tabs-card .ant-tabs-nav-list .ant-tabs-tab')]
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return r.width === 0 || r.left < 0 || r.right > window.innerWidth;
      })
      .map((t) => (t as HTMLElement).innerText),
  );
  expect(outside, `${what}: tabs out of view`).toEqual([]);
}

const tabNames = async (page: Page) =>
  (await page.locator('.plan-tabs-card .ant-tabs-nav .ant-tabs-tab').allInnerTexts()).map((t) =>
    t.trim(),
  );

/** The first plan the list API returns for this query, issued by that unit (as the signed-in user). */
async function findPlan(page: Page, query: string, unitName: string): Promise<number> {
  const id = await page.evaluate(
    async ([q, unit]) => {
      const res = await fetch(`/api/plans?${q}`);
      const body = (await res.json()) as { items: { id: number; issuingUnit: { name: string } }[] };
      return body.items.find((p) => p.issuingUnit.name === unit)?.id ?? null;
    },
    [query, unitName] as const,
  );
  if (id === null) throw new Error(`no plan for ${query}`);
  return id;
}

describe('plans on a phone (Chromium, 375 px)', () => {
  it('lists plans without sideways scrolling, at 375 and 1366 px', async () => {
    for (const width of [375, 1366]) {
      const page = await signIn('thidua.chauthanh', width);
      await page.goto(`${site.url}/plans`);
      await page.locator('.ant-table-row').first().waitFor();
      await expectNoSidewaysScroll(page, `plans list at ${width}px`);
      // Nor does the table scroll sideways inside its card.
      const inner = await page
        .locator('.ant-table-content, .ant-table-body')
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      if (width === 375) expect(inner, 'plans table scrolls sideways').toBeLessThanOrEqual(0);
      // On a phone each plan reads as one block: title, status and number, unit and period.
      if (width === 375)
        await expect.poll(() => page.locator('.ant-table-thead th').count()).toBe(1);
      await shot(page, `list-${width}`);
      await page.context().close();
    }
  });

  it('finds published plans by unit without accents and filters by issuing unit on the portal', async () => {
    for (const width of [375, 1366]) {
      const context = await site.browser.newContext({
        locale: 'vi-VN',
        viewport: { width, height: 800 },
      });
      const page = await context.newPage();
      await page.goto(`${site.url}/cong-khai?q=${encodeURIComponent('tien thanh')}`);
      await page.locator('.portal-plan-card').first().waitFor();
      const units = await page.locator('.portal-plan-card').allInnerTexts();
      expect(units.length).toBeGreaterThan(0);
      for (const text of units) expect(text).toContain('Phường Tiền Thành');
      await expectNoSidewaysScroll(page, `portal search at ${width}px`);
      await shot(page, `portal-search-${width}`);
      // The unit filter offers issuers found without accents; picking one keeps its subtree.
      await page.goto(`${site.url}/cong-khai`);
      await page.getByLabel('Đơn vị ban hành').click();
      await page.getByLabel('Đơn vị ban hành').fill('chau thanh');
      await page
        .locator('.ant-select-item-option', { hasText: 'Huyện Châu Thành' })
        .first()
        .click();
      await expect.poll(() => page.url()).toContain('unitId=');
      await page.locator('.portal-plan-card').first().waitFor();
      await expect
        .poll(async () => {
          const texts = await page.locator('.portal-plan-card').allInnerTexts();
          return texts.length > 0 && texts.every((t) => /Châu Thành|Hảo Đước/u.test(t));
        })
        .toBe(true);
      await expectNoSidewaysScroll(page, `portal unit filter at ${width}px`);
      await shot(page, `portal-unit-${width}`);
      await context.close();
    }
  });

  it('shows a draft only its useful tabs, and a live plan its registration tabs, without overflow', async () => {
    for (const width of [375, 1366]) {
      const page = await signIn('thidua.chauthanh', width);
      await page.goto(`${site.url}/plans`);
      // The district sees Xã An Bình's draft of its own plan (a child plan, not its to edit).
      const draftId = await findPlan(page, 'status=draft&search=an%20binh', 'Xã An Bình');
      await page.goto(`${site.url}/plans/${draftId}`);
      await page.locator('.plan-tabs-card .ant-tabs-tab').first().waitFor();
      expect(await tabNames(page)).toEqual(['Nội dung', 'Xem trước', 'Cây kế hoạch', 'Nhật ký']);
      await expectNoSidewaysScroll(page, `draft plan at ${width}px`);
      await expectTabsInView(page, `draft plan at ${width}px`);
      await shot(page, `draft-${width}`);
      // A tab the draft does not have, asked for by the URL, shows the content instead.
      await page.goto(`${site.url}/plans/${draftId}?tab=results`);
      await expect
        .poll(() => page.locator('.plan-tabs-card .ant-tabs-tab-active').innerText())
        .toBe('Nội dung');

      const liveId = await findPlan(
        page,
        'status=in_progress&search=chuyen%20doi%20so',
        'Huyện Châu Thành',
      );
      await page.goto(`${site.url}/plans/${liveId}`);
      await page.locator('.plan-tabs-card .ant-tabs-tab').first().waitFor();
      const live = await tabNames(page);
      if (width === 1366)
        for (const t of ['Phiên bản', 'Cấp dưới', 'Đăng ký thi đua', 'Mốc thời gian'])
          expect(live).toContain(t);
      await expectNoSidewaysScroll(page, `live plan at ${width}px`);
      if (width === 375) await expectTabsInView(page, 'live plan at 375px');
      await shot(page, `live-${width}`);
      await page.context().close();
    }
  });
});
