import { fieldError } from './errors';

/** An uploaded file as the HTTP layer hands it to a service (either part may be missing). */
export type UploadInput = { fileName?: string | undefined; data?: Buffer | undefined };
export type UploadedFile = { fileName: string; data: Buffer };
/** The form field a file came in, with its Vietnamese label for error messages. */
export type UploadField = { field: string; label: string };

/** The file of an upload; VALIDATION_FAILED "<label>: chưa chọn tệp" on `field` when none came. */
export function requireFile(input: UploadInput, field: UploadField): UploadedFile {
  const { fileName, data } = input;
  if (data === undefined || fileName === undefined)
    throw fieldError(field.field, field.label, 'chưa chọn tệp');
  return { fileName, data };
}

/**
 * An uploaded .xlsx: a file was chosen, its name ends in .xlsx, and its content is a ZIP
 * container ("PK\x03\x04"), so a PDF or anything else renamed .xlsx stops here. VALIDATION_FAILED
 * on `field` otherwise. Whether the workbook really reads is the spreadsheet reader's check.
 */
export function requireXlsx(input: UploadInput, field: UploadField): UploadedFile {
  const file = requireFile(input, field);
  if (!/\.xlsx$/i.test(file.fileName))
    throw fieldError(field.field, field.label, 'phải là tệp .xlsx (Excel 2007 trở lên)');
  if (file.data.length < 4 || file.data.readUInt32LE(0) !== 0x04034b50)
    throw fieldError(field.field, field.label, 'nội dung không phải bảng tính .xlsx hợp lệ');
  return file;
}
