import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { expectAppError } from '../../test/errors';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanContent, samplePlanInput } from '../../test/plans';
import { entityHistory } from '../audit/index';
import { createPlan, getPlanDetail, updateDraft } from './plans.service';
import { issuePlan, recordIssuedPlan } from './issue-plan';
import { readPlanSource } from './plan-import.service';
import { confirmDoubtfulValues } from './import-review';
import { planDocument } from './plan-documents.service';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const SEED_003 = readFileSync(
  join(import.meta.dirname, 'plan-reader/fixtures/seeds/003_2f885082b70e80f8.txt'),
  'utf8',
);

async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const officer = await makeUser(sys, 'emulation_officer', tree.commune.id);
  const head = await makeUser(sys, 'unit_head', tree.commune.id);
  const other = await makeUser(sys, 'emulation_officer', tree.otherCommune.id);
  return {
    tree,
    officer: testCtx(t, officer.actor),
    head: testCtx(t, head.actor),
    other: testCtx(t, other.actor),
  };
}

/** Seed 003 read and turned into a draft as the import page does, the dates corrected. */
async function importSeed003(s: Awaited<ReturnType<typeof setup>>, confirmed: string[] = []) {
  const reading = await readPlanSource(s.officer, { text: SEED_003 });
  const plan = await createPlan(s.officer, {
    ...reading.draft,
    issuingUnitId: s.tree.commune.id,
    place: reading.draft.place ?? 'Tiền Thành',
    title: reading.draft.title ?? 'Kế hoạch',
    periodStart: null,
    periodEnd: '2026-12-31',
    registrationDeadline: null,
    // The reader found no numbered contents in seed 003: the officer adds one (issuing needs it).
    content: {
      ...reading.draft.content,
      contents: ['Thi đua thực hiện tốt các nhiệm vụ cải cách hành chính năm 2026.'],
    },
    importReview: { confirmed },
  });
  return { reading, plan };
}

describe('import → review → issue (seed 003, OCR without accents)', () => {
  it('marks the doubtful values on reading, with field, label and reason', async () => {
    const s = await setup();
    const reading = await readPlanSource(s.officer, { text: SEED_003 });
    const byField = new Map(reading.doubts.map((d) => [d.field, d]));
    expect(byField.get('title')).toMatchObject({ code: 'ocr_noise', label: 'Trích yếu' });
    expect(byField.get('content.participants.individuals.0')?.value).toMatch(/^Can bg, cong/);
    // The categories came from that garbled line: the officer must look at who may register.
    expect(reading.draft.content.participants.individualCategories).toEqual([
      'can_bo',
      'cong_chuc',
      'nguoi_lao_dong',
    ]);
    expect(byField.get('content.participants.individualCategories')).toMatchObject({
      code: 'low_confidence',
      value: 'Cán bộ, Công chức, Người lao động',
    });
    expect(byField.get('content.recipients.5')?.value).toBe('Luu: VT');
  });

  it('refuses issuing, recording and the .docx/.pdf until each doubt is confirmed or edited', async () => {
    const s = await setup();
    const confirmedOnImport = 'Can bg, cong chirc, nhan vien phuong';
    const { reading, plan } = await importSeed003(s, [confirmedOnImport]);
    let detail = await getPlanDetail(s.officer, plan.id);
    const open = detail.doubts.length;
    expect(open).toBe(reading.doubts.length - 1);
    expect(detail.doubts.map((d) => d.value)).not.toContain(confirmedOnImport);

    const refused = await expectAppError(
      issuePlan(s.head, plan.id, { version: detail.version }),
      'VALIDATION_FAILED',
      'title',
    );
    expect(refused.message).toMatch(
      new RegExp(`^Chưa thể ban hành — còn ${open} giá trị nhập từ văn bản cần xem lại`),
    );
    expect(refused.message).toContain('Trích yếu');
    await expectAppError(
      recordIssuedPlan(s.head, plan.id, {
        version: detail.version,
        documentNumber: '19/KH-UBND',
        issuedOn: '2026-02-24',
      }),
      'VALIDATION_FAILED',
      'title',
    );
    for (const format of ['docx', 'pdf'] as const)
      await expectAppError(planDocument(s.officer, plan.id, format, {}), 'VALIDATION_FAILED');

    // Editing a value into good Vietnamese reviews it; the rest is confirmed as it reads.
    const title = 'Phát động phong trào thi đua cải cách hành chính năm 2026';
    await updateDraft(s.officer, plan.id, { version: detail.version, title });
    detail = await getPlanDetail(s.officer, plan.id);
    expect(detail.doubts.map((d) => d.field)).not.toContain('title');
    expect(detail.doubts).toHaveLength(open - 1);

    await expectAppError(
      confirmDoubtfulValues(s.other, plan.id, { version: detail.version, keys: ['x'] }),
      'FORBIDDEN',
    );
    await expectAppError(
      confirmDoubtfulValues(s.officer, plan.id, { version: detail.version, keys: [title] }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      confirmDoubtfulValues(s.officer, plan.id, {
        version: detail.version - 1,
        keys: [detail.doubts[0]?.key ?? ''],
      }),
      'CONFLICT',
    );
    const [first, ...rest] = detail.doubts.map((d) => d.key);
    const partly = await confirmDoubtfulValues(s.officer, plan.id, {
      version: detail.version,
      keys: [first ?? ''],
    });
    expect(partly.doubts).toHaveLength(open - 2);
    await expectAppError(
      issuePlan(s.head, plan.id, { version: partly.version }),
      'VALIDATION_FAILED',
    );
    const done = await confirmDoubtfulValues(s.head, plan.id, {
      version: partly.version,
      keys: rest,
    });
    expect(done.doubts).toEqual([]);
    expect((await getPlanDetail(s.officer, plan.id)).doubts).toEqual([]);

    const docx = await planDocument(s.officer, plan.id, 'docx', {});
    expect(docx.data.length).toBeGreaterThan(1000);
    const issued = await issuePlan(s.head, plan.id, { version: done.version });
    expect(issued.status).not.toBe('draft');
    expect(issued.documentNumber).toMatch(/\/KH-UBND$/);

    const history = await entityHistory(s.officer, 'campaign_plan', plan.id, {});
    const confirmations = history.items.filter((e) => e.action === 'plan.doubts_confirmed');
    expect(confirmations).toHaveLength(2);
  });

  it('does not hold back a plan typed in the product, nor an import with nothing doubtful', async () => {
    const s = await setup();
    // Typed in (no import review): not checked, whatever it says.
    const typed = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { title: 'Ke hoach thi dua cai cach hanh chinh' }),
    );
    expect((await getPlanDetail(s.officer, typed.id)).doubts).toEqual([]);
    await issuePlan(s.head, typed.id, { version: typed.version });
    // Imported from an accented text: nothing to review.
    const clean = await createPlan(s.officer, {
      ...samplePlanInput(s.tree.commune.id, { content: samplePlanContent() }),
      importReview: { confirmed: [] },
    });
    expect((await getPlanDetail(s.officer, clean.id)).doubts).toEqual([]);
    await issuePlan(s.head, clean.id, { version: clean.version });
  });
});
