import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { nationalFormVersion } from '../../test/awards';
import { makePerson, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie, multipart } from '../../test/http';
import { expectAppError, files, world, type World } from '../../test/evaluation';
import { ensureNationalCatalogue } from '../awards/index';
import {
  downloadNominationAttachment,
  removeNominationAttachment,
  uploadNominationAttachment,
} from './attachments.service';
import {
  acceptNomination,
  approveNomination,
  createNomination,
  forwardNomination,
  getNomination,
  rejectNomination,
  returnNomination,
  submitNomination,
} from './nominations.service';

/**
 * The decision step on real PostgreSQL (decision 041), in the shape of seed 003: the ward (here
 * the commune) decides its Giấy khen / LĐTT within "Cấp xã: không quá 01 cá nhân", the province
 * its Bằng khen; the dossier differs by level; two officers approving at once never exceed a
 * quota.
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

const REPORT = 'Trình cấp xã: Báo cáo thành tích';
const MINUTES = 'Trình cấp tỉnh: Biên bản họp xét';

/** A world whose plan says: 01 individual at the commune level; a dossier item per level. */
async function setup() {
  const w = await world(t);
  const quotas = [
    { id: 'q-xa000001', scope: 'individual', level: 'Cấp xã', maxCount: 1, maxPercent: null },
    { id: 'q-tinh0001', scope: 'individual', level: 'Cấp tỉnh', maxCount: 5, maxPercent: null },
  ];
  const dossier = [{ level: 'Hồ sơ đề nghị khen thưởng', items: [REPORT, MINUTES] }];
  await sql`UPDATE campaign_plan SET content = content
    || jsonb_build_object('quotas', ${JSON.stringify(quotas)}::jsonb,
                          'dossier', ${JSON.stringify(dossier)}::jsonb)
    WHERE id = ${w.plan.id}`.execute(t.db);
  const officer2 = await makeUser(w.sys, 'emulation_officer', w.units.commune.id);
  return {
    w,
    officer2: testCtx(t, officer2.actor, () => new Date('2020-12-20T03:00:00Z')),
    ldtt: await formVersion('LDTT'),
    bk: await formVersion('BK_TINH_CN'),
  };
}

/** A person of the one-stop unit nominated, the commune's report attached, submitted. */
async function submitted(w: World, name: string, formVersionId: number) {
  const person = await makePerson(w.sys, w.units.oneStop.id, name);
  const draft = await createNomination(w.as('head'), w.plan.id, {
    ...achievement,
    personId: person.id,
    formVersionId,
  });
  await uploadNominationAttachment(w.as('head'), draft.id, {
    dossierItem: REPORT,
    fileName: 'bao-cao.pdf',
    data: files.pdf,
  });
  return submitNomination(w.as('head'), draft.id, { version: draft.version });
}

async function accepted(w: World, name: string, formVersionId: number) {
  const n = await submitted(w, name, formVersionId);
  return acceptNomination(w.as('officer'), n.id, { version: n.version });
}

