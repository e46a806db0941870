import type { XlsxBook, XlsxReadOptions, XlsxRow } from './xlsx';
import type { ZipLimits, ZipRefusalReason } from './zip';

/** What the server asks the untrusted-file worker to do, and what it answers (plain data). */
export type WorkerTask =
  | { kind: 'xlsx'; options: XlsxReadOptions; zipLimits?: ZipLimits }
  | { kind: 'docx'; zipLimits?: ZipLimits }
  | { kind: 'pdf' };

export type WorkerValue<T extends WorkerTask> = T extends { kind: 'xlsx' } ? XlsxBook : string;

export type WorkerReply =
  | { ok: true; value: XlsxBook | string }
  | { ok: false; reason: ZipRefusalReason | 'content'; detail: string };

/** What the worker posts: batches of a sheet's rows while it reads, then its one reply. */
export type WorkerMessage =
  { kind: 'rows'; sheet: number; rows: XlsxRow[] } | { kind: 'reply'; reply: WorkerReply };
