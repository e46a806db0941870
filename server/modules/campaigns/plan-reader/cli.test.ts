import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** `import-plan` runs before any database is opened: these spawn the CLI as `npm run cli` does. */

const root = path.resolve(import.meta.dirname, '../../../..');
const seed001 = path.join(import.meta.dirname, 'fixtures', 'seeds', '001_584ab46066cf9e5a.txt');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', ...args],
      // no DATABASE_URL and a data dir that does not exist: the command must not need them
      { cwd: root, env: { ...process.env, DATABASE_URL: '', DATA_DIR: '/nonexistent/thidua' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('cli import-plan', () => {
  it('prints exactly one JSON object for a plan with --json', async () => {
    const { code, stdout, stderr } = await cli('import-plan', seed001, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    expect(parsed.documentNumber).toBe('47/KH-UBND');
    expect(parsed.issuedOn).toBe('2022-02-18');
  });

  it('prints a Vietnamese summary without --json', async () => {
    const { code, stdout } = await cli('import-plan', seed001);
    expect(code).toBe(0);
    expect(stdout).toContain('Văn bản số 47/KH-UBND, 18/02/2022, tại Châu Thành');
    expect(stdout).toContain('Người ký: Chủ tịch Lê Ngọc Ân');
  });

  it('exits 2 with the usage when the file is missing, 1 with a Vietnamese error when unreadable', async () => {
    const usage = await cli('import-plan', '--json');
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain('import-plan <tệp> [--json]');
    const missing = await cli('import-plan', 'khong-co.txt', '--json');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('Không đọc được tệp "khong-co.txt"');
    const wrongKind = await cli('import-plan', path.join(root, 'package.json'), '--json');
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stdout).toBe('');
    expect(wrongKind.stderr).toMatch(/chỉ nhận tệp \.txt, \.docx hoặc \.pdf/u);
  });
});
