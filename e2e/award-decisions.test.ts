import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { screenshots, useSite, callApi } from './session';

/**
 * The page "Quyết định khen thưởng" in Chromium against the real server (issue 12 items 7–9):
 * the commune's emulation officer has a draft (created over the API), adds a person by hand on
 * the page and sees the amount and the total; the commune's head issues it and sees the number
 * and the số sổ vàng; the certificates PDF downloads with one page for the row. Screenshots at
 * 1366 and 375 px.
 */

const site = useSite();
const shot = screenshots('award-decisions-');

const api = <T>(page: Page, method: 'GET' | 'POST', url: string, data?: object) =>
  callApi<T>(site, page, method, url, data);

describe('Quyết định khen thưởng (Chromium)', () => {
  it('draft → add by hand → issue as head → certificates PDF downloads', async () => {
    const page = await site.signIn('thidua.luongdien');
    const people = await api<{ items: { id: number; fullName: string; unitId: number }[] }>(
      page,
      'GET',
      '/api/people?pageSize=1',
    );
    const person = people.items[0];
    if (person === undefined) throw new Error('no demo person');
    const unit = await api<{ path: { id: number; name: string }[] }>(
      page,
      'GET',
      `/api/units/${person.unitId}`,
    );
    const commune = unit.path.find((u) => u.name === 'Xã Lương Điền');
    if (commune === undefined) throw new Error('Xã Lương Điền not on the path');
    const draft = await api<{ id: number }>(page, 'POST', '/api/award-decisions', {
      unitId: commune.id,
      decider: 'chairman',
      title: 'khen thưởng cá nhân có thành tích xuất sắc năm 2026',
      fundingSource: 'Quỹ thi đua, khen thưởng của xã',
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Chủ tịch',
      decisionDate: new Date().toISOString().slice(0, 10),
    });

    await page.getByRole('menuitem', { name: 'Quyết định khen thưởng' }).click();
    await page.getByRole('heading', { name: 'Quyết định khen thưởng' }).waitFor();
    await page.getByRole('link', { name: /khen thưởng cá nhân có thành tích/u }).click();
    await page.getByRole('heading', { name: 'Dự thảo quyết định' }).waitFor();

    await page.getByRole('button', { name: 'Thêm thủ công' }).click();
    await page.getByLabel('Cán bộ được khen').click();
    await page
      .getByLabel('Cán bộ được khen')
      .pressSequentially(person.fullName.split(' ').pop() ?? '');
    await page.getByTitle(person.fullName).first().click();
    await page.getByLabel('Hình thức khen thưởng').click();
    await page.getByLabel('Hình thức khen thưởng').pressSequentially('Lao động tiên tiến');
    await page.getByTitle(/^Lao động tiên tiến — /u).click();
    await page.getByLabel('Thành tích').fill('Hoàn thành xuất sắc nhiệm vụ năm 2026');
    const added = page.waitForResponse((r) =>
      r.url().endsWith(`/api/award-decisions/${draft.id}/rows`),
    );
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    expect((await added).status()).toBe(200);
    await page.getByRole('cell', { name: person.fullName }).first().waitFor();
    await page.getByText('Danh sách khen thưởng (1)').waitFor();
    await page.getByRole('cell', { name: 'Lao động tiên tiến' }).waitFor();
    // The draft's header is edited in place.
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.getByLabel('Nguồn kinh phí').fill('Ngân sách xã năm 2026');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Ngân sách xã năm 2026').waitFor();
    await shot(page, 'draft-1366');

    const head = await site.signIn('lanhdao.luongdien');
    await head.goto(`${site.url}/award-decisions/${draft.id}`);
    await head.getByRole('heading', { name: 'Dự thảo quyết định' }).waitFor();
    await head.getByRole('button', { name: 'Ban hành' }).click();
    const issued = head.waitForResponse((r) => r.url().endsWith('/issue'));
    await head.getByRole('button', { name: 'Ban hành' }).last().click();
    expect((await issued).status()).toBe(200);
    await head.getByRole('heading', { name: /^Quyết định số \d+\/QĐ-CT$/u }).waitFor();
    await head.getByRole('cell', { name: '1', exact: true }).last().waitFor();
    await head.getByRole('link', { name: /In giấy khen/u }).waitFor();
    await shot(head, 'issued-1366');

    const href = await head.getByRole('link', { name: /In giấy khen/u }).getAttribute('href');
    const pdf = await head.request.get(`${site.url}${href ?? ''}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(await pdf.body()), { mergePages: false });
    expect(text).toHaveLength(1);
    expect(text[0]?.normalize('NFC')).toContain('Số sổ vàng');
    const xlsx = await head.request.get(
      `${site.url}/api/award-decisions/${draft.id}/payment-list.xlsx`,
    );
    expect(xlsx.status()).toBe(200);

    await page.goto(`${site.url}/award-decisions`);
    await page.getByRole('link', { name: /khen thưởng cá nhân có thành tích/u }).waitFor();
    await shot(page, 'list-1366');
    const phone = await site.signIn('lanhdao.luongdien', { width: 375, phone: true });
    await phone.goto(`${site.url}/award-decisions/${draft.id}`);
    await phone.getByRole('heading', { name: /^Quyết định số/u }).waitFor();
    await shot(phone, 'issued-375');
    await phone.goto(`${site.url}/award-decisions`);
    await phone.getByRole('link', { name: /khen thưởng cá nhân có thành tích/u }).waitFor();
    await shot(phone, 'list-375');
  });
});
