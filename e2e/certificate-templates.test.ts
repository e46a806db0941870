import { describe, expect, it } from 'vitest';
import { closeClean, screenshots, useSite } from './session';

/**
 * The page "Mẫu giấy khen" in Chromium against the real server (issue 12, item 8): the commune's
 * officer creates a template for pre-printed blanks, moves the recipient's name 5 mm right with
 * a larger font, sees the PDF preview in a frame, saves, finds it again after a reload and
 * deletes it; on a phone the page stacks the editor over the preview.
 */

const site = useSite();
const shot = screenshots('certificate-templates-');

describe('Mẫu giấy khen (Chromium)', () => {
  it('creates, previews, reloads and deletes a template for pre-printed blanks', async () => {
    const s = await site.signIn('thidua.luongdien', { watch: true });
    const { page } = s;
    await page.getByRole('menuitem', { name: 'Mẫu giấy khen' }).click();
    await page.getByRole('heading', { name: 'Mẫu giấy khen' }).waitFor();

    await page.getByLabel('Tên mẫu').fill('Phôi Giấy khen 2026');
    await page.getByLabel('Mã hình thức').fill('gk_ct_xa');
    await page.getByLabel('Tên người / tập thể được khen: lệch ngang').fill('5');
    await page.getByLabel('Tên người / tập thể được khen: cỡ chữ').fill('26');
    // Blank mode (the default) marks the lines the blank already carries.
    expect(await page.getByText('in sẵn trên phôi').count()).toBe(6);
    const frame = page.locator('iframe[title="Xem trước giấy khen"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/certificate-templates') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Lưu mẫu' }).click();
    expect((await saved).status()).toBe(201);
    await page.getByText('Đã lưu mẫu in giấy khen.').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    // Chromium's PDF viewer paints the frame a moment after it loads (screenshot only).
    await page.waitForTimeout(1500);
    await shot(page, '1366', false);

    await page.reload();
    await page.getByRole('heading', { name: 'Mẫu giấy khen' }).waitFor();
    await page.getByLabel('Chọn mẫu').click();
    await page.getByTitle(/Phôi Giấy khen 2026/).click();
    await expect
      .poll(() => page.getByLabel('Tên người / tập thể được khen: lệch ngang').inputValue())
      .toBe('5');
    expect(await page.getByLabel('Mã hình thức').inputValue()).toBe('GK_CT_XA');

    await page.getByRole('button', { name: 'Xóa' }).click();
    const removed = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await page.getByRole('button', { name: 'Xóa', exact: true }).last().click();
    expect((await removed).status()).toBe(204);
    await closeClean(s, 'certificate templates');

    const phone = await site.signIn('thidua.luongdien', { width: 375, phone: true });
    await phone.goto(`${site.url}/certificate-templates`);
    await phone.getByRole('heading', { name: 'Mẫu giấy khen' }).waitFor();
    await phone.locator('iframe[title="Xem trước giấy khen"]').waitFor();
    await shot(phone, '375', false);
    await phone.context().close();
  });
});
