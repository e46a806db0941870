import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness';

/**
 * Golden flow of the foundation, in a real Chromium against the real server with its embedded
 * PostgreSQL and demo data: an officer of Xã Lương Điền logs in, browses the tree, finds a person
 * typed without accents, imports an .xlsx, then sees the new rows and their audit entries.
 */

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** A link of the main menu (the home page's quick links carry the same names). */
const menu = (name: string) =>
  page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name });
const shots = process.env.E2E_SCREENSHOTS;

async function shot(name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function peopleWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow([
    'ID',
    'Họ và tên (*)',
    'Giới tính',
    'Năm sinh',
    'Đối tượng (*)',
    'Chức vụ',
    'Mã đơn vị',
    'Đơn vị (*)',
    'Email',
    'Số điện thoại',
  ]);
  ws.addRow([
    '',
    'Trịnh Thị Nhập Khẩu',
    'Nữ',
    1992,
    'Công chức',
    'Công chức tiếp nhận và trả kết quả',
    '',
    'Bộ phận tiếp nhận và trả kết quả',
    '',
    '0912000111',
  ]);
  ws.addRow([
    '',
    'Quách Văn Nhập Khẩu',
    'Nam',
    1987,
    'Viên chức',
    'Viên chức văn hóa',
    '',
    'Xã Lương Điền › Văn phòng HĐND và UBND',
    'quach@luongdien.gov.vn',
    '',
  ]);
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-xlsx-')),
    'can-bo-luong-dien.xlsx',
  );
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  server = await startServer();
  ({ browser, context } = await launchBrowser());
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation golden flow (Chromium)', () => {
  it('logs in as the commune emulation officer', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByText('thidua.luongdien').count()).toBeGreaterThan(0); // demo accounts card
    await page.getByLabel('Tên đăng nhập').fill('thidua.luongdien');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' })
      .waitFor();
    await page.getByLabel('Mật khẩu').fill('demo');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByText('Phạm Thị Hương').first().waitFor();
    await shot('01-home');
  });

  it('browses the unit tree of its own commune only', async () => {
    await menu('Cơ cấu tổ chức').click();
    const tree = page.getByRole('tree', { name: 'Cây đơn vị' });
    await tree.getByText('Xã Lương Điền').first().waitFor();
    expect(await tree.getByText('Tỉnh Tây Ninh').count()).toBe(0);
    await tree.getByText('Xã Lương Điền').first().click(); // selects: the detail panel opens
    await page
      .getByRole('heading', { name: 'Xã Lương Điền' })
      .or(page.getByText('Số đơn vị trực thuộc'))
      .first()
      .waitFor();
    await tree.locator('.ant-tree-switcher').first().click(); // expands: children load lazily
    await tree.getByText('Văn phòng HĐND và UBND').waitFor();
    await tree.getByText('Bộ phận tiếp nhận và trả kết quả').waitFor();
    await shot('02-units');
  });

  it('finds a person typed without accents', async () => {
    await menu('Cán bộ công chức').click();
    await page.getByLabel('Tìm theo họ tên').fill('nguyen van an');
    await page.getByRole('cell', { name: 'Nguyễn Văn An' }).waitFor();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await shot('03-people-search');
  });

  it('imports an .xlsx with a progress bar and shows the new rows', async () => {
    await menu('Nhập/Xuất Excel').click();
    await page.getByLabel('Đơn vị phạm vi').click();
    await page.keyboard.type('luong dien');
    await page.locator('.ant-select-tree-title', { hasText: 'Xã Lương Điền' }).first().click();
    await page.locator('input[type=file]').setInputFiles(await peopleWorkbook());
    await page.getByRole('button', { name: /Nhập dữ liệu|Bắt đầu nhập/ }).click();
    await page
      .getByText('Nhập thành công: 2 bản ghi tạo mới, 0 bản ghi cập nhật.')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('progressbar').count()).toBeGreaterThan(0);
    await shot('04-import-done');
    await menu('Cán bộ công chức').click();
    await page.getByLabel('Tìm theo họ tên').fill('nhap khau');
    await page.getByRole('cell', { name: 'Quách Văn Nhập Khẩu' }).waitFor();
    await page.getByRole('cell', { name: 'Trịnh Thị Nhập Khẩu' }).waitFor();
    await shot('05-imported-people');
  });

  it('shows the import in the audit trail', async () => {
    await menu('Nhật ký thay đổi').click();
    await page.waitForURL(/\/audit/);
    const row = page.locator('tbody tr', { hasText: 'Quách Văn Nhập Khẩu' }).first();
    await row.waitFor();
    await row.getByText('Nhập Excel').waitFor();
    await row.locator('button, .ant-table-row-expand-icon').first().click(); // before/after values
    await page.getByText('quach@luongdien.gov.vn').first().waitFor();
    await shot('06-audit');
  });

  it('refuses the login page bypass: the API rejects the logged-out session', async () => {
    const res = await page.request.post(`${server.url}/api/auth/logout`);
    expect(res.status()).toBe(204);
    const me = await page.request.get(`${server.url}/api/auth/me`);
    expect(me.status()).toBe(200);
    expect(await me.json()).toEqual({ user: null });
    const todo = await page.request.get(`${server.url}/api/me/todo`);
    expect(todo.status()).toBe(401);
  });
});
