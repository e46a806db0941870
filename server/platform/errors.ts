/** The one error type domain code throws. Mapped to HTTP in one table; never imports Fastify. */

export const ErrorCode = {
  notFound: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  unauthenticated: 'UNAUTHENTICATED',
  conflict: 'CONFLICT',
  invalidState: 'INVALID_STATE',
  validationFailed: 'VALIDATION_FAILED',
  deadlinePassed: 'DEADLINE_PASSED',
  quotaExceeded: 'QUOTA_EXCEEDED',
  rateLimited: 'RATE_LIMITED',
  databaseUnavailable: 'DATABASE_UNAVAILABLE',
  internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const httpStatusOf: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_STATE: 409,
  VALIDATION_FAILED: 400,
  DEADLINE_PASSED: 422,
  QUOTA_EXCEEDED: 422,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type FieldError = { field: string; label: string; message: string };
export type RowError = { row: number; column: string; message: string };
export type ErrorDetails = { fields?: FieldError[]; rows?: RowError[]; [key: string]: unknown };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError('FORBIDDEN', message);
export const staleVersion = () =>
  new AppError(
    'CONFLICT',
    'Dữ liệu đã được người khác thay đổi trong lúc bạn sửa. Vui lòng tải lại và thực hiện lại.',
  );

/** The database cannot be reached (restarting, failing over, overloaded): try again shortly. */
export const databaseUnavailable = (details?: ErrorDetails) =>
  new AppError(
    'DATABASE_UNAVAILABLE',
    'Cơ sở dữ liệu tạm thời không sẵn sàng, vui lòng thử lại sau ít phút.',
    details,
  );

export function fieldError(field: string, label: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${label}: ${message}`, {
    fields: [{ field, label, message }],
  });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
