import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable: 503 for a database that is away, 500 for a bad statement', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED'), true],
    ['connection reset', withCode('ECONNRESET'), true],
    ['admin_shutdown (fast shutdown, terminated backend)', withCode('57P01'), true],
    ['crash_shutdown', withCode('57P02'), true],
    ['cannot_connect_now (starting up)', withCode('57P03'), true],
    ['too_many_connections', withCode('53300'), true],
    ['connection_failure (class 08)', withCode('08006'), true],
    ['pg: connection ended', new Error('Connection terminated unexpectedly'), true],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect'), true],
    [
      'pg: a client that already failed',
      new Error('Client has encountered a connection error and is not queryable'),
      true,
    ],
    [
      'localhost refused on ::1 and 127.0.0.1',
      Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), {}),
      true,
    ],
    ['unique violation', withCode('23505'), false],
    ['syntax error', withCode('42601'), false],
    ['invalid datetime', withCode('22008'), false],
    ['serialization failure', withCode('40001'), false],
    ['a plain bug', new TypeError('x is undefined'), false],
    ['an empty AggregateError', new AggregateError([]), false],
    ['not an error', 'ECONNREFUSED', false],
    ['null', null, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
