import { parentPort, workerData } from 'node:worker_threads';
import { docxText, pdfText, UnreadableDocument } from './document';
import { readXlsxBook } from './xlsx';
import { XmlError } from './xml';
import { ZipRefusal } from './zip';
import type { WorkerReply, WorkerTask } from './tasks';

/**
 * Runs one task on one untrusted file and posts the answer (decision 031). Its memory and time
 * are limited by the server (run.ts); if it dies, only this thread dies.
 */

const { task, data } = workerData as { task: WorkerTask; data: Uint8Array };
const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);

async function run(): Promise<WorkerReply> {
  try {
    switch (task.kind) {
      case 'xlsx':
        return { ok: true, value: await readXlsxBook(buffer, task.options, task.zipLimits) };
      case 'docx':
        return { ok: true, value: await docxText(buffer, task.zipLimits) };
      case 'pdf':
        return { ok: true, value: await pdfText(buffer) };
    }
  } catch (e) {
    if (e instanceof ZipRefusal) return { ok: false, reason: e.reason, detail: e.message };
    if (e instanceof XmlError || e instanceof UnreadableDocument)
      return { ok: false, reason: 'unreadable', detail: e.message };
    throw e;
  }
}

parentPort?.postMessage(await run());
