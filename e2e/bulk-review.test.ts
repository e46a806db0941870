import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeClean, screenshots, useSite } from './session';

/**
 * Bulk review in Chromium (issue 9 item 5): on seed 002's plan 49/KH-UBND (replayed on a 2020
 * test clock, before its deadline) the district officer registers the one-stop units, then
 * approves them all with "Chọn tất cả đang chờ duyệt" and "Duyệt (N)" — and her bell holds no
 * notification about her own approvals.
 */

const PLAN_TITLE = /chuyên đề về thực hiện công tác cải cách hành chính năm 2020/;
const CLOCK = '2020-07-25T02:00:00Z';

const site = useSite({ CLOCK_START: CLOCK });
const shot = screenshots('bulk-review-');

async function api<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await page.request.fetch(`${site.url}${url}`, { method, data });
  return { status: res.status(), body: (await res.json()) as T };
}

describe('bulk review of registrations (Chromium)', () => {
  it('approves every pending registration of a plan in one go', async () => {
    // The browser's clock reads the server's test date; the console stays clean throughout.
    const s = await site.signIn('thidua.anbien', { clock: CLOCK, watch: true });
    const { page } = s;
    await page.goto(`${site.url}/plans`);
    await page.getByRole('link', { name: PLAN_TITLE }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    const planId = /\/plans\/(\d+)$/.exec(page.url())?.[1] ?? '';

    // Every unit the plan names registers (the officer acts for units without accounts).
    const progress = await api<{ items: { unitId: number; registrationId: number | null }[] }>(
      page,
      'GET',
      `/api/plans/${planId}/registrations/progress?pageSize=200`,
    );
    const open = progress.body.items.filter((u) => u.registrationId === null);
    expect(open.length).toBeGreaterThanOrEqual(3);
    for (const u of open) {
      const res = await api(page, 'POST', `/api/plans/${planId}/registrations`, {
        kind: 'collective',
        unitId: u.unitId,
        commitments: {
          targetTitle: 'Tập thể hoàn thành xuất sắc nhiệm vụ CCHC',
          targets: ['100% hồ sơ giải quyết đúng hạn'],
          keyTasks: ['Số hóa hồ sơ thủ tục hành chính'],
          breakthroughTasks: ['Thanh toán trực tuyến phí, lệ phí'],
        },
      });
      expect(res.status).toBe(201);
    }
    const n = open.length;

    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    await page.getByRole('button', { name: 'Chọn tất cả đang chờ duyệt' }).click();
    await page.getByText(`Đã chọn ${n} đăng ký`).waitFor();
    await shot(page, '1366-selected');
    // The bar and the return dialog at phone width.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: 'Chọn tất cả đang chờ duyệt' }).scrollIntoViewIfNeeded();
    await shot(page, '375-selected', false);
    await page.getByRole('button', { name: `Trả lại (${n})` }).click();
    const dialog = page.getByRole('dialog', { name: `Trả lại ${n} đăng ký` });
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Vui lòng nhập lý do trả lại').waitFor();
    await shot(page, '375-return-dialog', false);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: `Duyệt (${n})` }).click();
    await page.getByRole('tooltip').getByText(`Duyệt ${n} đăng ký đã chọn?`).waitFor();
    await page.getByRole('tooltip').getByRole('button', { name: 'Duyệt' }).click();
    await page.getByText(`Đã duyệt ${n} đăng ký.`).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'Duyệt (0)' }).isDisabled())
      .toBe(true);
    const left = await api<{ total: number }>(
      page,
      'GET',
      `/api/plans/${planId}/registrations?status=submitted`,
    );
    expect(left.body.total).toBe(0);
    await shot(page, '1366-approved');

    // The officer's bell has nothing about her own approvals.
    const bell = await api<{ items: { kind: string }[] }>(page, 'GET', '/api/notifications');
    expect(bell.body.items.filter((i) => i.kind === 'registration.approved')).toEqual([]);
    await page.getByRole('button', { name: 'Chọn tất cả đang chờ duyệt' }).click();
    await page.getByText('Không có đăng ký nào đang chờ duyệt.').waitFor();
    await closeClean(s, 'duyệt hàng loạt');
  });
});
