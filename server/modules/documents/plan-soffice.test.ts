import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractText } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { seed001Plan } from './plan-document.fixtures';
import { renderPlanDocx } from './plan-docx';

/**
 * LibreOffice opens the generated .docx cleanly: converting it to PDF gives the expected text
 * and a plausible page count. CI installs libreoffice-writer-nogui (.ci/run); a machine without
 * soffice fails this test on purpose rather than skipping it.
 */

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-soffice-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function soffice(args: string[]) {
  try {
    return await run('soffice', args, { timeout: 60_000 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        'LibreOffice is not installed (no `soffice` on PATH): apt-get install libreoffice-writer-nogui',
      );
    throw e;
  }
}

describe('LibreOffice reads the plan .docx', () => {
  it('converts it to PDF with the title and Nơi nhận on plausible pages', async () => {
    const docx = path.join(dir, 'plan-001.docx');
    fs.writeFileSync(docx, await renderPlanDocx(seed001Plan()));
    const profile = `file://${path.join(dir, 'profile')}`;
    await soffice([
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ]);
    const pdf = fs.readFileSync(path.join(dir, 'plan-001.pdf'));
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    const flat = text.normalize('NFC').replace(/\s+/g, ' ');
    expect(flat).toContain(seed001Plan().title);
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('Nơi nhận:');
    expect(flat).toContain('Lê Ngọc Ân');
    expect(totalPages).toBeGreaterThanOrEqual(2);
    expect(totalPages).toBeLessThanOrEqual(5);
  }, 90_000);
});
