import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EndpointSpec } from '../../shared/api/endpoint';
import { createPlan } from '../modules/campaigns/index';
import { createCriteriaSet } from '../modules/criteria/index';
import { openSheet, saveSelfEntry, submitSheet } from '../modules/assessment/index';
import { createUnit } from '../modules/organization/index';
import { registerForPlan } from '../modules/registrations/index';
import { createTestDb, type TestDb } from '../test/db';
import { files, T, tree, world, type World } from '../test/evaluation';
import { makePerson, makeUser } from '../test/factories';
import { buildTestApp, loginCookie, multipart } from '../test/http';
import { samplePlanInput } from '../test/plans';
import { endpointKey, endpointsOf } from './route';

/**
 * Hostile input at every endpoint of the contract (issue 11, item 5): for each endpoint registered
 * through `route`, a sane request is built (from the examples below, or from the JSON Schema of
 * its body), then one body field, path parameter or query parameter at a time is replaced by a
 * hostile value. No answer may be a 5xx, and text PostgreSQL cannot store as sent (a lone
 * surrogate, U+0000) is never accepted. The test lists every failing endpoint and payload.
 */

type Json = Record<string, unknown>;
type Who =
  'admin' | 'officer' | 'issuer' | 'head' | 'council' | 'officer2' | 'head2' | 'council2' | 'self';

/** Text that must always be refused (never stored, never a server error). */
const UNSTORABLE = ['\ud800', 'a\udfffb', 'x\u0000y'];
/** Values put in place of one body field. */
const HOSTILE: unknown[] = [
  ...UNSTORABLE,
  '0000-01-01',
  '9999-12-31',
  2147483648,
  -1,
  1e308,
  'NaN',
  'x'.repeat(100_000),
  null,
  {},
  [],
  ['a'],
  true,
];
/** Inside nested content (depth ≥ 2) a shorter list keeps the run fast. */
const HOSTILE_NESTED: unknown[] = [
  ...UNSTORABLE,
  '0000-01-01',
  2147483648,
  'x'.repeat(100_000),
  null,
  {},
];
/** Values put in place of one path parameter (already URL-encoded). */
const HOSTILE_PARAMS = ['2147483648', '-1', 'abc', '0', '1.5', '%00', '%ED%A0%80', '%F0%9F%98%80'];
/** Values put in place of one query parameter (already URL-encoded). */
const HOSTILE_QUERY = [
  '0000-01-01',
  '9999-12-31',
  '2147483648',
  '99999999999',
  '-1',
  '0',
  'abc',
  'NaN',
  '1e308',
  '%00',
  '%ED%A0%80',
  'x'.repeat(3000),
  // The parameter twice (an array where one value is expected).
  '1&{name}=2',
];

/** Values put in place of one text field beside an uploaded file (multipart: UTF-8 text). */
const HOSTILE_FIELDS = [
  'x\u0000y',
  '0000-01-01',
  '2147483648',
  '-1',
  'abc',
  '',
  'x'.repeat(100_000),
];

/** A JSON text sent as it is (too deep for JSON.stringify). */
class RawJson {
  constructor(readonly text: string) {}
}
/** A JSON value nested `depth` levels deep, as text. */
const deep = (depth: number) => new RawJson(`${'{"a":['.repeat(depth)}"x"${']}'.repeat(depth)}`);

