import { createDb } from '../platform/db';
import type { TestDb } from './db';

/**
 * A second connection pool on a test database that records every statement it sends (BEGIN and
 * COMMIT included: each is one round trip to PostgreSQL). Build the app on `testDb` and wrap the
 * request in `record` to assert how many round trips a write takes, so a regression fails.
 */
export function statementRecorder(t: TestDb) {
  let recording: string[] | null = null;
  const db = createDb(t.url, 5, undefined, (event) => {
    recording?.push(event.query.sql.replace(/\s+/g, ' ').trim());
  });
  return {
    /** `t` with the recording pool (for buildTestApp or a service Ctx). */
    testDb: { ...t, db } satisfies TestDb,
    /** Runs `fn` and returns its result with the statements sent meanwhile, in order. */
    async record<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      const statements: string[] = [];
      recording = statements;
      try {
        return { result: await fn(), statements };
      } finally {
        recording = null;
      }
    },
    close: () => db.destroy(),
  };
}
