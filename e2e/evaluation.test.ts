import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness';
import { fullMarks, leavesOf, pdf, type Node } from './evaluation-helpers';
import { screenshots, setDate, signInTo } from './session';

/**
 * Seed 002 end to end in Chromium: Huyện An Biên's plan 49/KH-UBND (registration by 31/7/2020)
 * replayed on a test clock (CLOCK_START) in 2020. The one-stop unit of Thị trấn Thứ Ba registers
 * on time and is approved; after the deadline a registration is refused by the server; the unit
 * self-assesses against the plan's criteria with evidence; an appraiser asks for an explanation,
 * the unit answers, the second appraisal closes it; survey points are imported; the results are
 * classified, ranked, published and shown on the public page.
 */

const shot = screenshots('seed002-');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-seed002-'));
const ONE_STOP = 'Bộ phận tiếp nhận và trả kết quả';
const PLAN_TITLE = /chuyên đề về thực hiện công tác cải cách hành chính năm 2020/;

let server: RunningServer;
let browser: Browser;
let clock = '';
const contexts = new Map<string, BrowserContext>();
let planUrl = '';
let sheetUrl = '';
/** The leaf scored by hand, questioned by the appraiser and explained (a tiered % leaf). */
let leafCode = '';
let leafNodeId = '';

/** (Re)starts the server with its clock at `at` on the same data directory. */
async function serverAt(at: string) {
  await server?.stop();
  server = await startServer({ CLOCK_START: at, LOGIN_RATE_LIMIT_PER_MINUTE: '100' }, dataDir);
  clock = at;
  // Days pass between the steps, so every session has expired: sign in again.
  for (const c of contexts.values()) await c.close();
  contexts.clear();
}

const signIn = signInTo(() => ({ browser, url: server.url }));

/** A signed-in page of `username`, whose browser clock reads the server's test date. */
async function as(username: string): Promise<Page> {
  const context = contexts.get(username);
  if (context === undefined) {
    const page = await signIn(username, { clock });
    contexts.set(username, page.context());
    return page;
  }
  for (const p of context.pages()) await p.close();
  return context.newPage();
}

async function api<T>(page: Page, method: 'GET' | 'PUT' | 'POST', url: string, data?: unknown) {
  const res = await page.request.fetch(`${server.url}${url}`, { method, data });
  const body = (await res.json()) as T;
  return { status: res.status(), body };
}

beforeAll(async () => {
  ({ browser } = await launchBrowser());
  await serverAt('2020-07-25T02:00:00Z');
});

