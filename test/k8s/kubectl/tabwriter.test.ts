/**
 * Expected layouts worked out by hand from Go's text/tabwriter algorithm (liggitt/tabwriter tabwriter.go), and
 * real kubectl output from /work/shared (seed notes and transcripts) for the kubectl settings.
 */
import { describe, expect, it } from 'vitest';
import {
  DESCRIBE_TABWRITER_OPTIONS,
  GET_TABWRITER_OPTIONS,
  TabWriter,
  TabWriterError,
  type TabWriterOptions,
  tabwrite,
} from '../../../src/k8s/kubectl/tabwriter.ts';

/** Dots make padding visible. */
const DOTS: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 1, padChar: '.' };

describe('column blocks', () => {
  it('lays out the text/tabwriter doc example (b and c are separate columns)', () => {
    const text = 'aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n';
    expect(tabwrite(text, DOTS)).toBe('aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n');
  });

  it('measures each block of a column on its own, not a global column', () => {
    // column 1 is interrupted by the 2-cell middle line, so "bb" and "bbbb" are in different blocks
    const text = 'a\tbb\tc\naaa\tb\na\tbbbb\tc\n';
    expect(tabwrite(text, DOTS)).toBe('a...bb.c\naaa.b\na...bbbb.c\n');
  });

  it('never pads the trailing cell of a line', () => {
    expect(tabwrite('NAME\tAGE\nx\t1s\n', GET_TABWRITER_OPTIONS)).toBe('NAME   AGE\nx      1s\n');
  });

  it('pads a tab-terminated last cell (it belongs to a column)', () => {
    expect(tabwrite('a\tb\t\n', DESCRIBE_TABWRITER_OPTIONS)).toBe('a  b  \n');
  });

  it('applies minWidth including padding', () => {
    expect(tabwrite('a\tb\n', GET_TABWRITER_OPTIONS)).toBe('a     b\n');
  });

  it('starts over after a line without tabs', () => {
    expect(tabwrite('a\tb\nlonger-text\nxxxxxxxx\ty\n', DOTS)).toBe('a.b\nlonger-text\nxxxxxxxx.y\n');
  });

  it('counts width in code points, like Go runes', () => {
    expect(tabwrite('日本\tx\na\ty\n', DOTS)).toBe('日本.x\na..y\n');
  });

  it('keeps an unterminated last line without adding a line break', () => {
    expect(tabwrite('a\tb', DOTS)).toBe('a.b');
  });
});

describe('flags', () => {
  it('aligns right', () => {
    expect(tabwrite('a\tbbb\nccc\td\n', { ...DOTS, alignRight: true })).toBe('...abbb\n.cccd\n');
  });

  it('pads with tabs when padChar is a tab, rounding to tabWidth', () => {
    expect(tabwrite('a\tb\nabcdefghij\tc\n', { ...DOTS, padChar: '\t' })).toBe('a\t\tb\nabcdefghij\tc\n');
  });

  it('discards empty soft-tab columns only when asked', () => {
    expect(tabwrite('a\v\vb\n', DOTS)).toBe('a..b\n');
    expect(tabwrite('a\v\vb\n', { ...DOTS, discardEmptyColumns: true })).toBe('a.b\n');
  });

  it('marks column breaks in debug mode', () => {
    expect(tabwrite('a\tb\n', { ...DOTS, debug: true })).toBe('a.|b\n');
  });

  it('remembers widths across flushes only with rememberWidths', () => {
    const remembering = new TabWriter({ ...DOTS, rememberWidths: true });
    expect(remembering.write('aaaa\tx\n').flush().read()).toBe('aaaa.x\n');
    expect(remembering.write('a\ty\n').flush().read()).toBe('a....y\n');
    const forgetting = new TabWriter(DOTS);
    forgetting.write('aaaa\tx\n').flush().read();
    expect(forgetting.write('a\ty\n').flush().read()).toBe('a.y\n');
  });

  it('read() takes the output once', () => {
    const w = new TabWriter(DOTS).write('a\tb\n').flush();
    expect(w.read()).toBe('a.b\n');
    expect(w.read()).toBe('');
  });

  it('rejects bad settings', () => {
    expect(() => new TabWriter({ ...DOTS, minWidth: -1 })).toThrow(TabWriterError);
    expect(() => new TabWriter({ ...DOTS, padding: 1.5 })).toThrow(/padding/);
    expect(() => new TabWriter({ ...DOTS, padChar: '..' })).toThrow(/padChar/);
  });
});

describe('kubectl settings against real output', () => {
  it('get: a --watch stream keeps remembered widths (transcript 29, kubectl < 1.22 cells)', () => {
    // /work/shared/transcripts/29-exit0-after-30s-completed-crashloop-watch.json: each watch event is one flush
    const w = new TabWriter(GET_TABWRITER_OPTIONS);
    const out = [
      'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nsleep-lab\t1/1\tRunning\t0\t3s\n',
      'sleep-lab\t0/1\tCompleted\t0\t33s\n',
      'sleep-lab\t1/1\tRunning\t1\t35s\n',
      'sleep-lab\t0/1\tCompleted\t1\t64s\n',
      'sleep-lab\t0/1\tCrashLoopBackOff\t1\t79s\n',
    ].map((chunk) => w.write(chunk).flush().read());
    expect(out.join('')).toBe(
      [
        'NAME        READY   STATUS    RESTARTS   AGE',
        'sleep-lab   1/1     Running   0          3s',
        'sleep-lab   0/1     Completed   0          33s',
        'sleep-lab   1/1     Running     1          35s',
        'sleep-lab   0/1     Completed   1          64s',
        'sleep-lab   0/1     CrashLoopBackOff   1          79s',
        '',
      ].join('\n'),
    );
  });

  it('describe: the Events table (seed notes, kubectl describe pods nginx-5)', () => {
    // /work/shared/seed/pod-policies-notes.zh-CN.txt; describe.go DescribeEvents writes these tab-separated rows
    const message =
      'Container image "images.guoguo.com/apps/ubuntu-nginx:1.24.0" is not present with pull policy of Never';
    const text = [
      'Events:',
      '  Type\tReason\tAge\tFrom\tMessage',
      '  ----\t------\t----\t----\t-------',
      '  Normal\tScheduled\t105s\tdefault-scheduler\tSuccessfully assigned default/nginx-5 to k8s-node3.guoguo.com',
      `  Warning\tErrImageNeverPull\t11s (x10 over 105s)\tkubelet\t${message}`,
      '  Warning\tFailed\t11s (x10 over 105s)\tkubelet\tError: ErrImageNeverPull',
      '',
    ].join('\n');
    expect(tabwrite(text, DESCRIBE_TABWRITER_OPTIONS)).toBe(
      [
        'Events:',
        '  Type     Reason             Age                  From               Message',
        '  ----     ------             ----                 ----               -------',
        '  Normal   Scheduled          105s                 default-scheduler  Successfully assigned default/nginx-5 to k8s-node3.guoguo.com',
        `  Warning  ErrImageNeverPull  11s (x10 over 105s)  kubelet            ${message}`,
        '  Warning  Failed             11s (x10 over 105s)  kubelet            Error: ErrImageNeverPull',
        '',
      ].join('\n'),
    );
  });
});
