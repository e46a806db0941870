/**
 * Names of downloaded files: one home for how every download is named and how the name is sent.
 * Names are Vietnamese with accents ("Kế hoạch 01-KH-UBND 2026 - UBND xã Lương Điền.docx"), made
 * safe for every desktop file system, and sent per RFC 6266 with the UTF-8 name in `filename*`
 * (RFC 5987/8187) and an ASCII fallback in `filename` for old clients.
 */

/**
 * Longest name in UTF-8 bytes, extension included. ext4 and most Linux file systems allow 255
 * bytes; a Vietnamese letter takes up to 3, and browsers add " (1)" to repeated downloads.
 */
export const MAX_FILE_NAME_BYTES = 200;

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/** Cuts `s` to at most `maxBytes` UTF-8 bytes without splitting a character. */
function cutToBytes(s: string, maxBytes: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Length(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/**
 * A name safe on Windows, macOS and Linux: NFC; `/` and `\` (as in "01/KH-UBND") become "-";
 * the other forbidden characters `: * ? " < > |` and control characters become spaces; runs of
 * spaces collapse; leading and trailing dots, dashes and spaces go (Windows drops trailing dots);
 * the base is capped so the whole name stays within `maxBytes`, keeping the extension. An empty
 * base becomes "tep".
 */
export function safeFileName(name: string, maxBytes = MAX_FILE_NAME_BYTES): string {
  const clean = name
    .normalize('NFC')
    .replace(/[/\\]/gu, '-')
    .replace(/[:*?"<>|\u0000-\u001f\u007f]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const dot = clean.lastIndexOf('.');
  const hasExt = dot >= 0 && /^\.[\p{L}\p{N}]{1,8}$/u.test(clean.slice(dot));
  const ext = hasExt ? clean.slice(dot) : '';
  const trimEnds = (s: string) => s.replace(/^[\s.-]+|[\s.-]+$/gu, '');
  let base = trimEnds(hasExt ? clean.slice(0, dot) : clean);
  if (utf8Length(base + ext) > maxBytes)
    base = trimEnds(cutToBytes(base, maxBytes - utf8Length(ext)));
  return `${base || 'tep'}${ext}`;
}

/**
 * A file name from its parts joined by " - " (empty parts skipped), an optional suffix such as
 * "(phiên bản 2)" after a space, and the extension; made safe by `safeFileName`.
 * `fileName(['Kế hoạch 01/KH-UBND 2026', 'UBND xã Lương Điền'], 'docx')`
 * → "Kế hoạch 01-KH-UBND 2026 - UBND xã Lương Điền.docx".
 */
export function fileName(
  parts: readonly (string | null | undefined | false)[],
  ext: string,
  suffix?: string,
): string {
  const base = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return safeFileName(`${base.join(' - ')}${suffix ? ` ${suffix}` : ''}.${ext}`);
}

/**
 * The ASCII fallback of a name for the `filename` parameter: accents dropped, đ → d, anything
 * outside letters, digits and ` ._()-,` replaced by "_" (never a quote or backslash).
 */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^A-Za-z0-9 ._()\-,]/gu, '_');
}

/** RFC 5987 value-chars: percent-encode all but attr-char (encodeURIComponent leaves '()*). */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(
    /['()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The Content-Disposition of a download (RFC 6266): `attachment; filename="<ASCII fallback>";
 * filename*=UTF-8''<percent-encoded UTF-8 name>`, the name first made safe by `safeFileName`.
 */
export function contentDisposition(name: string): string {
  const safe = safeFileName(name);
  return `attachment; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
