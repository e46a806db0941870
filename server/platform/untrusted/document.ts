import { inflateEntry, inspectZip, type ZipLimits } from './zip';

/**
 * The text of .docx and .pdf files, inside the untrusted-file worker (decision 031). A .docx goes
 * through the zip guard and every entry is inflated once, capped at its declared size, before
 * mammoth (whose JSZip inflates whatever it is given) sees it. The libraries load on first use,
 * so an .xlsx worker does not pay for them.
 */

/** A file the library could not read (damaged, encrypted, not that format). */
export class UnreadableDocument extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableDocument';
  }
}

/** The raw text of a .docx's paragraphs (mammoth.extractRawText). */
export async function docxText(data: Buffer, limits?: ZipLimits): Promise<string> {
  for (const entry of inspectZip(data, limits)) await inflateEntry(data, entry, () => {});
  const mammoth = (await import('mammoth')).default;
  try {
    const { value } = await mammoth.extractRawText({ buffer: data });
    return value;
  } catch (e) {
    throw new UnreadableDocument(e instanceof Error ? e.message : String(e));
  }
}

/** The text layer of a .pdf, pages joined (unpdf); '' for a scan without one. */
export async function pdfText(data: Buffer): Promise<string> {
  const { extractText } = await import('unpdf');
  try {
    const { text } = await extractText(new Uint8Array(data), { mergePages: true });
    return text;
  } catch (e) {
    throw new UnreadableDocument(e instanceof Error ? e.message : String(e));
  }
}
