import { describe, expect, it } from 'vitest';
import { pageParam, patchParams } from './url-params';

describe('pageParam', () => {
  it.each([
    ['', 1],
    ['page=3', 3],
    ['page=1', 1],
    ['page=0', 1],
    ['page=-2', 1],
    ['page=abc', 1],
    ['q=x&page=12', 12],
  ])('?%s → %i', (query, page) => {
    expect(pageParam(new URLSearchParams(query))).toBe(page);
  });
});

describe('patchParams', () => {
  it.each<[string, Record<string, string | undefined>, string]>([
    ['q=a&page=2', { q: 'b', page: undefined }, 'q=b'],
    ['q=a', { status: 'issued' }, 'q=a&status=issued'],
    ['q=a&status=draft', { status: '' }, 'q=a'],
    ['', { page: undefined }, ''],
    ['kind=contest&page=4', { page: '5' }, 'kind=contest&page=5'],
  ])('?%s + %j → ?%s', (before, patch, after) => {
    expect(patchParams(new URLSearchParams(before), patch).toString()).toBe(after);
  });

  it('leaves the given parameters untouched', () => {
    const prev = new URLSearchParams('q=a');
    patchParams(prev, { q: undefined });
    expect(prev.toString()).toBe('q=a');
  });
});
