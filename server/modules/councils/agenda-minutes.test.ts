import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { nationalFormVersion } from '../../test/awards';
import { makePerson, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import { expectAppError, world } from '../../test/evaluation';
import { ensureNationalCatalogue } from '../awards/index';
import { createNomination, submitNomination } from '../nominations/index';
import {
  addNominationsToAgenda,
  castVote,
  closeMeeting,
  createCouncil,
  enterPaperTally,
  getMeeting,
  listAgendaCandidates,
  meetingMinutes,
  openMeeting,
  recordAttendance,
  scheduleMeeting,
  updateCouncilMembers,
} from './index';

/**
 * The agenda from nominations, the membership editor and the minutes (.docx) on real
 * PostgreSQL (decision 044): nominations received at the commune go on its council's agenda
 * under their form's threshold; the minutes state time, place, chair, secretary, attendance,
 * quorum, and per nominee yes/whole membership against the threshold; draft until closed.
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
  achievement: 'Giải quyết 100% hồ sơ đúng hạn.',
  periodFrom: '2020-01-01',
  periodTo: '2020-12-31',
} as const;

/** Two nominations received at the commune (LĐTT, CSTĐCS), one still a draft; a 5-member council. */
async function setup() {
  const w = await world(t);
  const mai = await makePerson(w.sys, w.units.oneStop.id, 'Lê Thị Mai', { gender: 'female' });
  const an = await makePerson(w.sys, w.units.oneStop.id, 'Trần Văn An');
  const binh = await makePerson(w.sys, w.units.oneStop.id, 'Phạm Văn Bình');
  const nominate = (personId: number, formVersionId: number) =>
    createNomination(w.as('head'), w.plan.id, { ...achievement, personId, formVersionId });
  const ldtt = await nominate(mai.id, await formVersion('LDTT'));
  const cstdcs = await nominate(an.id, await formVersion('CSTDCS'));
  const draft = await nominate(binh.id, await formVersion('LDTT'));
  await submitNomination(w.as('head'), ldtt.id, { version: ldtt.version });
  // CSTĐCS eligibility (initiative, checklist) is the nominations module's concern: the test
  // moves it to "submitted at the commune" directly.
  await sql`UPDATE nomination SET status = 'submitted', current_unit_id = ${w.units.commune.id}
    WHERE id = ${cstdcs.id}`.execute(t.db);
  const members = [];
  for (let i = 0; i < 5; i++)
    members.push(await makeUser(w.sys, 'council_member', w.units.commune.id));
  const names = ['Nguyễn Văn Chủ', 'Đỗ Thị Phó', 'Hoàng Thư Ký', 'Vũ Ủy Viên', 'Lý Ủy Viên'];
  const roles = ['chair', 'vice_chair', 'secretary', 'member', 'member'] as const;
  const officer = w.as('officer');
  const council = await createCouncil(officer, {
    unitId: w.units.commune.id,
    name: 'Hội đồng Thi đua – Khen thưởng xã Lương Điền',
    termFrom: '2020-01-01',
    termTo: '2025-12-31',
    members: members.map((m, i) => ({
      userId: m.id,
      fullName: names[i] ?? '',
      role: roles[i] ?? 'member',
    })),
  });
  const meeting = await scheduleMeeting(officer, council.id, {
    title: 'Họp xét khen thưởng năm 2020',
    heldOn: '2020-12-20',
    place: 'Hội trường Ủy ban nhân dân xã',
    startsAt: '08:00',
  });
  return { w, officer, council, meeting, ldtt, cstdcs, draft, members };
}

async function documentText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/gu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&quot;/gu, '"')
    .replace(/&gt;/gu, '>')
    .replace(/&lt;/gu, '<')
    .replace(/&amp;/gu, '&');
}

describe('agenda from nominations', () => {
  it('lists the nominations received at the unit and adds them under their form threshold', async () => {
    const { w, officer, meeting, ldtt, cstdcs, draft } = await setup();
    const candidates = await listAgendaCandidates(officer, meeting.id);
    expect(candidates.items.map((c) => [c.nominationId, c.formCode, c.thresholdKind])).toEqual([
      [ldtt.id, 'LDTT', 'majority'],
      [cstdcs.id, 'CSTDCS', 'cstdcs'],
    ]);
    // A draft still at the one-stop unit is not received at the commune.
    const e = await expectAppError(
      addNominationsToAgenda(officer, meeting.id, { nominationIds: [draft.id] }),
      'VALIDATION_FAILED',
    );
    expect(e.message).toContain('không phải hồ sơ');
    await expectAppError(
      addNominationsToAgenda(w.as('staff'), meeting.id, { nominationIds: [ldtt.id] }),
      'FORBIDDEN',
    );
    const m = await addNominationsToAgenda(officer, meeting.id, {
      nominationIds: [cstdcs.id, ldtt.id],
    });
    expect(m.items.map((i) => [i.subject.kind, i.subject.id, i.threshold.percent])).toEqual([
      ['nomination', cstdcs.id, 80],
      ['nomination', ldtt.id, 50],
    ]);
    expect(m.items[0]?.subject.label).toContain('Trần Văn An');
    expect(m.items[0]?.threshold.comparison).toBe('at_least');
    expect(m.items[1]?.threshold.comparison).toBe('more_than');
    // Adding again skips those already on the agenda.
    const again = await addNominationsToAgenda(officer, meeting.id, { nominationIds: [ldtt.id] });
    expect(again.items).toHaveLength(2);
    expect((await listAgendaCandidates(officer, meeting.id)).items.every((c) => c.onAgenda)).toBe(
      true,
    );
  });
});

