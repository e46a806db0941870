import type { FastifyInstance } from 'fastify';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { makeTree, makeUser, testCtx } from '../../test/factories';
import { buildTestApp, loginCookie } from '../../test/http';
import type { AppError } from '../../platform/errors';
import type { CertificateTemplate, TemplateList } from '../../../shared/api/certificates';
import {
  createTemplate,
  deleteTemplate,
  layoutFor,
  listTemplates,
  updateTemplate,
} from './templates.service';

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

const blankTemplate = (unitId: number) => ({
  unitId,
  name: 'Phôi Giấy khen 2026',
  formCode: 'GIAY_KHEN_CT_XA',
  mode: 'blank' as const,
  offsets: { recipientName: { x: 4, y: -2.5, fontSize: 24 }, achievement: { x: 0, y: 3 } },
});

const pdfText = async (data: Buffer) =>
  (await extractText(new Uint8Array(data), { mergePages: true })).text
    .normalize('NFC')
    .replace(/\s+/g, ' ');

describe('certificate templates (service, real PostgreSQL)', () => {
  it('adds, changes and deletes a template in scope, audited, with optimistic versions', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const officer = testCtx(t, (await makeUser(sys, 'emulation_officer', tree.commune.id)).actor);
    const outsider = testCtx(
      t,
      (await makeUser(sys, 'emulation_officer', tree.otherCommune.id)).actor,
    );
    const staff = testCtx(t, (await makeUser(sys, 'staff', tree.commune.id)).actor);

    await expect(createTemplate(staff, blankTemplate(tree.commune.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createTemplate(outsider, blankTemplate(tree.commune.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const created = await createTemplate(officer, blankTemplate(tree.commune.id));
    expect(created).toMatchObject({
      unit: { id: tree.commune.id, name: 'Xã Lương Điền' },
      mode: 'blank',
      formCode: 'GIAY_KHEN_CT_XA',
      offsets: {
        recipientName: { x: 4, y: -2.5, fontSize: 24 },
        achievement: { x: 0, y: 3, fontSize: null },
      },
      version: 1,
    });
    await expect(createTemplate(officer, blankTemplate(tree.commune.id))).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const list = await listTemplates(officer, {});
    expect(list.items.map((i) => i.id)).toEqual([created.id]);
    expect(list.manageableUnits).toEqual([{ id: tree.commune.id, name: 'Xã Lương Điền' }]);
    expect((await listTemplates(outsider, {})).items).toEqual([]);
    await expect(listTemplates(outsider, { unitId: tree.commune.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const changed = await updateTemplate(officer, created.id, {
      name: 'Phôi Giấy khen 2026',
      formCode: null,
      mode: 'full',
      offsets: { signerName: { x: 0, y: 5, fontSize: null } },
      version: 1,
    });
    expect(changed).toMatchObject({ mode: 'full', formCode: null, version: 2 });
    expect(changed.offsets).toEqual({ signerName: { x: 0, y: 5, fontSize: null } });
    await expect(
      updateTemplate(officer, created.id, {
        name: 'Phôi cũ',
        mode: 'blank',
        version: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      updateTemplate(outsider, created.id, { name: 'X', mode: 'blank', version: 2 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await deleteTemplate(officer, created.id);
    await expect(deleteTemplate(officer, created.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const audit = await t.db
      .selectFrom('auditEvent')
      .select(['action', 'before', 'after'])
      .where('entityType', '=', 'certificate_template')
      .where('entityId', '=', String(created.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'certificate_template.created',
      'certificate_template.updated',
      'certificate_template.deleted',
    ]);
    expect(audit[1]?.before).toMatchObject({ mode: 'blank', formCode: 'GIAY_KHEN_CT_XA' });
    expect(audit[1]?.after).toMatchObject({ mode: 'full', formCode: null });
  });

  it('refuses offsets it cannot print, naming the field in Vietnamese', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const officer = testCtx(t, (await makeUser(sys, 'emulation_officer', tree.commune.id)).actor);
    const bad = [
      { recipientName: { x: 400, y: 0 } },
      { recipientName: { x: 0, y: 0, fontSize: 2 } },
      { stamp: { x: 0, y: 0 } },
      { recipientName: { x: 0, y: 0, color: 'red' } },
    ];
    for (const offsets of bad) {
      const error = await createTemplate(officer, { ...blankTemplate(tree.commune.id), offsets })
        .then(() => null)
        .catch((e: unknown) => e as AppError);
      expect(error?.code).toBe('VALIDATION_FAILED');
    }
    const error = await createTemplate(officer, {
      ...blankTemplate(tree.commune.id),
      offsets: { recipientName: { x: 400, y: 0 } },
    }).catch((e: unknown) => e as AppError);
    expect(JSON.stringify((error as AppError).details)).toContain(
      'Tên người / tập thể được khen: lệch ngang (mm)',
    );
  });

  it("picks the unit's template for the form, else for any form, else plain paper", async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    expect(await layoutFor(t.db, tree.commune.id, 'GIAY_KHEN_CT_XA')).toEqual({
      mode: 'full',
      offsets: {},
    });
    await createTemplate(sys, {
      unitId: tree.commune.id,
      name: 'Mọi hình thức',
      mode: 'full',
      offsets: { goldenBook: { x: 1, y: 1 } },
    });
    await createTemplate(sys, blankTemplate(tree.commune.id));
    expect((await layoutFor(t.db, tree.commune.id, 'GIAY_KHEN_CT_XA')).mode).toBe('blank');
    expect(await layoutFor(t.db, tree.commune.id, 'CSTDCS')).toEqual({
      mode: 'full',
      offsets: { goldenBook: { x: 1, y: 1, fontSize: null } },
    });
    expect((await layoutFor(t.db, tree.otherCommune.id, 'GIAY_KHEN_CT_XA')).offsets).toEqual({});
  });
});

describe('certificate templates over HTTP', () => {
  it('lists, creates, previews (saved and unsaved) and deletes; guards access', async () => {
    const sys = testCtx(t);
    const tree = await makeTree(sys);
    const officerUser = await makeUser(sys, 'emulation_officer', tree.commune.id);
    const staffUser = await makeUser(sys, 'staff', tree.commune.id);
    const officer = await loginCookie(app, officerUser.username, officerUser.password);
    const staff = await loginCookie(app, staffUser.username, staffUser.password);
    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) => app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

    expect(
      (await app.inject({ method: 'GET', url: '/api/certificate-templates' })).statusCode,
    ).toBe(401);
    expect(
      (await call(staff, 'POST', '/api/certificate-templates', blankTemplate(tree.commune.id)))
        .statusCode,
    ).toBe(403);
    const bad = await call(officer, 'POST', '/api/certificate-templates', {
      ...blankTemplate(tree.commune.id),
      mode: 'gold',
    });
    expect(bad.statusCode).toBe(400);
    const created = await call(
      officer,
      'POST',
      '/api/certificate-templates',
      blankTemplate(tree.commune.id),
    );
    expect(created.statusCode).toBe(201);
    const template = created.json<CertificateTemplate>();

    const list = await call(officer, 'GET', `/api/certificate-templates?unitId=${tree.commune.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<TemplateList>().items.map((i) => i.name)).toEqual(['Phôi Giấy khen 2026']);

    const saved = await call(
      officer,
      'GET',
      `/api/certificate-templates/${template.id}/preview.pdf`,
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['content-type']).toContain('application/pdf');
    const savedText = await pdfText(saved.rawPayload);
    expect(savedText).toContain('Nguyễn Thị Lan');
    expect(savedText).not.toContain('GIẤY KHEN'); // blank mode: pre-printed

    const unsaved = await call(officer, 'POST', '/api/certificate-templates/preview.pdf', {
      mode: 'full',
      offsets: { formName: { x: 0, y: 2, fontSize: 40 } },
    });
    expect(unsaved.statusCode).toBe(200);
    const unsavedText = await pdfText(unsaved.rawPayload);
    expect(unsavedText).toContain('GIẤY KHEN');
    expect(unsavedText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(
      (await call(staff, 'POST', '/api/certificate-templates/preview.pdf', { mode: 'full' }))
        .statusCode,
    ).toBe(403);

    const updated = await call(officer, 'PUT', `/api/certificate-templates/${template.id}`, {
      name: 'Phôi mới',
      mode: 'full',
      version: template.version,
    });
    expect(updated.statusCode).toBe(200);
    expect(
      (await call(officer, 'DELETE', `/api/certificate-templates/${template.id}`)).statusCode,
    ).toBe(204);
    expect(
      (await call(officer, 'GET', `/api/certificate-templates/${template.id}/preview.pdf`))
        .statusCode,
    ).toBe(404);
  });
});
