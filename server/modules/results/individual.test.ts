import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Role } from '../../../shared/permissions';
import type { Ctx } from '../../platform/context';
import { buildTestApp, loginCookie } from '../../test/http';
import { createTestDb, type TestDb } from '../../test/db';
import { makePerson, makeTree, testCtx } from '../../test/factories';
import { samplePlanContent, samplePlanInput } from '../../test/plans';
import { createPlan, recordIssuedPlan } from '../campaigns/index';
import { approveRegistration, registerForPlan } from '../registrations/index';
import { createAccount, grantRole, loadUserActor } from '../auth/index';
import { at, expectAppError, files } from '../../test/evaluation';
import { attachItemEvidence, confirmItem, getChecklist } from './individual.service';
import { bindPlanCriteria, RESULTS_LOCKED_MESSAGE } from '../assessment/index';
import { computeResults, publishResults, reopenResults } from './results.service';
import { listEligiblePeople } from './commendation';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const ISSUED = '2023-02-01T03:00:00Z';
const ON_TIME = '2023-02-15T03:00:00Z';

/** Seed 003's individual criteria (a ward plan on administrative reform, 2023). */
const seed003Individual = [
  'Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2023',
  'Thực hiện tốt các nhiệm vụ được giao trong kế hoạch cải cách hành chính năm 2023',
  'Có sáng kiến được Hội đồng sáng kiến thành phố hoặc phường công nhận',
  'Không vi phạm kỷ luật, kỷ cương hành chính',
];

async function world() {
  const sys = testCtx(t, undefined, at(ISSUED));
  const tree = await makeTree(sys);
  const an = await makePerson(sys, tree.oneStop.id, 'Nguyễn Văn An');
  const users = {
    officer: await makeActor(sys, 'emulation_officer', tree.province.id),
    issuerHead: await makeActor(sys, 'unit_head', tree.province.id),
    head: await makeActor(sys, 'unit_head', tree.commune.id),
    otherHead: await makeActor(sys, 'unit_head', tree.otherCommune.id),
    // An is staff of the commune and may also hold the head role: still no self-confirmation.
    an: await makeActor(sys, 'unit_head', tree.commune.id, an.id),
  };
  const as = (who: keyof typeof users, when = ON_TIME) => testCtx(t, users[who].actor, at(when));
  const draft = await createPlan(
    as('officer', ISSUED),
    samplePlanInput(tree.province.id, {
      periodEnd: '2023-12-31',
      registrationDeadline: '2023-03-31',
      content: samplePlanContent({
        participants: {
          collectiveUnitKinds: ['one_stop'],
          collectives: [],
          individualCategories: ['cong_chuc'],
          individuals: [],
        },
        criteria: { collective: ['Hoàn thành xuất sắc nhiệm vụ'], individual: seed003Individual },
      }),
    }),
  );
  const plan = await recordIssuedPlan(as('issuerHead', ISSUED), draft.id, {
    version: draft.version,
    documentNumber: '15/KH-UBND',
    issuedOn: '2023-02-01',
  });
  const reg = await registerForPlan(as('head'), plan.id, {
    kind: 'individual',
    unitId: tree.oneStop.id,
    personId: an.id,
    commitments: {
      targetTitle: 'Lao động tiên tiến',
      targets: ['Hoàn thành 100% hồ sơ đúng hạn'],
      keyTasks: [],
      breakthroughTasks: [],
    },
  });
  const approved = await approveRegistration(as('officer'), reg.id, { version: reg.version });
  return { sys, tree, an, users, as, plan, reg: approved };
}

