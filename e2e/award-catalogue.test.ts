import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeClean, screenshots, setDate, useSite } from './session';

/**
 * The award catalogue in Chromium against the real server (issue 12, item 1): the national
 * catalogue installed at start shows each form's coefficient, deciders and amount on a date; the
 * administrator adds the base salary of 1/7/2026 and the amounts change from that day; adds a
 * version of Giấy khen (history kept) and is refused an overlapping one with the reason under the
 * field; an officer reads the catalogue without the buttons.
 */

const site = useSite();

/** setDate inside a dialog: the closed modals' forms are rendered too (forceRender). */
async function setDateIn(scope: Locator, label: string, ddmmyyyy: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(ddmmyyyy);
  await input.press('Tab');
}
const shot = screenshots('award-catalogue-');

describe('Danh mục khen thưởng (Chromium)', () => {
  it('shows amounts on a date, takes a new base salary and a new version, refuses an overlap', async () => {
    // The overlapping version below is refused on purpose (400).
    const s = await site.signIn('admin', {
      watch: {
        ignore: [
          /^400 POST \/api\/award-catalogue\/forms\/\d+\/versions$/,
          'Failed to load resource: the server responded with a status of 400 (Bad Request)',
        ],
      },
    });
    const { page } = s;
    await page.goto(`${site.url}/award-catalogue?date=2025-09-01`);
    await page.getByRole('heading', { name: 'Danh mục khen thưởng' }).waitFor();
    const ldtt = page.getByRole('row', { name: /LDTT/ });
    await ldtt.getByText('710.000đ', { exact: true }).waitFor();
    await ldtt.getByText('0,3 × 2.340.000đ = 702.000đ, làm tròn lên 710.000đ').waitFor();
    await page
      .getByRole('row', { name: /GK_HGD/ })
      .getByText('1.060.000đ', { exact: true })
      .waitFor();

    // A later base salary, from 1/7/2026.
    await page.getByRole('button', { name: 'Thêm mức mới' }).click();
    const salary = page.getByRole('dialog', { name: 'Thêm mức lương cơ sở' });
    await salary.getByLabel('Mức lương cơ sở (đồng/tháng)').fill('2530000');
    await setDateIn(salary, 'Áp dụng từ ngày', '01/07/2026');
    await salary.getByLabel('Căn cứ pháp lý').fill('Nghị định số 161/2026/NĐ-CP');
    await salary.getByRole('button', { name: 'Thêm' }).click();
    await page.getByText('Đã thêm mức lương cơ sở.').waitFor();
    await page.getByText('2.530.000đ', { exact: true }).waitFor();
    await page.getByText('01/07/2024 – 30/06/2026').waitFor();

    // The day before keeps the old amount; from 1/7/2026 the new one.
    // Each date is waited for in the URL (the page keeps it there) before the next is typed: the
    // 710.000đ of the day before is already on screen, so it alone proves nothing was applied.
    await setDate(page, 'Xem danh mục tại ngày', '30/06/2026');
    await page.waitForURL(/[?&]date=2026-06-30\b/);
    await ldtt.getByText('710.000đ', { exact: true }).waitFor();
    await setDate(page, 'Xem danh mục tại ngày', '01/07/2026');
    await page.waitForURL(/[?&]date=2026-07-01\b/);
    await ldtt.getByText('760.000đ', { exact: true }).waitFor();
    await ldtt.getByText('0,3 × 2.530.000đ = 759.000đ, làm tròn lên 760.000đ').waitFor();

    // A new version of Giấy khen for individuals from 1/1/2027.
    const gk = page.getByRole('row', { name: /GK_CN/ });
    await gk.getByRole('button', { name: /Phiên bản mới/ }).click();
    const version = page.getByRole('dialog', { name: 'Thêm phiên bản: GK_CN' });
    await version.getByText('Phiên bản đã có không bao giờ bị sửa').waitFor();
    await version.getByLabel('Hệ số (× mức lương cơ sở)').fill('0,35');
    await setDateIn(version, 'Hiệu lực từ ngày', '01/01/2027');
    await version.getByRole('button', { name: 'Thêm phiên bản' }).click();
    await page.getByText('Đã thêm phiên bản mới của GK_CN.').waitFor();
    await page.getByRole('button', { name: 'Lịch sử phiên bản GK_CN' }).click();
    await page.getByText('01/07/2025 – 31/12/2026').waitFor();
    await page.getByText('từ 01/01/2027').waitFor();
    await shot(page, 'history-1366');

    // An overlapping version is refused, the reason under the date.
    await gk.getByRole('button', { name: /Phiên bản mới/ }).click();
    await setDateIn(version, 'Hiệu lực từ ngày', '01/07/2026');
    await version.getByRole('button', { name: 'Thêm phiên bản' }).click();
    await version
      .getByText(/Phải sau ngày bắt đầu của phiên bản mới nhất \(01\/01\/2027\)/)
      .waitFor();
    await shot(page, 'overlap-1366', false);
    await version.getByRole('button', { name: 'Huỷ' }).click();
    await version.waitFor({ state: 'hidden' });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('columnheader', { name: 'Danh hiệu, hình thức' }).waitFor();
    await shot(page, 'admin-375', false);
    await closeClean(s, 'danh mục khen thưởng (quản trị)');
  });

  it('lets an officer read the catalogue, with no button to change it', async () => {
    const s = await site.signIn('thidua.luongdien', { watch: true });
    const { page } = s;
    await page.getByRole('link', { name: 'Danh mục khen thưởng' }).click();
    await page.getByRole('heading', { name: 'Danh mục khen thưởng' }).waitFor();
    await page
      .getByRole('row', { name: /CSTDCS/ })
      .getByText('Chiến sĩ thi đua cơ sở')
      .waitFor();
    expect(await page.getByRole('button', { name: /Phiên bản mới|Thêm mức mới/ }).count()).toBe(0);
    const refused = await page.request.post(`${site.url}/api/award-catalogue/base-salaries`, {
      data: { amount: 3_000_000, effectiveFrom: '2030-01-01', legalBasis: 'Thử' },
    });
    expect(refused.status()).toBe(403);
    await shot(page, 'officer-1366');
    await closeClean(s, 'danh mục khen thưởng (cán bộ thi đua)');
  });
});