describe('membership editor', () => {
  it('renames, moves roles, adds and removes; keeps members with a meeting record', async () => {
    const { w, officer, council, meeting } = await setup();
    const [chair, vice, secretary, m4, m5] = council.members;
    if (!chair || !vice || !secretary || !m4 || !m5) throw new Error('members');
    const extra = await makeUser(w.sys, 'council_member', w.units.commune.id);
    const keep = (m: typeof chair, role = m.role) => ({
      id: m.id,
      userId: m.userId,
      fullName: m.fullName,
      role,
    });
    const updated = await updateCouncilMembers(officer, council.id, {
      members: [
        keep(chair, 'member'),
        keep(vice, 'chair'),
        keep(secretary),
        keep(m4),
        { userId: extra.id, fullName: 'Thành Viên Mới', role: 'member' },
      ],
    });
    expect(updated.members.map((m) => [m.fullName, m.role])).toEqual([
      ['Đỗ Thị Phó', 'chair'],
      ['Hoàng Thư Ký', 'secretary'],
      ['Nguyễn Văn Chủ', 'member'],
      ['Vũ Ủy Viên', 'member'],
      ['Thành Viên Mới', 'member'],
    ]);
    await expectAppError(
      updateCouncilMembers(officer, council.id, { members: [keep(chair, 'member')] }),
      'VALIDATION_FAILED',
    );
    await recordAttendance(officer, meeting.id, {
      entries: [{ memberId: m4.id, status: 'present' }],
    });
    const e = await expectAppError(
      updateCouncilMembers(officer, council.id, { members: [keep(vice, 'chair')] }),
      'CONFLICT',
    );
    expect(e.message).toContain('Vũ Ủy Viên');
  });
});

describe('minutes', () => {
  it('renders biên bản họp xét and kiểm phiếu: draft before closing, results on the whole membership after', async () => {
    const { officer, council, meeting, ldtt, cstdcs } = await setup();
    await addNominationsToAgenda(officer, meeting.id, { nominationIds: [cstdcs.id, ldtt.id] });
    const ids = council.members.map((m) => m.id);
    await recordAttendance(officer, meeting.id, {
      entries: ids.map((memberId, i) =>
        i < 4
          ? { memberId, status: 'present' }
          : { memberId, status: 'absent_with_opinion', opinion: 'Nhất trí đề nghị khen thưởng.' },
      ),
    });
    const draft = await meetingMinutes(officer, meeting.id, {});
    expect(draft.fileName).toMatch(/du-thao\.docx$/u);
    const draftText = await documentText(draft.data);
    expect(draftText).toContain('DỰ THẢO');
    expect(draftText).toContain('chưa có kết luận');

    const open = await openMeeting(officer, meeting.id);
    const [first, second] = open.items;
    if (!first || !second) throw new Error('items');
    await enterPaperTally(officer, first.id, { yes: 3, no: 1, abstain: 0 }); // CSTĐCS: 3/5 < 80 %
    await enterPaperTally(officer, second.id, { yes: 4, no: 0, abstain: 0 }); // LĐTT: 4/5 > 50 %
    await closeMeeting(officer, meeting.id);

    const review = await meetingMinutes(officer, meeting.id, { kind: 'review' });
    expect(review.fileName).toBe(`bien-ban-hop-xet-2020-12-20-${meeting.id}.docx`);
    const text = await documentText(review.data);
    expect(text).not.toContain('DỰ THẢO');
    for (const s of [
      'BIÊN BẢN',
      'Họp xét thi đua, khen thưởng: Họp xét khen thưởng năm 2020',
      'Lương Điền, ngày 20 tháng 12 năm 2020',
      'Thời gian: 08 giờ 00, ngày 20 tháng 12 năm 2020.',
      'Địa điểm: Hội trường Ủy ban nhân dân xã.',
      'Chủ trì: Nguyễn Văn Chủ, Chủ tịch Hội đồng.',
      'Thư ký: Hoàng Thư Ký, Thư ký Hội đồng.',
      'tổng số 5 thành viên; có mặt 4, vắng mặt 1 (trong đó 1 có ý kiến bằng văn bản)',
      'Lý Ủy Viên, Ủy viên: vắng mặt, có ý kiến bằng văn bản.',
      'Đủ số thành viên dự họp: 4/5',
      'Lý Ủy Viên: Nhất trí đề nghị khen thưởng.',
      '3/5',
      '≥ 80 %',
      '4/5',
      '> 50 %',
      'Không đạt',
      'Hội đồng thống nhất đề nghị khen thưởng 1 trường hợp',
      'Không đề nghị 1 trường hợp',
      'THƯ KÝ HỘI ĐỒNG',
      'CHỦ TỊCH HỘI ĐỒNG',
    ])
      expect(text).toContain(s);
    // The conclusion names Lê Thị Mai among those proposed and Trần Văn An among those not.
    const conclusion = text.slice(text.indexOf('KẾT LUẬN'));
    expect(conclusion.indexOf('Lê Thị Mai')).toBeLessThan(conclusion.indexOf('Không đề nghị'));
    expect(conclusion.indexOf('Trần Văn An')).toBeGreaterThan(conclusion.indexOf('Không đề nghị'));

    const tally = await documentText(
      (await meetingMinutes(officer, meeting.id, { kind: 'tally' })).data,
    );
    expect(tally).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(tally).toContain('Tổng số thành viên Hội đồng: 5; số thành viên có mặt: 4');
    expect(tally).toContain('Không hợp lệ');
    expect(tally).toContain('Không đạt: 3/5 thành viên Hội đồng đồng ý');
    // Byte-identical on a second render.
    const again = await meetingMinutes(officer, meeting.id, { kind: 'review' });
    expect(again.data.equals(review.data)).toBe(true);
    expect((await getMeeting(officer, meeting.id)).status).toBe('closed');
  });
});

