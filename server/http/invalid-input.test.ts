import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSheet } from '../modules/assessment/index';
import { createPlan } from '../modules/campaigns/index';
import { createUnit } from '../modules/organization/index';
import { registerForPlan } from '../modules/registrations/index';
import { createTestDb, type TestDb } from '../test/db';
import { T, tree, world, type World } from '../test/evaluation';
import { makePerson, makeUser } from '../test/factories';
import { buildTestApp, loginCookie } from '../test/http';
import { samplePlanContent, samplePlanInput } from '../test/plans';

/**
 * The inputs that answered 500 (or were silently altered) before issue 11, item 5: the year 0000
 * in a date, a lone UTF-16 surrogate in text stored as JSON or as plain text, and an integer past
 * PostgreSQL's int4. Each answers 400 VALIDATION_FAILED naming the field, and writes nothing.
 */

let t: TestDb;
let app: FastifyInstance;
let w: World;
const cookies: Record<'officer' | 'head' | 'admin', string> = { officer: '', head: '', admin: '' };
const ids = { plan: 0, draft: 0, reg: 0, sheet: 0, person: 0, unit: 0 };

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => new Date(T.onTime) });
  w = await world(t);
  const draft = await createPlan(w.as('officer'), samplePlanInput(w.units.province.id));
  const unit = await createUnit(w.sys, {
    parentId: w.units.commune.id,
    name: 'Một cửa 2',
    kind: 'one_stop',
  });
  const pending = await registerForPlan(w.as('head'), w.plan.id, {
    kind: 'collective',
    unitId: unit.id,
    commitments: { targetTitle: 'Tập thể lao động tiên tiến', targets: ['Đúng hạn'] },
  });
  const sheet = await openSheet(w.as('head'), w.reg.id);
  const person = await makePerson(w.sys, w.units.office.id, 'Nguyễn Văn Thử');
  Object.assign(ids, {
    plan: w.plan.id,
    draft: draft.id,
    reg: pending.id,
    sheet: sheet.id,
    person: person.id,
    unit: w.units.office.id,
  });
  const admin = await makeUser(w.sys, 'admin', null);
  cookies.admin = await loginCookie(app, admin.username, admin.password);
  cookies.officer = await loginCookie(app, w.users.officer.username, w.users.officer.password);
  cookies.head = await loginCookie(app, w.users.head.username, w.users.head.password);
}, 60_000);

afterAll(async () => {
  await app.close();
  await t.close();
});

const SURROGATE = 'có ký tự không hợp lệ (mã Unicode không hoàn chỉnh)';
const DATE_RANGE = 'phải là ngày trong khoảng từ 01/01/1900 đến 31/12/2100';
const INT4 = 'phải nhỏ hơn hoặc bằng 2147483647';

/** Rows that any write would add or change: the change log, and the versions of what was hit. */
async function fingerprint(): Promise<string> {
  const r = await sql<{ f: string }>`
    SELECT concat_ws('/',
      (SELECT count(*) FROM audit_event),
      (SELECT sum(version) FROM campaign_plan),
      (SELECT sum(version) FROM registration),
      (SELECT sum(version) FROM person),
      (SELECT sum(version) FROM org_unit),
      (SELECT count(*) FROM score_entry),
      (SELECT count(*) FROM criteria_set_version),
      (SELECT count(*) FROM campaign_plan)) AS f`.execute(t.db);
  return r.rows[0]?.f ?? '';
}

async function planVersion(id: number) {
  const r = await sql<{
    v: number;
  }>`SELECT version AS v FROM campaign_plan WHERE id = ${id}`.execute(t.db);
  return r.rows[0]?.v ?? 0;
}

type Case = {
  name: string;
  who: keyof typeof cookies;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: () => string;
  body?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  field: string;
  label?: string;
  message: string;
};

const commitments = (targets: string[]) => ({
  targetTitle: 'Tập thể lao động xuất sắc',
  targets,
  keyTasks: [],
  breakthroughTasks: [],
});

