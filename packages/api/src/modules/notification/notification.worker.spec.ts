import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelayMs } from './notification.worker.js';

describe('retryDelayMs', () => {
  it('doubles from 30 seconds and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempts) => retryDelayMs(attempts) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });

  it('can be made short for tests', () => {
    expect(retryDelayMs(3, { ...DEFAULT_RETRY, baseDelayMs: 5 })).toBe(20);
  });
});
