import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { expectAppError } from '../../test/errors';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { entityHistory } from '../audit/index';
import { createPlan, getPlanDetail, updateDraft } from './plans.service';
import { issuePlan } from './issue-plan';
import { draftFromReading } from './plan-import.service';
import { readPlanText } from './plan-reader/read-plan';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const seed000 = fs.readFileSync(
  path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    'plan-reader/fixtures/seeds/000_df6f930f6fa17a23.txt',
  ),
  'utf8',
);

/** Seed 000 (Lương Điền, 2023) read into a commune's draft, on 7/12/2026. */
async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const now = () => new Date('2026-12-07T03:00:00Z');
  const officer = testCtx(
    t,
    (await makeUser(sys, 'emulation_officer', tree.commune.id)).actor,
    now,
  );
  const head = testCtx(t, (await makeUser(sys, 'unit_head', tree.commune.id)).actor, now);
  const draft = await draftFromReading(officer, readPlanText(seed000).result);
  const plan = await createPlan(officer, {
    ...draft,
    issuingUnitId: tree.commune.id,
    place: draft.place ?? 'Lương Điền',
    title: draft.title ?? 'Kế hoạch',
    parentPlanId: null,
    content: { ...draft.content, signer: { authority: null, title: 'CHỦ TỊCH', name: null } },
  });
  return { officer, head, plan };
}

describe('issuing a plan whose dates are past (seed 000 issued in 2026)', () => {
  it('shows the outlook on the draft and refuses to issue without an acknowledgement', async () => {
    const s = await setup();
    expect(s.plan.periodEnd).toBe('2023-12-31');
    const detail = await getPlanDetail(s.officer, s.plan.id);
    expect(detail.issueOutlook).toMatchObject({
      status: 'in_review',
      periodEnded: true,
      registrationOpen: false,
      pastDates: [{ field: 'periodEnd', label: 'Thời gian kết thúc', date: '2023-12-31' }],
    });
    const e = await expectAppError(
      issuePlan(s.head, s.plan.id, { version: s.plan.version }),
      'DEADLINE_PASSED',
      'periodEnd',
    );
    expect(e.message).toContain('Thời gian kết thúc đã qua (31/12/2023)');
    expect(e.message).toContain('Đang sơ kết, tổng kết');
    expect(e.details?.acknowledge).toBe('acknowledgePastDates');
    // Nothing was issued: the draft keeps its version and has no number.
    const still = await getPlanDetail(s.officer, s.plan.id);
    expect(still).toMatchObject({ status: 'draft', documentNumber: null, version: s.plan.version });
  });

  it('issues with the acknowledgement, straight into review, and keeps it in the audit event', async () => {
    const s = await setup();
    const issued = await issuePlan(s.head, s.plan.id, {
      version: s.plan.version,
      acknowledgePastDates: true,
    });
    expect(issued.status).toBe('in_review');
    const history = await entityHistory(s.officer, 'campaign_plan', s.plan.id, {});
    const event = history.items.find((h) => h.action === 'plan.issued');
    expect(event?.after).toMatchObject({ acknowledgedPastDates: ['periodEnd'] });
  });

  it('names a passed registration deadline, and issues without a word once the dates are fixed', async () => {
    const s = await setup();
    const late = await updateDraft(s.officer, s.plan.id, {
      version: s.plan.version,
      periodStart: null,
      periodEnd: '2026-12-31',
      registrationDeadline: '2026-12-06',
    });
    const e = await expectAppError(
      issuePlan(s.head, s.plan.id, { version: late.version }),
      'DEADLINE_PASSED',
      'registrationDeadline',
    );
    expect(e.details?.fields?.map((f) => f.field)).toEqual(['registrationDeadline']);
    expect(e.message).toContain('Hạn đăng ký thi đua đã qua (06/12/2026)');
    const fixed = await updateDraft(s.officer, s.plan.id, {
      version: late.version,
      registrationDeadline: '2026-12-20',
    });
    expect((await getPlanDetail(s.head, s.plan.id)).issueOutlook).toMatchObject({
      status: 'in_progress',
      registrationOpen: true,
      registrationDaysLeft: 13,
      pastDates: [],
    });
    const issued = await issuePlan(s.head, s.plan.id, { version: fixed.version });
    expect(issued.status).toBe('in_progress');
    expect((await getPlanDetail(s.head, s.plan.id)).issueOutlook).toBeNull();
  });
});
