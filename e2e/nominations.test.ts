import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdf } from './evaluation-helpers';
import { screenshots, useSite } from './session';

/**
 * Nominations in Chromium against the demo server (decision 041), on seed 003's plan of Phường
 * Tiền Thành ("Cấp xã: không quá 03 cá nhân"; to the ward: biên bản họp xét and báo cáo thành
 * tích): the ward's head nominates a person of the ward's office by name, attaches the two
 * dossier items and submits; the ward's emulation officer sees the checklist ticked, accepts and
 * approves (quota use 1/3); two more are approved through the API; a fourth approval is refused
 * with the reason on screen.
 */

const site = useSite();
const shot = screenshots('nominations-');

type Json = Record<string, unknown>;

/** A visible option of the open antd Select (its hidden a11y list also has role=option). */
const option = (page: Page, text: string | RegExp) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first();

async function call<T = Json>(page: Page, method: string, url: string, data?: unknown) {
  const res = await page.request.fetch(`${site.url}${url}`, { method, data });
  const body = (await res.json()) as T;
  expect(res.status(), `${method} ${url}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

/** Everything the API does for a nomination up to `accepted`, for the people not clicked. */
async function acceptedByApi(
  head: Page,
  officer: Page,
  planId: number,
  personId: number,
  formVersionId: number,
  items: string[],
) {
  let n = await call<{ id: number; version: number }>(
    head,
    'POST',
    `/api/plans/${planId}/nominations`,
    {
      round: 'annual',
      personId,
      formVersionId,
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
      periodFrom: '2023-01-01',
      periodTo: '2023-12-31',
    },
  );
  for (const item of items) {
    const res = await head.request.post(`${site.url}/api/nominations/${n.id}/attachments`, {
      multipart: {
        dossierItem: item,
        file: { name: 'ho-so.pdf', mimeType: 'application/pdf', buffer: pdf },
      },
    });
    expect(res.status()).toBe(201);
  }
  n = await call(head, 'POST', `/api/nominations/${n.id}/submit`, { version: n.version });
  return call<{ id: number; version: number }>(officer, 'POST', `/api/nominations/${n.id}/accept`, {
    version: n.version,
  });
}

describe('Đề nghị khen thưởng (Chromium)', () => {
  it('create → submit → accept → approve; a fourth approval beyond the quota is refused', async () => {
    const head = await site.signIn('lanhdao.tienthanh');
    const officer = await site.signIn('thidua.tienthanh');
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
    const office = people.items.filter((p) => p.unitName.startsWith('Văn phòng HĐND'));
    expect(office.length).toBeGreaterThanOrEqual(4);
    const [first, ...rest] = office;
    if (!first) throw new Error('no one in the office');

    // The head nominates the first by name, on the plan's "Khen thưởng" tab.
    await head.goto(`${site.url}/plans/${planId}?tab=nominations`);
    await head.getByText('Kết quả đánh giá chưa được công bố').waitFor();
    await head.getByLabel('Tìm cán bộ theo tên').fill(first.fullName);
    await option(head, first.fullName).click();
    const create = head.getByRole('dialog');
    await create.getByLabel('Hình thức khen thưởng').click();
    await option(head, /^Giấy khen$/u).click();
    await create
      .getByLabel('Thành tích', { exact: true })
      .fill('Hoàn thành xuất sắc nhiệm vụ năm 2023.');
    await create.getByRole('button', { name: 'Lập đề nghị' }).click();
    const drawer = head.locator('.ant-drawer');
    await drawer.getByText('Dự thảo').first().waitFor();
    // The ward's checklist: two items missing; attach one file per item.
    const dossier = drawer.locator('.nomination-dossier');
    await expect.poll(() => dossier.getByText('Còn thiếu').count()).toBe(2);
    await dossier.locator('input[type=file]').setInputFiles({
      name: 'bien-ban.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await expect.poll(() => dossier.getByText('Còn thiếu').count()).toBe(1);
    await dossier.getByLabel('Mục hồ sơ').click();
    await option(head, /B4o c4o/u).click();
    await dossier.locator('input[type=file]').setInputFiles({
      name: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await expect.poll(() => dossier.getByText('Đã có').count()).toBe(2);
    await shot(head, 'draft');
    await drawer.getByRole('button', { name: 'Gửi lên cấp trên' }).click();
    await drawer.getByText('Đã gửi').first().waitFor();

    // The ward's officer receives it: checklist ticked, accept, approve within the quota.
    await officer.goto(`${site.url}/plans/${planId}?tab=nominations`);
    await officer.getByRole('cell', { name: first.fullName }).click();
    const odrawer = officer.locator('.ant-drawer');
    await expect.poll(() => odrawer.getByText('Đã có').count()).toBe(2);
    await odrawer.getByRole('button', { name: 'Tiếp nhận' }).click();
    await odrawer.getByText('Đã tiếp nhận').first().waitFor();
    await odrawer.getByRole('button', { name: 'Duyệt khen thưởng' }).click();
    await odrawer.getByText('Được khen thưởng').first().waitFor();
    await odrawer.getByText('1/3').waitFor();
    await shot(officer, 'approved');

    // Two more approved through the API fill "không quá 03 cá nhân"; the fourth is refused.
    const items = (
      await call<{ dossier: { items: { item: string }[] } }>(
        head,
        'GET',
        `/api/nominations/${(await call<{ items: { id: number }[] }>(head, 'GET', `/api/plans/${planId}/nominations`)).items[0]?.id}`,
      )
    ).dossier.items.map((i) => i.item);
    for (const p of rest.slice(0, 2)) {
      const n = await acceptedByApi(head, officer, planId, p.id, gk, items);
      await call(officer, 'POST', `/api/nominations/${n.id}/approve`, { version: n.version });
    }
    const fourth = rest[2];
    if (!fourth) throw new Error('no fourth person');
    await acceptedByApi(head, officer, planId, fourth.id, gk, items);
    await officer.reload();
    await officer.getByRole('cell', { name: fourth.fullName }).click();
    const last = officer.locator('.ant-drawer');
    await last.getByText('3/3').waitFor();
    await last.getByRole('button', { name: 'Duyệt khen thưởng' }).click();
    await last.getByRole('alert').filter({ hasText: 'Vượt hạn mức' }).waitFor();
    expect(await last.getByRole('alert').filter({ hasText: 'Vượt hạn mức' }).innerText()).toContain(
      'đã duyệt 3/3',
    );
    await shot(officer, 'refused');
    await officer.setViewportSize({ width: 375, height: 800 });
    await shot(officer, 'refused-375', false);
  });
});