let t: TestDb;
let app: FastifyInstance;
let w: World;
let w2: World;
const cookies = new Map<Who, string>();
const ids: Record<string, number> = {};
let nodeId = 'l11';

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t, { now: () => new Date(T.onTime) });
  // World 1: a sheet still being filled in (self-assessment); a draft plan; a draft criteria set.
  // World 2: a submitted sheet (appraisal).
  [w, w2] = [await world(t), await world(t)];
  const sheet = await openSheet(w.as('head'), w.reg.id);
  const sheet2 = await openSheet(w2.as('head'), w2.reg.id);
  await saveSelfEntry(w2.as('head'), sheet2.id, 'l11', { input: { met: true }, note: 'KH 12' });
  await saveSelfEntry(w2.as('head'), sheet2.id, 'l12', { input: { percent: 95 } });
  await saveSelfEntry(w2.as('head'), sheet2.id, 'l21', { input: { points: 4.5 }, note: 'Tin' });
  await submitSheet(w2.as('head'), sheet2.id, { version: sheet2.version });
  const draft = await createPlan(w.as('officer'), samplePlanInput(w.units.province.id));
  const criteria = await createCriteriaSet(w.as('officer'), {
    ownerUnitId: w.units.province.id,
    name: 'Bộ chỉ số thử (nháp)',
    tree,
  });
  const setRow = await sql<{ setId: number }>`
    SELECT set_id AS "setId" FROM criteria_set_version WHERE id = ${criteria.id}`.execute(t.db);
  const person = await makePerson(w.sys, w.units.office.id, 'Nguyễn Văn Thử');
  const person2 = await makePerson(w.sys, w.units.office.id, 'Lê Thị Thử');
  // Two more one-stop units (the plan's participants): one registered (pending), one free.
  const oneStop = (name: string) =>
    createUnit(w.sys, { parentId: w.units.commune.id, name, kind: 'one_stop' });
  const [pendingUnit, freeUnit] = [await oneStop('Một cửa 2'), await oneStop('Một cửa 3')];
  const pending = await registerForPlan(w.as('head'), w.plan.id, {
    kind: 'collective',
    unitId: pendingUnit.id,
    commitments: { targetTitle: 'Tập thể lao động tiên tiến', targets: ['Đúng hạn'] },
  });
  const admin = await makeUser(w.sys, 'admin', null);
  const self = await makeUser(w.sys, 'admin', null);
  const target = await makeUser(w.sys, 'staff', w.units.office.id);
  Object.assign(ids, {
    plan: w.plan.id,
    draftPlan: draft.id,
    reg: pending.id,
    person2: person2.id,
    freeUnit: freeUnit.id,
    sheet: sheet.id,
    sheet2: sheet2.id,
    criteriaVersion: criteria.id,
    criteriaSet: setRow.rows[0]?.setId ?? 0,
    person: person.id,
    account: target.id,
    province: w.units.province.id,
    commune: w.units.commune.id,
    office: w.units.office.id,
    oneStop: w.units.oneStop.id,
  });
  nodeId = 'l12';
  const login = async (who: Who, u: { username: string; password: string }) =>
    cookies.set(who, await loginCookie(app, u.username, u.password));
  await login('admin', admin);
  await login('self', self);
  await login('officer', w.users.officer);
  await login('issuer', w.users.issuerHead);
  await login('head', w.users.head);
  await login('council', w.users.council);
  await login('officer2', w2.users.officer);
  await login('head2', w2.users.head);
  await login('council2', w2.users.council);
}, 60_000);

afterAll(async () => {
  await app.close();
  await t.close();
});

// ── Which row, which user, which body ───────────────────────────────────────────────────────

/** The value of each path parameter of `e`, by path. */
function paramsOf(e: EndpointSpec): Record<string, string> {
  const key = endpointKey(e);
  const p = e.path;
  const out: Record<string, string> = {};
  const draftPlanOps = [
    'PATCH',
    'preview',
    'issue',
    'record-issued',
    'cancel',
    'doubts',
    'carried',
  ];
  let id: number | undefined;
  if (p.startsWith('/api/plans/:id'))
    id = draftPlanOps.some((op) => key.includes(op)) ? ids.draftPlan : ids.plan;
  else if (p.startsWith('/api/public/plans/:id')) id = ids.plan;
  else if (p.startsWith('/api/registrations/:id')) id = ids.reg;
  else if (p.startsWith('/api/score-sheets/:id/appraisal')) id = ids.sheet2;
  else if (p.startsWith('/api/score-sheets/:id/return')) id = ids.sheet2;
  else if (p.startsWith('/api/score-sheets/:id')) id = ids.sheet;
  else if (p.startsWith('/api/criteria/versions/:id')) id = ids.criteriaVersion;
  else if (p.startsWith('/api/criteria/sets/:id')) id = ids.criteriaSet;
  else if (p.startsWith('/api/accounts/:id')) id = ids.account;
  else if (p.startsWith('/api/people/:id')) id = ids.person;
  else if (p.startsWith('/api/units/:id')) id = ids.commune;
  if (p.includes(':id')) out.id = String(id ?? 1);
  for (const m of p.matchAll(/:([A-Za-z]+)/g)) {
    const name = m[1] ?? '';
    if (name === 'id') continue;
    out[name] =
      name === 'nodeId' ? nodeId : name === 'index' ? '0' : name === 'section' ? 'rewards' : '1';
  }
  return out;
}

