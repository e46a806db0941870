import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchConsole, type ConsoleWatch } from './console';
import { launchBrowser, startServer, type RunningServer } from './harness';

/**
 * Seed 000 walked as its locality's people from a fresh start, in Chromium: the commune officer
 * of Xã Lương Điền finds the imported 2023 draft by searching without accents, is warned that its
 * period is over and corrects the dates; the commune head issues it; the officer registers every
 * eligible staff member at once and approves them all with one bulk approval; her bell carries
 * nothing about her own approvals; a civil servant sees his registration approved. Every page
 * visited keeps a clean browser console (no errors, no failed requests).
 */

const shots = process.env.E2E_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
let planUrl = '';
let eligible = 0;

type Session = { page: Page; console: ConsoleWatch };

async function signIn(username: string, width = 1366): Promise<Session> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  const console = watchConsole(page);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return { page, console };
}

async function close(s: Session, where: string) {
  await s.console.settle();
  s.console.assertClean(where);
  await s.page.context().close();
}

async function shot(page: Page, name: string) {
  if (shots)
    await page.screenshot({ path: path.join(shots, `seed000-${name}.png`), fullPage: true });
}

/** dd/mm/yyyy of today + days in Vietnam's calendar. */
function vnDate(days: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** Types a date into an antd DatePicker found by its label. */
async function setDate(page: Page, label: string, ddmmyyyy: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(ddmmyyyy);
  await input.press('Tab');
}

/** Titles of the notifications the signed-in user sees about approved registrations. */
async function approvalNotices(page: Page): Promise<string[]> {
  const res = await page.request.get(`${server.url}/api/notifications?pageSize=100`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { title: string }[] };
  return body.items.map((n) => n.title).filter((t) => t.includes('đã được duyệt'));
}

beforeAll(async () => {
  server = await startServer();
  ({ browser } = await launchBrowser());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('seed 000 walked by Xã Lương Điền (Chromium)', () => {
  it('the officer finds the 2023 draft without accents, is warned and corrects its dates', async () => {
    const s = await signIn('thidua.luongdien');
    const { page } = s;
    await page.goto(`${server.url}/plans`);
    await page.getByLabel('Tìm theo số, trích yếu, đơn vị ban hành').fill('luong dien');
    const link = page.getByRole('link', { name: /cải cách hành chính/ }).first();
    await link.waitFor();
    await shot(page, '01-search');
    await link.click();
    await page.waitForURL(/\/plans\/\d+$/);
    planUrl = page.url();
    // The draft says its dates are past before anyone tries to issue it, and offers the fix.
    const banner = page.locator('.plan-past-dates-draft');
    await banner.getByText('Ngày của kế hoạch đã qua').waitFor();
    await shot(page, '02-draft-warning');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, '02-draft-warning-375');
    await page.setViewportSize({ width: 1366, height: 900 });
    await banner.getByRole('button', { name: 'Sửa ngày trong dự thảo' }).click();
    await setDate(page, 'Bắt đầu', vnDate(0));
    await setDate(page, 'Kết thúc', vnDate(365));
    await setDate(page, 'Hạn đăng ký thi đua', vnDate(10));
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByText('Đã lưu dự thảo.').waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await close(s, 'tìm và sửa ngày dự thảo');
  });

  it('the commune head issues it as 01/KH-UBND, open for registration', async () => {
    const s = await signIn('lanhdao.luongdien');
    const { page } = s;
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText(
        `Ban hành hôm nay: kế hoạch ở trạng thái "Đang triển khai", nhận đăng ký thi đua đến ${vnDate(10)} (còn 10 ngày).`,
      )
      .waitFor();
    await shot(page, '03-issue-dialog');
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await page
      .getByText(/Số 01\/KH-UBND/)
      .first()
      .waitFor();
    await page.getByText('Đang triển khai').first().waitFor();
    await close(s, 'ban hành');
  });

  it('the officer registers every eligible staff member of the commune at once', async () => {
    const s = await signIn('thidua.luongdien');
    const { page } = s;
    await page.goto(planUrl);
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    await page.getByRole('button', { name: 'Đăng ký cán bộ của đơn vị' }).click();
    const dialog = page.getByRole('dialog');
    const table = dialog.locator('.ant-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await table.locator('thead .ant-checkbox-input').check();
    const chosen = await dialog.getByText(/^Đã chọn \d+ cán bộ/).innerText();
    eligible = Number(/Đã chọn (\d+)/.exec(chosen)?.[1]);
    // Seed 000's participants: the commune's cán bộ and công chức, not its contract staff.
    expect(eligible).toBeGreaterThanOrEqual(20);
    // Seed 000 asks each of them for a commitment and their key and breakthrough tasks.
    await dialog.getByLabel('Danh hiệu, kết quả phấn đấu').fill('Lao động tiên tiến');
    await dialog
      .getByLabel('Nhiệm vụ trọng tâm')
      .fill('Giải quyết 100% hồ sơ thủ tục hành chính đúng hạn');
    await shot(page, '04-bulk-register');
    await dialog.getByRole('button', { name: /^Đăng ký/ }).click();
    await page.getByText(`Đã đăng ký thi đua cho ${eligible} cán bộ.`).waitFor();
    await close(s, 'đăng ký cán bộ');
  });

  it('and approves them all with one bulk approval; her bell has nothing of her own doing', async () => {
    const s = await signIn('thidua.luongdien');
    const { page } = s;
    await page.goto(planUrl);
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    await page.getByRole('button', { name: 'Chọn tất cả đang chờ duyệt' }).click();
    await page.getByRole('button', { name: `Duyệt (${eligible})` }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Duyệt' }).click();
    await page.getByText(`Đã duyệt ${eligible} đăng ký.`).first().waitFor();
    await shot(page, '05-bulk-approved');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, '05-bulk-approved-375');
    expect(await approvalNotices(page)).toEqual([]);
    await close(s, 'duyệt hàng loạt');
  });

  it('a civil servant of the commune sees his registration approved', async () => {
    const s = await signIn('canbo.luongdien');
    const { page } = s;
    await page.goto(planUrl);
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    await page.getByText('Bạn đã đăng ký thi đua theo kế hoạch này').waitFor();
    await page.getByText('Đã duyệt').first().waitFor();
    // Others at the commune are told of the approvals: only their author is not.
    expect((await approvalNotices(page)).length).toBeGreaterThanOrEqual(eligible);
    await close(s, 'cán bộ xem đăng ký');
  });
});
