import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeClean, screenshots, useSite } from './session';

/**
 * Stable ids of plan items through the real editor (issue 10, item 3; decision 025): criteria
 * added, moved, edited and removed in Chromium keep or get ids as the server assigns them.
 */

const site = useSite();
const shot = screenshots('plan-item-ids-');

type Detail = {
  id: number;
  content: {
    criteria: { collective: string[]; collectiveIds: string[] };
    rewards: { id: string }[];
  };
};

async function detail(page: Page, id: number): Promise<Detail> {
  const res = await page.request.get(`${site.url}/api/plans/${id}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as Detail;
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await page.getByText('Đã lưu dự thảo.').last().waitFor();
}

describe('criteria keep their ids in the editor (Chromium)', () => {
  it('gives added criteria ids, keeps them when moved or edited, drops a removed one', async () => {
    const s = await site.signIn('thidua.luongdien', { watch: true });
    const { page } = s;
    const res = await page.request.get(`${site.url}/api/plans?search=tren dia ban xa nam 2023`);
    const list = (await res.json()) as { items: { id: number; status: string }[] };
    const draftId = list.items.find((p) => p.status === 'draft')?.id ?? 0;
    const before = await detail(page, draftId);
    const n = before.content.criteria.collective.length;

    await page.goto(`${site.url}/plans/${draftId}`);
    await page.getByRole('button', { name: 'Tiêu chí thi đua' }).click();
    for (const text of ['Tiêu chí thử A', 'Tiêu chí thử B']) {
      await page.getByRole('button', { name: 'Thêm tiêu chí tập thể' }).click();
      const rows = page.getByRole('textbox', { name: /^Tiêu chí tập thể \d+$/ });
      await rows.last().fill(text);
    }
    await save(page);
    const added = (await detail(page, draftId)).content.criteria;
    expect(added.collective.slice(n)).toEqual(['Tiêu chí thử A', 'Tiêu chí thử B']);
    expect(added.collectiveIds).toHaveLength(n + 2);
    expect(added.collectiveIds.slice(0, n)).toEqual(before.content.criteria.collectiveIds);
    expect(new Set(added.collectiveIds).size).toBe(n + 2);
    const [idA, idB] = added.collectiveIds.slice(n);

    // B moves up above A and is edited; A is removed after the save.
    await page.getByRole('button', { name: `Chuyển tiêu chí tập thể ${n + 2} lên` }).click();
    await page
      .getByRole('textbox', { name: `Tiêu chí tập thể ${n + 1}` })
      .fill('Tiêu chí thử B (sửa)');
    const section = page.getByText('Tiêu chí đối với tập thể');
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'criteria-1366', false);
    await page.setViewportSize({ width: 375, height: 800 });
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'criteria-375', false);
    await page.setViewportSize({ width: 1366, height: 900 });
    await save(page);
    const moved = (await detail(page, draftId)).content.criteria;
    expect(moved.collective.slice(n)).toEqual(['Tiêu chí thử B (sửa)', 'Tiêu chí thử A']);
    expect(moved.collectiveIds.slice(n)).toEqual([idB, idA]);

    await page.getByRole('button', { name: `Xoá tiêu chí tập thể ${n + 2}` }).click();
    await save(page);
    const after = await detail(page, draftId);
    expect(after.content.criteria.collectiveIds.slice(n)).toEqual([idB]);
    expect(after.content.rewards.map((r) => r.id)).toEqual(before.content.rewards.map((r) => r.id));
    await closeClean(s, 'tiêu chí trong trình soạn kế hoạch');
  });
});
