import path from 'node:path';
import fs from 'node:fs';
import type { Runtime } from '../server/runtime';
import { silentLogger } from '../server/platform/context';
import { verifyAuditChain } from '../server/platform/audit';
import { sealAuditEvents, startAuditSealer } from '../server/platform/audit-seal';
import { anchorDirOf } from '../server/platform/audit-anchor';

/**
 * The `writes` bench's hook into the audit sealer (decision 032): the sealer runs beside the app
 * as in production (main.ts starts it with the worker), so its cost is inside the measurement.
 * Measuring the baseline (main before 0019, no sealer) replaces this file with a no-op.
 */
export function startBenchSealer(runtime: Runtime, dataDir: string) {
  const anchorDir = anchorDirOf(dataDir);
  // The bench truncates audit_event between runs: the old anchors no longer apply.
  fs.rmSync(anchorDir, { recursive: true, force: true });
  const sealer = startAuditSealer({ db: runtime.db, log: silentLogger, anchorDir });
  return {
    /** Stops the sealer, seals what is left and verifies the whole chain against the anchors. */
    async finish(log: (line: string) => void) {
      await sealer.stop();
      await sealAuditEvents(runtime.db, { anchorDir, force: true });
      const t0 = performance.now();
      const report = await verifyAuditChain(runtime.db, { anchorDir });
      log(
        `writes: verify-audit ${JSON.stringify(report)} in ${Math.round(performance.now() - t0)} ms (${path.relative(process.cwd(), anchorDir)})`,
      );
      if (!report.ok) throw new Error(`audit chain does not verify: ${report.code}`);
    },
  };
}
