import { constants, crc32, deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';

/**
 * Hostile archives for tests and the fault-injection script (issue 11 item 1): .xlsx and .docx
 * files that are small on disk and huge once inflated, a zip whose headers lie about the sizes,
 * and a zip with too many entries. Built in well under a second and a few MB of memory: the big
 * entry's deflate stream is one independently-compressed segment (a full flush resets the
 * dictionary, so segments concatenate) repeated many times, then an empty final block.
 */

/** One file inside a zip we build. `deflate` is the raw deflate stream; `declared` overrides sizes. */
type ZipEntry = {
  name: string;
  deflate: Buffer[];
  size: number;
  crc: number;
  declared?: { size: number; compressed?: number; crc?: number };
};

/** A small entry compressed normally. */
function smallEntry(name: string, text: string): ZipEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, deflate: [deflateRawSync(data)], size: data.length, crc: crc32(data) };
}

/** The empty final fixed-Huffman block (BFINAL=1, BTYPE=01, end-of-block): ends a segmented stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** Compresses `data` as a non-final, byte-aligned segment that can be concatenated with others. */
function segment(data: Buffer): Buffer {
  // finishFlush FULL_FLUSH: no final block, the output ends byte-aligned, the dictionary resets.
  return deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
}

/**
 * An entry whose text is `head`, then `middle` repeated `times`, then `tail`; the deflate stream
 * repeats one compressed copy of `middle` (the same Buffer object, so memory stays small).
 */
function repeatedEntry(
  name: string,
  head: string,
  middle: Buffer,
  times: number,
  tail: string,
): ZipEntry {
  const h = Buffer.from(head, 'utf8');
  const t = Buffer.from(tail, 'utf8');
  const m = segment(middle);
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(middle, crc);
  crc = crc32(t, crc);
  const parts = [segment(h)];
  for (let i = 0; i < times; i++) parts.push(m);
  parts.push(segment(t), FINAL_BLOCK);
  return { name, deflate: parts, size: h.length + middle.length * times + t.length, crc };
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A plain zip (no zip64, method 8 for every entry); a list of Buffers joined once at the end. */
function zip(entries: ZipEntry[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = e.deflate.reduce((s, b) => s + b.length, 0);
    const size = e.declared?.size ?? e.size;
    const csize = e.declared?.compressed ?? compressed;
    const crc = e.declared?.crc ?? e.crc;
    // prettier-ignore
    const common = [u16(20), u16(0x0800), u16(8), u16(0), u16(0x21), u32(crc), u32(csize), u32(size), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name]);
    // prettier-ignore
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    out.push(local, ...e.deflate);
    offset += local.length + compressed;
  }
  const cd = Buffer.concat(central);
  // prettier-ignore
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([...out, cd, end]);
}

const XLSX_PARTS = (sheetXml: ZipEntry): ZipEntry[] => [
  smallEntry(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
  smallEntry(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ),
  smallEntry(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  smallEntry(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
  sheetXml,
];

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** Whitespace between elements (valid XML): lets deflate reach the ~400:1 of the files in issue 11. */
const PAD = ' '.repeat(4000);

/**
 * About one MiB of `unit` repeated, led by random text sized so that one compressed copy is about
 * `compressedBytes` (measured, not guessed: deflate's cost of the repeated part depends on it).
 */
function noisyChunk(unit: string, wrap: (text: string) => string, compressedBytes: number): Buffer {
  const MiB = 1 << 20;
  const build = (noise: number) => {
    const noisy = noise > 0 ? wrap(randomBytes(noise).toString('base64').slice(0, noise)) : '';
    const count = Math.max(1, Math.floor((MiB - noisy.length) / Buffer.byteLength(unit)));
    return Buffer.from(noisy + unit.repeat(count), 'utf8');
  };
  const base = segment(build(0)).length;
  // Random base64 compresses to about 3/4 of its length.
  return build(Math.max(0, Math.floor(((compressedBytes - base) * 4) / 3)));
}

/** Sheet rows (no `r` attributes, so each copy is just more rows) for `times` copies in `compressedBytes`. */
function rowsChunk(times: number, compressedBytes: number): Buffer {
  return noisyChunk(
    `<row><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c><v>1</v></c></row>${PAD}`,
    (t) => `<row><c t="inlineStr"><is><t>${t}</t></is></c></row>`,
    compressedBytes / times,
  );
}

/** An otherwise valid .xlsx whose sheet1.xml inflates to about `inflatedMB` MB; the file is about `compressedMB` MB. */
export function xlsxBomb(inflatedMB: number, compressedMB: number): Buffer {
  const chunk = rowsChunk(inflatedMB, compressedMB * 1e6);
  const times = Math.round((inflatedMB * 1e6) / chunk.length);
  return zip(
    XLSX_PARTS(repeatedEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, chunk, times, SHEET_TAIL)),
  );
}

/** (a) ~1 MB on disk, sheet1.xml inflates to ~420 MB: the file of issue 11. */
export function xlsxBomb420MB(): Buffer {
  return xlsxBomb(420, 1);
}

/** (b) ~4 MB on disk, sheet1.xml inflates to ~1.3 GB. */
export function xlsxBomb1300MB(): Buffer {
  return xlsxBomb(1300, 4);
}

/**
 * (c) A zip whose local and central headers both declare a 2 KB sheet1.xml (and a believable
 * compressed size... the real one) while its deflate stream inflates to ~`inflatedMB` MB: only a
 * cap on actual output catches it.
 */
export function xlsxLyingSizes(inflatedMB = 300): Buffer {
  const chunk = rowsChunk(inflatedMB, 200_000);
  const times = Math.round((inflatedMB * 1e6) / chunk.length);
  const sheet = repeatedEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, chunk, times, SHEET_TAIL);
  sheet.declared = { size: 2048 };
  return zip(XLSX_PARTS(sheet));
}

/** (d) A zip of `count` tiny entries (an .xlsx's parts plus filler); at most 65,530 (no zip64). */
export function zipManyEntries(count = 20_000): Buffer {
  const filler: ZipEntry[] = [];
  const empty = deflateRawSync(Buffer.alloc(0));
  for (let i = 0; i < count; i++)
    filler.push({ name: `xl/media/f${i}.bin`, deflate: [empty], size: 0, crc: 0 });
  const sheet = smallEntry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${SHEET_TAIL}`);
  return zip([...XLSX_PARTS(sheet), ...filler]);
}

/** (e) A .docx whose word/document.xml inflates to about `inflatedMB` MB (~`compressedMB` MB on disk). */
export function docxBomb(inflatedMB = 420, compressedMB = 1): Buffer {
  const chunk = noisyChunk(
    `<w:p><w:r><w:t>Kế hoạch thi đua năm 2026</w:t></w:r></w:p>${PAD}`,
    (t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`,
    (compressedMB * 1e6) / inflatedMB,
  );
  const times = Math.round((inflatedMB * 1e6) / chunk.length);
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  return zip([
    smallEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    smallEntry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    repeatedEntry('word/document.xml', head, chunk, times, tail),
  ]);
}
