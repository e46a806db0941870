import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import type { CouncilDetail, MeetingDetail } from '../../../shared/api/councils';

let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('councils over HTTP', () => {
  it('creates a council, holds a meeting, takes one secret vote per member and closes', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const officerUser = await makeUser(sys, 'emulation_officer', tree.commune.id);
    const memberUser = await makeUser(sys, 'council_member', tree.commune.id);
    const officer = await loginCookie(app, officerUser.username, officerUser.password);
    const member = await loginCookie(app, memberUser.username, memberUser.password);
    const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

    expect((await app.inject({ method: 'GET', url: '/api/councils/1' })).statusCode).toBe(401);
    const body = {
      unitId: tree.commune.id,
      name: 'Hội đồng TĐKT xã',
      termFrom: '2026-01-01',
      termTo: '2030-12-31',
      members: [{ userId: memberUser.id, fullName: 'Nguyễn Văn Chủ', role: 'chair' }],
    };
    expect((await call(member, 'POST', '/api/councils', body)).statusCode).toBe(403);
    const created = await call(officer, 'POST', '/api/councils', body);
    expect(created.statusCode).toBe(201);
    const council = created.json<CouncilDetail>();
    const memberId = council.members[0]?.id ?? 0;

    const scheduled = await call(officer, 'POST', `/api/councils/${council.id}/meetings`, {
      title: 'Họp xét',
      heldOn: '2026-11-25',
    });
    expect(scheduled.statusCode).toBe(201);
    const meetingId = scheduled.json<MeetingDetail>().id;
    const opened = await call(officer, 'POST', `/api/meetings/${meetingId}/open`);
    expect(opened.statusCode).toBe(409); // nobody present: no quorum
    expect(opened.json<{ message: string }>().message).toContain('Không đủ');
    await call(officer, 'PUT', `/api/meetings/${meetingId}/attendance`, {
      entries: [{ memberId, status: 'present' }],
    });
    const withItem = await call(officer, 'POST', `/api/meetings/${meetingId}/items`, {
      subjectKind: 'nomination',
      subjectId: 7,
      label: 'Đề nghị CSTĐCS: Nguyễn Văn An',
      thresholdKind: 'cstdcs',
    });
    expect(withItem.statusCode).toBe(201);
    const itemId = withItem.json<MeetingDetail>().items[0]?.id ?? 0;
    expect((await call(officer, 'POST', `/api/meetings/${meetingId}/open`)).statusCode).toBe(200);

    const vote = await call(member, 'POST', `/api/meeting-items/${itemId}/vote`, { choice: 'yes' });
    expect(vote.statusCode).toBe(204);
    const again = await call(member, 'POST', `/api/meeting-items/${itemId}/vote`, { choice: 'no' });
    expect(again.statusCode).toBe(409);
    const bad = await call(member, 'POST', `/api/meeting-items/${itemId}/vote`, {
      choice: 'maybe',
    });
    expect(bad.statusCode).toBe(400);

    const closed = await call(officer, 'POST', `/api/meetings/${meetingId}/close`);
    expect(closed.statusCode).toBe(200);
    const item = closed.json<MeetingDetail>().items[0];
    expect(item?.tally).toEqual({ yes: 1, no: 0, abstain: 0 });
    expect(item?.passed).toBe(true);
    const read = await call(member, 'GET', `/api/meetings/${meetingId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<MeetingDetail>().items[0]?.voted).toBe(true);
  });
});
