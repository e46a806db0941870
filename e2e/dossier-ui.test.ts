import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, useSite } from './session';

/**
 * The dossier in the nomination drawer (decisions 041, 045), on seed 003's plan of Phường Tiền
 * Thành: the ward's head opens a draft nomination, writes the report's "Thành tích đạt được",
 * downloads the report .docx carrying it, submits, and the part shows frozen; the plan tab lists
 * the unit's tờ trình for the round and opens it.
 */

const site = useSite();
const shot = screenshots('dossier-');

type Json = Record<string, unknown>;

async function call<T = Json>(page: Page, method: string, url: string, data?: unknown) {
  const res = await page.request.fetch(`${site.url}${url}`, { method, data });
  const body = (await res.json()) as T;
  expect(res.status(), `${method} ${url}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

describe('Hồ sơ đề nghị khen thưởng in the drawer (Chromium)', () => {
  it('write the report, download it, submit: the part is frozen; the tờ trình opens', async () => {
    const head = await site.signIn('lanhdao.tienthanh');
    const plans = await call<{ items: { id: number; documentNumber: string | null }[] }>(
      head,
      'GET',
      '/api/plans?search=19%2FKH-UBND&pageSize=50',
    );
    const planId = plans.items.find((p) => p.documentNumber === '19/KH-UBND')?.id ?? 0;
    expect(planId).toBeGreaterThan(0);
    const catalogue = await call<{ forms: { code: string; current: { id: number } | null }[] }>(
      head,
      'GET',
      '/api/award-catalogue',
    );
    const gk = catalogue.forms.find((f) => f.code === 'GK_CN')?.current?.id ?? 0;
    const people = await call<{ items: { id: number; fullName: string; unitName: string }[] }>(
      head,
      'GET',
      '/api/people?pageSize=100',
    );
    const person = people.items.find((p) => p.unitName.startsWith('Văn phòng HĐND'));
    if (!person) throw new Error('no one in the office');
    await call(head, 'POST', `/api/plans/${planId}/nominations`, {
      round: 'annual',
      personId: person.id,
      formVersionId: gk,
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
      periodFrom: '2023-01-01',
      periodTo: '2023-12-31',
    });

    await head.goto(`${site.url}/plans/${planId}?tab=nominations`);
    await head.getByRole('cell', { name: person.fullName }).click();
    const drawer = head.locator('.ant-drawer').filter({ hasText: 'Nội dung hồ sơ' });
    const parts = drawer.locator('.nomination-dossier-parts');
    const achievements = parts.getByLabel('Thành tích đạt được');
    await achievements.waitFor();
    expect(await achievements.isEditable()).toBe(true);
    const written = 'Tham mưu 24 kỳ họp, 100% văn bản đúng hạn, không có sai sót.';
    await achievements.fill(written);
    await parts.getByRole('button', { name: 'Lưu nội dung' }).click();
    await head.getByText('Đã lưu nội dung hồ sơ.').waitFor();
    // The ward's checklist ticks its "B4o c4o thành tích" (OCR'd) item by the written report.
    const checklist = drawer.locator('.nomination-dossier');
    await expect.poll(() => checklist.getByText('Đã có').count()).toBe(1);
    await expect.poll(() => checklist.getByText('Còn thiếu').count()).toBe(1);

    const [download] = await Promise.all([
      head.waitForEvent('download'),
      parts.getByRole('link', { name: /Báo cáo thành tích \(\.docx\)/u }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/u);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml.replace(/<[^>]+>/gu, '')).toContain(written);
    await shot(head, 'draft-1366');

    await drawer.getByRole('button', { name: 'Gửi lên cấp trên' }).click();
    await drawer.getByText('Đã gửi').first().waitFor();
    await parts.getByText('Đã chốt khi gửi', { exact: true }).waitFor();
    expect(await parts.getByLabel('Thành tích đạt được').isEditable()).toBe(false);
    expect(await parts.getByLabel('Thành tích đạt được').inputValue()).toBe(written);
    expect(await parts.getByRole('button', { name: 'Lưu nội dung' }).count()).toBe(0);
    await shot(head, 'frozen-1366');
    await head.setViewportSize({ width: 375, height: 800 });
    await shot(head, 'frozen-375', false);
    await head.setViewportSize({ width: 1366, height: 900 });

    // The unit's tờ trình for the round, from the plan tab.
    await drawer.locator('.ant-drawer-close').click();
    const requests = head.locator('.dossier-requests');
    await requests.getByRole('button', { name: 'Tờ trình' }).first().click();
    const request = head.locator('.ant-drawer').filter({ hasText: 'Kính gửi' });
    await request.getByText(person.fullName).waitFor();
    await request.getByRole('link', { name: /Danh sách đề nghị khen thưởng \(\.pdf\)/u }).waitFor();
    await head.waitForTimeout(500); // the drawer's slide-in
    await shot(head, 'request-1366');
    await head.setViewportSize({ width: 375, height: 800 });
    await shot(head, 'request-375', false);
  });
});
