import { sql } from 'kysely';
import { Document, Packer, Paragraph } from 'docx';
import type { CriteriaTree } from '../../shared/criteria';
import type { Role } from '../../shared/permissions';
import type { Ctx } from '../platform/context';
import type { TestDb } from './db';
import { makeTree, makeUser, testCtx } from './factories';
import { samplePlanContent, samplePlanInput } from './plans';
import { createPlan, recordIssuedPlan } from '../modules/campaigns/index';
import { approveRegistration, registerForPlan } from '../modules/registrations/index';
import { createCriteriaSet, publishCriteriaVersion } from '../modules/criteria/index';
import {
  bindPlanCriteria,
  openSheet,
  saveSelfEntry,
  submitSheet,
} from '../modules/assessment/index';
import { createUnit } from '../modules/organization/index';

/**
 * A world for self-assessment tests: a province plan of 15/6/2020 binding a 20-point criteria
 * tree, the commune's one-stop unit registered and approved, assessment deadline 15/12/2020.
 */

export const at = (iso: string) => () => new Date(iso);
export const T = {
  issued: '2020-06-15T03:00:00Z',
  onTime: '2020-07-15T02:00:00Z',
  /** 15/12/2020 23:59 in Vietnam: still the deadline day. */
  lastMinute: '2020-12-15T16:59:00Z',
  /** 16/12/2020 00:00 in Vietnam. */
  justLate: '2020-12-15T17:00:00Z',
};
export const DEADLINE = '2020-12-15';

/** Field 1: binary 1.1 (evidence) + tiered 1.2; field 2: manual 2.1 (evidence) + survey 2.2; bonus 3. */
export const tree: CriteriaTree = {
  maxTotal: 20,
  fields: [
    {
      id: 'f1',
      code: '1',
      title: 'Công tác chỉ đạo, điều hành',
      maxPoints: 10,
      evidenceRequired: false,
      children: [
        {
          id: 'l11',
          code: '1.1',
          title: 'Ban hành kế hoạch CCHC năm',
          maxPoints: 4,
          scoring: { method: 'binary' },
          evidenceRequired: true,
          children: [],
        },
        {
          id: 'l12',
          code: '1.2',
          title: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
          maxPoints: 6,
          scoring: {
            method: 'tiered_percent',
            tiers: [
              { minPercent: 98, points: 6 },
              { minPercent: 90, points: 4 },
              { minPercent: 80, points: 2 },
            ],
          },
          evidenceRequired: false,
          children: [],
        },
      ],
    },
    {
      id: 'f2',
      code: '2',
      title: 'Mức độ hài lòng',
      maxPoints: 10,
      evidenceRequired: false,
      children: [
        {
          id: 'l21',
          code: '2.1',
          title: 'Tuyên truyền CCHC',
          maxPoints: 5,
          scoring: { method: 'manual' },
          evidenceRequired: true,
          children: [],
        },
        {
          id: 'l22',
          code: '2.2',
          title: 'Chỉ số hài lòng (SIPAS)',
          maxPoints: 5,
          scoring: { method: 'survey', surveyMax: 100 },
          evidenceRequired: false,
          children: [],
        },
      ],
    },
    {
      id: 'b3',
      code: '3',
      title: 'Điểm thưởng sáng kiến',
      maxPoints: 2,
      scoring: { method: 'adjustment', maxBonus: 2, maxPenalty: 2 },
      evidenceRequired: true,
      children: [],
    },
  ],
};

export { expectAppError } from './errors';

/** A tiny but well-formed PDF, a PNG header and a .docx built with `docx`. */
export const files = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
  docx: async () =>
    Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Kế hoạch CCHC năm 2020')] }] }),
    ),
  text: Buffer.from('Đây chỉ là văn bản thường, không phải PDF.\n'),
};

