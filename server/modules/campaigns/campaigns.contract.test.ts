import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPath, type EndpointSpec } from '../../../shared/api/endpoint';
import {
  planEndpoints,
  publicPlanEndpoints,
  type PlanDetail,
  type PlanReading,
} from '../../../shared/api/campaigns';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { samplePlanInput } from '../../test/plans';
import { buildTestApp, loginCookie } from '../../test/http';
import type { Role } from '../../../shared/permissions';

/**
 * Every campaigns endpoint answered once over HTTP, as a district → commune campaign runs: the
 * test app checks each JSON answer against its schema in shared/api/campaigns.ts (a mismatch or an
 * undeclared field is a 500), so this walk proves the contract true for every route.
 */

let t: TestDb;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
const cookies = new Map<string, string>();
const called = new Set<EndpointSpec>();

const SEED_003 = readFileSync(
  join(import.meta.dirname, 'plan-reader/fixtures/seeds/003_2f885082b70e80f8.txt'),
  'utf8',
);

beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
  const sys = testCtx(t);
  tree = await makeTree(sys);
  const roles: [string, Role, number][] = [
    ['provinceOfficer', 'emulation_officer', tree.province.id],
    ['provinceHead', 'unit_head', tree.province.id],
    ['officer', 'emulation_officer', tree.commune.id],
    ['head', 'unit_head', tree.commune.id],
  ];
  for (const [name, role, unitId] of roles) {
    const u = await makeUser(sys, role, unitId);
    cookies.set(name, await loginCookie(app, u.username, u.password));
  }
});
afterAll(async () => {
  await app.close();
  await t.close();
});

/** Calls an endpoint as `who` (null: no session) and expects its success status. */
async function call<T = unknown>(
  endpoint: EndpointSpec,
  who: string | null,
  input: {
    params?: Record<string, string | number>;
    query?: Record<string, string>;
    body?: unknown;
  } = {},
): Promise<T> {
  called.add(endpoint);
  const query = input.query ? `?${new URLSearchParams(input.query).toString()}` : '';
  const options: InjectOptions = {
    method: endpoint.method,
    url: fillPath(endpoint.path, input.params) + query,
    headers: who === null ? {} : { cookie: cookies.get(who) ?? '' },
    ...(input.body === undefined ? {} : { payload: input.body as Record<string, unknown> }),
  };
  const res = await app.inject(options);
  const expected = endpoint.status ?? 200;
  expect(res.statusCode, `${endpoint.method} ${endpoint.path}: ${res.body.slice(0, 500)}`).toBe(
    expected,
  );
  const type = String(res.headers['content-type'] ?? '');
  return (type.startsWith('application/json') ? res.json() : res.rawPayload) as T;
}

const nextYear = new Date().getUTCFullYear() + 1;
const e = planEndpoints;
const pub = publicPlanEndpoints;

