import JSZip from 'jszip';

/**
 * Makes a .docx byte-for-byte reproducible. The docx package stamps docProps/core.xml with the
 * current time and zips every entry with the current time (in local time, through fflate), so
 * two renders of one input differ. Here the core timestamps are set to a date derived from the
 * document and the zip is rewritten with that date on every entry (JSZip writes DOS dates from
 * the UTC fields, so the time zone does not leak in either).
 */

/** The issue date at 00:00 UTC, or 1 January of the draft year for a document not yet issued. */
export function fixedDocumentDate(issuedOn: string | null, draftYear: number): Date {
  return new Date(`${issuedOn ?? `${String(draftYear).padStart(4, '0')}-01-01`}T00:00:00Z`);
}

const CORE_PROPERTIES = 'docProps/core.xml';

/** Rewrites the package with fixed timestamps; entry order and contents are otherwise kept. */
export async function normaliseDocx(docx: Uint8Array, date: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(docx);
  const target = new JSZip();
  const stamp = date.toISOString().replace(/\.\d{3}Z$/u, 'Z');
  const entries = Object.values(source.files).filter((f) => !f.dir);
  for (const entry of entries) {
    let data: Uint8Array | string = await entry.async('uint8array');
    if (entry.name === CORE_PROPERTIES) {
      data = new TextDecoder()
        .decode(data)
        .replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/gu, `$1${stamp}$3`);
    }
    target.file(entry.name, data, { date, createFolders: false });
  }
  return target.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