/** Whose session calls `e`, in order of preference (403 → the next one). */
function whoCalls(e: EndpointSpec): Who[] {
  const p = e.path;
  if (p.startsWith('/api/auth/')) return ['self'];
  if (/^\/api\/(accounts|units|people|imports|exports|audit)/.test(p)) return ['admin'];
  if (
    p.startsWith('/api/score-sheets/:id/appraisal') ||
    p.startsWith('/api/score-sheets/:id/return')
  )
    return ['council2', 'officer2', 'head2'];
  if (p.startsWith('/api/score-sheets') || p.includes('/checklist'))
    return ['head', 'officer', 'council'];
  if (/\/(approve|return|review)$/.test(p)) return ['officer', 'head'];
  if (p.startsWith('/api/registrations') || p.endsWith('/registrations') || p.endsWith('/bulk'))
    return ['head', 'officer'];
  return ['officer', 'issuer', 'council', 'head', 'admin'];
}

const commitments = {
  targetTitle: 'Tập thể lao động xuất sắc',
  targets: ['100% hồ sơ đúng hạn'],
  keyTasks: [],
  breakthroughTasks: [],
};

/** Sane bodies where the generated one would not pass the service's own checks. */
const EXAMPLES: Record<string, () => Json> = {
  'POST /api/plans': () => samplePlanInput(ids.province ?? 0),
  'PATCH /api/plans/:id': () => {
    const { issuingUnitId: _u, ...draft } = samplePlanInput(ids.province ?? 0);
    return draft;
  },
  'POST /api/plans/:id/preview': () => ({ title: 'Kế hoạch thử', periodEnd: '2027-12-31' }),
  'POST /api/plans/:id/amend': () => ({ reason: 'Điều chỉnh', title: 'Kế hoạch điều chỉnh' }),
  'POST /api/plans/:id/issue': () => ({ issuedOn: '2020-07-01', acknowledgePastDates: true }),
  'POST /api/plans/:id/record-issued': () => ({
    documentNumber: '70/KH-UBND',
    issuedOn: '2020-07-01',
  }),
  'POST /api/plans/:id/cancel': () => ({ reason: 'Huỷ thử' }),
  'POST /api/plans/:id/children': () => ({ unitId: ids.commune }),
  'POST /api/plans/:id/registrations': () => ({
    kind: 'collective',
    unitId: ids.freeUnit,
    commitments,
    lateReason: null,
  }),
  'POST /api/plans/:id/registrations/bulk': () => ({
    unitId: ids.office,
    personIds: [ids.person2],
    commitments,
  }),
  'POST /api/plans/:id/registrations/review': () => ({
    decision: 'return',
    items: [{ id: ids.reg, version: 1 }],
    reason: 'Bổ sung',
  }),
  'PUT /api/plans/:id/evaluation': () => ({
    criteriaVersionId: ids.criteriaVersion,
    bands: [
      { key: 'xuat_sac', label: 'Xuất sắc', minPercent: 90 },
      { key: 'tot', label: 'Tốt', minPercent: 0 },
    ],
    assessmentDeadline: '2020-12-15',
  }),
  'PATCH /api/registrations/:id': () => ({ commitments }),
  'POST /api/registrations/:id/resubmit': () => ({ commitments }),
  'POST /api/registrations/:id/return': () => ({ reason: 'Bổ sung hồ sơ' }),
  'POST /api/criteria': () => ({
    ownerUnitId: ids.province,
    name: 'Bộ chỉ số thử',
    description: 'Mô tả',
    tree,
  }),
  'PUT /api/criteria/versions/:id': () => ({ tree }),
  'POST /api/criteria/sets/:id/versions': () => ({ basedOnVersionId: ids.criteriaVersion }),
  'PUT /api/score-sheets/:id/self/:nodeId': () => ({ input: { percent: 95 }, note: 'Giải trình' }),
  // Few offsets keep the fuzzed leaves (and the sample PDFs rendered) few.
  'POST /api/certificate-templates': () => ({
    unitId: ids.commune,
    name: 'Phôi thử',
    formCode: null,
    mode: 'blank',
    offsets: { recipientName: { x: 1, y: -1, fontSize: null } },
  }),
  'PUT /api/certificate-templates/:id': () => ({
    name: 'Phôi thử',
    formCode: null,
    mode: 'full',
    offsets: { recipientName: { x: 1, y: -1, fontSize: 20 } },
  }),
  'POST /api/certificate-templates/preview.pdf': () => ({
    mode: 'full',
    offsets: { recipientName: { x: 1, y: -1, fontSize: null } },
  }),
  'PUT /api/score-sheets/:id/appraisal/:nodeId': () => ({
    round: 1,
    input: { percent: 91 },
    note: 'Ghi chú',
  }),
  'POST /api/score-sheets/:id/appraisal/request-explanation': () => ({
    reason: 'Giải trình',
    nodeIds: ['l11'],
  }),
  'PUT /api/score-sheets/:id/appraisal/explanation/:nodeId': () => ({ note: 'Giải trình' }),
  'POST /api/score-sheets/:id/return': () => ({ reason: 'Bổ sung' }),
  'POST /api/accounts': () => ({
    username: 'fuzz.user',
    displayName: 'Người thử',
    password: 'mat-khau-thu-1',
    personId: null,
  }),
  'PATCH /api/accounts/:id': () => ({ displayName: 'Người thử' }),
  'POST /api/accounts/:id/grants': () => ({ role: 'staff', unitId: ids.office }),
  'POST /api/units': () => ({ parentId: ids.commune, name: 'Phòng thử', kind: 'department' }),
  'PATCH /api/units/:id': () => ({ name: 'Xã Lương Điền' }),
  'POST /api/people': () => ({
    fullName: 'Trần Thị Thử',
    category: 'cong_chuc',
    unitId: ids.office,
    gender: 'female',
    birthYear: 1990,
    startedOn: '2020-01-01',
  }),
  'PATCH /api/people/:id': () => ({ fullName: 'Nguyễn Văn Thử', birthYear: 1985 }),
  'POST /api/people/:id/move': () => ({ unitId: ids.oneStop, effectiveDate: '2020-07-01' }),
  'POST /api/auth/login': () => ({ username: 'khong-co', password: 'sai-mat-khau' }),
  'POST /api/auth/password': () => ({
    currentPassword: 'sai-mat-khau',
    newPassword: 'mat-khau-moi-1',
  }),
  'POST /api/plans/:id/results/reopen': () => ({ reason: 'Mở lại' }),
  'POST /api/document-register/:entryId/cancel': () => ({ reason: 'Huỷ' }),
};