// A failing step prints what each open page was saying (messages, alerts) and, with
// E2E_SCREENSHOTS set, leaves a picture of it.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [user, c] of contexts)
    for (const [i, p] of c.pages().entries()) {
      const said = await p
        .locator('.ant-message-notice, [role="alert"]')
        .allInnerTexts()
        .catch(() => []);
      console.error(`[${user}] ${p.url()}\n  ${said.join('\n  ') || '(no message on screen)'}`);
      await shot(p, `failed-${user}-${i}`, false);
    }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('seed 002: registration, self-assessment, appraisal and results (Chromium)', () => {
  it('registers the one-stop unit of Thị trấn Thứ Ba before 31/7/2020', async () => {
    const page = await as('thidua.thuba');
    await page.goto(`${server.url}/plans`);
    await page.getByRole('link', { name: PLAN_TITLE }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    planUrl = new URL(page.url()).pathname;
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    const row = page.locator('tr', { hasText: ONE_STOP }).first();
    await row.getByRole('button', { name: 'Đăng ký' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đăng ký thi đua cho đơn vị' });
    await expect.poll(() => dialog.innerText()).toContain('hạn đăng ký 31/07/2020');
    await dialog.getByLabel('Danh hiệu, kết quả phấn đấu').fill('Tập thể xuất sắc về CCHC');
    await dialog
      .getByLabel('Chỉ tiêu')
      .fill('100% hồ sơ giải quyết đúng hạn\n100% thủ tục tiếp nhận trực tuyến');
    await dialog.getByLabel('Nhiệm vụ trọng tâm').fill('Số hóa hồ sơ, kết quả giải quyết TTHC');
    await dialog.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('tr', { hasText: ONE_STOP }).getByText('Chờ duyệt').first().waitFor();
    await shot(page, '01-registered');
  });

  it('is approved by the district officer, who binds the criteria and the deadline', async () => {
    const page = await as('thidua.anbien');
    await page.goto(`${server.url}${planUrl}`);
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    const row = page.locator('tr', { hasText: ONE_STOP }).filter({ hasText: 'Chờ duyệt' });
    await row.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Duyệt' }).click();
    await page.locator('tr', { hasText: ONE_STOP }).getByText('Đã duyệt').first().waitFor();

    await page.getByRole('tab', { name: 'Đánh giá', exact: true }).click();
    await page.getByRole('button', { name: /Chọn bộ tiêu chí|Sửa/ }).click();
    await page.getByLabel('Bộ tiêu chí đánh giá (đã ban hành)').click();
    await page.locator('.ant-select-item-option', { hasText: 'minh họa' }).first().click();
    await setDate(page, 'Hạn nộp tự đánh giá', '30/11/2020');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('30/11/2020').first().waitFor();
    await shot(page, '02-criteria-bound');
  });

  it('refuses a registration after 31/7/2020 on the server', async () => {
    await serverAt('2020-08-03T02:00:00Z');
    const page = await as('thidua.thuba');
    await page.goto(`${server.url}${planUrl}`);
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    // The screen no longer offers it …
    await page.getByText('Đã hết hạn').first().waitFor();
    expect(await page.getByRole('button', { name: 'Đăng ký cho đơn vị' }).count()).toBe(0);
    // … and the server refuses it when asked directly.
    const planId = /\/plans\/(\d+)/.exec(planUrl)?.[1] ?? '';
    const me = await api<{ grants: { unitId: number | null }[] }>(page, 'GET', '/api/auth/me');
    const unitId = me.body.grants.find((g) => g.unitId !== null)?.unitId;
    const late = await api<{ error: string; message: string }>(
      page,
      'POST',
      `/api/plans/${planId}/registrations`,
      {
        kind: 'collective',
        unitId,
        commitments: {
          targetTitle: 'Đăng ký muộn',
          targets: [],
          keyTasks: [],
          breakthroughTasks: [],
        },
      },
    );
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.body.error).toBe('DEADLINE_PASSED');
    expect(late.body.message).toMatch(/quá hạn đăng ký thi đua \(2020-07-31|31\/07\/2020/);
    await shot(page, '03-late-refused');
  });

  it('self-assesses the one-stop unit with evidence and submits', async () => {
    const page = await as('thidua.thuba');
    await page.goto(`${server.url}${planUrl}`);
    await page.getByRole('tab', { name: 'Đăng ký thi đua' }).click();
    await page
      .locator('tr', { hasText: ONE_STOP })
      .filter({ hasText: 'Đã duyệt' })
      .getByRole('button', { name: 'Tự đánh giá' })
      .click();
    await page.waitForURL(/\/score-sheets\/\d+$/);
    sheetUrl = new URL(page.url()).pathname;
    const sheetId = /(\d+)$/.exec(sheetUrl)?.[1] ?? '';
    const sheet = await api<{ tree: { fields: Node[] } }>(
      page,
      'GET',
      `/api/score-sheets/${sheetId}`,
    );
    const leaves = leavesOf(sheet.body.tree.fields);
    const byHand = leaves.find((l) => l.scoring?.method === 'tiered_percent');
    if (!byHand) throw new Error('the example criteria have no tiered leaf');
    leafCode = byHand.code;
    leafNodeId = byHand.id;

    // One leaf in the browser: the figure, its evidence file, save.
    await page.getByLabel(`Tự chấm mục ${byHand.code}`, { exact: true }).fill('100');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: `Tải tệp kiểm chứng cho mục ${byHand.code}` }).click(),
    ]);
    await chooser.setFiles({ name: 'bao-cao-tthc.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('Đã tải lên "bao-cao-tthc.pdf".').waitFor();
    await page.getByRole('button', { name: `Lưu mục ${byHand.code}` }).click();
    await page.getByText(`Đã lưu mục ${byHand.code}.`).waitFor();

    // The other leaves through the same API the screen uses (typing 100 rows adds nothing).
    for (const leaf of leaves) {
      const input = fullMarks(leaf);
      if (leaf.id === byHand.id || input === null) continue;
      const saved = await api(page, 'PUT', `/api/score-sheets/${sheetId}/self/${leaf.id}`, {
        input,
        note: 'Hồ sơ lưu tại Bộ phận một cửa thị trấn',
      });
      expect(saved.status, leaf.code).toBe(200);
    }
    await page.reload();
    await page.getByRole('button', { name: 'Nộp bản tự đánh giá' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp', exact: true }).click();
    await page.getByText('Đã nộp bản tự đánh giá.').waitFor();
    await shot(page, '04-self-submitted');
  });

  it('is appraised: one leaf lowered with a comment, the rest accepted, explanation asked', async () => {
    await serverAt('2020-12-07T02:00:00Z');
    const page = await as('hoidong.anbien');
    await page.goto(`${server.url}/evaluation`);
    await page.getByRole('link', { name: ONE_STOP }).first().click();
    await page.waitForURL(/\/score-sheets\/\d+$/);
    await page.getByRole('tab', { name: 'Thẩm định & giải trình' }).click();
    await page.getByLabel(`Thẩm định lần 1 mục ${leafCode}`, { exact: true }).fill('85');
    await page
      .getByLabel(`Nhận xét thẩm định mục ${leafCode}`)
      .fill('Báo cáo năm ghi 85% nhiệm vụ hoàn thành, chưa đủ 100%.');
    await page.getByRole('button', { name: `Lưu thẩm định mục ${leafCode}` }).click();
    await page.getByText(`Đã lưu thẩm định mục ${leafCode}: 1 điểm.`).waitFor();

    await page.getByTestId('appraisal-accept-self').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText(/Đã chấp nhận \d+ mục/).waitFor();

    await page.getByTestId('appraisal-request-explanation').click();
    const ask = page.getByRole('dialog', { name: /Đề nghị .* giải trình/ });
    await ask
      .getByLabel('Nội dung đề nghị giải trình')
      .fill('Đề nghị giải trình tỷ lệ hoàn thành kế hoạch CCHC, gửi kèm báo cáo có số liệu.');
    await ask.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.getByText('Đã gửi đề nghị giải trình cho đơn vị.').waitFor();
    await expect.poll(() => page.getByTestId('sheet-status').innerText()).toBe('Đang giải trình');
    await shot(page, '05-explanation-asked');
  });

  it('is explained by the unit with a new evidence file', async () => {
    const page = await as('thidua.thuba');
    await page.goto(`${server.url}${sheetUrl}`);
    await page.getByTestId('explanation-request').getByText('tỷ lệ hoàn thành kế hoạch').waitFor();
    await page
      .getByLabel(`Nội dung giải trình mục ${leafCode}`)
      .fill('Đã hoàn thành 20/20 nhiệm vụ; báo cáo bổ sung kèm theo.');
    await page.getByRole('button', { name: `Lưu giải trình mục ${leafCode}` }).click();
    await page.getByText(`Đã lưu giải trình mục ${leafCode}.`).waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page
        .getByRole('button', { name: `Tải tệp kiểm chứng cho mục ${leafCode}` })
        .first()
        .click(),
    ]);
    await chooser.setFiles({
      name: 'bao-cao-bo-sung.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    // The server's answer, not just the name in the upload list (shown while still uploading).
    await page.getByText('Đã tải lên "bao-cao-bo-sung.pdf".').waitFor();
    await page.getByTestId('explanation-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi giải trình.').waitFor();
    await shot(page, '06-explained');
  });

  it('gets a second appraisal that accepts the explanation and closes the sheet', async () => {
    const page = await as('hoidong.anbien');
    await page.goto(`${server.url}${sheetUrl}`);
    await page.getByRole('tab', { name: 'Thẩm định & giải trình' }).click();
    await page.getByText('Đã hoàn thành 20/20 nhiệm vụ').first().waitFor();
    await page.getByLabel(`Thẩm định lần 2 mục ${leafCode}`, { exact: true }).fill('100');
    await page
      .getByLabel(`Nhận xét thẩm định mục ${leafCode}`)
      .fill('Giải trình và báo cáo bổ sung đạt yêu cầu.');
    await page.getByRole('button', { name: `Lưu thẩm định mục ${leafCode}` }).click();
    await page.getByText(`Đã lưu thẩm định mục ${leafCode}: 2 điểm.`).waitFor();
    await page.getByTestId('appraisal-complete').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc thẩm định' }).click();
    await page.getByText('Đã kết thúc thẩm định.').waitFor();
    await expect.poll(() => page.getByTestId('sheet-status').innerText()).toBe('Đã thẩm định');
    // Every stage stays side by side: self 2, round 1 lowered to 1, round 2 back to 2.
    const row = page.locator(`[id="appraisal-leaf-${leafNodeId}"]`);
    await expect.poll(() => row.innerText()).toMatch(/−1|-1/);
    await shot(page, '07-appraised');
  });

  it('imports survey points, classifies, ranks and publishes; the public page shows it', async () => {
    const officer = await as('thidua.anbien');
    const planId = /\/plans\/(\d+)/.exec(planUrl)?.[1] ?? '';
    const template = await officer.request.get(
      `${server.url}/api/plans/${planId}/survey-scores/template.xlsx`,
    );
    expect(template.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await template.body()) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('empty survey template');
    const scoreCol = (ws.getRow(1).values as unknown[]).findIndex((v) =>
      String(v).startsWith('Điểm khảo sát'),
    );
    let rows = 0;
    ws.eachRow((r, n) => {
      if (n === 1) return;
      r.getCell(scoreCol).value = 95;
      rows++;
    });
    expect(rows).toBeGreaterThan(0);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    await officer.goto(`${server.url}${planUrl}`);
    await officer.getByRole('tab', { name: 'Kết quả', exact: true }).click();
    const [chooser] = await Promise.all([
      officer.waitForEvent('filechooser'),
      officer.getByRole('button', { name: 'Chọn tệp điểm khảo sát' }).click(),
    ]);
    await chooser.setFiles({
      name: 'khao-sat-sipas-2020.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    await officer.getByRole('button', { name: 'Nhập điểm' }).click();
    await officer.getByText(/Đã nhập \d+ điểm khảo sát cho 1 đơn vị/).waitFor();
    await officer.getByRole('button', { name: 'Tính kết quả' }).click();
    const ranking = officer.locator('tr', { hasText: ONE_STOP });
    await ranking.getByText('Xuất sắc').first().waitFor();
    await shot(officer, '08-results-computed');

    const head = await as('lanhdao.anbien');
    await head.goto(`${server.url}${planUrl}`);
    await head.getByRole('tab', { name: 'Kết quả', exact: true }).click();
    await head.getByRole('button', { name: /^\S*\s*Công bố$/ }).click();
    await head.getByRole('dialog').getByRole('button', { name: 'Công bố' }).click();
    await head.getByText('Đã công bố kết quả.').waitFor();

    const citizen = await browser.newContext({ locale: 'vi-VN' });
    const pub = await citizen.newPage();
    await pub.goto(`${server.url}/cong-khai/ke-hoach/${planId}`);
    const board = pub.getByRole('region', { name: 'Bảng xếp hạng' });
    const unitRow = board.locator('tr', { hasText: ONE_STOP });
    await unitRow.getByText('Xuất sắc').waitFor();
    await unitRow.getByText('Thị trấn Thứ Ba').waitFor(); // which one-stop unit it is
    expect(await unitRow.innerText()).toMatch(/\b1\b/);
    await shot(pub, '09-public');
    await citizen.close();
  });

  it("opens the plan's evaluation overview tab (the plan tab registry's dashboard)", async () => {
    const officer = await as('thidua.anbien');
    for (const width of [1366, 375]) {
      await officer.setViewportSize({ width, height: width > 600 ? 900 : 800 });
      await officer.goto(`${server.url}${planUrl}`);
      const tab = officer.getByRole('tab', { name: 'Tổng quan đánh giá', exact: true });
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      expect(new URL(officer.url()).searchParams.get('tab')).toBe('dashboard');
      const top = officer.locator('.ant-card', { hasText: '10 đơn vị dẫn đầu' });
      await top.locator('tr', { hasText: ONE_STOP }).getByText('Xuất sắc').waitFor();
      await shot(officer, `10-dashboard-${width}`);
    }
  });
  it("tries the plan's 20 % quota on the published results (what-if, nothing saved)", async () => {
    const officer = await as('thidua.anbien');
    for (const width of [1366, 375]) {
      await officer.setViewportSize({ width, height: width > 600 ? 900 : 800 });
      await officer.goto(`${server.url}${planUrl}`);
      await officer.getByRole('tab', { name: 'Hạn mức khen thưởng', exact: true }).click();
      await officer.locator('.ant-segmented').getByText('Tập thể', { exact: true }).click();
      const percent = officer.getByLabel('Tỷ lệ tối đa (%)');
      await percent.fill('20');
      // Seed 002: "Giấy khen tập thể: không quá 20%" of 1 qualifying unit → 0,2 → 0 seats.
      const row = officer.locator('tr', { hasText: ONE_STOP });
      await row.getByText('ngoài hạn mức 0 (20% của 1)', { exact: false }).waitFor();
      await percent.fill('100');
      await row.getByText('Trong hạn mức', { exact: true }).waitFor();
      await row.getByText('trong hạn mức 1 (100% của 1)', { exact: false }).waitFor();
      await officer.waitForTimeout(600); // the bar's fill animates
      await shot(officer, `11-quota-what-if-${width}`);
    }
  });
});
