import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, useSite } from './session';

/**
 * Award history in Chromium against the real server (issue 12, item 10): the emulation officer
 * imports past awards on the unit page (a bad file shows its row errors and writes nothing, the
 * corrected one is taken), the person page shows the awards by year with the suggestion "2 năm
 * liên tục CSTĐCS → Bằng khen", and the discipline tab explains a pending investigation; staff
 * see the history but not the discipline tab.
 */

const site = useSite();
const take = screenshots('honours-');
/** Screenshots after the tab's animation has settled. */
const shot = async (page: Page, name: string, fullPage = true) => {
  await page.waitForTimeout(500);
  await take(page, name, fullPage);
};

const HEADERS = [
  'Đối tượng (*)',
  'Mã cán bộ',
  'Họ và tên',
  'Mã đơn vị',
  'Đơn vị',
  'Hình thức (*)',
  'Năm (*)',
  'Giai đoạn',
  'Số quyết định',
  'Ngày quyết định',
  'Cơ quan ban hành',
  'Thành tích',
  'Số tiền (đồng)',
];

async function workbook(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Khen thưởng đã nhận');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'honours-')), name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${site.url}${url}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

describe('Khen thưởng đã nhận (Chromium)', () => {
  it('imports past awards with row errors, suggests from history and explains a block', async () => {
    const page = await site.signIn('thidua.luongdien');
    const people = await json<{ items: { id: number; fullName: string; unitId: number }[] }>(
      page,
      '/api/people?search=nguyen%20van%20an&pageSize=5',
    );
    const person = people.items.find((p) => p.fullName === 'Nguyễn Văn An');
    if (person === undefined) throw new Error('demo person Nguyễn Văn An not found');

    const row = (year: number, form: string, decision: string) => [
      'Cá nhân',
      person.id,
      'Nguyễn Văn An',
      '',
      '',
      form,
      year,
      '',
      decision,
      `15/01/${year + 1}`,
      'Chủ tịch UBND xã Lương Điền',
      `Hoàn thành xuất sắc nhiệm vụ năm ${year}`,
      '',
    ];
    const bad = await workbook('loi.xlsx', [
      row(2024, 'Chiến sĩ thi đua cơ sở', '12/QĐ-UBND'),
      [
        'Cá nhân',
        '',
        'Người Không Có',
        person.unitId,
        '',
        'Giấy khen',
        2023,
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      row(2025, '', '10/QĐ-UBND'),
    ]);
    const good = await workbook('dung.xlsx', [
      row(2024, 'Chiến sĩ thi đua cơ sở', '12/QĐ-UBND'),
      row(2025, 'Chiến sĩ thi đua cơ sở', '10/QĐ-UBND'),
      row(2022, 'Lao động tiên tiến', '08/QĐ-UBND'),
      [
        'Cá nhân',
        person.id,
        '',
        '',
        '',
        'Huy hiệu Tuổi trẻ sáng tạo',
        2021,
        '',
        '',
        '',
        'Tỉnh đoàn',
        '',
        '',
      ],
      [
        'Tập thể',
        '',
        '',
        person.unitId,
        '',
        'Tập thể lao động xuất sắc',
        2025,
        '',
        '10/QĐ-UBND',
        '15/01/2026',
        'Chủ tịch UBND xã Lương Điền',
        '',
        '',
      ],
    ]);

    await page.goto(`${site.url}/units/${person.unitId}`);
    await page.getByRole('tab', { name: 'Khen thưởng đã nhận' }).click();
    await page.getByRole('button', { name: 'Nhập khen thưởng từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập khen thưởng đã nhận từ Excel' });
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await dialog.getByText(/Tệp có 2 lỗi ở 2 dòng\. Không có dữ liệu nào được ghi/).waitFor();
    await dialog
      .getByRole('cell', { name: /không có cán bộ "Người Không Có" trong đơn vị/ })
      .waitFor();
    await dialog.getByRole('cell', { name: 'không được để trống' }).waitFor();
    await shot(page, 'import-errors-1366', false);

    await dialog.locator('input[type=file]').setInputFiles(good);
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await dialog
      .getByText(
        'Đã nhập 5 khen thưởng từ 5 dòng (1 hình thức ngoài danh mục được ghi nguyên văn).',
      )
      .waitFor();
    await shot(page, 'import-done-1366', false);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Tập thể lao động xuất sắc', { exact: true }).waitFor();
    await shot(page, 'unit-1366');

    const pending = await page.request.post(
      `${site.url}/api/people/${person.id}/discipline-records`,
      {
        data: {
          kind: 'complaint',
          fromDate: '2026-10-01',
          reason: 'Đơn khiếu nại về kết quả giải quyết hồ sơ đang được xem xét',
          decisionRef: 'Đơn ngày 01/10/2026',
        },
      },
    );
    expect(pending.status()).toBe(201);

    await page.goto(`${site.url}/people/${person.id}`);
    await page.getByRole('tab', { name: 'Khen thưởng đã nhận' }).click();
    await page
      .getByText(
        '2 năm liên tục Chiến sĩ thi đua cơ sở (2024, 2025) → đề xuất Bằng khen của Chủ tịch UBND tỉnh.',
      )
      .waitFor();
    await page.getByRole('cell', { name: 'ngoài danh mục' }).waitFor();
    await shot(page, 'person-1366');
    await page.getByRole('tab', { name: 'Kỷ luật' }).click();
    await page.getByText('Chưa được khen thưởng tại thời điểm này').waitFor();
    await page.getByText(/Khiếu nại, tố cáo đang xem xét \(Đơn ngày 01\/10\/2026\)/).waitFor();
    await shot(page, 'discipline-1366');

    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'discipline-375');
    await page.getByRole('tab', { name: 'Khen thưởng đã nhận' }).click();
    await page.getByText(/2 năm liên tục Chiến sĩ thi đua cơ sở/).waitFor();
    await shot(page, 'person-375');
    await page.context().close();

    const staff = await site.signIn('canbo.luongdien');
    await staff.goto(`${site.url}/people/${person.id}`);
    await staff.getByRole('tab', { name: 'Khen thưởng đã nhận' }).click();
    await staff.getByText(/2 năm liên tục Chiến sĩ thi đua cơ sở/).waitFor();
    expect(await staff.getByRole('tab', { name: 'Kỷ luật' }).count()).toBe(0);
    expect(await staff.getByRole('button', { name: 'Thêm khen thưởng' }).count()).toBe(0);
    await staff.context().close();
  });
});
