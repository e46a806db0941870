import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig: HOST', () => {
  it('listens on loopback only when HOST is not set (or empty)', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '  ' }).host).toBe('127.0.0.1');
  });

  it('listens where HOST says', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: ' 10.0.0.5 ' }).host).toBe('10.0.0.5');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
  });
});
