import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { nationalFormVersion } from '../../test/awards';
import { makePerson, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { expectAppError, scoreAndSubmit, world, type World } from '../../test/evaluation';
import { bindPlanCriteria, getSheet } from '../assessment/index';
import { computeResults, publishResults } from '../results/index';
import { ensureNationalCatalogue } from '../awards/index';
import { addDiscipline } from '../honours/index';
import {
  createNomination,
  forwardNomination,
  getNomination,
  listNominationCandidates,
  listNominations,
  returnNomination,
  submitNomination,
  withdrawNomination,
} from './nominations.service';

/**
 * Nominations on real PostgreSQL: a person of the one-stop unit is proposed by the commune's head,
 * submitted to the commune, returned with a reason, resubmitted and forwarded to the province
 * (the plan's issuing unit, the top); the list is scoped to each actor's subtree; a pending
 * investigation blocks; one achievement gets one award.
 */

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  await ensureNationalCatalogue(testCtx(t));
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const formVersion = (code: string) => nationalFormVersion(t.db, code);

const achievement = {
  round: 'annual',
  achievement: 'Giải quyết 100% hồ sơ đúng hạn, không có phản ánh.',
  periodFrom: '2020-01-01',
  periodTo: '2020-12-31',
} as const;

async function setup() {
  const w = await world(t);
  const person = await makePerson(w.sys, w.units.oneStop.id, 'Lê Thị Mai', { gender: 'female' });
  return {
    w,
    person,
    ldtt: await formVersion('LDTT'),
    gk: await formVersion('GK_CN'),
    bk: await formVersion('BK_TINH_CN'),
  };
}

function nominate(w: World, personId: number, formVersionId: number) {
  return createNomination(w.as('head'), w.plan.id, { ...achievement, personId, formVersionId });
}

describe('nominations', () => {
  it('travels up: submit to the commune, return with a reason, resubmit, forward to the top', async () => {
    const { w, person, bk } = await setup();
    const draft = await nominate(w, person.id, bk);
    expect(draft).toMatchObject({
      status: 'draft',
      subject: { kind: 'person', id: person.id, name: 'Lê Thị Mai' },
      form: { code: 'BK_TINH_CN' },
      decidingUnit: { id: w.units.province.id },
      proposingUnit: { id: w.units.oneStop.id },
      currentUnit: { id: w.units.oneStop.id },
    });
    // Staff cannot propose; the other commune's officer cannot see it.
    await expectAppError(
      createNomination(w.as('staff'), w.plan.id, {
        ...achievement,
        personId: person.id,
        formVersionId: bk,
      }),
      'FORBIDDEN',
    );
    await expectAppError(getNomination(w.as('otherOfficer'), draft.id), 'NOT_FOUND');

    const sent = await submitNomination(w.as('head'), draft.id, { version: draft.version });
    expect(sent).toMatchObject({ status: 'submitted', currentUnit: { id: w.units.commune.id } });
    // The proposer does not review its own nomination.
    await expectAppError(
      returnNomination(w.as('head'), draft.id, {
        version: sent.version,
        reason: 'Thiếu minh chứng',
      }),
      'FORBIDDEN',
    );
    await expectAppError(
      returnNomination(w.as('officer'), draft.id, { version: sent.version, reason: '' }),
      'VALIDATION_FAILED',
    );
    const back = await returnNomination(w.as('officer'), draft.id, {
      version: sent.version,
      reason: 'Thiếu báo cáo thành tích',
    });
    expect(back).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu báo cáo thành tích',
      currentUnit: { id: w.units.oneStop.id },
    });
    await expectAppError(
      forwardNomination(w.as('officer'), draft.id, { version: back.version }),
      'FORBIDDEN',
    );
    const again = await submitNomination(w.as('head'), draft.id, { version: back.version });
    await expectAppError(
      forwardNomination(w.as('officer'), draft.id, { version: back.version }),
      'CONFLICT',
    );
    const up = await forwardNomination(w.as('officer'), draft.id, { version: again.version });
    expect(up).toMatchObject({ status: 'forwarded', currentUnit: { id: w.units.province.id } });
    await expectAppError(
      forwardNomination(w.as('officer'), draft.id, { version: up.version }),
      'INVALID_STATE',
    );
    expect(up.steps.map((s) => [s.action, s.toUnitId, s.reason])).toEqual([
      ['create', w.units.oneStop.id, null],
      ['submit', w.units.commune.id, null],
      ['return', w.units.oneStop.id, 'Thiếu báo cáo thành tích'],
      ['submit', w.units.commune.id, null],
      ['forward', w.units.province.id, null],
    ]);
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit_event WHERE entity_type = 'nomination' AND entity_id = ${String(draft.id)}
      ORDER BY id`.execute(t.db);
    expect(rows.map((r) => r.action)).toEqual([
      'nomination.created',
      'nomination.submit',
      'nomination.return',
      'nomination.submit',
      'nomination.forward',
    ]);
  });

  it('lists in SQL only what lies in the actor’s subtree', async () => {
    const { w, person, ldtt } = await setup();
    const mine = await nominate(w, person.id, ldtt);
    const otherHead = await makeUser(w.sys, 'unit_head', w.units.otherCommune.id);
    const stranger = await makePerson(w.sys, w.units.otherOffice.id, 'Trần Văn Hùng');
    const theirs = await createNomination(testCtx(t, otherHead.actor), w.plan.id, {
      ...achievement,
      personId: stranger.id,
      formVersionId: ldtt,
    });
    const ids = async (ctx: Parameters<typeof listNominations>[0]) =>
      (await listNominations(ctx, w.plan.id)).items.map((i) => i.id);
    expect(await ids(w.as('officer'))).toEqual([mine.id, theirs.id]);
    expect(await ids(w.as('head'))).toEqual([mine.id]);
    expect(await ids(w.as('otherOfficer'))).toEqual([theirs.id]);
    expect(await ids(w.as('staff'))).toEqual([]);
  });

  it('refuses to submit while an investigation is pending, naming the rule', async () => {
    const { w, person, ldtt } = await setup();
    await addDiscipline(w.as('officer'), person.id, {
      kind: 'investigation',
      fromDate: '2020-05-01',
      reason: 'Đơn phản ánh đang được xem xét',
    });
    const draft = await nominate(w, person.id, ldtt);
    const err = await expectAppError(
      submitNomination(w.as('head'), draft.id, { version: draft.version }),
      'VALIDATION_FAILED',
    );
    expect(err.details?.rules).toMatchObject([{ rule: 'discipline' }]);
    expect(err.message).toContain('Nghị định 152/2025/NĐ-CP');
    expect((await getNomination(w.as('head'), draft.id)).status).toBe('draft');
  });

  it('one achievement, one award: a second form for the same period is refused', async () => {
    const { w, person, ldtt, gk } = await setup();
    const first = await nominate(w, person.id, ldtt);
    await expectAppError(nominate(w, person.id, ldtt), 'CONFLICT');
    await submitNomination(w.as('head'), first.id, { version: first.version });
    const second = await nominate(w, person.id, gk);
    const err = await expectAppError(
      submitNomination(w.as('head'), second.id, { version: second.version }),
      'VALIDATION_FAILED',
    );
    expect(err.details?.rules).toMatchObject([{ rule: 'one_achievement_one_award' }]);
  });

  it('checks the subject and the form', async () => {
    const { w, person, ldtt } = await setup();
    await expectAppError(
      createNomination(w.as('head'), w.plan.id, { ...achievement, formVersionId: ldtt }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      createNomination(w.as('head'), w.plan.id, {
        ...achievement,
        unitId: w.units.oneStop.id,
        formVersionId: ldtt,
      }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      createNomination(w.as('head'), w.plan.id, {
        ...achievement,
        personId: person.id,
        formVersionId: ldtt,
        periodFrom: '2021-01-01',
      }),
      'VALIDATION_FAILED',
    );
  });

  it('HTTP: 401 without a session, 201 on create, 400 naming the rule on submit', async () => {
    const { w, person, ldtt } = await setup();
    await addDiscipline(w.as('officer'), person.id, {
      kind: 'complaint',
      fromDate: '2020-05-01',
      reason: 'Khiếu nại đang giải quyết',
    });
    const url = `/api/plans/${w.plan.id}/nominations`;
    const payload = { ...achievement, personId: person.id, formVersionId: ldtt };
    expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    const cookie = await loginCookie(app, w.users.head.username, w.users.head.password);
    const created = await app.inject({ method: 'POST', url, payload, headers: { cookie } });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json<{ id: number; version: number }>();
    const refused = await app.inject({
      method: 'POST',
      url: `/api/nominations/${id}/submit`,
      payload: { version },
      headers: { cookie },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ details: { rules: { rule: string }[] } }>().details.rules).toMatchObject([
      { rule: 'discipline' },
    ]);
    const list = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(list.json<{ items: { id: number }[] }>().items.map((i) => i.id)).toEqual([id]);
  });

  it('the unit band is a condition only where the plan names its qualifying bands', async () => {
    const { w } = await setup();
    const ttldtt = await formVersion('TTLDTT');
    // 15 / 20 = 75 %: Khá; the plan names Xuất sắc as its only qualifying band (seed 002).
    const sheetId = await scoreAndSubmit(w, w.as('head'), w.reg.id, { percent: 99, manual: 5 });
    const { criteriaVersionId } = await getSheet(w.as('officer'), sheetId);
    await bindPlanCriteria(w.as('officer'), w.plan.id, {
      version: w.plan.version,
      criteriaVersionId,
      qualifyingBandKeys: ['xuat_sac'],
    });
    await computeResults(w.as('officer'), w.plan.id);
    await publishResults(w.as('issuerHead'), w.plan.id);
    const candidates = await listNominationCandidates(w.as('head'), w.plan.id);
    expect(candidates.units).toEqual([]);
    const draft = await createNomination(w.as('head'), w.plan.id, {
      ...achievement,
      unitId: w.units.oneStop.id,
      formVersionId: ttldtt,
    });
    const err = await expectAppError(
      submitNomination(w.as('head'), draft.id, { version: draft.version }),
      'VALIDATION_FAILED',
    );
    expect(err.details?.rules).toEqual([
      {
        rule: 'unit_band',
        message:
          'Kế hoạch chỉ xét khen thưởng đơn vị được xếp loại Xuất sắc; đơn vị không đạt mức này theo kết quả đã công bố.',
      },
    ]);
  });

  it('withdrawn, it frees the subject for the same form; not once a level forwarded it', async () => {
    const { w, person, bk } = await setup();
    const first = await nominate(w, person.id, bk);
    const gone = await withdrawNomination(w.as('head'), first.id, { version: first.version });
    expect(gone.status).toBe('withdrawn');
    const second = await nominate(w, person.id, bk);
    const sent = await submitNomination(w.as('head'), second.id, { version: second.version });
    const up = await forwardNomination(w.as('officer'), second.id, { version: sent.version });
    await expectAppError(
      withdrawNomination(w.as('head'), second.id, { version: up.version }),
      'INVALID_STATE',
    );
  });
});
