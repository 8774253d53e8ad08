/** Directive durations in Go's time.ParseDuration syntax (time/format.go ParseDuration), as seconds. */
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/check/extract/durations.ts';

describe('parseDuration', () => {
  it.each([
    ['45s', 45],
    ['2m30s', 150],
    ['1h', 3600],
    ['1h0m0.5s', 3600.5],
    ['1.5s', 1.5],
    ['.5m', 30],
    ['500ms', 0.5],
    ['0', 0],
    ['0s', 0],
    ['1s2m', 121],
    ['100us', 0.0001],
    ['100µs', 0.0001],
    ['5ns', 5e-9],
    ['0.1s0.2s', 0.3],
  ])('%s is %d seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', 's', '5', '-5s', '+5s', '5 s', '5sec', '1d', '1.s.', 'ms'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});
