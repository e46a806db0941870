import path from 'node:path';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { AppError } from '../../../platform/errors';

/**
 * The text of an uploaded plan: .txt (UTF-8, or UTF-16LE with its byte-order mark), .docx (the
 * raw text of the paragraphs) or .pdf with a text layer. Always NFC, so offsets the reader reports
 * are offsets in what this returns. A scanned PDF (no text layer) is refused with a message the
 * officer can act on; OCR is not done here.
 */

const FIELD = 'file';
const LABEL = 'Tệp kế hoạch';

function refuse(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, {
    fields: [{ field: FIELD, label: LABEL, message }],
  });
}

function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  const start =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw refuse(
      'Tệp .txt không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 hoặc dán nội dung.',
    );
  }
}

async function docxText(bytes: Buffer): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return value;
  } catch {
    throw refuse(
      'Không đọc được tệp .docx (tệp hỏng hoặc không phải Word). Hãy mở và lưu lại, hoặc dán nội dung.',
    );
  }
}

async function pdfText(bytes: Buffer): Promise<string> {
  let text: string;
  try {
    ({ text } = await extractText(new Uint8Array(bytes), { mergePages: true }));
  } catch {
    throw refuse(
      'Không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu). Hãy dùng bản khác hoặc dán nội dung.',
    );
  }
  if (text.replace(/\s+/gu, '').length === 0) {
    const message = 'Tệp PDF không có lớp chữ (bản quét). Hãy dùng bản có chữ hoặc dán nội dung.';
    throw new AppError('VALIDATION_FAILED', message, {
      fields: [
        { field: FIELD, label: LABEL, message: 'Tệp PDF là bản quét, không có lớp chữ để đọc.' },
      ],
    });
  }
  return text;
}

export async function extractPlanText(bytes: Buffer, fileName: string): Promise<string> {
  const ext = path.extname(fileName).toLowerCase();
  let text: string;
  switch (ext) {
    case '.txt':
      text = decodeText(bytes);
      break;
    case '.docx':
      text = await docxText(bytes);
      break;
    case '.pdf':
      text = await pdfText(bytes);
      break;
    default:
      throw refuse(
        `Không đọc được tệp "${path.basename(fileName)}": chỉ nhận tệp .txt, .docx hoặc .pdf có lớp chữ.`,
      );
  }
  return text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC');
}