describe('campaigns contract', () => {
  it('answers every plan endpoint as its schema says', async () => {
    // A province plan that the commune must follow with its own.
    const created = await call<{ id: number; version: number }>(e.create, 'provinceOfficer', {
      body: samplePlanInput(tree.province.id, {
        title: 'Kế hoạch thi đua cải cách hành chính của tỉnh',
        periodEnd: `${nextYear}-12-31`,
        registrationDeadline: `${nextYear}-06-30`,
        cascadeDeadline: `${nextYear}-03-31`,
        cascadeUnitIds: [tree.commune.id],
      }),
    });
    const id = created.id;
    const detail = await call<PlanDetail>(e.detail, 'provinceOfficer', { params: { id } });
    expect(detail.issueOutlook).not.toBeNull();
    const updated = await call<{ version: number }>(e.update, 'provinceOfficer', {
      params: { id },
      body: { version: detail.version, place: 'Hải Dương' },
    });
    await call(e.preview, 'provinceOfficer', { params: { id }, body: { title: 'Bản xem trước' } });
    const issued = await call<{ version: number; documentNumber: string }>(
      e.issue,
      'provinceHead',
      { params: { id }, body: { version: updated.version } },
    );
    expect(issued.documentNumber).toMatch(/KH-UBND$/);
    const amended = await call<{ version: number }>(e.amend, 'provinceHead', {
      params: { id },
      body: { version: issued.version, reason: 'Bổ sung nơi nhận', place: 'Thành phố Hải Dương' },
    });
    expect(amended.version).toBeGreaterThan(issued.version);

    await call(e.list, 'officer', { query: { search: 'cai cach hanh chinh', pageSize: '5' } });
    await call(e.issuingUnits, 'officer', { query: { search: 'tinh thu' } });
    await call(e.versions, 'provinceOfficer', { params: { id } });
    await call(e.history, 'provinceOfficer', { params: { id } });
    await call(e.cascade, 'provinceOfficer', { params: { id } });

    // The commune starts its own plan from the province's and reviews a carried section.
    const child = await call<{ id: number; version: number }>(e.startChild, 'officer', {
      params: { id },
      body: { unitId: tree.commune.id },
    });
    const childDetail = await call<PlanDetail>(e.detail, 'officer', { params: { id: child.id } });
    const section = childDetail.carriedSections[0]?.section;
    expect(section).toBeDefined();
    await call(e.reviewCarriedSection, 'officer', {
      params: { id: child.id, section: section ?? '' },
    });
    const tree_ = await call<{ ancestors: unknown[] }>(e.tree, 'officer', {
      params: { id: child.id },
    });
    expect(tree_.ancestors).toHaveLength(1);
    await call(e.cancel, 'officer', {
      params: { id: child.id },
      body: { version: childDetail.version, reason: 'Soạn lại' },
    });

    // A document read from text (OCR without accents): its doubts confirmed, recorded, closed.
    const reading = await call<PlanReading>(e.read, 'officer', { body: { text: SEED_003 } });
    expect(reading.doubts.length).toBeGreaterThan(0);
    const imported = await call<{ id: number }>(e.create, 'officer', {
      body: {
        ...reading.draft,
        issuingUnitId: tree.commune.id,
        place: reading.draft.place ?? 'Tiền Thành',
        title: reading.draft.title ?? 'Kế hoạch',
        periodStart: null,
        periodEnd: `${nextYear}-12-31`,
        registrationDeadline: null,
        content: {
          ...reading.draft.content,
          contents: ['Thi đua thực hiện tốt các nhiệm vụ cải cách hành chính.'],
        },
        importReview: { confirmed: [] },
      },
    });
    const toReview = await call<PlanDetail>(e.detail, 'officer', { params: { id: imported.id } });
    const confirmed = await call<{ version: number; doubts: unknown[] }>(
      e.confirmDoubts,
      'officer',
      {
        params: { id: imported.id },
        body: { version: toReview.version, keys: toReview.doubts.map((d) => d.key) },
      },
    );
    expect(confirmed.doubts).toEqual([]);
    const recorded = await call<{ version: number; status: string }>(e.recordIssued, 'head', {
      params: { id: imported.id },
      body: {
        version: confirmed.version,
        documentNumber: `7/${toReview.documentSymbol}`,
        issuedOn: `${nextYear - 1}-01-15`,
      },
    });
    expect(recorded.status).toBe('in_progress');
    await call(e.close, 'head', {
      params: { id: imported.id },
      body: { version: recorded.version },
    });

    // Documents and the portal.
    await call(e.documentDocx, 'provinceOfficer', { params: { id } });
    await call(e.documentPdf, 'provinceOfficer', { params: { id }, query: { version: '1' } });
    await call(pub.list, null, { query: { search: 'cai cach', pageSize: '5' } });
    await call(pub.issuingUnits, null, { query: { search: 'tinh thu' } });
    const published = await call<{ resultsPublished: boolean }>(pub.detail, null, {
      params: { id },
    });
    expect(published.resultsPublished).toBe(false);
    await call(pub.documentDocx, null, { params: { id } });
    await call(pub.documentPdf, null, { params: { id } });

    const all = [...Object.values(planEndpoints), ...Object.values(publicPlanEndpoints)];
    const missed = all.filter((x) => !called.has(x)).map((x) => `${x.method} ${x.path}`);
    expect(missed).toEqual([]);
  });
});