describe('nomination decision step', () => {
  it('accepts only a complete dossier, ticked per level', async () => {
    const { w, ldtt } = await setup();
    const person = await makePerson(w.sys, w.units.oneStop.id, 'Lê Thị Mai');
    const draft = await createNomination(w.as('head'), w.plan.id, {
      ...achievement,
      personId: person.id,
      formVersionId: ldtt,
    });
    // The draft shows the checklist of the level it goes to: the commune's (not the province's).
    expect(draft.dossier).toEqual({
      level: { id: w.units.commune.id, name: expect.any(String) },
      items: [{ item: REPORT, present: false }],
    });
    const sent = await submitNomination(w.as('head'), draft.id, { version: draft.version });
    const err = await expectAppError(
      acceptNomination(w.as('officer'), draft.id, { version: sent.version }),
      'VALIDATION_FAILED',
    );
    expect(err.message).toContain('còn thiếu: Trình cấp xã: Báo cáo thành tích');
    expect(err.details).toEqual({ missing: [REPORT] });
    // Files change only while editable.
    await expectAppError(
      uploadNominationAttachment(w.as('head'), draft.id, {
        dossierItem: REPORT,
        fileName: 'bao-cao.pdf',
        data: files.pdf,
      }),
      'INVALID_STATE',
    );
    const back = await returnNomination(w.as('officer'), draft.id, {
      version: sent.version,
      reason: 'Thiếu báo cáo thành tích',
    });
    await expectAppError(
      uploadNominationAttachment(w.as('head'), draft.id, {
        dossierItem: MINUTES,
        fileName: 'bien-ban.pdf',
        data: files.pdf,
      }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      uploadNominationAttachment(w.as('head'), draft.id, {
        dossierItem: REPORT,
        fileName: 'bao-cao.pdf',
        data: files.text,
      }),
      'VALIDATION_FAILED',
    );
    const stray = await uploadNominationAttachment(w.as('head'), draft.id, {
      dossierItem: '',
      fileName: 'anh.png',
      data: files.png,
    });
    expect(stray.dossierItem).toBeNull();
    await removeNominationAttachment(w.as('head'), draft.id, stray.id);
    const file = await uploadNominationAttachment(w.as('head'), draft.id, {
      dossierItem: REPORT,
      fileName: 'bao-cao.pdf',
      data: files.pdf,
    });
    expect((await downloadNominationAttachment(w.as('officer'), draft.id, file.id)).data).toEqual(
      files.pdf,
    );
    await expectAppError(
      downloadNominationAttachment(w.as('otherOfficer'), draft.id, file.id),
      'NOT_FOUND',
    );
    const again = await submitNomination(w.as('head'), draft.id, { version: back.version });
    expect(again.dossier.items).toEqual([{ item: REPORT, present: true }]);
    expect(again.attachments.map((a) => a.fileName)).toEqual(['bao-cao.pdf']);
    const taken = await acceptNomination(w.as('officer'), draft.id, { version: again.version });
    expect(taken).toMatchObject({ status: 'accepted', currentUnit: { id: w.units.commune.id } });
  });

  it('approves at the deciding level within the quota; a return gives the seat back', async () => {
    const { w, ldtt } = await setup();
    const first = await accepted(w, 'Nguyễn Văn An', ldtt);
    expect(first.decidingUnit.id).toBe(w.units.commune.id);
    expect(first.quotas).toEqual([
      {
        quotaKey: `q-xa000001@unit:${w.units.commune.id}`,
        label: 'Cấp xã: không quá 01 cá nhân',
        used: 0,
        cap: 1,
      },
    ]);
    // The proposer's head does not decide.
    await expectAppError(
      approveNomination(w.as('head'), first.id, { version: first.version }),
      'FORBIDDEN',
    );
    const ok = await approveNomination(w.as('officer'), first.id, { version: first.version });
    expect(ok).toMatchObject({ status: 'approved', quotas: [{ used: 1, cap: 1 }] });
    // LĐTT is decided by the commune: it does not go further up.
    const second = await accepted(w, 'Trần Thị Bình', ldtt);
    await expectAppError(
      forwardNomination(w.as('officer'), second.id, { version: second.version }),
      'INVALID_STATE',
    );
    const full = await expectAppError(
      approveNomination(w.as('officer'), second.id, { version: second.version }),
      'CONFLICT',
    );
    expect(full.message).toBe(
      'Vượt hạn mức: Cấp xã: không quá 01 cá nhân (đã duyệt 1/1, không thể duyệt thêm 1).',
    );
    expect((await getNomination(w.as('officer'), second.id)).status).toBe('accepted');
    const back = await returnNomination(w.as('officer'), first.id, {
      version: ok.version,
      reason: 'Hội đồng đề nghị bổ sung thành tích',
    });
    expect(back.quotas[0]?.used).toBe(0);
    const now = await approveNomination(w.as('officer'), second.id, { version: second.version });
    expect(now.status).toBe('approved');
    // Rejecting an approval gives its seat back too.
    const gone = await rejectNomination(w.as('officer'), second.id, {
      version: now.version,
      reason: 'Không đạt số phiếu',
    });
    expect(gone).toMatchObject({ status: 'rejected', quotas: [{ used: 0 }] });
  });

  it('two officers approving at once never exceed the quota', async () => {
    const { w, ldtt, officer2 } = await setup();
    const a = await accepted(w, 'Phạm Văn Cường', ldtt);
    const b = await accepted(w, 'Hoàng Thị Dung', ldtt);
    const results = await Promise.allSettled([
      approveNomination(w.as('officer'), a.id, { version: a.version }),
      approveNomination(officer2, b.id, { version: b.version }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ code: 'CONFLICT' });
    expect(lost[0]?.message).toMatch(/^Vượt hạn mức/u);
    const { rows } = await sql<{ used: number }>`
      SELECT used FROM quota_use WHERE plan_id = ${w.plan.id}`.execute(t.db);
    expect(rows).toEqual([{ used: 1 }]);
  });

  it('travels only up to the top; a provincial form is decided at the province', async () => {
    const { w, bk } = await setup();
    const n = await accepted(w, 'Đỗ Văn Em', bk);
    expect(n.decidingUnit.id).toBe(w.units.province.id);
    const err = await expectAppError(
      approveNomination(w.as('officer'), n.id, { version: n.version }),
      'INVALID_STATE',
    );
    expect(err.message).toContain('đề nghị đang ở');
    const up = await forwardNomination(w.as('officer'), n.id, { version: n.version });
    expect(up).toMatchObject({ status: 'forwarded', currentUnit: { id: w.units.province.id } });
    // The province's checklist asks for the minutes, which the commune has not attached.
    expect(up.dossier.items).toEqual([{ item: MINUTES, present: false }]);
    await expectAppError(
      acceptNomination(w.as('officer'), n.id, { version: up.version }),
      'VALIDATION_FAILED',
    );
    await expectAppError(
      forwardNomination(w.as('officer'), n.id, { version: up.version }),
      'INVALID_STATE',
    );
    // Rejected at the deciding level.
    const no = await rejectNomination(w.as('officer'), n.id, {
      version: up.version,
      reason: 'Chưa đủ hồ sơ cấp tỉnh',
    });
    expect(no.status).toBe('rejected');
  });

  it('HTTP: upload with the item, accept, approve, 409 beyond the quota', async () => {
    const { w, ldtt } = await setup();
    const headCookie = await loginCookie(app, w.users.head.username, w.users.head.password);
    const officerCookie = await loginCookie(
      app,
      w.users.officer.username,
      w.users.officer.password,
    );
    const ids: number[] = [];
    for (const name of ['Vũ Văn Giang', 'Lý Thị Hoa']) {
      const person = await makePerson(w.sys, w.units.oneStop.id, name);
      const created = await app.inject({
        method: 'POST',
        url: `/api/plans/${w.plan.id}/nominations`,
        payload: { ...achievement, personId: person.id, formVersionId: ldtt },
        headers: { cookie: headCookie },
      });
      const { id } = created.json<{ id: number }>();
      const body = multipart({ dossierItem: REPORT }, { name: 'bao-cao.pdf', data: files.pdf });
      const up = await app.inject({
        method: 'POST',
        url: `/api/nominations/${id}/attachments`,
        payload: body.payload,
        headers: { ...body.headers, cookie: headCookie },
      });
      expect(up.statusCode).toBe(201);
      expect(up.json()).toMatchObject({ dossierItem: REPORT, fileName: 'bao-cao.pdf' });
      const post = async (path: string, cookie: string) => {
        const { version } = (
          await app.inject({ method: 'GET', url: `/api/nominations/${id}`, headers: { cookie } })
        ).json<{ version: number }>();
        return app.inject({
          method: 'POST',
          url: `/api/nominations/${id}/${path}`,
          payload: { version },
          headers: { cookie },
        });
      };
      expect((await post('submit', headCookie)).statusCode).toBe(200);
      expect((await post('accept', officerCookie)).statusCode).toBe(200);
      ids.push(id);
    }
    const approve = async (id: number) => {
      const { version } = (
        await app.inject({
          method: 'GET',
          url: `/api/nominations/${id}`,
          headers: { cookie: officerCookie },
        })
      ).json<{ version: number }>();
      return app.inject({
        method: 'POST',
        url: `/api/nominations/${id}/approve`,
        payload: { version },
        headers: { cookie: officerCookie },
      });
    };
    expect((await approve(ids[0] ?? 0)).statusCode).toBe(200);
    const refused = await approve(ids[1] ?? 0);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toMatch(/^Vượt hạn mức/u);
  });
});
