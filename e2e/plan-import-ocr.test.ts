import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeClean, screenshots, seedText, useSite } from './session';

/**
 * Seed 003 (OCR, without accents) imported by the officer of Phường Tiền Thành: the review shows
 * each doubtful value with its reason; the draft keeps the marks until they are confirmed.
 */

const seed003 = seedText('003_2f885082b70e80f8.txt');
const site = useSite();
const shot = screenshots();
/** Signs in with the console watched: the import pages must keep a clean console. */
const signIn = (username: string, width = 1366) => site.signIn(username, { width, watch: true });

const countOf = async (page: Page, testId: string) =>
  Number(/(\d+)/.exec(await page.getByTestId(testId).locator('.ant-alert-title').innerText())?.[1]);

describe('importing an OCR plan (Chromium)', () => {
  it('shows the doubtful values, keeps them marked on the draft until confirmed', async () => {
    const s = await signIn('thidua.tienthanh');
    const { page } = s;
    await page.goto(`${site.url}/plans/import`);
    await page.getByRole('tab', { name: 'Dán văn bản' }).click();
    await page.getByRole('textbox').first().fill(seed003);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    const doubts = page.getByTestId('import-doubts');
    await doubts.waitFor({ timeout: 30_000 });
    await doubts.getByText('Trích yếu', { exact: true }).waitFor();
    const before = await countOf(page, 'import-doubts');
    expect(before).toBeGreaterThan(10);
    await shot(page, 'import-review-1366', false);

    // Correcting the title into good Vietnamese clears its mark; keeping one value confirms it.
    const title = page.getByLabel('Trích yếu', { exact: true });
    await title.fill('Phát động phong trào thi đua cải cách hành chính năm 2026');
    await expect.poll(() => countOf(page, 'import-doubts')).toBe(before - 1);
    await doubts.getByRole('button', { name: 'Giữ nguyên', exact: true }).first().click();
    await expect.poll(() => countOf(page, 'import-doubts')).toBe(before - 2);

    await page.getByRole('button', { name: 'Tạo dự thảo' }).last().click();
    await page.waitForURL(/\/plans\/\d+$/, { timeout: 30_000 });
    const planDoubts = page.getByTestId('plan-doubts');
    await planDoubts.waitFor();
    expect(await countOf(page, 'plan-doubts')).toBe(before - 2);
    await shot(page, 'draft-doubts-1366', false);

    await planDoubts.getByRole('button', { name: 'Giữ nguyên tất cả' }).click();
    await page.getByRole('button', { name: 'Giữ nguyên tất cả' }).last().click();
    await planDoubts.waitFor({ state: 'detached' });
    await closeClean(s, 'nhập kế hoạch OCR');
  });

  it('lays out the review on a phone', async () => {
    const s = await signIn('thidua.tienthanh', 375);
    const { page } = s;
    await page.goto(`${site.url}/plans/import`);
    await page.getByRole('tab', { name: 'Dán văn bản' }).click();
    await page.getByRole('textbox').first().fill(seed003);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    await page.getByTestId('import-doubts').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-doubts').scrollIntoViewIfNeeded();
    await shot(page, 'import-review-375', false);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await closeClean(s, 'nhập kế hoạch OCR trên điện thoại');
  });
});