/** A result row of a unit in the plan, as computeResults would write it. */
async function setBand(
  w: Awaited<ReturnType<typeof world>>,
  unitId: number,
  band: { key: string; label: string },
) {
  await sql`DELETE FROM evaluation_result WHERE plan_id = ${w.plan.id}`.execute(t.db);
  const cv = await sql<{ id: number }>`
    INSERT INTO criteria_set (owner_unit_id, name) VALUES (${w.tree.province.id}, 'Bộ thử cá nhân')
    RETURNING id`.execute(t.db);
  const v = await sql<{ id: number }>`
    INSERT INTO criteria_set_version (set_id, number, tree, leaf_count, max_total)
    VALUES (${cv.rows[0]!.id}, 1, '{}'::jsonb, 0, 1) RETURNING id`.execute(t.db);
  const collective = await sql<{ id: number }>`
    INSERT INTO registration (plan_id, kind, unit_id, status, commitments, submitted_at, created_at, updated_at)
    VALUES (${w.plan.id}, 'collective', ${unitId}, 'approved', '{}'::jsonb, now(), now(), now())
    RETURNING id`.execute(t.db);
  const sheet = await sql<{ id: number }>`
    INSERT INTO score_sheet (plan_id, registration_id, unit_id, criteria_version_id, status)
    VALUES (${w.plan.id}, ${collective.rows[0]!.id}, ${unitId}, ${v.rows[0]!.id}, 'submitted')
    RETURNING id`.execute(t.db);
  await sql`INSERT INTO evaluation_result (plan_id, sheet_id, unit_id, total, percent, appraised,
      field_totals, missing_count, band_key, band_label, rank, computed_at)
    VALUES (${w.plan.id}, ${sheet.rows[0]!.id}, ${unitId}, 95, 95, 0, '{}'::jsonb, 0, ${band.key},
      ${band.label}, 1, now())`.execute(t.db);
}

let seq = 0;
/** An account with a role at a unit, optionally linked to a person. */
async function makeActor(sys: Ctx, role: Role, unitId: number, personId: number | null = null) {
  const username = `ind${Date.now().toString(36)}${(++seq).toString(36)}`;
  const account = await createAccount(sys, {
    username,
    displayName: `Người dùng ${username}`,
    password: 'mat-khau-thu-1',
    personId,
  });
  await grantRole(sys, account.id, { role, unitId });
  return { username, actor: await loadUserActor(sys.db, account.id) };
}

