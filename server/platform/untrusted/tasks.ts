import type { XlsxBook, XlsxReadOptions } from './xlsx';
import type { ZipLimits, ZipRefusalReason } from './zip';

/** What the server asks the untrusted-file worker to do, and what it answers (plain data). */
export type WorkerTask =
  | { kind: 'xlsx'; options: XlsxReadOptions; zipLimits?: ZipLimits }
  | { kind: 'docx'; zipLimits?: ZipLimits }
  | { kind: 'pdf' };

export type WorkerValue<T extends WorkerTask> = T extends { kind: 'xlsx' } ? XlsxBook : string;

export type WorkerReply =
  { ok: true; value: XlsxBook | string } | { ok: false; reason: ZipRefusalReason; detail: string };