/** The table whose `version` a body's `version` field is, by path. */
const VERSIONED: [RegExp, string][] = [
  [/^\/api\/plans\/:id/, 'campaign_plan'],
  [/^\/api\/registrations\/:id/, 'registration'],
  [/^\/api\/score-sheets\/:id/, 'score_sheet'],
  [/^\/api\/criteria\/versions\/:id/, 'criteria_set_version'],
  [/^\/api\/accounts\/:id/, 'user_account'],
  [/^\/api\/people\/:id/, 'person'],
  [/^\/api\/units\/:id/, 'org_unit'],
];
/** Bodies whose `version` is a score entry's (optional): left out of the sane request. */
const ENTRY_VERSION = /\/(self|appraisal|explanation)\/:nodeId$/;

async function currentVersion(e: EndpointSpec, params: Record<string, string>) {
  const table = VERSIONED.find(([re]) => re.test(e.path))?.[1];
  if (table === undefined || params.id === undefined) return 1;
  const r = await sql<{ version: number }>`
    SELECT version FROM ${sql.table(table)} WHERE id = ${Number(params.id)}`.execute(t.db);
  return r.rows[0]?.version ?? 1;
}

type Schema = Json & { $defs?: Record<string, Json> };

const jsonSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Schema;

/** A plausible value for a JSON Schema (the first option, the minimum, one item). */
function sample(s: Json, defs: Record<string, Json>, depth = 0): unknown {
  if (depth > 8) return null;
  const ref = s.$ref;
  if (typeof ref === 'string')
    return sample(defs[ref.split('/').pop() ?? ''] ?? {}, defs, depth + 1);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const options = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (options) {
    const first = options.find((o) => o.type !== 'null') ?? options[0] ?? {};
    return sample(first, defs, depth + 1);
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date') return '2020-07-20';
      if (s.format === 'email') return 'thu@example.vn';
      return 'Thử';
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' && s.minimum > 1 ? s.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return typeof s.minItems === 'number' && s.minItems > 0
        ? [sample((s.items ?? {}) as Json, defs, depth + 1)]
        : [];
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, sample(v, defs, depth + 1)]),
      );
    }
    default:
      return null;
  }
}

