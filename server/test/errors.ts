import { expect } from 'vitest';
import { AppError } from '../platform/errors';

/**
 * Awaits a promise that must reject with an AppError of `code` (and, when given, naming `field`
 * in its details); returns the error for further checks.
 */
export async function expectAppError(
  p: Promise<unknown>,
  code: string,
  field?: string,
): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (field) expect((e as AppError).details?.fields?.map((f) => f.field)).toContain(field);
  return e as AppError;
}
