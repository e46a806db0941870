import { describe, expect, it } from 'vitest';
import { vietnamDate } from '../shared/dates';
import { closeClean, screenshots, useSite } from './session';

/**
 * The register of outgoing documents in Chromium against the real server and demo data (issue 10,
 * item 1): the head of Xã Lương Điền issues the seed 000 draft and records another plan from paper
 * two numbers further on; the commune's "Sổ văn bản đi" shows both and the gap between them. The
 * commune's officer cancels the first number with a reason, which the register then shows; the
 * head sees the register but may not cancel.
 */

const site = useSite();
const shot = screenshots('document-register-');
const signInWatched = (username: string) => site.signIn(username, { watch: true });

describe('the register of outgoing documents (Chromium)', () => {
  let documentNumber = '';

  it('lists the number a plan was just issued with, a paper number and the gap between', async () => {
    // The officer drafts a plan that the head will record from paper.
    const officer = await site.signIn('thidua.luongdien');
    const me = (await (await officer.request.get(`${site.url}/api/auth/me`)).json()) as {
      grants: { unitId: number }[];
    };
    const created = await officer.request.post(`${site.url}/api/plans`, {
      data: {
        issuingUnitId: me.grants[0]?.unitId,
        kind: 'campaign',
        place: 'Lương Điền',
        title: 'Kế hoạch thi đua chào mừng ngày Chuyển đổi số quốc gia',
      },
    });
    expect(created.status()).toBe(201);
    const paperDraft = (await created.json()) as { id: number; version: number };
    await officer.context().close();

    const h = await signInWatched('lanhdao.luongdien');
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
    const match = /^(\d+)\/KH-UBND$/.exec(documentNumber);
    expect(match).not.toBeNull();
    const n = Number(match?.[1]);
    const pad = (k: number) => String(k).padStart(2, '0');
    const recorded = await page.request.post(
      `${site.url}/api/plans/${paperDraft.id}/record-issued`,
      {
        data: {
          version: paperDraft.version,
          documentNumber: `${n + 2}/KH-UBND`,
          issuedOn: vietnamDate(new Date()),
        },
      },
    );
    expect(recorded.status()).toBe(200);

    await page.goto(`${site.url}/document-register`);
    await page.getByRole('heading', { name: 'Sổ văn bản đi' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(documentNumber) });
    await row.getByText('Đã ban hành').waitFor();
    await row.getByRole('link', { name: /trên địa bàn xã/i }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(`${pad(n + 1)}/KH-UBND`) })
      .getByText('Số bỏ trống')
      .waitFor();
    const paper = page.getByRole('row', { name: new RegExp(`${pad(n + 2)}/KH-UBND`) });
    await paper.getByRole('link', { name: /Chuyển đổi số quốc gia/ }).waitFor();
    await page.getByText(/có 1 số bỏ trống/).waitFor();
    await shot(page, 'gap-1366');
    // The head reads the register but does not keep it: no cancel button.
    expect(await page.getByRole('button', { name: 'Hủy số' }).count()).toBe(0);
    await closeClean(h, 'sổ văn bản đi (thủ trưởng)');
  });

  it('lets the commune’s officer cancel the number with a reason, kept in the register', async () => {
    const o = await signInWatched('thidua.luongdien');
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
    await expect.poll(() => dialog.getByText('Vui lòng nhập lý do').count()).toBe(0);
    await shot(page, 'cancel-dialog-1366');
    await dialog.getByRole('button', { name: 'Hủy số' }).click();
    await page.getByText(`Đã hủy số ${documentNumber}.`).waitFor();
    await row.getByText('Đã hủy số').waitFor();
    await row.getByText(/Lý do: Văn bản ký nhầm, đã thu hồi/).waitFor();
    expect(await row.getByRole('button', { name: 'Hủy số' }).count()).toBe(0);
    await shot(page, 'cancelled-1366');
    await page.setViewportSize({ width: 375, height: 800 });
    // The phone layout: one column per entry.
    await page.getByRole('columnheader', { name: 'Văn bản' }).waitFor();
    await page.getByText(/Lý do: Văn bản ký nhầm, đã thu hồi/).waitFor();
    await shot(page, 'cancelled-375');
    await closeClean(o, 'hủy số trong sổ văn bản đi');
  });
});
