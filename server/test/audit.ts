import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../platform/db';
import { sealAuditEvents, type SealResult } from '../platform/audit-seal';

/**
 * Seals every committed audit event now, as the background sealer would (decision 032). Tests
 * that read the chain (seq, hashes) right after a write call this first; with `anchorDir` the head
 * is also anchored.
 */
export function sealAudit(db: Db, anchorDir?: string): Promise<SealResult> {
  return sealAuditEvents(db, { anchorDir, force: true });
}

/** A fresh, empty anchors folder under the system's temporary directory. */
export function tempAnchorDir(): { dir: string; remove: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-test-anchors-'));
  return {
    dir: path.join(root, 'audit-anchors'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