/** The body of a sane request to `e` (its version the row's current one). */
async function saneBody(
  e: EndpointSpec,
  params: Record<string, string>,
): Promise<Json | undefined> {
  if (e.body === undefined) return undefined;
  const schema = jsonSchema(e.body);
  const example = EXAMPLES[endpointKey(e)];
  const body = example ? example() : ((sample(schema, schema.$defs ?? {}) ?? {}) as Json);
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  if ('version' in props && !ENTRY_VERSION.test(e.path))
    body.version = await currentVersion(e, params);
  else if (ENTRY_VERSION.test(e.path)) delete body.version;
  return body;
}

/** Paths of the leaves of a body (arrays: the array itself and its first item). */
function leaves(v: unknown, path: string[] = []): string[][] {
  if (Array.isArray(v))
    return [path, ...(v.length > 0 ? leaves(v[0], [...path, '0']) : [])].filter((p) => p.length);
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return path.length ? [path] : [];
}

function withValue(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Json;
  let at: Json = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Json;
  at[path[path.length - 1] ?? ''] = value;
  return copy;
}

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, n: string) => params[n] ?? '1');
}

/** Required query parameters with a sane value. */
function saneQuery(e: EndpointSpec): Record<string, string> {
  if (e.query === undefined) return {};
  const schema = jsonSchema(e.query);
  const required = new Set((schema.required ?? []) as string[]);
  const props = (schema.properties ?? {}) as Record<string, Json>;
  return Object.fromEntries(
    Object.entries(props)
      .filter(([k, s]) => required.has(k) && !('default' in s))
      .map(([k, s]) => [k, String(sample(s, schema.$defs ?? {}))]),
  );
}