const cases: Case[] = [
  // The year 0000 in a date.
  {
    name: 'plan period end 0000-01-01',
    who: 'officer',
    method: 'POST',
    url: () => '/api/plans',
    body: () => samplePlanInput(w.units.province.id, { periodEnd: '0000-01-01' }),
    field: 'periodEnd',
    label: 'Thời gian kết thúc',
    message: DATE_RANGE,
  },
  {
    name: 'draft registration deadline 0000-01-01',
    who: 'officer',
    method: 'PATCH',
    url: () => `/api/plans/${ids.draft}`,
    body: async () => ({
      version: await planVersion(ids.draft),
      registrationDeadline: '0000-01-01',
    }),
    field: 'registrationDeadline',
    message: DATE_RANGE,
  },
  {
    name: 'legal basis date in plan content 0000-01-01',
    who: 'officer',
    method: 'POST',
    url: () => '/api/plans',
    body: () =>
      samplePlanInput(w.units.province.id, {
        content: samplePlanContent({ legalBases: [{ text: 'Chỉ thị 23', date: '0000-01-01' }] }),
      }),
    field: 'content.legalBases.0.date',
    message: DATE_RANGE,
  },
  {
    name: 'evaluation settings deadline 0000-01-01',
    who: 'officer',
    method: 'PUT',
    url: () => `/api/plans/${ids.plan}/evaluation`,
    body: async () => ({
      version: await planVersion(ids.plan),
      criteriaVersionId: null,
      assessmentDeadline: '0000-01-01',
    }),
    field: 'assessmentDeadline',
    message: DATE_RANGE,
  },
  {
    name: 'audit filter from=0000-01-01',
    who: 'admin',
    method: 'GET',
    url: () => '/api/audit?from=0000-01-01',
    field: 'from',
    message: DATE_RANGE,
  },
  {
    name: 'audit filter to=9999-12-31',
    who: 'admin',
    method: 'GET',
    url: () => '/api/audit?to=9999-12-31',
    field: 'to',
    message: DATE_RANGE,
  },
  // A lone surrogate in text stored as JSON.
  {
    name: 'plan content purpose "\\ud800"',
    who: 'officer',
    method: 'POST',
    url: () => '/api/plans',
    body: () =>
      samplePlanInput(w.units.province.id, {
        content: samplePlanContent({ purposes: ['Phát huy', 'x\ud800'] }),
      }),
    field: 'content.purposes.1',
    message: SURROGATE,
  },
  {
    name: 'registration commitment "a\\udfffb"',
    who: 'head',
    method: 'PATCH',
    url: () => `/api/registrations/${ids.reg}`,
    body: () => ({ version: 1, commitments: commitments(['a\udfffb']) }),
    field: 'commitments.targets.0',
    label: 'Chỉ tiêu (dòng 1)',
    message: SURROGATE,
  },
  {
    name: 'band label "\\ud800"',
    who: 'officer',
    method: 'PUT',
    url: () => `/api/plans/${ids.plan}/evaluation`,
    body: async () => ({
      version: await planVersion(ids.plan),
      criteriaVersionId: null,
      bands: [
        { key: 'xs', label: 'Xuất sắc\ud800', minPercent: 90 },
        { key: 'k', label: 'Khác', minPercent: 0 },
      ],
    }),
    field: 'bands.0.label',
    message: SURROGATE,
  },
  {
    name: 'criteria set name "\\udc00"',
    who: 'officer',
    method: 'POST',
    url: () => '/api/criteria',
    body: () => ({ ownerUnitId: w.units.province.id, name: 'Bộ chỉ số \udc00', tree }),
    field: 'name',
    label: 'Tên bộ tiêu chí',
    message: SURROGATE,
  },
  {
    name: 'criterion title in the tree "\\ud800"',
    who: 'officer',
    method: 'POST',
    url: () => '/api/criteria',
    body: () => ({
      ownerUnitId: w.units.province.id,
      name: 'Bộ chỉ số',
      tree: { ...tree, fields: [{ ...tree.fields[0], title: '\ud800' }, ...tree.fields.slice(1)] },
    }),
    field: 'tree.fields.0.title',
    message: SURROGATE,
  },
  {
    name: 'cancellation reason "\\ud800"',
    who: 'officer',
    method: 'POST',
    url: () => `/api/plans/${ids.draft}/cancel`,
    body: async () => ({ version: await planVersion(ids.draft), reason: 'Huỷ \ud800' }),
    field: 'reason',
    message: SURROGATE,
  },
  {
    name: 'self-assessment note "\\ud800"',
    who: 'head',
    method: 'PUT',
    url: () => `/api/score-sheets/${ids.sheet}/self/l12`,
    body: () => ({ input: { percent: 95 }, note: 'Giải trình \ud800' }),
    field: 'note',
    message: SURROGATE,
  },
  // A lone surrogate in plain text (was saved as U+FFFD).
  {
    name: 'unit name "a\\udfffb"',
    who: 'admin',
    method: 'POST',
    url: () => '/api/units',
    body: () => ({ parentId: w.units.commune.id, name: 'Phòng a\udfffb', kind: 'department' }),
    field: 'name',
    label: 'Tên đơn vị',
    message: SURROGATE,
  },
  {
    name: 'plan title "\\ud800"',
    who: 'officer',
    method: 'POST',
    url: () => '/api/plans',
    body: () => samplePlanInput(w.units.province.id, { title: 'Kế hoạch \ud800' }),
    field: 'title',
    message: SURROGATE,
  },
  // Integers past int4.
  {
    name: 'person version 2147483648',
    who: 'admin',
    method: 'PATCH',
    url: () => `/api/people/${ids.person}`,
    body: () => ({ version: 2147483648, fullName: 'Nguyễn Văn Thử' }),
    field: 'version',
    message: INT4,
  },
  {
    name: 'plan version 2147483648',
    who: 'officer',
    method: 'PATCH',
    url: () => `/api/plans/${ids.draft}`,
    body: () => ({ version: 2147483648, title: 'Kế hoạch' }),
    field: 'version',
    message: INT4,
  },
  {
    name: 'reviewed registration id 2147483648',
    who: 'officer',
    method: 'POST',
    url: () => `/api/plans/${ids.plan}/registrations/review`,
    body: () => ({ decision: 'approve', items: [{ id: 2147483648, version: 1 }] }),
    field: 'items.0.id',
    message: INT4,
  },
  {
    name: 'path id 2147483648',
    who: 'officer',
    method: 'GET',
    url: () => '/api/plans/2147483648',
    field: 'id',
    label: 'Mã kế hoạch',
    message: INT4,
  },
  {
    name: 'page=99999999999',
    who: 'officer',
    method: 'GET',
    url: () => '/api/plans?page=99999999999',
    field: 'page',
    message: 'phải nhỏ hơn hoặc bằng 100000',
  },
  {
    name: 'year=0000',
    who: 'officer',
    method: 'GET',
    url: () => '/api/plans?year=0000',
    field: 'year',
    message: 'phải lớn hơn hoặc bằng 2000',
  },
];

describe('inputs that used to answer 500', () => {
  it.each(cases)('$name → 400 naming the field, nothing written', async (c) => {
    const before = await fingerprint();
    const res = await app.inject({
      method: c.method,
      url: c.url(),
      headers: { cookie: cookies[c.who] },
      ...(c.body ? { payload: await c.body() } : {}),
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<{ error: string; details: { fields: Record<string, string>[] } }>();
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.details.fields).toContainEqual({
      field: c.field,
      label: c.label ?? expect.any(String),
      message: c.message,
    });
    expect(await fingerprint()).toBe(before);
  });

  it('keeps a surrogate pair (an emoji) and the limits themselves', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: cookies.admin },
      payload: { parentId: w.units.commune.id, name: 'Tổ 😀', kind: 'department' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ name: string }>().name).toBe('Tổ 😀');
    const dates = await app.inject({
      method: 'GET',
      url: '/api/audit?from=1900-01-01&to=2100-12-31',
      headers: { cookie: cookies.admin },
    });
    expect(dates.statusCode, dates.body).toBe(200);
  });
});
