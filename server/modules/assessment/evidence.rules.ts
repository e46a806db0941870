import { inspectZip } from '../../platform/untrusted/index';

/**
 * Which evidence files a unit may attach, decided on the bytes, not the name: a PDF, a PNG or
 * JPEG image, a Word .docx or an Excel .xlsx. A text file renamed to .pdf, an executable renamed
 * to .docx or a file over the size limit is refused, and so is a name whose extension does not
 * match what the content is (the download is served with the detected type).
 */

/** The most one evidence file may weigh. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** The most files one leaf may carry. */
export const MAX_EVIDENCE_PER_LEAF = 20;

export const EvidenceKind = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpeg',
  docx: 'docx',
  xlsx: 'xlsx',
} as const;
export type EvidenceKind = (typeof EvidenceKind)[keyof typeof EvidenceKind];

export const evidenceContentTypes: Record<EvidenceKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const extensions: Record<EvidenceKind, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};

const startsWith = (data: Buffer, bytes: readonly number[]) =>
  data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

/**
 * What Office package a ZIP is, from the part every such package must hold. Read from the
 * central directory by the zip guard (decision 031): nothing is inflated, and an archive over
 * the guard's limits (a zip bomb) or a damaged one is no accepted kind.
 */
function officeKind(data: Buffer): EvidenceKind | null {
  let names: Set<string>;
  try {
    names = new Set(inspectZip(data).map((e) => e.name));
  } catch {
    return null;
  }
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** The kind of file the bytes are, or null when it is none of the accepted kinds. */
export async function sniffEvidence(data: Buffer): Promise<EvidenceKind | null> {
  if (startsWith(data, PDF)) return 'pdf';
  if (startsWith(data, PNG)) return 'png';
  if (startsWith(data, JPEG)) return 'jpeg';
  if (startsWith(data, ZIP)) return officeKind(data);
  return null;
}

export type EvidenceCheck =
  { ok: true; kind: EvidenceKind; contentType: string } | { ok: false; message: string };

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Checks an upload's size, content and name; the message is Vietnamese, for the uploader. */
export async function checkEvidence(
  fileName: string,
  data: Buffer,
  maxBytes = MAX_EVIDENCE_BYTES,
): Promise<EvidenceCheck> {
  if (data.length === 0) return { ok: false, message: `Tệp "${fileName}" rỗng.` };
  if (data.length > maxBytes)
    return {
      ok: false,
      message: `Tệp "${fileName}" nặng ${mb(data.length)}, vượt mức tối đa ${mb(maxBytes)}.`,
    };
  const kind = await sniffEvidence(data);
  if (kind === null)
    return {
      ok: false,
      message: `Tệp "${fileName}" không phải PDF, ảnh (PNG, JPEG), Word (.docx) hoặc Excel (.xlsx) — nội dung tệp không khớp các định dạng được nhận.`,
    };
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!extensions[kind].includes(ext))
    return {
      ok: false,
      message: `Tệp "${fileName}" có nội dung là ${kind.toUpperCase()} nhưng phần mở rộng là ".${ext}": hãy đặt đúng phần mở rộng (.${extensions[kind][0]}).`,
    };
  return { ok: true, kind, contentType: evidenceContentTypes[kind] };
}
