import { sql } from 'kysely';
import { personCategories } from '../shared/org';
import type { Runtime } from '../server/runtime';
import { systemActor, silentLogger, type Ctx } from '../server/platform/context';
import { createPlan, recordIssuedPlan } from '../server/modules/campaigns/index';
import { samplePlanContent, samplePlanInput } from '../server/test/plans';
import { noPlanEvaluation, upsertPlanEvaluation } from '../server/modules/assessment/index';
import type { LoadRequest } from './load';
import { benchTree, insertPublishedCriteriaSet } from './scoring';

/**
 * `npm run bench -- writes`: audited writes at BENCH_CONNECTIONS connections through HTTP —
 * individual registrations (POST /api/plans/:id/registrations) and self-assessment saves
 * (PUT /api/score-sheets/:id/self/:nodeId), each request a different person or leaf so every one
 * writes a row and an audit event. Before issue 11 every such write waited on one advisory lock
 * until commit (decision 005); since 0019 writers only insert and a sealer chains (decision 032).
 *
 * Setup (not measured): the earlier bench's plans, registrations, sheets and audit events are
 * removed; two plans issued by the bench officer's province take registrations from any of its
 * people; every unit of the province gets an approved registration and a draft score sheet on a
 * 100-leaf index of manual leaves.
 */

export type WritesSetup = {
  /** Registration requests: [warm-up, measured], disjoint (each person registers once). */
  registrations: [LoadRequest[], LoadRequest[]];
  /** Self-assessment saves: [warm-up, measured], disjoint (each leaf of each sheet once). */
  selfSaves: [LoadRequest[], LoadRequest[]];
};

const commitments = JSON.stringify({
  targetTitle: 'Lao động tiên tiến',
  targets: ['Hoàn thành tốt nhiệm vụ được giao'],
  keyTasks: [],
  breakthroughTasks: [],
});

/** Splits into a warm-up part of at most `warm` and the rest (the measured part). */
function split(list: LoadRequest[], warm: number): [LoadRequest[], LoadRequest[]] {
  return [list.slice(0, warm), list.slice(warm)];
}

export async function prepareWrites(
  runtime: Runtime,
  provinceId: number,
  cookie: string,
  log: (line: string) => void,
): Promise<WritesSetup> {
  const db = runtime.db;
  const ctx: Ctx = {
    db,
    actor: systemActor('bench'),
    log: silentLogger,
    now: () => new Date(),
    storage: runtime.storage,
  };
  await sql`TRUNCATE evaluation_result, score_evidence, score_entry, score_sheet, registration,
    criteria_set_version, criteria_set, campaign_plan, campaign_plan_version, campaign_cascade_unit,
    document_series, document_register_entry, generated_document, notification, audit_event
    RESTART IDENTITY CASCADE`.execute(db);
  const content = samplePlanContent({
    participants: {
      collectiveUnitKinds: [],
      collectives: ['Các đơn vị thuộc tỉnh'],
      individualCategories: [...personCategories],
      individuals: ['Cán bộ, công chức, viên chức, người lao động'],
    },
  });
  const plans: number[] = [];
  for (const n of [1, 2]) {
    const draft = await createPlan(
      ctx,
      samplePlanInput(provinceId, {
        title: `Kế hoạch thử tải ghi số ${n}`,
        registrationDeadline: '2099-12-31',
        periodEnd: '2099-12-31',
        content,
      }),
    );
    const plan = await recordIssuedPlan(ctx, draft.id, {
      version: draft.version,
      documentNumber: `0${n}/KH-UBND`,
      issuedOn: '2026-01-05',
    });
    plans.push(plan.id);
  }
  const tree = benchTree([{ method: 'manual' }]); // 100 manual leaves of 1 point
  const version = await insertPublishedCriteriaSet(db, provinceId, 'Bộ chỉ số thử tải ghi', tree);
  const sheetPlan = plans[0] ?? 0;
  await upsertPlanEvaluation(
    db,
    sheetPlan,
    { ...noPlanEvaluation, criteriaVersionId: version.id },
    null,
    new Date(),
  );
  const province = await sql<{ path: string }>`SELECT path::text AS path FROM org_unit
    WHERE id = ${provinceId}`.execute(db);
  const provincePath = province.rows[0]?.path ?? '';
  await sql`INSERT INTO registration (plan_id, kind, unit_id, province_id, status, commitments, submitted_at, late)
    SELECT ${sheetPlan}, 'collective', u.id, u.province_id, 'approved', ${commitments}::jsonb, now(), false
    FROM org_unit u WHERE u.path <@ ${provincePath}::ltree`.execute(db);
  await sql`INSERT INTO score_sheet (plan_id, registration_id, unit_id, province_id, criteria_version_id, status)
    SELECT r.plan_id, r.id, r.unit_id, r.province_id, ${version.id}, 'self_draft'
    FROM registration r WHERE r.plan_id = ${sheetPlan}`.execute(db);
  await sql`ANALYZE registration, score_sheet, audit_event`.execute(db);

  const people = await sql<{
    id: number;
  }>`SELECT p.id FROM person p JOIN org_unit u ON u.id = p.unit_id
    WHERE u.path <@ ${provincePath}::ltree ORDER BY p.id`.execute(db);
  const registrations: LoadRequest[] = plans.flatMap((planId) =>
    people.rows.map((p) => ({
      method: 'POST',
      path: `/api/plans/${planId}/registrations`,
      cookie,
      body: `{"kind":"individual","personId":${p.id},"commitments":${commitments}}`,
    })),
  );
  const sheets = await sql<{ id: number }>`SELECT id FROM score_sheet
    WHERE plan_id = ${sheetPlan} ORDER BY id`.execute(db);
  const leaves = tree.fields.flatMap((f) => f.children.map((c) => c.id));
  // Leaf-major: consecutive requests go to different sheets, as many units scoring at once would.
  const selfSaves: LoadRequest[] = leaves.flatMap((leaf, i) =>
    sheets.rows.map((s) => ({
      method: 'PUT',
      path: `/api/score-sheets/${s.id}/self/${leaf}`,
      cookie,
      body: `{"input":{"points":${(i % 5) * 0.25}}}`,
    })),
  );
  log(
    `writes: 2 plans, ${people.rows.length} people each (${registrations.length} registrations), ` +
      `${sheets.rows.length} sheets × ${leaves.length} leaves (${selfSaves.length} saves) available`,
  );
  return { registrations: split(registrations, 5000), selfSaves: split(selfSaves, 5000) };
}