export async function world(t: TestDb) {
  const sys = testCtx(t, undefined, at(T.issued));
  const units = await makeTree(sys);
  const user = (role: Role, unitId: number) => makeUser(sys, role, unitId);
  const users = {
    officer: await user('emulation_officer', units.province.id),
    issuerHead: await user('unit_head', units.province.id),
    council: await user('council_member', units.province.id),
    head: await user('unit_head', units.commune.id),
    staff: await user('staff', units.commune.id),
    otherOfficer: await user('emulation_officer', units.otherCommune.id),
  };
  const as = (who: keyof typeof users, when: string = T.onTime): Ctx =>
    testCtx(t, users[who].actor, at(when));
  const draft = await createPlan(
    as('officer', T.issued),
    samplePlanInput(units.province.id, {
      periodEnd: '2020-12-31',
      registrationDeadline: '2020-07-31',
      content: samplePlanContent({
        participants: {
          collectiveUnitKinds: ['one_stop'],
          collectives: [],
          individualCategories: [],
          individuals: [],
        },
      }),
    }),
  );
  const plan = await recordIssuedPlan(as('issuerHead', T.issued), draft.id, {
    version: draft.version,
    documentNumber: '62/KH-UBND',
    issuedOn: '2020-06-15',
  });
  const set = await createCriteriaSet(as('officer', T.issued), {
    ownerUnitId: units.province.id,
    name: 'Bộ chỉ số CCHC thử',
    tree,
  });
  await publishCriteriaVersion(as('officer', T.issued), set.id, { version: set.version });
  const bound = await bindPlanCriteria(as('officer', T.issued), plan.id, {
    version: plan.version,
    criteriaVersionId: set.id,
    bands: null,
  });
  await sql`UPDATE plan_evaluation SET assessment_deadline = ${DEADLINE} WHERE plan_id = ${plan.id}`.execute(
    t.db,
  );
  const reg = await registerForPlan(as('head'), plan.id, {
    kind: 'collective',
    unitId: units.oneStop.id,
    commitments: {
      targetTitle: 'Tập thể lao động xuất sắc',
      targets: ['100% hồ sơ giải quyết đúng hạn'],
      keyTasks: [],
      breakthroughTasks: [],
    },
  });
  const approved = await approveRegistration(as('officer'), reg.id, { version: reg.version });
  return { sys, units, users, as, plan: { ...plan, version: bound.version }, reg: approved };
}
export type World = Awaited<ReturnType<typeof world>>;

/** Scores a unit's sheet (1.1 met, 1.2 by percent, 2.1 manual) and submits it. */
export async function scoreAndSubmit(
  w: World,
  ctx: ReturnType<World['as']>,
  regId: number,
  s: { percent: number; manual: number },
) {
  const sheet = await openSheet(ctx, regId);
  await saveSelfEntry(ctx, sheet.id, 'l11', {
    input: { met: true },
    note: 'Kế hoạch số 05/KH-UBND',
  });
  await saveSelfEntry(ctx, sheet.id, 'l12', { input: { percent: s.percent } });
  await saveSelfEntry(ctx, sheet.id, 'l21', {
    input: { points: s.manual },
    note: 'Tin bài trên cổng',
  });
  const fresh = await openSheet(ctx, regId);
  await submitSheet(ctx, sheet.id, { version: fresh.version });
  return sheet.id;
}

/** A second one-stop unit (under the other commune), registered and approved, with its head. */
export async function secondUnit(t: TestDb, w: World) {
  const oneStop = await createUnit(w.sys, {
    parentId: w.units.otherCommune.id,
    name: 'Bộ phận một cửa Ngọc Liên',
    kind: 'one_stop',
  });
  const head = await makeUser(w.sys, 'unit_head', w.units.otherCommune.id);
  const ctx = testCtx(t, head.actor, at(T.onTime));
  const reg = await registerForPlan(ctx, w.plan.id, {
    kind: 'collective',
    unitId: oneStop.id,
    commitments: {
      targetTitle: null,
      targets: ['Không có hồ sơ trễ hạn'],
      keyTasks: [],
      breakthroughTasks: [],
    },
  });
  const approved = await approveRegistration(w.as('officer'), reg.id, { version: reg.version });
  return { ctx, reg: approved, unit: oneStop };
}
