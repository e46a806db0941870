import path from 'node:path';
import type { Logger } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { readDocxText, readPdfText } from '../../../platform/untrusted/index';

/**
 * The text of an uploaded plan: .txt (UTF-8, or UTF-16LE with its byte-order mark), .docx (the
 * raw text of the paragraphs) or .pdf with a text layer. Always NFC, so offsets the reader reports
 * are offsets in what this returns. A scanned PDF (no text layer) is refused with a message the
 * officer can act on; OCR is not done here. .docx and .pdf are read by platform/untrusted
 * (decision 031): the zip guard, then a worker thread with memory and time limits, so a hostile
 * file is refused (VALIDATION_FAILED on "file") and never takes the server down.
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

const UPLOAD = { field: FIELD, label: LABEL };

async function docxText(bytes: Buffer, log: Logger | undefined): Promise<string> {
  return readDocxText(bytes, {
    field: UPLOAD,
    log,
    unreadable: () =>
      refuse(
        'Không đọc được tệp .docx (tệp hỏng hoặc không phải Word). Hãy mở và lưu lại, hoặc dán nội dung.',
      ),
  });
}

async function pdfText(bytes: Buffer, log: Logger | undefined): Promise<string> {
  const text = await readPdfText(bytes, {
    field: UPLOAD,
    log,
    unreadable: () =>
      refuse(
        'Không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu). Hãy dùng bản khác hoặc dán nội dung.',
      ),
  });
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

export async function extractPlanText(
  bytes: Buffer,
  fileName: string,
  log?: Logger,
): Promise<string> {
  const ext = path.extname(fileName).toLowerCase();
  let text: string;
  switch (ext) {
    case '.txt':
      text = decodeText(bytes);
      break;
    case '.docx':
      text = await docxText(bytes, log);
      break;
    case '.pdf':
      text = await pdfText(bytes, log);
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
