import { describe, expect, it } from 'vitest';
import { closeClean, screenshots, setDate, useSite, vnDate } from './session';

/**
 * Issuing plans in Chromium against the real server and demo data (issue 9, items 1 and 7): the
 * seed 000 draft of Xã Lương Đien (2023 dates) warns before it is issued and takes the officer to
 * its dates; once fixed, the head issues it into "Đang triển khai".
 */

const site = useSite();
const shot = screenshots();
let draftUrl = '';

/** Signs in with the console watched: every page visited must keep a clean console. */
const signIn = (username: string) => site.signIn(username, { watch: true });

describe('issuing a plan whose dates are past (seed 000, Chromium)', () => {
  it('warns the head in the issue dialog and will not issue until acknowledged', async () => {
    const s = await signIn('lanhdao.luongdien');
    const { page } = s;
    const res = await page.request.get(`${site.url}/api/plans?search=tren dia ban xa nam 2023`);
    const list = (await res.json()) as { items: { id: number; status: string }[] };
    const draft = list.items.find((p) => p.status === 'draft');
    expect(draft).toBeDefined();
    draftUrl = `${site.url}/plans/${draft?.id}`;
    await page.goto(draftUrl);
    // The draft page says it before the dialog is even opened.
    await page.locator('.plan-past-dates-draft').waitFor();
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Ngày của kế hoạch đã qua').waitFor();
    await dialog
      .getByText(
        'Thời gian kết thúc đã qua (31/12/2023): ban hành hôm nay, kế hoạch sẽ chuyển ngay sang "Đang sơ kết, tổng kết" và không nhận đăng ký thi đua.',
      )
      .waitFor();
    await dialog
      .getByText(
        'Ban hành hôm nay: kế hoạch ở trạng thái "Đang sơ kết, tổng kết" và không nhận đăng ký thi đua.',
      )
      .waitFor();
    // The head cannot edit the draft: the dialog says who can, and issuing waits for the tick.
    await dialog
      .getByText('Cán bộ thi đua của đơn vị sửa được các ngày này trong dự thảo.')
      .waitFor();
    const ok = dialog.getByRole('button', { name: 'Ban hành' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog
      .getByRole('checkbox', { name: 'Tôi đã hiểu, vẫn ban hành với các ngày này' })
      .check();
    expect(await ok.isDisabled()).toBe(false);
    await shot(page, 'issue-dialog-past-dates-1366');
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'issue-dialog-past-dates-375');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await closeClean(s, 'hộp thoại ban hành, ngày đã qua');
  });

  it('takes the officer to the dates; once fixed, the head issues it into "Đang triển khai"', async () => {
    const o = await signIn('thidua.luongdien');
    const officer = o.page;
    await officer.goto(draftUrl);
    const banner = officer.locator('.plan-past-dates-draft');
    await banner.waitFor();
    await shot(officer, 'draft-past-dates-1366');
    await officer.setViewportSize({ width: 375, height: 800 });
    await shot(officer, 'draft-past-dates-375');
    await banner.getByRole('button', { name: 'Sửa ngày trong dự thảo' }).click();
    const end = officer.getByLabel('Kết thúc', { exact: true });
    await expect.poll(() => end.evaluate((el) => el === document.activeElement)).toBe(true);
    await setDate(officer, 'Bắt đầu', vnDate(0));
    await setDate(officer, 'Kết thúc', vnDate(60));
    await setDate(officer, 'Hạn đăng ký thi đua', vnDate(20));
    await officer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await officer.getByText('Đã lưu dự thảo.').waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await closeClean(o, 'sửa ngày dự thảo');

    const h = await signIn('lanhdao.luongdien');
    const head = h.page;
    await head.goto(draftUrl);
    await head.getByRole('button', { name: 'Ban hành' }).first().click();
    const dialog = head.getByRole('dialog');
    await dialog
      .getByText(
        `Ban hành hôm nay: kế hoạch ở trạng thái "Đang triển khai", nhận đăng ký thi đua đến ${vnDate(20)} (còn 20 ngày).`,
      )
      .waitFor();
    expect(await dialog.locator('.plan-past-dates-dialog').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await head.getByText('Đang triển khai').first().waitFor();
    await closeClean(h, 'ban hành');
  });
});

describe('a commune plan started from the district plan (Chromium)', () => {
  let childUrl = '';

  it('speaks the commune level and has the officer review each carried-over section', async () => {
    const s = await signIn('thidua.thaibinh');
    const { page } = s;
    const res = await page.request.get(
      `${site.url}/api/plans?search=chuyen doi so tren dia ban huyen`,
    );
    const list = (await res.json()) as {
      items: { id: number; status: string; parentPlanId: number | null }[];
    };
    // The district's own plan (its communes' plans, issued under the district, match the words too).
    const parent = list.items.find((p) => p.status === 'in_progress' && p.parentPlanId === null);
    expect(parent).toBeDefined();
    await page.goto(`${site.url}/plans/${parent?.id}`);
    await page.getByRole('tab', { name: 'Cấp dưới' }).click();
    await page
      .getByRole('button', { name: /Xây dựng kế hoạch của/ })
      .first()
      .click();
    await page.waitForURL(
      (u) => /\/plans\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${parent?.id}`),
    );
    childUrl = page.url();
    const title = page.getByLabel('Trích yếu (tên kế hoạch)');
    await expect.poll(() => title.inputValue()).toMatch(/trên địa bàn xã năm \d{4}$/);
    const detail = (await (
      await page.request.get(`${site.url}/api${new URL(childUrl).pathname}`)
    ).json()) as {
      content: { rewards: { issuerTitle: string }[]; participants: { collectives: string[] } };
      carriedSections: { section: string }[];
    };
    expect(detail.content.rewards.map((r) => r.issuerTitle)).toEqual([
      'Chủ tịch UBND xã',
      'Chủ tịch UBND xã',
    ]);
    expect(detail.content.participants.collectives).toContain('Văn phòng HĐND và UBND');
    const total = detail.carriedSections.length;
    const banner = page.locator('.plan-carried-banner');
    await banner
      .getByText(`Còn ${total} phần mang sang từ kế hoạch cấp trên chưa xem lại`)
      .waitFor();
    await shot(page, 'child-carried-1366');
    await page.getByRole('button', { name: 'Đã xem lại: Nội dung thi đua', exact: true }).click();
    await banner
      .getByText(`Còn ${total - 1} phần mang sang từ kế hoạch cấp trên chưa xem lại`)
      .waitFor();
    await page.locator('.plan-section-contents').getByText('Đã xem lại').waitFor();
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, 'child-carried-375');
    await closeClean(s, 'kế hoạch xã, xem lại phần mang sang');
  });

  it('warns the head about unreviewed sections before issuing', async () => {
    const s = await signIn('lanhdao.thaibinh');
    const { page } = s;
    await page.goto(childUrl);
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    const dialog = page.getByRole('dialog');
    const warning = dialog.locator('.plan-unreviewed-dialog');
    await warning.getByText(/^Còn \d+ phần mang sang từ kế hoạch cấp trên chưa xem lại$/).waitFor();
    const ok = dialog.getByRole('button', { name: 'Ban hành' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Vẫn ban hành khi chưa xem lại hết' }).check();
    await shot(page, 'issue-dialog-unreviewed-1366');
    await ok.click();
    await page.getByText('Đang triển khai').first().waitFor();
    await closeClean(s, 'ban hành khi chưa xem lại hết');
  });
});