describe('individual checklist', () => {
  it('is created from the plan, confirmed by the unit side only, versioned, audited', async () => {
    const w = await world();
    const list = await getChecklist(w.as('head'), w.reg.id);
    expect(list.items.map((i) => i.text)).toEqual(seed003Individual);
    expect(list.items.every((i) => i.met === null && i.version === 1)).toBe(true);
    expect(list.permissions.canConfirm).toBe(true);
    expect(list.eligible).toBe(false);
    // The person sees their checklist but may not confirm it, even holding a head role.
    const own = await getChecklist(w.as('an'), w.reg.id);
    expect(own.permissions.canConfirm).toBe(false);
    await expectAppError(
      confirmItem(w.as('an'), w.reg.id, 0, { met: true, note: null, version: 1 }),
      'FORBIDDEN',
    );
    // Another commune's head does not even see it.
    await expectAppError(getChecklist(w.as('otherHead'), w.reg.id), 'NOT_FOUND');

    const after = await confirmItem(w.as('head'), w.reg.id, 0, {
      met: true,
      note: 'Quyết định xếp loại số 12/QĐ-UBND',
      version: 1,
    });
    const first = after.items[0]!;
    expect(first).toMatchObject({
      met: true,
      note: 'Quyết định xếp loại số 12/QĐ-UBND',
      version: 2,
    });
    expect(first.confirmedBy?.id).toBe(w.users.head.actor.userId);
    expect(first.confirmedAt).not.toBeNull();
    // A stale version conflicts; an unknown index is not found.
    await expectAppError(
      confirmItem(w.as('head'), w.reg.id, 0, { met: false, note: null, version: 1 }),
      'CONFLICT',
    );
    await expectAppError(
      confirmItem(w.as('head'), w.reg.id, 9, { met: true, note: null, version: 1 }),
      'NOT_FOUND',
    );
    await expectAppError(
      confirmItem(w.as('head'), w.reg.id, 1, { met: 'có', version: 1 }),
      'VALIDATION_FAILED',
    );

    // Plan amendments do not shift the copied text.
    await sql`UPDATE campaign_plan SET content = jsonb_set(content, '{criteria,individual}', '["Khác"]'::jsonb)
      WHERE id = ${w.plan.id}`.execute(t.db);
    expect((await getChecklist(w.as('head'), w.reg.id)).items.map((i) => i.text)).toEqual(
      seed003Individual,
    );

    const audit = await sql<{ action: string }>`SELECT action FROM audit_event
      WHERE entity_type = 'registration' AND entity_id = ${String(w.reg.id)}
        AND action LIKE 'individual_check.%'`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['individual_check.confirmed']);
  });

  it('takes sniffed evidence per item', async () => {
    const w = await world();
    await getChecklist(w.as('head'), w.reg.id);
    await expectAppError(
      attachItemEvidence(w.as('head'), w.reg.id, 2, {
        fileName: 'sang-kien.pdf',
        data: files.text,
      }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      attachItemEvidence(w.as('an'), w.reg.id, 2, { fileName: 'sang-kien.pdf', data: files.pdf }),
      'FORBIDDEN',
    );
    const res = await attachItemEvidence(w.as('head'), w.reg.id, 2, {
      fileName: 'sang-kien.pdf',
      data: files.pdf,
    });
    expect(res.items[2]!.evidence).toMatchObject({
      fileName: 'sang-kien.pdf',
      contentType: 'application/pdf',
    });
    expect(res.items[2]!.version).toBe(2);
    const audit = await sql<{ action: string }>`SELECT action FROM audit_event
      WHERE entity_type = 'registration' AND entity_id = ${String(w.reg.id)}
        AND action LIKE 'individual_check.%'`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['individual_check.evidence_attached']);
  });

  it('is eligible only when every item is met and the unit (or its parent) qualifies', async () => {
    const w = await world();
    let list = await getChecklist(w.as('head'), w.reg.id);
    for (const item of list.items.slice(0, 3))
      list = await confirmItem(w.as('head'), w.reg.id, item.index, {
        met: true,
        note: null,
        version: item.version,
      });
    expect(list.eligible).toBe(false);
    expect(list.reasons.join(' ')).toContain('Còn 1/4 tiêu chí');
    list = await confirmItem(w.as('head'), w.reg.id, 3, { met: true, note: null, version: 1 });
    // All met but no classification yet.
    expect(list.eligible).toBe(false);
    expect(list.reasons).toEqual([
      'Đơn vị chưa có kết quả xếp loại trong kế hoạch (cần đạt mức Xuất sắc).',
    ]);
    // The one-stop section has no result of its own: the commune's "Tốt" is not enough.
    await setBand(w, w.tree.commune.id, { key: 'tot', label: 'Tốt' });
    list = await getChecklist(w.as('head'), w.reg.id);
    expect(list.unitBand).toMatchObject({ unitId: w.tree.commune.id, bandKey: 'tot' });
    expect(list.eligible).toBe(false);
    expect(list.reasons[0]).toContain('xếp loại Tốt, chưa đạt mức Xuất sắc');
    // Its own result, "Xuất sắc", is nearer and qualifies.
    await setBand(w, w.tree.oneStop.id, { key: 'xuat_sac', label: 'Xuất sắc' });
    list = await getChecklist(w.as('an'), w.reg.id);
    expect(list.unitBand).toMatchObject({ unitId: w.tree.oneStop.id, bandKey: 'xuat_sac' });
    expect(list).toMatchObject({ eligible: true, reasons: [] });
    // Un-meeting an item withdraws it.
    list = await confirmItem(w.as('head'), w.reg.id, 3, {
      met: false,
      note: 'Bị nhắc nhở',
      version: 2,
    });
    expect(list.eligible).toBe(false);
  });

  it("qualifies by the plan's qualifying bands when it names them", async () => {
    const w = await world();
    const plan = await t.db
      .selectFrom('campaignPlan')
      .select('version')
      .where('id', '=', w.plan.id)
      .executeTakeFirstOrThrow();
    await bindPlanCriteria(w.as('officer'), w.plan.id, {
      version: plan.version,
      criteriaVersionId: null,
      bands: null,
      qualifyingBandKeys: ['xuat_sac', 'tot'],
    });
    let list = await getChecklist(w.as('head'), w.reg.id);
    for (const item of list.items)
      list = await confirmItem(w.as('head'), w.reg.id, item.index, {
        met: true,
        note: null,
        version: item.version,
      });
    expect(list.qualifyingBands).toEqual([
      { key: 'xuat_sac', label: 'Xuất sắc' },
      { key: 'tot', label: 'Tốt' },
    ]);
    await setBand(w, w.tree.commune.id, { key: 'tot', label: 'Tốt' });
    list = await getChecklist(w.as('head'), w.reg.id);
    expect(list).toMatchObject({ eligible: true, reasons: [] });
    await sql`UPDATE evaluation_result SET band_key = 'kha', band_label = 'Khá'
      WHERE plan_id = ${w.plan.id}`.execute(t.db);
    list = await getChecklist(w.as('head'), w.reg.id);
    expect(list.eligible).toBe(false);
    expect(list.reasons[0]).toContain('xếp loại Khá, chưa đạt mức Xuất sắc, Tốt');
  });

  it("is locked while the plan's results are published, until the council reopens them", async () => {
    const w = await world();
    const council = await makeActor(w.sys, 'council_member', w.tree.province.id);
    await getChecklist(w.as('head'), w.reg.id);
    await computeResults(w.as('officer'), w.plan.id);
    expect((await getChecklist(w.as('head'), w.reg.id)).lock).toBeNull();
    await publishResults(w.as('issuerHead', '2023-12-20T17:30:00Z'), w.plan.id);
    const locked = await getChecklist(w.as('head'), w.reg.id);
    expect(locked.permissions.canConfirm).toBe(false);
    // Says why (published on the Vietnam date: 00:30 on 21/12) and who may reopen.
    expect(locked.lock).toEqual({
      reason: 'results_published',
      since: '2023-12-20T17:30:00.000Z',
      message: 'Kết quả của kế hoạch đã công bố ngày 21/12/2023; bảng tiêu chí cá nhân đã khóa.',
      reopenBy: expect.stringContaining(
        `Thành viên Hội đồng thi đua – khen thưởng của ${w.tree.province.name}`,
      ) as unknown,
      canReopen: false,
    });
    const asCouncil = await getChecklist(testCtx(t, council.actor, at(ON_TIME)), w.reg.id);
    expect(asCouncil.lock?.canReopen).toBe(true);
    const confirm = () =>
      confirmItem(w.as('head'), w.reg.id, 0, { met: true, note: null, version: 1 });
    const e = await expectAppError(confirm(), 'INVALID_STATE');
    expect(e.message).toBe(RESULTS_LOCKED_MESSAGE);
    const attach = attachItemEvidence(w.as('head'), w.reg.id, 2, {
      fileName: 'sang-kien.pdf',
      data: files.pdf,
    });
    expect((await expectAppError(attach, 'INVALID_STATE')).message).toBe(RESULTS_LOCKED_MESSAGE);
    await reopenResults(testCtx(t, council.actor, at(ON_TIME)), w.plan.id, {
      reason: 'Bổ sung minh chứng',
    });
    const reopened = await confirm();
    expect(reopened.items[0]).toMatchObject({ met: true, version: 2 });
    expect(reopened.lock).toBeNull();
  });

  it('lists the eligible people of published results with their checklist, for commendation', async () => {
    const w = await world();
    let list = await getChecklist(w.as('head'), w.reg.id);
    for (const item of list.items)
      list = await confirmItem(w.as('head'), w.reg.id, item.index, {
        met: true,
        note: `Mục ${item.index + 1}`,
        version: item.version,
      });
    await computeResults(w.as('officer'), w.plan.id);
    await expectAppError(listEligiblePeople(w.as('officer'), w.plan.id), 'INVALID_STATE');
    await publishResults(w.as('issuerHead', '2023-12-20T03:00:00Z'), w.plan.id);
    // Every item met but the unit has no classification: nobody is eligible.
    expect(await listEligiblePeople(w.as('officer'), w.plan.id)).toEqual([]);
    // The commune's "Tốt" is below the top band; the one-stop section's own "Xuất sắc" counts.
    await setBand(w, w.tree.commune.id, { key: 'tot', label: 'Tốt' });
    expect(await listEligiblePeople(w.as('officer'), w.plan.id)).toEqual([]);
    await setBand(w, w.tree.oneStop.id, { key: 'xuat_sac', label: 'Xuất sắc' });
    expect(await listEligiblePeople(w.as('officer'), w.plan.id)).toEqual([
      {
        personId: w.an.id,
        fullName: 'Nguyễn Văn An',
        unitId: w.tree.oneStop.id,
        registrationId: w.reg.id,
        checklist: seed003Individual.map((text, index) => ({
          index,
          text,
          met: true,
          note: `Mục ${index + 1}`,
        })),
      },
    ]);
  });

  it('refuses collective and unapproved registrations', async () => {
    const w = await world();
    const coll = await registerForPlan(w.as('head'), w.plan.id, {
      kind: 'collective',
      unitId: w.tree.oneStop.id,
      commitments: {
        targetTitle: null,
        targets: ['Đúng hạn'],
        keyTasks: [],
        breakthroughTasks: [],
      },
    });
    await expectAppError(getChecklist(w.as('head'), coll.id), 'INVALID_STATE');
    const binh = await makePerson(w.sys, w.tree.oneStop.id, 'Trần Thị Bình');
    const pending = await registerForPlan(w.as('head'), w.plan.id, {
      kind: 'individual',
      unitId: w.tree.oneStop.id,
      personId: binh.id,
      commitments: {
        targetTitle: null,
        targets: ['Đúng hạn'],
        keyTasks: [],
        breakthroughTasks: [],
      },
    });
    await expectAppError(getChecklist(w.as('head'), pending.id), 'INVALID_STATE');
    await expectAppError(getChecklist(w.as('head'), 99_999_999), 'NOT_FOUND');
  });
});

