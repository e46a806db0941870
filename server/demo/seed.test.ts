import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../test/db';
import { systemActor } from '../platform/context';
import { testCtx } from '../test/factories';
import { seedDemo } from './seed';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('demo data', () => {
  it('reads the five seed plans into their units and sets up a live cascade', async () => {
    const counts = await seedDemo(testCtx(t));
    expect(counts).toMatchObject({ units: 225, accounts: 18, plans: 8 });
    const { rows } = await sql<{
      unit: string;
      status: string;
      number: string | null;
      issuedOn: string | null;
    }>`
      SELECT u.name AS unit, p.status, p.document_number AS number, p.issued_on::text AS "issuedOn"
      FROM campaign_plan p JOIN org_unit u ON u.id = p.issuing_unit_id ORDER BY p.id`.execute(t.db);
    expect(rows.slice(0, 5)).toEqual([
      { unit: 'Xã Lương Điền', status: 'draft', number: null, issuedOn: null },
      { unit: 'Huyện Châu Thành', status: 'closed', number: '47/KH-UBND', issuedOn: '2022-02-18' },
      { unit: 'Huyện An Biên', status: 'closed', number: '49/KH-UBND', issuedOn: '2020-03-30' },
      { unit: 'Phường Tiền Thành', status: 'closed', number: '19/KH-UBND', issuedOn: '2023-02-24' },
      { unit: 'Phường Trung Lương', status: 'draft', number: null, issuedOn: null },
    ]);
    const cascade = await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaign_cascade_unit c
      JOIN campaign_plan p ON p.id = c.plan_id WHERE p.document_number = '47/KH-UBND'`.execute(
      t.db,
    );
    expect(cascade.rows[0]?.n).toBe(6);
  });

  it('on a test clock in 2020 keeps seed 002 running and later plans as drafts', async () => {
    const past = await createTestDb();
    try {
      const at = new Date('2020-07-20T03:00:00Z');
      await seedDemo(testCtx(past, systemActor('demo-seed'), () => at));
      const { rows } = await sql<{ number: string | null; status: string }>`
        SELECT p.document_number AS number, p.status FROM campaign_plan p
        JOIN org_unit u ON u.id = p.issuing_unit_id
        WHERE u.name IN ('Huyện An Biên', 'Phường Tiền Thành') ORDER BY p.id`.execute(past.db);
      expect(rows).toEqual([
        { number: '49/KH-UBND', status: 'in_progress' },
        { number: null, status: 'draft' },
      ]);
    } finally {
      await past.close();
    }
  });
});
