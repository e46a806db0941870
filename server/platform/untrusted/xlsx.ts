import path from 'node:path/posix';
import { nfc } from '../text';
import {
  ZipRefusal,
  entryText,
  inflateEntry,
  inspectZip,
  type ZipEntry,
  type ZipLimits,
} from './zip';
import { XmlError, XmlStream, type XmlAttrs } from './xml';

/**
 * A streaming .xlsx reader (runs inside the untrusted-file worker, decision 031): the zip's parts
 * are inflated as streams, decoded with a streaming TextDecoder (a Vietnamese character split
 * across chunks stays whole) and tokenized; only the rows' cell texts are kept. Returns plain
 * data, so it can cross from the worker to the server: what `cellText` made of ExcelJS's values
 * (trimmed, NFC; numbers written out; dates as yyyy-mm-dd; booleans "true"/"false"; errors blank)
 * plus, for cells that hold one, the number, whether its format is a percentage, or the error code.
 */

/** What a cell holds beyond its text: the number (not for dates), a % format, an error code. */
export type XlsxCellFacts = { number?: number; percent?: boolean; error?: string };

export type XlsxRow = {
  /** The row's number in the sheet (1-based), as Excel shows it. */
  number: number;
  /** Cell texts by column, column A at index 0; '' for an empty cell. */
  cells: string[];
  /** Facts by column, only for cells that have any (absent when no cell of the row has). */
  facts?: (XlsxCellFacts | undefined)[];
};

export type XlsxSheetState = 'visible' | 'hidden' | 'veryHidden';

export type XlsxSheet = { name: string; state: XlsxSheetState; rows: XlsxRow[] };

/** A workbook as plain data: its sheets in workbook order (rows with no value are left out). */
export type XlsxBook = { sheets: XlsxSheet[] };

export type XlsxReadOptions = {
  /** Read only the first sheet's rows (other sheets are listed with no rows). */
  firstSheetOnly?: boolean;
};

/** A cell's text may not pass this many characters (Excel's own limit is 32,767). */
const MAX_CELL_CHARS = 1_000_000;

/**
 * Copies a string out of the chunk it was sliced from, so a kept cell text does not keep the
 * whole decoded chunk alive (V8 sliced strings reference their parent).
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function cleanText(s: string): string {
  return detach(nfc(s).trim());
}

async function parseEntry(
  data: Buffer,
  entry: ZipEntry,
  handler: ConstructorParameters<typeof XmlStream>[0],
): Promise<void> {
  const xml = new XmlStream(handler);
  const decoder = new TextDecoder('utf-8');
  await inflateEntry(data, entry, (chunk) => xml.push(decoder.decode(chunk, { stream: true })));
  xml.push(decoder.decode());
  xml.end();
}

/** Relationship id → part path, from a .rels part (targets resolved against `baseDir`). */
async function readRels(
  data: Buffer,
  entry: ZipEntry | undefined,
  baseDir: string,
): Promise<Map<string, { type: string; target: string }>> {
  const out = new Map<string, { type: string; target: string }>();
  if (entry === undefined) return out;
  const xml = new XmlStream({
    open(name, a) {
      if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
      if (a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/')
        ? a.Target.slice(1)
        : path.normalize(path.join(baseDir, a.Target));
      out.set(a.Id, { type: a.Type ?? '', target });
    },
    close() {},
    text() {},
  });
  xml.push(await entryText(data, entry));
  xml.end();
  return out;
}

// Built-in number formats that matter: percentages, and the ids Excel uses for dates and times.
const BUILTIN_PERCENT = new Set([9, 10]);
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** ExcelJS's test (utils.isDateFmt): date/time letters outside [...] and "..." sections. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

type Style = { date: boolean; percent: boolean };

/** Each cell style (index into cellXfs) → whether its number format is a date or a percentage. */
async function readStyles(data: Buffer, entry: ZipEntry | undefined): Promise<Style[]> {
  const styles: Style[] = [];
  if (entry === undefined) return styles;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  await parseEntry(data, entry, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        styles.push(
          code === undefined
            ? { date: BUILTIN_DATE.has(id), percent: BUILTIN_PERCENT.has(id) }
            : { date: isDateFormat(code), percent: code.includes('%') },
        );
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}

/** The shared strings: each <si>'s text runs joined, phonetic runs (<rPh>) left out. */
async function readSharedStrings(data: Buffer, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (entry === undefined) return strings;
  let current: string | undefined;
  let inT = false;
  let inPhonetic = false;
  await parseEntry(data, entry, {
    open(name, _a, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 't' && !selfClosing && !inPhonetic) inT = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(detach(current ?? ''));
        current = undefined;
      }
    },
    text(t) {
      if (inT && current !== undefined) {
        current += t;
        if (current.length > MAX_CELL_CHARS) throw new XmlError('shared string too long');
      }
    },
  });
  return strings;
}

/** "AB12" → 27 (1-based column number); NaN when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col === 0 ? Number.NaN : col;
}

/** Excel's serial day number → the date ExcelJS made of it (utils.excelToDate). */
function serialToIsoDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

type CellDraft = {
  col: number;
  type: string;
  style: number;
  value: string | undefined;
  inline: string | undefined;
};