describe('minutes and the secret ballot', () => {
  it('a draft never shows in-app counts while the meeting is open', async () => {
    const { officer, council, meeting, ldtt, members } = await setup();
    const m = await addNominationsToAgenda(officer, meeting.id, { nominationIds: [ldtt.id] });
    await recordAttendance(officer, meeting.id, {
      entries: council.members.map((x) => ({ memberId: x.id, status: 'present' })),
    });
    await openMeeting(officer, meeting.id);
    const itemId = m.items[0]?.id ?? 0;
    for (const u of members.slice(0, 3))
      await castVote(testCtx(t, u.actor), itemId, { choice: 'yes' });
    const draft = await documentText(
      (await meetingMinutes(officer, meeting.id, { kind: 'tally' })).data,
    );
    expect(draft).toContain('DỰ THẢO');
    expect(draft).not.toContain('3/5');
    expect(draft).toContain('Chưa kiểm phiếu');
    await closeMeeting(officer, meeting.id);
    const final = await documentText(
      (await meetingMinutes(officer, meeting.id, { kind: 'review' })).data,
    );
    expect(final).toContain('3/5');
    expect(final).toContain('Đạt');
  });
});

describe('minutes over HTTP', () => {
  it('downloads the .docx for a reader, 403 for others, 400 for an unknown kind', async () => {
    const { w, meeting } = await setup();
    const officer = await loginCookie(app, w.users.officer.username, w.users.officer.password);
    const other = await loginCookie(
      app,
      w.users.otherOfficer.username,
      w.users.otherOfficer.password,
    );
    const url = `/api/meetings/${meeting.id}/minutes.docx`;
    const ok = await app.inject({ method: 'GET', url, headers: { cookie: officer } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('wordprocessingml');
    expect(ok.headers['content-disposition']).toContain('bien-ban-hop-xet');
    expect(await documentText(ok.rawPayload)).toContain('DỰ THẢO');
    const tally = await app.inject({
      method: 'GET',
      url: `${url}?kind=tally`,
      headers: { cookie: officer },
    });
    expect(await documentText(tally.rawPayload)).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect((await app.inject({ method: 'GET', url, headers: { cookie: other } })).statusCode).toBe(
      403,
    );
    expect(
      (await app.inject({ method: 'GET', url: `${url}?kind=x`, headers: { cookie: officer } }))
        .statusCode,
    ).toBe(400);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const candidates = await app.inject({
      method: 'GET',
      url: `/api/meetings/${meeting.id}/nomination-candidates`,
      headers: { cookie: officer },
    });
    expect(candidates.statusCode).toBe(200);
    expect(candidates.json<{ items: unknown[] }>().items).toHaveLength(2);
  });
});
