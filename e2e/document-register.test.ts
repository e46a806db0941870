import { describe, expect, it } from 'vitest';
import { closeClean, screenshots, useSite } from './session';

/**
 * The register of outgoing documents in Chromium against the real server and demo data (issue 10,
 * item 1): the head of Xã Lương Điền issues the seed 000 draft, its number shows in the commune's
 * "Sổ văn bản đi"; the commune's officer cancels the number with a reason, which the register
 * then shows; the head sees the register but may not cancel.
 */

const site = useSite();
const shot = screenshots('document-register-');

describe('the register of outgoing documents (Chromium)', () => {
  let documentNumber = '';

  it('lists the number a plan was just issued with', async () => {
    const h = await site.signIn('lanhdao.luongdien', { watch: true });
    const { page } = h;
    const res = await page.request.get(`${site.url}/api/plans?search=tren dia ban xa nam 2023`);
    const list = (await res.json()) as { items: { id: number; status: string }[] };
    const draft = list.items.find((p) => p.status === 'draft');
    expect(draft).toBeDefined();
    const detail = (await (
      await page.request.get(`${site.url}/api/plans/${draft?.id}`)
    ).json()) as {
      version: number;
    };
    const issued = await page.request.post(`${site.url}/api/plans/${draft?.id}/issue`, {
      data: { version: detail.version, acknowledgePastDates: true },
    });
    expect(issued.status()).toBe(200);
    documentNumber = ((await issued.json()) as { documentNumber: string }).documentNumber;
    expect(documentNumber).toMatch(/^\d+\/KH-UBND$/);

    await page.goto(`${site.url}/document-register`);
    await page.getByRole('heading', { name: 'Sổ văn bản đi' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(documentNumber) });
    await row.getByText('Đã ban hành').waitFor();
    await row.getByRole('link', { name: /trên địa bàn xã/i }).waitFor();
    // The head reads the register but does not keep it: no cancel button.
    expect(await page.getByRole('button', { name: 'Hủy số' }).count()).toBe(0);
    await closeClean(h, 'sổ văn bản đi (thủ trưởng)');
  });

  it('lets the commune’s officer cancel the number with a reason, kept in the register', async () => {
    const o = await site.signIn('thidua.luongdien', { watch: true });
    const { page } = o;
    await page.goto(`${site.url}/document-register`);
    const row = page.getByRole('row', { name: new RegExp(documentNumber) });
    await row.getByText('Đã ban hành').waitFor();
    await shot(page, 'list-1366');
    await row.getByRole('button', { name: 'Hủy số' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('không được cấp lại cho văn bản khác').waitFor();
    // The reason is required.
    await dialog.getByRole('button', { name: 'Hủy số' }).click();
    await dialog.getByText('Vui lòng nhập lý do').waitFor();
    await dialog.getByLabel('Lý do').fill('Văn bản ký nhầm, đã thu hồi');
    await shot(page, 'cancel-dialog-1366');
    await dialog.getByRole('button', { name: 'Hủy số' }).click();
    await page.getByText(`Đã hủy số ${documentNumber}.`).waitFor();
    await row.getByText('Đã hủy số').waitFor();
    await row.getByText(/Lý do: Văn bản ký nhầm, đã thu hồi/).waitFor();
    expect(await row.getByRole('button', { name: 'Hủy số' }).count()).toBe(0);
    await shot(page, 'cancelled-1366');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByText(/Lý do: Văn bản ký nhầm, đã thu hồi/).waitFor();
    await shot(page, 'cancelled-375');
    await closeClean(o, 'hủy số trong sổ văn bản đi');
  });
});