const queryString = (q: Record<string, string>, raw: [string, string] | null) => {
  const parts = Object.entries(q)
    .filter(([k]) => raw === null || k !== raw[0])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  if (raw) parts.push(`${raw[0]}=${raw[1]}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

// ── The run ─────────────────────────────────────────────────────────────────────────────────

/** Endpoints that change a state others need come last, in this order. */
const LAST = [
  'POST /api/score-sheets/:id/submit',
  'POST /api/score-sheets/:id/appraisal/request-explanation',
  'POST /api/score-sheets/:id/appraisal/submit-explanation',
  'POST /api/score-sheets/:id/appraisal/accept-self',
  'POST /api/score-sheets/:id/appraisal/complete',
  'POST /api/score-sheets/:id/return',
  'POST /api/registrations/:id/return',
  'POST /api/registrations/:id/withdraw',
  'POST /api/plans/:id/issue',
  'POST /api/plans/:id/record-issued',
  'POST /api/plans/:id/cancel',
  'POST /api/plans/:id/results/compute',
  'POST /api/plans/:id/results/publish',
  'POST /api/plans/:id/results/reopen',
  'POST /api/plans/:id/close',
];
/** Not fuzzed: ends the session every other request uses. */
const SKIP = new Set(['POST /api/auth/logout']);

describe('hostile input at every endpoint', () => {
  it('never answers 5xx, and never accepts text PostgreSQL cannot store', async () => {
    const endpoints = endpointsOf(app)
      .filter((e) => !SKIP.has(endpointKey(e)))
      .sort((a, b) => LAST.indexOf(endpointKey(a)) - LAST.indexOf(endpointKey(b)));
    const failures: string[] = [];
    let requests = 0;
    const preferred = new Map<string, Who>();
    /** FUZZ_REPORT=1: each endpoint's answers by status, and its time (to see what is reached). */
    const report = new Map<string, { statuses: Record<number, number>; ms: number }>();

    const send = async (
      e: EndpointSpec,
      url: string,
      payload: unknown,
      what: string,
      mustRefuse: boolean,
    ) => {
      const key = endpointKey(e);
      const order = whoCalls(e);
      const first = preferred.get(key);
      const roles = first ? [first, ...order.filter((r) => r !== first)] : order;
      let res;
      for (const who of roles) {
        requests++;
        res = await app.inject({
          method: e.method,
          url,
          headers: { cookie: cookies.get(who) ?? '', 'content-type': 'application/json' },
          ...(payload === undefined
            ? {}
            : { payload: payload instanceof RawJson ? payload.text : JSON.stringify(payload) }),
        });
        if (res.statusCode !== 403) {
          preferred.set(key, who);
          break;
        }
      }
      if (res === undefined) return;
      if (process.env.FUZZ_REPORT && what === 'sane body')
        console.log('SANE', key, res.statusCode, res.body.slice(0, 300));
      const r = report.get(key) ?? { statuses: {}, ms: 0 };
      r.statuses[res.statusCode] = (r.statuses[res.statusCode] ?? 0) + 1;
      report.set(key, r);
      const shown = what.length > 200 ? `${what.slice(0, 200)}…` : what;
      if (res.statusCode >= 500)
        failures.push(`${key} ${shown} → ${res.statusCode} ${res.body.slice(0, 300)}`);
      else if (mustRefuse && res.statusCode < 400)
        failures.push(`${key} ${shown} → ${res.statusCode}: unstorable text accepted`);
    };

    /**
     * Uploads: each text field beside the file, one at a time (the readers of the files
     * themselves have their own tests, issue 11 item 1). Multipart text is UTF-8, so a lone
     * surrogate cannot be sent; U+0000 can.
     */
    const fuzzUpload = async (e: EndpointSpec) => {
      const key = endpointKey(e);
      const params = paramsOf(e);
      const accept = e.upload?.accept ?? [];
      const file = accept.includes('application/pdf')
        ? { name: 'a.pdf', data: files.pdf }
        : accept.includes('text/plain')
          ? {
              name: 'a.txt',
              data: Buffer.from('KẾ HOẠCH\nPhát động phong trào thi đua năm 2026\n'),
            }
          : { name: 'a.xlsx', data: Buffer.from('PK\u0003\u0004 not really a workbook') };
      const sane = Object.fromEntries(
        Object.entries((e.body ? await saneBody(e, params) : undefined) ?? {}).map(([k, v]) => [
          k,
          k === 'nodeId' ? 'l11' : k === 'unitId' ? String(ids.office) : String(v),
        ]),
      );
      for (const field of Object.keys(sane))
        for (const value of HOSTILE_FIELDS) {
          const m = multipart({ ...sane, [field]: value }, file);
          for (const who of whoCalls(e)) {
            requests++;
            const res = await app.inject({
              method: e.method,
              url: fill(e.path, params),
              payload: m.payload,
              headers: { ...m.headers, cookie: cookies.get(who) ?? '' },
            });
            if (res.statusCode === 403) continue;
            const what = `multipart ${field}=${value.slice(0, 40)}`;
            if (res.statusCode >= 500)
              failures.push(`${key} ${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
            else if (value.includes('\u0000') && res.statusCode < 400)
              failures.push(`${key} ${what} → ${res.statusCode}: unstorable text accepted`);
            break;
          }
        }
    };

    for (const e of endpoints) {
      if (e.upload) {
        await fuzzUpload(e);
        continue;
      }
      const started = Date.now();
      const params = paramsOf(e);
      const query = saneQuery(e);
      const url = (p = params, raw: [string, string] | null = null) =>
        fill(e.path, p) + queryString(query, raw);

      // Body fields, one at a time; then the whole body.
      if (e.body !== undefined && e.method !== 'GET') {
        const sane = await saneBody(e, params);
        const schemaProps = Object.keys(jsonSchema(e.body).properties ?? {});
        const paths = [
          ...leaves(sane),
          ...schemaProps.filter((k) => !(sane && k in sane)).map((k) => [k]),
        ];
        for (const path of paths)
          for (const value of path.length >= 2 ? HOSTILE_NESTED : HOSTILE) {
            const body = withValue(await saneBody(e, params), path, value);
            await send(
              e,
              url(),
              body,
              `body ${path.join('.')}=${JSON.stringify(value).slice(0, 40)}`,
              typeof value === 'string' && UNSTORABLE.includes(value),
            );
          }
        await send(e, url(), new RawJson('{"__proto__":{"admin":true}}'), 'body __proto__', false);
        for (const whole of [null, [], 'x', 42, {}])
          await send(e, url(), whole, `body=${JSON.stringify(whole)}`, false);
        await send(e, url(), deep(5000), 'body nested 10,000 levels', false);
        const top = paths[0]?.[0];
        if (top !== undefined && sane !== undefined) {
          const inner = JSON.stringify({ ...sane, [top]: '__DEEP__' });
          const text = inner.replace('"__DEEP__"', deep(100).text);
          await send(e, url(), new RawJson(text), `body ${top} nested 200 levels`, false);
        }
      }

      // The sane request last: it may change the state (issue, cancel, close) the others need.
      if (e.body !== undefined && e.method !== 'GET')
        await send(e, url(), await saneBody(e, params), 'sane body', false);

      // Path parameters.
      const body = await saneBody(e, params);
      for (const name of Object.keys(params))
        for (const value of HOSTILE_PARAMS)
          await send(
            e,
            url({ ...params, [name]: value }),
            body,
            `param ${name}=${value}`,
            value === '%00',
          );

      // Query parameters.
      if (e.query !== undefined) {
        const names = Object.keys(jsonSchema(e.query).properties ?? {});
        for (const name of names)
          for (const value of HOSTILE_QUERY)
            await send(
              e,
              url(params, [name, value.replace('{name}', name)]),
              body,
              `query ${name}=${value.slice(0, 40)}`,
              value === '%00',
            );
      }
      const r = report.get(endpointKey(e));
      if (r) r.ms = Date.now() - started;
    }
    if (process.env.FUZZ_REPORT)
      for (const [key, r] of report) console.log(key, r.ms, 'ms', JSON.stringify(r.statuses));
    console.log(`fuzz: ${endpoints.length} endpoints, ${requests} requests`);
    expect(failures).toEqual([]);
  }, 120_000);
});
