import { expectAppError } from '../../test/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanContent, samplePlanInput } from '../../test/plans';
import { amendPlan, cancelPlan, closePlan, createPlan, updateDraft } from './plans.service';
import { issuePlan, recordIssuedPlan } from './issue-plan';
import { startChildPlan } from './cascade.service';

/** Review findings: each test reproduces one bug that was fixed. */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/** A commune (officer, head) whose office (officer, head) sits below it. */
async function setup() {
  const sys = testCtx(t);
  const tree = await makeTree(sys);
  const ctxOf = async (role: 'emulation_officer' | 'unit_head', unitId: number) =>
    testCtx(t, (await makeUser(sys, role, unitId)).actor);
  return {
    tree,
    officer: await ctxOf('emulation_officer', tree.commune.id),
    head: await ctxOf('unit_head', tree.commune.id),
    officeOfficer: await ctxOf('emulation_officer', tree.office.id),
    officeHead: await ctxOf('unit_head', tree.office.id),
    otherOfficer: await ctxOf('emulation_officer', tree.otherCommune.id),
  };
}

async function issuedPlan(s: Awaited<ReturnType<typeof setup>>, overrides = {}) {
  const d = await createPlan(s.officer, samplePlanInput(s.tree.commune.id, overrides));
  return issuePlan(s.head, d.id, { version: d.version });
}

describe('review: fields frozen by the number', () => {
  it('refuses an amendment that changes the document type or the issuer symbol', async () => {
    const s = await setup();
    const plan = await issuedPlan(s);
    await expectAppError(
      amendPlan(s.officer, plan.id, { version: plan.version, reason: 'Đổi loại', docType: 'HD' }),
      'VALIDATION_FAILED',
      'docType',
    );
    await expectAppError(
      amendPlan(s.head, plan.id, { version: plan.version, reason: 'x', issuerSymbol: 'UBND-VP' }),
      'VALIDATION_FAILED',
      'issuerSymbol',
    );
    // The editor sends the unchanged values back: that is fine.
    const ok = await amendPlan(s.officer, plan.id, {
      version: plan.version,
      reason: 'Sửa trích yếu',
      docType: 'KH',
      issuerSymbol: 'ubnd',
      title: 'Trích yếu mới',
    });
    expect(ok.documentNumber).toBe(plan.documentNumber);
    expect(ok.documentSymbol).toBe('KH-UBND');
  });

  it('refuses an amendment that clears what issuing requires', async () => {
    const s = await setup();
    const plan = await issuedPlan(s);
    await expectAppError(
      amendPlan(s.officer, plan.id, { version: plan.version, reason: 'x', periodEnd: null }),
      'VALIDATION_FAILED',
      'periodEnd',
    );
    await expectAppError(
      amendPlan(s.officer, plan.id, {
        version: plan.version,
        reason: 'x',
        content: samplePlanContent({ signer: null }),
      }),
      'VALIDATION_FAILED',
      'content.signer.title',
    );
  });
});

describe('review: validation instead of database errors', () => {
  it('refuses a draft edit whose end date falls before the saved start date', async () => {
    const s = await setup();
    const d = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { periodStart: '2027-01-01', periodEnd: '2027-12-31' }),
    );
    await expectAppError(
      updateDraft(s.officer, d.id, { version: d.version, periodEnd: '2026-12-31' }),
      'VALIDATION_FAILED',
      'periodEnd',
    );
    await expectAppError(
      updateDraft(s.officer, d.id, { version: d.version, periodStart: '2028-01-01' }),
      'VALIDATION_FAILED',
      'periodEnd',
    );
  });

  it('refuses to issue when the period ended before the issue date it would start on', async () => {
    const s = await setup();
    const d = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, { periodStart: null, periodEnd: '2026-06-30' }),
    );
    await expectAppError(
      issuePlan(s.head, d.id, { version: d.version }),
      'VALIDATION_FAILED',
      'periodEnd',
    );
    await expectAppError(
      recordIssuedPlan(s.head, d.id, {
        version: d.version,
        documentNumber: '47/KH-UBND',
        issuedOn: '2026-07-01',
      }),
      'VALIDATION_FAILED',
      'periodEnd',
    );
  });

  it('accepts a unit named twice in the cascade list once', async () => {
    const s = await setup();
    const d = await createPlan(
      s.officer,
      samplePlanInput(s.tree.commune.id, {
        cascadeUnitIds: [s.tree.office.id, s.tree.office.id],
      }),
    );
    const u = await updateDraft(s.officer, d.id, {
      version: d.version,
      cascadeUnitIds: [s.tree.oneStop.id, s.tree.oneStop.id, s.tree.office.id],
    });
    expect(u.version).toBe(d.version + 1);
  });

  it('records a paper "Chương trình" with its mixed-case symbol (CTr)', async () => {
    const s = await setup();
    const d = await createPlan(s.officer, samplePlanInput(s.tree.commune.id, { docType: 'CTr' }));
    const recorded = await recordIssuedPlan(s.head, d.id, {
      version: d.version,
      documentNumber: '12/CTr-UBND',
      issuedOn: '2026-03-02',
    });
    expect(recorded.documentNumber).toBe('12/CTr-UBND');
  });

  it('links a legal basis only to an issued plan', async () => {
    const s = await setup();
    const hidden = await createPlan(s.otherOfficer, samplePlanInput(s.tree.otherCommune.id));
    const cite = (planId: number) =>
      samplePlanInput(s.tree.commune.id, {
        content: samplePlanContent({ legalBases: [{ text: 'Kế hoạch số …', planId }] }),
      });
    await expectAppError(
      createPlan(s.officer, cite(hidden.id)),
      'VALIDATION_FAILED',
      'content.legalBases.0.planId',
    );
    await expectAppError(
      createPlan(s.officer, cite(2_000_000_000)),
      'VALIDATION_FAILED',
      'content.legalBases.0.planId',
    );
    const d = await createPlan(s.officer, samplePlanInput(s.tree.commune.id));
    await expectAppError(
      updateDraft(s.officer, d.id, { version: d.version, content: cite(hidden.id).content }),
      'VALIDATION_FAILED',
      'content.legalBases.0.planId',
    );
    const issued = await issuedPlan(s);
    const ok = await createPlan(s.officer, cite(issued.id));
    expect(ok.content.legalBases[0]?.planId).toBe(issued.id);
  });
});

describe('review: child plans follow a live parent', () => {
  it('does not start a child plan of a closed parent', async () => {
    const s = await setup();
    const parent = await issuedPlan(s, { cascadeUnitIds: [s.tree.office.id] });
    const closed = await closePlan(s.head, parent.id, { version: parent.version });
    expect(closed.status).toBe('closed');
    await expectAppError(
      startChildPlan(s.officeOfficer, parent.id, { unitId: s.tree.office.id }),
      'INVALID_STATE',
    );
  });

  it('does not issue a child plan once its parent is cancelled', async () => {
    const s = await setup();
    const parent = await issuedPlan(s, { cascadeUnitIds: [s.tree.office.id] });
    const child = await startChildPlan(s.officeOfficer, parent.id, { unitId: s.tree.office.id });
    await cancelPlan(s.head, parent.id, { version: parent.version, reason: 'Ban hành nhầm' });
    await expectAppError(
      issuePlan(s.officeHead, child.id, { version: child.version }),
      'INVALID_STATE',
    );
  });
});
