import type { Logger } from '../context';
import { AppError } from '../errors';
import type { UploadField } from '../upload';
import { runInWorker, WorkerDeath, WORKER_LIMITS, type WorkerLimits } from './run';
import type { WorkerTask } from './tasks';
import type { XlsxBook, XlsxReadOptions } from './xlsx';
import {
  inspectZip,
  MAX_ZIP_TOTAL_BYTES,
  ZIP_LIMITS,
  ZipRefusal,
  type ZipLimits,
  type ZipRefusalReason,
} from './zip';

/**
 * Reading untrusted files with bounded resources (decision 031): every uploaded or imported
 * .xlsx, .docx and .pdf is read here. Zips pass the guard (zip.ts) in the server's thread first,
 * which costs no inflation; the reading itself happens in a worker thread with memory and time
 * limits (run.ts). What comes back is plain data.
 *
 * Errors, all VALIDATION_FAILED naming the upload field (`details.fields`, `details.fileError`):
 * a refused archive (too many entries, too large once inflated, an absurd compression ratio, or
 * headers that lie) and a worker that ran out of memory or time ("tệp quá lớn hoặc quá phức tạp
 * để đọc"); the technical cause goes to the log for operators. A file that simply does not read
 * (damaged, not that format) is the caller's `unreadable` error.
 */

export type { XlsxBook, XlsxCellFacts, XlsxRow, XlsxSheet, XlsxSheetState } from './xlsx';
export {
  inspectZip,
  MAX_ZIP_ENTRIES,
  MAX_ZIP_ENTRY_BYTES,
  MAX_ZIP_RATIO,
  MAX_ZIP_TOTAL_BYTES,
  ZipRefusal,
} from './zip';
export { MAX_FILE_WORKERS, WORKER_LIMITS } from './run';

/** A .pdf larger than this is not read (the upload limit normally stops it first). */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** Test hooks: tighter limits than the production ones. */
export type ReadLimits = { worker?: Partial<WorkerLimits>; zip?: Partial<ZipLimits> };

export type ReadOptions = {
  field: UploadField;
  log?: Logger | undefined;
  /** The caller's error for a file that does not read as its format. */
  unreadable: () => AppError;
  limits?: ReadLimits | undefined;
};

const MB = 1024 * 1024;

function refusalMessage(reason: Exclude<ZipRefusalReason, 'unreadable'>): string {
  switch (reason) {
    case 'entries':
      return 'tệp có quá nhiều thành phần, không phải tệp văn phòng thông thường';
    case 'size':
    case 'ratio':
      return `tệp quá lớn khi giải nén (giới hạn ${MAX_ZIP_TOTAL_BYTES / MB} MB); hãy chia nhỏ tệp`;
    case 'lying':
      return 'tệp bị hỏng: kích thước khai báo bên trong không khớp với nội dung';
  }
}

/** The user's error on `field`, with `fileError` so forms show it on the file input. */
function fileRefusal(field: UploadField, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field.label}: ${message}.`, {
    fileError: true,
    fields: [{ field: field.field, label: field.label, message }],
  });
}

async function readUntrusted(task: WorkerTask, data: Buffer, o: ReadOptions): Promise<unknown> {
  const refuse = (reason: ZipRefusalReason, detail: string): AppError => {
    if (reason === 'unreadable') {
      o.log?.warn({ field: o.field.field, detail }, 'unreadable upload');
      return o.unreadable();
    }
    o.log?.warn({ field: o.field.field, reason, detail, bytes: data.length }, 'upload refused');
    return fileRefusal(o.field, refusalMessage(reason));
  };
  const zipLimits = { ...ZIP_LIMITS, ...o.limits?.zip };
  if (task.kind !== 'pdf') {
    // The guard first, here: a bomb is refused without a worker or a byte inflated.
    try {
      inspectZip(data, zipLimits);
    } catch (e) {
      if (e instanceof ZipRefusal) throw refuse(e.reason, e.message);
      throw e;
    }
    task.zipLimits = zipLimits;
  } else if (data.length > MAX_PDF_BYTES) {
    throw refuse('size', `${data.length} bytes`);
  }
  try {
    const reply = await runInWorker(task, data, { ...WORKER_LIMITS, ...o.limits?.worker });
    if (!reply.ok) throw refuse(reply.reason, reply.detail);
    return reply.value;
  } catch (e) {
    if (!(e instanceof WorkerDeath)) throw e;
    o.log?.warn(
      { field: o.field.field, cause: e.kind, detail: e.message, bytes: data.length },
      'untrusted-file worker died',
    );
    const why = e.kind === 'timeout' ? 'thời gian' : 'bộ nhớ';
    throw fileRefusal(
      o.field,
      `tệp quá lớn hoặc quá phức tạp để đọc (vượt giới hạn ${why} dành cho một tệp); hãy chia nhỏ tệp rồi thử lại`,
    );
  }
}

/**
 * The zip guard alone, for an upload that is stored now and read later (an import job): an
 * archive over the limits is refused at once (VALIDATION_FAILED on `field`, as readXlsx would),
 * so it is never stored or queued. Nothing is inflated. A damaged archive passes: the reader
 * reports it in its own words when the job runs.
 */
export function refuseZipBomb(data: Buffer, field: UploadField, log?: Logger): void {
  try {
    inspectZip(data, ZIP_LIMITS);
  } catch (e) {
    if (!(e instanceof ZipRefusal)) throw e;
    if (e.reason === 'unreadable') return;
    log?.warn(
      { field: field.field, reason: e.reason, detail: e.message, bytes: data.length },
      'upload refused',
    );
    throw fileRefusal(field, refusalMessage(e.reason));
  }
}

/** An .xlsx as plain data (xlsx.ts), read in a worker; errors as the module comment says. */
export async function readXlsx(
  data: Buffer,
  options: ReadOptions & { read?: XlsxReadOptions },
): Promise<XlsxBook> {
  return (await readUntrusted(
    { kind: 'xlsx', options: options.read ?? {} },
    data,
    options,
  )) as XlsxBook;
}

/** The raw text of a .docx's paragraphs, read in a worker after the zip guard. */
export async function readDocxText(data: Buffer, options: ReadOptions): Promise<string> {
  return (await readUntrusted({ kind: 'docx' }, data, options)) as string;
}

/** The text layer of a .pdf ('' for a scan), read in a worker. */
export async function readPdfText(data: Buffer, options: ReadOptions): Promise<string> {
  return (await readUntrusted({ kind: 'pdf' }, data, options)) as string;
}
