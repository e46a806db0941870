import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeClean, screenshots, setDate, useSite, vnDate } from './session';

/**
 * Seed 000 walked as its locality's people from a fresh start, in Chromium: the commune officer
 * of Xã Lương Điền finds the imported 2023 draft by searching without accents, is warned that its
 * period is over and corrects the dates; the commune head issues it; the officer registers every
 * eligible staff member at once and approves them all with one bulk approval; her bell carries
 * nothing about her own approvals; a civil servant sees his registration approved. Every page
 * visited keeps a clean browser console (no errors, no failed requests).
 */

const site = useSite();
const shot = screenshots('seed000-');
let planUrl = '';
let eligible = 0;

/** Every page visited keeps a clean console, the login page included. */
const signIn = (username: string) => site.signIn(username, { watch: true });

/** Titles of the notifications the signed-in user sees about approved registrations. */
async function approvalNotices(page: Page): Promise<string[]> {
  const res = await page.request.get(`${site.url}/api/notifications?pageSize=100`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { title: string }[] };
  return body.items.map((n) => n.title).filter((t) => t.includes('đã được duyệt'));
}

describe('seed 000 walked by Xã Lương Điền (Chromium)', () => {
  it('the officer finds the 2023 draft without accents, is warned and corrects its dates', async () => {
    const s = await signIn('thidua.luongdien');
    const { page } = s;
    await page.goto(`${site.url}/plans`);
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
    await closeClean(s, 'tìm và sửa ngày dự thảo');
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
    await closeClean(s, 'ban hành');
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
    await closeClean(s, 'đăng ký cán bộ');
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
    await closeClean(s, 'duyệt hàng loạt');
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
    await closeClean(s, 'cán bộ xem đăng ký');
  });
});
