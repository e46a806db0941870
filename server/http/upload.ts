import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors';

/** One uploaded file and the text fields sent beside it; `fileName`/`data` unset when no file came. */
export type Upload = {
  fileName: string | undefined;
  data: Buffer | undefined;
  fields: Record<string, string>;
};

/**
 * Reads a multipart/form-data body: the (last) file part and every text field. The size is capped
 * by the app's multipart limit (app.ts); the content checks (empty, type, extension) belong to the
 * service that knows what it expects. VALIDATION_FAILED when the body is not multipart.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw new AppError('VALIDATION_FAILED', 'Cần gửi tệp theo dạng multipart/form-data.');
  const upload: Upload = { fileName: undefined, data: undefined, fields: {} };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      upload.fileName = part.filename;
      upload.data = await part.toBuffer();
    } else if (typeof part.value === 'string') upload.fields[part.fieldname] = part.value;
  }
  return upload;
}
