import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  STANDARD_LAYOUT,
  sampleCertificateRow,
  streamCertificatesPdf,
} from '../server/modules/certificates/index';

/**
 * Certificates at scale (issue 12, `commendation` bench): 1,000 certificates of one decision as
 * one PDF, streamed to a temporary file as the download route would. Pure: no database. Target
 * ≤ 10,000 ms; the process's peak RSS is reported by the caller (target ≤ 500 MB).
 */
export async function benchCertificatesPdf(
  certificates = 1000,
): Promise<{ certificates: number; certificatesPdfMs: number; certificatesPdfMb: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-certificates-'));
  const file = path.join(dir, 'giay-khen.pdf');
  try {
    const rows = function* () {
      for (let i = 1; i <= certificates; i++)
        yield sampleCertificateRow({
          name: `Nguyễn Văn Thành ${i}`,
          goldenBookNo: i,
          achievement: `Đã có thành tích xuất sắc trong phong trào thi đua đẩy mạnh cải cách hành chính năm 2025 (hồ sơ số ${i})`,
        });
    };
    const start = performance.now();
    const { pages } = await streamCertificatesPdf(
      STANDARD_LAYOUT,
      rows(),
      fs.createWriteStream(file),
    );
    const ms = performance.now() - start;
    if (pages !== certificates)
      throw new Error(`certificates: ${pages} pages, not ${certificates}`);
    return {
      certificates,
      certificatesPdfMs: Math.round(ms),
      certificatesPdfMb: Math.round((fs.statSync(file).size / 1048576) * 10) / 10,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
