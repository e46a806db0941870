import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshots, seedText, setDate, useSite } from './session';

/**
 * Golden flow of campaign plans in Chromium against the real server and demo data: the district
 * officer of Châu Thành imports seed 001, corrects a field and requires the communes to follow;
 * the district head issues it; the officer of Xã Thái Bình starts the commune's plan from the
 * cascade board; the district sees its board change; the issued plan downloads as .docx.
 */

const seed001 = seedText('001_584ab46066cf9e5a.txt');

const site = useSite();
const { signIn } = site;
let planUrl = '';
let documentNumber = '';
const shot = screenshots('plans-');

async function cascadeCounts(page: Page) {
  await page.getByRole('tab', { name: 'Cấp dưới' }).click();
  const card = (label: string) =>
    page.locator('.ant-statistic', { hasText: label }).locator('.ant-statistic-content');
  await card('Chưa có').waitFor();
  const value = async (label: string) => (await card(label).innerText()).replace(/\s+/g, '');
  return {
    issued: await value('Đã ban hành'),
    draft: await value('Đang dự thảo'),
    missing: await value('Chưa có'),
  };
}

describe('campaign plan golden flow (Chromium)', () => {
  it('imports seed 001, corrects the end of the period and creates a draft', async () => {
    const page = await signIn('thidua.chauthanh');
    await page.goto(`${site.url}/plans/import`);
    await page.getByRole('tab', { name: 'Dán văn bản' }).click();
    await page.getByRole('textbox').first().fill(seed001);
    await page.getByRole('button', { name: 'Đọc văn bản' }).click();
    const title = page.getByLabel('Trích yếu', { exact: true });
    await expect
      .poll(() => title.inputValue(), { timeout: 30_000 })
      .toContain('Phát động phong trào thi đua thực hiện nhiệm vụ cải cách hành chính');
    // The excerpt the date came from is shown beside it.
    await page.getByText('ngày 18 tháng 02 năm 2022').first().waitFor();
    await setDate(page, 'Thời gian kết thúc', '31/12/2027');
    await shot(page, '01-import-review');
    await page.getByRole('button', { name: 'Tạo dự thảo' }).last().click();
    await page.waitForURL(/\/plans\/\d+$/);
    planUrl = page.url();
    await page.getByText('Dự thảo').first().waitFor();

    // Require every commune and township to issue its own plan, by a date still ahead.
    await page.getByText('Kế hoạch của đơn vị cấp dưới').click();
    await page.getByRole('button', { name: /Chọn tất cả xã\/phường/ }).click();
    const year = new Date().getFullYear() + 1;
    await setDate(page, 'Hạn ban hành kế hoạch cấp dưới', `28/02/${year}`);
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page
      .getByText(/Đã lưu/)
      .first()
      .waitFor();
    await shot(page, '02-draft');
    await page.context().close();
  });

  it('is issued by the district head with the next number of the year', async () => {
    const page = await signIn('lanhdao.chauthanh');
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
    const number = page.getByText(/Số \d{2}\/KH-UBND/).first();
    await number.waitFor();
    documentNumber = /(\d{2}\/KH-UBND)/.exec(await number.innerText())?.[1] ?? '';
    expect(documentNumber).toMatch(/^\d{2}\/KH-UBND$/);
    await page.getByText('Đang triển khai').first().waitFor();
    expect(await cascadeCounts(page)).toEqual({
      issued: '0/6',
      draft: '0/6',
      missing: '6/6',
    });
    await shot(page, '03-issued-cascade');
    await page.context().close();
  });

  it('lets the commune officer start its own plan from the cascade board, pre-filled', async () => {
    const page = await signIn('thidua.thaibinh');
    await page.goto(planUrl);
    await page.getByRole('tab', { name: 'Cấp dưới' }).click();
    await page
      .getByRole('button', { name: /Xây dựng kế hoạch của/ })
      .first()
      .click();
    await page.waitForURL((u) => u.href !== planUrl && /\/plans\/\d+$/.test(u.pathname));
    await page.getByText('Căn cứ').first().click();
    await expect
      .poll(async () => (await page.content()).includes(`Kế hoạch số ${documentNumber}`))
      .toBe(true);
    await shot(page, '04-child-draft');
    await page.context().close();
  });

  it('shows the district its board changed, and downloads the issued plan as .docx', async () => {
    const page = await signIn('thidua.chauthanh');
    await page.goto(planUrl);
    expect(await cascadeCounts(page)).toEqual({
      issued: '0/6',
      draft: '1/6',
      missing: '5/6',
    });
    const row = page.locator('tr', { hasText: 'Xã Thái Bình' });
    await row.getByText('Đang dự thảo').waitFor();
    await shot(page, '05-board-changed');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải .docx' }).click(),
    ]);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`Số: ${documentNumber}`);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('cải cách hành chính');
    expect(text).toContain('Nơi nhận:');
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await page.context().close();
  });

  it('publishes the issued plan on the public pages without login', async () => {
    const context = await site.browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${site.url}/cong-khai`);
    await page.getByText(documentNumber).first().waitFor();
    await context.close();
  });
});
