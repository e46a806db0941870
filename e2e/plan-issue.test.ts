import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness';

/**
 * Issuing plans in Chromium against the real server and demo data (issue 9, items 1 and 7): the
 * seed 000 draft of Xã Lương Đien (2023 dates) warns before it is issued and takes the officer to
 * its dates; once fixed, the head issues it into "Đang triển khai".
 */

const shots = process.env.E2E_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
let draftUrl = '';
/** Console errors per page: every page visited must keep a clean console. */
const consoleErrors = new WeakMap<Page, string[]>();
const errorsOf = (page: Page) => consoleErrors.get(page) ?? [];

async function signIn(username: string, width = 1366): Promise<Page> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  consoleErrors.set(page, errors);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  // The login page's own 401 for /api/auth/me is another item's (12): count from here on.
  errors.length = 0;
  return page;
}

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Types a date into an antd DatePicker found by its label. */
async function setDate(page: Page, label: string, ddmmyyyy: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(ddmmyyyy);
  await input.press('Tab');
}

/** dd/mm/yyyy of the server's today plus `days` (the demo runs on the real clock). */
function ddmmyyyy(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

beforeAll(async () => {
  server = await startServer();
  ({ browser } = await launchBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('issuing a plan whose dates are past (seed 000, Chromium)', () => {
  it('warns the head in the issue dialog and will not issue until acknowledged', async () => {
    const page = await signIn('lanhdao.luongdien');
    const res = await page.request.get(`${server.url}/api/plans?search=tren dia ban xa nam 2023`);
    const list = (await res.json()) as { items: { id: number; status: string }[] };
    const draft = list.items.find((p) => p.status === 'draft');
    expect(draft).toBeDefined();
    draftUrl = `${server.url}/plans/${draft?.id}`;
    await page.goto(draftUrl);
    // The draft page says it before the dialog is even opened.
    await page.locator('.plan-past-dates-draft').waitFor();
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Ngày của kế hoạch đã qua').waitFor();
    await dialog
      .getByText(
        'Thời gian kết thúc đã qua (31/12/2023): ban hành hôm nay, kế hoạch sẽ chuyển ngay sang "Đang sơ kết, tổng kết" và không nhận đăng ký thi đua.',
      )
      .waitFor();
    await dialog
      .getByText(
        'Ban hành hôm nay: kế hoạch ở trạng thái "Đang sơ kết, tổng kết" và không nhận đăng ký thi đua.',
      )
      .waitFor();
    // The head cannot edit the draft: the dialog says who can, and issuing waits for the tick.
    await dialog
      .getByText('Cán bộ thi đua của đơn vị sửa được các ngày này trong dự thảo.')
      .waitFor();
    const ok = dialog.getByRole('button', { name: 'Ban hành' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog
      .getByRole('checkbox', { name: 'Tôi đã hiểu, vẫn ban hành với các ngày này' })
      .check();
    expect(await ok.isDisabled()).toBe(false);
    await shot(page, 'issue-dialog-past-dates-1366');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'issue-dialog-past-dates-375');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('takes the officer to the dates; once fixed, the head issues it into "Đang triển khai"', async () => {
    const officer = await signIn('thidua.luongdien');
    await officer.goto(draftUrl);
    const banner = officer.locator('.plan-past-dates-draft');
    await banner.waitFor();
    await shot(officer, 'draft-past-dates-1366');
    await officer.setViewportSize({ width: 375, height: 800 });
    await shot(officer, 'draft-past-dates-375');
    await banner.getByRole('button', { name: 'Sửa ngày trong dự thảo' }).click();
    const end = officer.getByLabel('Kết thúc', { exact: true });
    await expect.poll(() => end.evaluate((el) => el === document.activeElement)).toBe(true);
    await setDate(officer, 'Bắt đầu', ddmmyyyy(0));
    await setDate(officer, 'Kết thúc', ddmmyyyy(60));
    await setDate(officer, 'Hạn đăng ký thi đua', ddmmyyyy(20));
    await officer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await officer.getByText('Đã lưu dự thảo.').waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    expect(errorsOf(officer)).toEqual([]);
    await officer.context().close();

    const head = await signIn('lanhdao.luongdien');
    await head.goto(draftUrl);
    await head.getByRole('button', { name: 'Ban hành' }).first().click();
    const dialog = head.getByRole('dialog');
    await dialog
      .getByText(
        `Ban hành hôm nay: kế hoạch ở trạng thái "Đang triển khai", nhận đăng ký thi đua đến ${ddmmyyyy(20)} (còn 20 ngày).`,
      )
      .waitFor();
    expect(await dialog.locator('.plan-past-dates-dialog').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await head.getByText('Đang triển khai').first().waitFor();
    expect(errorsOf(head)).toEqual([]);
    await head.context().close();
  });
});

describe('a commune plan started from the district plan (Chromium)', () => {
  let childUrl = '';

  it('speaks the commune level and has the officer review each carried-over section', async () => {
    const page = await signIn('thidua.thaibinh');
    const res = await page.request.get(
      `${server.url}/api/plans?search=chuyen doi so tren dia ban huyen`,
    );
    const list = (await res.json()) as {
      items: { id: number; status: string; parentPlanId: number | null }[];
    };
    // The district's own plan (its communes' plans, issued under the district, match the words too).
    const parent = list.items.find((p) => p.status === 'in_progress' && p.parentPlanId === null);
    expect(parent).toBeDefined();
    await page.goto(`${server.url}/plans/${parent?.id}`);
    await page.getByRole('tab', { name: 'Cấp dưới' }).click();
    await page
      .getByRole('button', { name: /Xây dựng kế hoạch của/ })
      .first()
      .click();
    await page.waitForURL(
      (u) => /\/plans\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${parent?.id}`),
    );
    childUrl = page.url();
    const title = page.getByLabel('Trích yếu (tên kế hoạch)');
    await expect.poll(() => title.inputValue()).toMatch(/trên địa bàn xã năm \d{4}$/);
    const detail = (await (
      await page.request.get(`${server.url}/api${new URL(childUrl).pathname}`)
    ).json()) as {
      content: { rewards: { issuerTitle: string }[]; participants: { collectives: string[] } };
      carriedSections: { section: string }[];
    };
    expect(detail.content.rewards.map((r) => r.issuerTitle)).toEqual([
      'Chủ tịch UBND xã',
      'Chủ tịch UBND xã',
    ]);
    expect(detail.content.participants.collectives).toContain('Văn phòng HĐND và UBND');
    const total = detail.carriedSections.length;
    const banner = page.locator('.plan-carried-banner');
    await banner
      .getByText(`Còn ${total} phần mang sang từ kế hoạch cấp trên chưa xem lại`)
      .waitFor();
    await shot(page, 'child-carried-1366');
    await page.getByRole('button', { name: 'Đã xem lại: Nội dung thi đua', exact: true }).click();
    await banner
      .getByText(`Còn ${total - 1} phần mang sang từ kế hoạch cấp trên chưa xem lại`)
      .waitFor();
    await page.locator('.plan-section-contents').getByText('Đã xem lại').waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'child-carried-375');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('warns the head about unreviewed sections before issuing', async () => {
    const page = await signIn('lanhdao.thaibinh');
    await page.goto(childUrl);
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    const dialog = page.getByRole('dialog');
    const warning = dialog.locator('.plan-unreviewed-dialog');
    await warning.getByText(/^Còn \d+ phần mang sang từ kế hoạch cấp trên chưa xem lại$/).waitFor();
    const ok = dialog.getByRole('button', { name: 'Ban hành' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Vẫn ban hành khi chưa xem lại hết' }).check();
    await shot(page, 'issue-dialog-unreviewed-1366');
    await ok.click();
    await page.getByText('Đang triển khai').first().waitFor();
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });
});
