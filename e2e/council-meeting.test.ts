import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, setDate, useSite, vnDate, callApi } from './session';

/**
 * The review meeting in Chromium against the real server (issue 12 item 4, decision 044): the
 * commune's emulation officer has a council of five (created over the API from demo people),
 * schedules a meeting on the council page, marks attendance on the meeting screen until the
 * live quorum is met, starts the meeting, enters the paper tally of the agenda item, closes the
 * meeting and downloads the biên bản họp xét, whose text carries the result on the whole
 * membership. Screenshots at 1366, 1024, 768 and 375 px.
 */

const site = useSite();
const take = screenshots('council-');

const api = <T>(page: Page, method: 'GET' | 'POST', url: string, data?: object) =>
  callApi<T>(site, page, method, url, data);

describe('Họp xét khen thưởng (Chromium)', () => {
  it('council → meeting → attendance (quorum met) → tally → close → minutes download', async () => {
    const page = await site.signIn('thidua.luongdien');
    const people = await api<{ items: { id: number; fullName: string; unitId: number }[] }>(
      page,
      'GET',
      '/api/people?pageSize=5',
    );
    expect(people.items.length).toBe(5);
    const unit = await api<{ path: { id: number; name: string }[] }>(
      page,
      'GET',
      `/api/units/${people.items[0]?.unitId}`,
    );
    const commune = unit.path.find((u) => u.name === 'Xã Lương Điền');
    if (commune === undefined) throw new Error('Xã Lương Điền not on the path');
    const roles = ['chair', 'vice_chair', 'secretary', 'member', 'member'];
    const council = await api<{ id: number }>(page, 'POST', '/api/councils', {
      unitId: commune.id,
      name: 'Hội đồng Thi đua - Khen thưởng xã Lương Điền',
      termFrom: '2025-01-01',
      termTo: '2030-12-31',
      members: people.items.map((p, i) => ({
        personId: p.id,
        fullName: p.fullName,
        role: roles[i],
      })),
    });

    // The council page: members and meetings; schedule a meeting.
    await page.goto(`${site.url}/councils/${council.id}`);
    await page.getByRole('button', { name: 'Lên lịch họp' }).click();
    await page.getByLabel('Tên phiên họp').fill('Họp xét khen thưởng năm 2025');
    await setDate(page, 'Ngày họp', vnDate(0));
    await page.getByLabel('Địa điểm').fill('Hội trường UBND xã');
    await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await page.waitForURL(/\/meetings\/\d+$/u);
    const meetingId = Number(page.url().split('/').pop());
    await api(page, 'POST', `/api/meetings/${meetingId}/items`, {
      subjectKind: 'person',
      subjectId: people.items[4]?.id,
      label: `${people.items[4]?.fullName} — Chiến sĩ thi đua cơ sở`,
      thresholdKind: 'cstdcs',
    });
    await page.reload();

    // Attendance: 3 of 5 present is short of 80 %; a fourth meets the quorum (live).
    const quorum = page.getByTestId('quorum');
    await expect.poll(() => quorum.textContent()).toContain('Chưa đủ');
    for (const p of people.items.slice(0, 3))
      await page.getByLabel(`Điểm danh ${p.fullName}`).getByText('Có mặt').click();
    await expect.poll(() => quorum.textContent()).toContain('3/5 có mặt, cần ít nhất 4');
    await page.getByLabel(`Điểm danh ${people.items[3]?.fullName}`).getByText('Có mặt').click();
    await page
      .getByLabel(`Điểm danh ${people.items[4]?.fullName}`)
      .getByText('Vắng, có ý kiến')
      .click();
    await page
      .getByLabel(`Ý kiến bằng văn bản của ${people.items[4]?.fullName}`)
      .fill('Nhất trí với đề nghị.');
    await expect.poll(() => quorum.textContent()).toContain('Đủ số thành viên dự họp: 4/5');
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.getByText('Đã lưu điểm danh.').waitFor();
    await page.getByRole('button', { name: 'Bắt đầu họp' }).click();
    await page.getByText('Đang họp').first().waitFor();

    // The paper tally: 4 yes of 5 members = 80 %: passes the CSTĐCS threshold.
    await page.getByLabel('Đồng ý — mục 1', { exact: true }).fill('4');
    await page.getByLabel('Không đồng ý — mục 1', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Lưu kết quả kiểm phiếu' }).click();
    await expect
      .poll(() => page.getByTestId('item-1').textContent())
      .toContain('Đồng ý 4, không đồng ý 0');
    for (const width of [1366, 1024, 768, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 800 : 900 });
      await take(page, `meeting-open-${width}`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('item-1').textContent())
      .toContain('Đạt: 4/5 thành viên Hội đồng đồng ý');
    await take(page, 'meeting-closed-1366');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Biên bản họp xét/u }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bien-ban-hop-xet-.*\.docx$/u);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/gu, '');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('Địa điểm: Hội trường UBND xã.');
    expect(text).toContain('4/5');
    expect(text).toContain('Nhất trí với đề nghị.');
    expect(text).toContain('Hội đồng thống nhất đề nghị khen thưởng 1 trường hợp');

    await page.goto(`${site.url}/councils/${council.id}`);
    await page.getByText('Họp xét khen thưởng năm 2025').waitFor();
    await take(page, 'council-1366');
    await page.setViewportSize({ width: 375, height: 800 });
    await take(page, 'council-375');
    await page.context().close();
  });
});
