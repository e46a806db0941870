import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, useSite, callApi } from './session';

/**
 * The public honour board in Chromium (issue 12 item 11, decision 047): Lương Điền's officer
 * drafts a chairman's decision over the API (a person and a collective), the commune head issues
 * it; a visitor with no session opens /cong-khai/vinh-danh, finds the person typing without
 * accents, sees the card with the số sổ vàng and downloads the decision's PDF; a draft is not on
 * the board. Screenshots at 1366 and 375 px.
 */

const site = useSite();
const take = screenshots('honour-board-');

const api = <T>(page: Page, method: 'GET' | 'POST', url: string, data?: object) =>
  callApi<T>(site, page, method, url, data);

describe('Bảng vinh danh (Chromium)', () => {
  it('an issued decision is on the public board, found without accents, its PDF downloads', async () => {
    const officer = await site.signIn('thidua.luongdien');
    const people = await api<{ items: { id: number; fullName: string; unitId: number }[] }>(
      officer,
      'GET',
      '/api/people?pageSize=2',
    );
    const person = people.items[0];
    if (person === undefined) throw new Error('no demo person');
    const unit = await api<{ path: { id: number; name: string }[] }>(
      officer,
      'GET',
      `/api/units/${person.unitId}`,
    );
    const commune = unit.path.find((u) => u.name === 'Xã Lương Điền');
    if (commune === undefined) throw new Error('Xã Lương Điền not on the path');
    const catalogue = await api<{ forms: { id: number; code: string }[] }>(
      officer,
      'GET',
      '/api/award-catalogue',
    );
    // A person's Giấy khen and a collective's: the server refuses one for the other.
    const gk = catalogue.forms.find((f) => f.code === 'GK_CN');
    const gkTt = catalogue.forms.find((f) => f.code === 'GK_TT');
    if (gk === undefined || gkTt === undefined) throw new Error('no GK_CN / GK_TT form');

    const plans = await api<{ items: { id: number; title: string }[] }>(
      officer,
      'GET',
      '/api/public/plans?pageSize=1',
    );
    const plan = plans.items[0];
    if (plan === undefined) throw new Error('no published plan');

    const draft = async (title: string, rows: object[], planId: number | null = null) => {
      const d = await api<{ id: number; version: number }>(
        officer,
        'POST',
        '/api/award-decisions',
        {
          unitId: commune.id,
          planId,
          decider: 'chairman',
          title,
          signerName: 'Nguyễn Văn Chủ',
          signerTitle: 'Chủ tịch',
          decisionDate: '2025-12-20',
        },
      );
      return api<{ id: number; version: number }>(
        officer,
        'POST',
        `/api/award-decisions/${d.id}/rows`,
        {
          version: d.version,
          rows,
        },
      );
    };
    const d = await draft(
      'khen thưởng tập thể, cá nhân điển hình tiên tiến năm 2025',
      [
        { personId: person.id, formId: gk.id, achievement: 'Gương điển hình tiên tiến trong CCHC' },
        { unitId: person.unitId, formId: gkTt.id, achievement: 'Tập thể tiêu biểu' },
      ],
      plan.id,
    );
    const unissued = await draft('dự thảo chưa ban hành', [
      { personId: people.items[1]?.id, formId: gk.id },
    ]);

    const head = await site.signIn('lanhdao.luongdien');
    const issued = await api<{ documentNumber: string }>(
      head,
      'POST',
      `/api/award-decisions/${d.id}/issue`,
      {
        version: d.version,
      },
    );

    // A visitor: no session.
    const context = await site.browser.newContext({
      locale: 'vi-VN',
      acceptDownloads: true,
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/cong-khai`);
    await page.getByRole('link', { name: 'Bảng vinh danh' }).click();
    await expect.poll(() => page.url()).toContain('/cong-khai/vinh-danh');
    await page.getByText(`Quyết định số ${issued.documentNumber}`).waitFor();
    expect(await page.getByText('dự thảo chưa ban hành').count()).toBe(0);

    const plain = person.fullName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[đĐ]/gu, 'd')
      .toLowerCase();
    await page.getByLabel('Tìm kiếm trên bảng vinh danh').fill(plain);
    await expect.poll(() => page.url()).toContain('q=');
    const card = page.locator('.honour-card', {
      hasText: `Quyết định số ${issued.documentNumber}`,
    });
    await card.getByText(person.fullName).waitFor();
    await card
      .getByText(/Sổ vàng số \d+/)
      .first()
      .waitFor();
    await take(page, '1366');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: /Tải quyết định/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await take(page, '375');

    // The plan's public page lists its exemplary people (the awardees of its decisions).
    await page.goto(`${site.url}/cong-khai/ke-hoach/${plan.id}`);
    const exemplary = page.locator('.ant-card', { hasText: 'Gương điển hình được khen thưởng' });
    await exemplary.getByText(person.fullName).first().waitFor();
    await exemplary.first().scrollIntoViewIfNeeded();
    await take(page, 'plan-375', false);

    // The draft's PDF is not public.
    const res = await page.request.get(
      `${site.url}/api/public/award-decisions/${unissued.id}/decision.pdf`,
    );
    expect(res.status()).toBe(404);
    await context.close();
  });
});