async function readSheetRows(
  data: Buffer,
  entry: ZipEntry,
  shared: string[],
  styles: Style[],
  date1904: boolean,
): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  let rowNumber = 0;
  let row: XlsxRow | undefined;
  let hasValue = false;
  let nextCol = 1;
  let cell: CellDraft | undefined;
  let collect: 'v' | 't' | undefined;
  let inPhonetic = false;

  const finishCell = (c: CellDraft) => {
    if (row === undefined) return;
    const raw = c.type === 'inlineStr' ? c.inline : c.value;
    if (raw === undefined) return;
    let text = '';
    let facts: XlsxCellFacts | undefined;
    const style = styles[c.style];
    switch (c.type) {
      case 's': {
        text = cleanText(shared[Number(raw)] ?? '');
        break;
      }
      case 'inlineStr':
      case 'str':
        text = cleanText(raw);
        break;
      case 'b':
        text = raw.trim() === '1' || raw.trim() === 'true' ? 'true' : 'false';
        break;
      case 'e':
        facts = { error: detach(raw.trim()) };
        break;
      case 'd': {
        const d = new Date(raw.trim());
        text = Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
        break;
      }
      default: {
        const n = parseFloat(raw);
        if (Number.isNaN(n)) text = '';
        else if (style?.date) text = serialToIsoDate(n, date1904);
        else {
          text = String(n);
          facts = style?.percent ? { number: n, percent: true } : { number: n };
        }
      }
    }
    hasValue = true;
    const i = c.col - 1;
    while (row.cells.length < i) row.cells.push('');
    row.cells[i] = text;
    if (facts !== undefined) {
      row.facts ??= [];
      row.facts[i] = facts;
    }
  };

  await parseEntry(data, entry, {
    open(name, a: XmlAttrs, selfClosing) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          row = { number: rowNumber, cells: [] };
          hasValue = false;
          nextCol = 1;
          break;
        }
        case 'c': {
          const col = a.r === undefined ? nextCol : columnOf(a.r);
          const c = Number.isNaN(col) ? nextCol : col;
          nextCol = c + 1;
          cell = {
            col: c,
            type: a.t ?? 'n',
            style: Number(a.s ?? 0),
            value: undefined,
            inline: undefined,
          };
          if (selfClosing) cell = undefined;
          break;
        }
        case 'v':
          if (cell !== undefined && !selfClosing) {
            collect = 'v';
            cell.value ??= '';
          }
          break;
        case 'is':
          if (cell !== undefined) cell.inline ??= '';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (cell !== undefined && cell.inline !== undefined && !inPhonetic && !selfClosing)
            collect = 't';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          collect = undefined;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (cell !== undefined) finishCell(cell);
          cell = undefined;
          break;
        case 'row':
          if (row !== undefined && hasValue) rows.push(row);
          row = undefined;
          break;
      }
    },
    text(t) {
      if (collect === undefined || cell === undefined) return;
      if (collect === 'v') cell.value = (cell.value ?? '') + t;
      else cell.inline = (cell.inline ?? '') + t;
      if ((cell.value?.length ?? 0) + (cell.inline?.length ?? 0) > MAX_CELL_CHARS)
        throw new XmlError('cell text too long');
    },
  });
  return rows;
}

/**
 * Reads a workbook as plain data. The zip guard (inspectZip with `limits`) runs first, so the
 * caller gets ZipRefusal for a bomb, a lying header or a damaged archive; XmlError for markup
 * that is not a workbook's. A zip without a workbook part, or a workbook without a sheet, is
 * ZipRefusal 'unreadable'.
 */
export async function readXlsxBook(
  data: Buffer,
  options: XlsxReadOptions = {},
  limits?: ZipLimits,
): Promise<XlsxBook> {
  const entries = new Map(inspectZip(data, limits).map((e) => [e.name, e]));
  const rootRels = await readRels(data, entries.get('_rels/.rels'), '');
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const bookPath = office?.target ?? 'xl/workbook.xml';
  const bookEntry = entries.get(bookPath);
  if (bookEntry === undefined) throw new ZipRefusal('unreadable', 'no workbook part');
  const bookDir = path.dirname(bookPath);
  const rels = await readRels(
    data,
    entries.get(path.join(bookDir, '_rels', `${path.basename(bookPath)}.rels`)),
    bookDir,
  );

  const declared: { name: string; state: XlsxSheetState; rid: string }[] = [];
  let date1904 = false;
  await parseEntry(data, bookEntry, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        const state =
          a.state === 'hidden' || a.state === 'veryHidden' ? a.state : ('visible' as const);
        declared.push({ name: nfc(a.name ?? ''), state, rid: a.id ?? '' });
      }
    },
    close() {},
    text() {},
  });
  if (declared.length === 0) throw new ZipRefusal('unreadable', 'the workbook has no sheet');

  const partOf = (suffix: string) =>
    [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const sharedPath = partOf('/sharedStrings');
  const stylesPath = partOf('/styles');
  const shared = await readSharedStrings(
    data,
    sharedPath === undefined ? undefined : entries.get(sharedPath),
  );
  const styles = await readStyles(
    data,
    stylesPath === undefined ? undefined : entries.get(stylesPath),
  );

  const sheets: XlsxSheet[] = [];
  for (const [i, s] of declared.entries()) {
    const target = rels.get(s.rid)?.target;
    const entry = target === undefined ? undefined : entries.get(target);
    const wanted = !options.firstSheetOnly || i === 0;
    const rows =
      entry === undefined || !wanted
        ? []
        : await readSheetRows(data, entry, shared, styles, date1904);
    sheets.push({ name: s.name, state: s.state, rows });
  }
  return { sheets };
}