describe('individual checklist routes', () => {
  it('serve the checklist and the confirmation with the same rules', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    try {
      const url = `/api/registrations/${w.reg.id}/checklist`;
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      const head = { cookie: await loginCookie(app, w.users.head.username, 'mat-khau-thu-1') };
      const an = { cookie: await loginCookie(app, w.users.an.username, 'mat-khau-thu-1') };
      const got = await app.inject({ method: 'GET', url, headers: head });
      expect(got.statusCode).toBe(200);
      expect(got.json<{ items: unknown[] }>().items).toHaveLength(4);
      expect(got.json<{ lock: unknown }>().lock).toBeNull();
      const body = { met: true, note: 'Đạt', version: 1 };
      const denied = await app.inject({
        method: 'PUT',
        url: `${url}/1`,
        headers: an,
        payload: body,
      });
      expect(denied.statusCode).toBe(403);
      const ok = await app.inject({ method: 'PUT', url: `${url}/1`, headers: head, payload: body });
      expect(ok.statusCode).toBe(200);
      const stale = await app.inject({
        method: 'PUT',
        url: `${url}/1`,
        headers: head,
        payload: body,
      });
      expect(stale.statusCode).toBe(409);
      const noFile = await app.inject({ method: 'GET', url: `${url}/1/evidence`, headers: head });
      expect(noFile.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
