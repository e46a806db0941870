import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../errors';
import {
  docxBomb,
  xlsxBomb,
  xlsxBomb1300MB,
  xlsxBomb420MB,
  xlsxLyingSizes,
  zipManyEntries,
} from '../../test/zip-bombs';
import { readDocxText, readXlsx, refuseZipBomb, type ReadOptions } from './index';
import { inflateEntry, inspectZip, ZIP_LIMITS, ZipRefusal, type ZipRefusalReason } from './zip';
import { XmlStream } from './xml';

const FIELD = { field: 'file', label: 'Tệp Excel' };
const unreadable = () => new Error('unreadable') as AppError;
const options = (extra: Partial<ReadOptions> = {}): ReadOptions => ({
  field: FIELD,
  unreadable,
  ...extra,
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

function refusal(f: () => unknown): ZipRefusalReason {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipRefusal) return e.reason;
    throw e;
  }
  throw new Error('expected a ZipRefusal');
}

async function people(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(['Họ và tên', 'Năm sinh', 'Đơn vị']);
  for (let i = 0; i < rows; i++)
    ws.addRow([`Nguyễn Văn ${i}`, 1970 + (i % 30), `Xã Lương Điền › Tổ ${i % 50}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('zip guard', () => {
  it('passes a normal workbook and agrees with its actual contents', async () => {
    const data = await people(2000);
    const entries = inspectZip(data);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    for (const e of entries) {
      let n = 0;
      await inflateEntry(data, e, (c) => (n += c.length));
      expect(n, e.name).toBe(e.size);
    }
  });

  it('refuses each hostile archive before inflating a byte', () => {
    expect(refusal(() => inspectZip(xlsxBomb420MB()))).toBe('size');
    expect(refusal(() => inspectZip(xlsxBomb1300MB()))).toBe('size');
    // Under the size limits, but compressed ~400:1.
    expect(refusal(() => inspectZip(xlsxBomb(100, 0.25)))).toBe('ratio');
    expect(refusal(() => inspectZip(zipManyEntries()))).toBe('entries');
    expect(refusal(() => inspectZip(docxBomb()))).toBe('size');
    expect(refusal(() => inspectZip(Buffer.from('PK\x03\x04 không phải zip')))).toBe('unreadable');
  });

  it('catches a lying header by what it inflates to, and a local header that disagrees', async () => {
    const lying = xlsxLyingSizes();
    const sheet = inspectZip(lying).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(sheet?.size).toBe(2048); // the lie passes the declared checks...
    let produced = 0;
    const e = await inflateEntry(lying, sheet as NonNullable<typeof sheet>, (c) => {
      produced += c.length;
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZipRefusal);
    expect((e as ZipRefusal).reason).toBe('lying');
    expect(produced).toBeLessThan(2048 + 128 * 1024); // ...and inflation stops right after it.

    const data = await people(10);
    const first = inspectZip(data)[0];
    const local = data.indexOf(Buffer.from(first?.name ?? '')) - 30;
    const tampered = Buffer.from(data);
    tampered.writeUInt32LE(data.readUInt32LE(local + 22) + 1, local + 22);
    expect(refusal(() => inspectZip(tampered))).toBe('lying');
  });

  it('answers each refusal as VALIDATION_FAILED naming the field, in Vietnamese', async () => {
    for (const [data, text] of [
      [xlsxBomb420MB(), 'tệp quá lớn khi giải nén'],
      [zipManyEntries(), 'tệp có quá nhiều thành phần'],
      [xlsxLyingSizes(), 'tệp bị hỏng: kích thước khai báo bên trong không khớp'],
    ] as const) {
      const e = await failure(readXlsx(data, options()));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.message).toContain(`${FIELD.label}: ${text}`);
      expect(e.details).toMatchObject({ fileError: true, fields: [{ field: 'file' }] });
    }
    const docx = await failure(readDocxText(docxBomb(), options()));
    expect(docx.message).toContain('tệp quá lớn khi giải nén');
    expect(() => refuseZipBomb(xlsxBomb1300MB(), FIELD)).toThrow(/tệp quá lớn khi giải nén/u);
    // A damaged archive is left to the reader's own message.
    expect(() => refuseZipBomb(Buffer.from('PK\x03\x04 hỏng'), FIELD)).not.toThrow();
  });

  it('has limits a real 100,000-row people sheet fits in (57 MB of sheet XML, 8.7:1)', () => {
    expect(ZIP_LIMITS.entryBytes).toBeGreaterThan(2 * 57_000_000);
    expect(ZIP_LIMITS.ratio).toBeGreaterThan(10 * 8.7);
  });
});

describe('the untrusted-file worker', () => {
  it('a worker out of memory or time is the Vietnamese error on the field, and the next read works', async () => {
    const data = await people(30_000);
    const warnings: unknown[] = [];
    const log = { info: () => {}, error: () => {}, warn: (o: unknown) => warnings.push(o) };
    const oom = await failure(
      readXlsx(data, options({ log, limits: { worker: { heapMb: 8, youngMb: 1 } } })),
    );
    expect(oom.code).toBe('VALIDATION_FAILED');
    expect(oom.message).toBe(
      'Tệp Excel: tệp quá lớn hoặc quá phức tạp để đọc (vượt giới hạn bộ nhớ dành cho một tệp); hãy chia nhỏ tệp rồi thử lại.',
    );
    expect(oom.details?.fields?.[0]).toMatchObject({ field: 'file', label: 'Tệp Excel' });
    expect(warnings[0]).toMatchObject({ field: 'file', cause: 'memory' });

    const slow = await failure(readXlsx(data, options({ limits: { worker: { timeoutMs: 50 } } })));
    expect(slow.message).toContain('vượt giới hạn thời gian');

    const book = await readXlsx(data, options());
    expect(book.sheets[0]?.rows).toHaveLength(30_001);
    expect(book.sheets[0]?.rows[30_000]?.cells).toEqual([
      'Nguyễn Văn 29999',
      '1999',
      'Xã Lương Điền › Tổ 49',
    ]);
  });

  it('reads several files at once (queued two at a time)', async () => {
    const data = await people(500);
    const books = await Promise.all([1, 2, 3, 4, 5].map(() => readXlsx(data, options())));
    expect(books.map((b) => b.sheets[0]?.rows.length)).toEqual([501, 501, 501, 501, 501]);
  });
});

describe('the XML tokenizer', () => {
  it('gives the same events whatever the chunking, and refuses a DOCTYPE', () => {
    const xml =
      '<?xml version="1.0"?><a x="1&amp;2" y=\'>\'><!-- c --><b>Kết &lt;quả&gt; &#x1EA1;</b><c/><![CDATA[<x>]]></a>';
    const events = (size: number) => {
      const out: string[] = [];
      const s = new XmlStream({
        open: (n, a, sc) => out.push(`<${n} ${JSON.stringify(a)}${sc ? '/' : ''}>`),
        close: (n) => out.push(`</${n}>`),
        text: (t) => out.push(t),
      });
      for (let i = 0; i < xml.length; i += size) s.push(xml.slice(i, i + size));
      s.end();
      return out.join('');
    };
    const whole = events(xml.length);
    expect(whole).toBe('<a {"x":"1&2","y":">"}><b {}>Kết <quả> ạ</b><c {}/></c><x></a>');
    for (const size of [1, 2, 3, 7]) expect(events(size)).toBe(whole);
    const s = new XmlStream({ open: () => {}, close: () => {}, text: () => {} });
    expect(() => s.push('<!DOCTYPE x [<!ENTITY a "aaaa">]><x/>')).toThrow(/DOCTYPE/);
  });
});

describe('one way in', () => {
  it('only platform/untrusted/document.ts loads mammoth or unpdf', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(root, f));
    const users = files
      .filter((f) =>
        /from 'mammoth'|from 'unpdf'|import\('(mammoth|unpdf)'\)/.test(readFileSync(f, 'utf8')),
      )
      .map((f) => relative(root, f));
    expect(users).toEqual([join('platform', 'untrusted', 'document.ts')]);
  });
});
