import { execFile } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makeTree, testCtx } from '../test/factories';
import { tempAnchorDir } from '../test/audit';

const root = path.resolve(import.meta.dirname, '../..');
let t: TestDb;
let anchors: ReturnType<typeof tempAnchorDir>;

/** `npm run cli -- <args>` against the test database, DATA_DIR holding the anchors. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          DATABASE_URL: t.url,
          DATA_DIR: path.dirname(anchors.dir),
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  t = await createTestDb();
  anchors = tempAnchorDir();
  await makeTree(testCtx(t));
});
afterAll(async () => {
  anchors.remove();
  await t.close();
});

describe('npm run cli -- seal-audit / verify-audit', () => {
  it('seals and anchors, verifies intact, then names the failed check with a non-zero exit', async () => {
    const seal = await cli('seal-audit');
    expect(seal.stdout).toMatch(
      /^Đã niêm phong \d+ bản ghi; đầu chuỗi: số thứ tự \d+, đã ghi mốc neo/,
    );
    expect(seal.code).toBe(0);
    const ok = await cli('verify-audit');
    expect(ok.stdout).toContain('Nhật ký toàn vẹn');
    expect(ok.stdout).toContain('Khớp với mốc neo mới nhất');
    expect(ok.code).toBe(0);

    // Someone with database access deletes the newest event: the chain alone still links.
    await sql`DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)`.execute(t.db);
    const cut = await cli('verify-audit');
    expect(cut.stdout).toMatch(/^\[TRUNCATED\] Nhật ký thay đổi KHÔNG toàn vẹn: /);
    expect(cut.code).toBe(1);
  });
});
