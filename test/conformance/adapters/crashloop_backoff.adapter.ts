/**
 * crashloop_backoff.json: three kinds of cases.
 * - `flowcontrol.Backoff.IsInBackOffSinceUpdate`: rows of client-go backoff_test.go TestIsInBackOffSinceUpdate.
 *   That test is one sequence: it sets the clock to each tick in turn and calls Next whenever the key is not in
 *   back-off, so each row depends on the rows before it. The file keeps 29 of the table's 38 rows (ticks 3, 7,
 *   11, 15, 19, 23, 27, 31 and 35 are missing, several of them rows that call Next), so the adapter replays the
 *   upstream tick list (inputs only) up to the case's tick and compares the state there.
 * - `kubelet CrashLoopBackOff schedule`: crashLoopSchedule with the case's initial/max delays and instant crashes.
 * - `Go time.Duration.String for back-off message`: formatGoDuration.
 */
import { Backoff, ManualClock } from '../../../src/k8s/kubelet/backoff.ts';
import { CRASHLOOP_RESET_SECONDS, crashLoopSchedule } from '../../../src/k8s/kubelet/crash-loop.ts';
import { formatGoDuration } from '../../../src/k8s/util/go-duration.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { type CaseOutcome, casesOf, type VectorAdapter, type VectorCase } from '../adapter.ts';

// client-go util/flowcontrol/backoff_test.go TestIsInBackOffSinceUpdate: the ticks of its table, in order.
const UPSTREAM_TICKS: readonly number[] = [...Array.from({ length: 36 }, (_, i) => i), 56, 57];

function runIsInBackOffSinceUpdate(c: VectorCase): CaseOutcome {
  const input = c.input as {
    initialSeconds: number;
    maxSeconds: number;
    tickSeconds: number;
    callNextWhenNotInBackoff: boolean;
  };
  if (!input.callNextWhenNotInBackoff)
    throw new Error('only the upstream harness (Next when not in back-off) is known');
  if (!UPSTREAM_TICKS.includes(input.tickSeconds))
    throw new Error(`tick ${input.tickSeconds} is not in the upstream table`);
  const clock = new ManualClock(0);
  const backoff = new Backoff({ initial: input.initialSeconds, max: input.maxSeconds, clock }); // NewFakeBackOff
  const id = '_idIsInBackOffSinceUpdate';
  let actual: unknown;
  for (const tick of UPSTREAM_TICKS) {
    clock.set(tick);
    const inBackOff = backoff.isInBackOffSinceUpdate(id, clock.now());
    if (tick === input.tickSeconds) {
      actual = { inBackOff, backoffSecondsWhenInBackOff: inBackOff ? backoff.get(id) : null };
      break;
    }
    if (!inBackOff) backoff.next(id, clock.now());
  }
  return { actual, expected: c.expected };
}

function runSchedule(c: VectorCase): CaseOutcome {
  const input = c.input as { initialSeconds: number; maxSeconds: number; resetAfterSeconds: number; exits: number };
  if (input.resetAfterSeconds !== CRASHLOOP_RESET_SECONDS) {
    throw new Error(`the kubelet resets after ${CRASHLOOP_RESET_SECONDS}s, the case says ${input.resetAfterSeconds}s`);
  }
  const schedule = crashLoopSchedule({
    version: kubeVersion('1.35'),
    pod: { name: 'app', namespace: 'default', uid: 'uid' },
    containerName: 'app',
    exits: input.exits,
    params: { initial: input.initialSeconds, max: input.maxSeconds },
    sync: 'podWorker', // 1.35 requeues at the back-off's end (BackoffError), jitter draw 0
  });
  const actual = schedule.map(({ backOffSyncs: _syncs, ...row }) => row);
  return { actual, expected: c.expected };
}

export const adapter: VectorAdapter = {
  file: 'crashloop_backoff.json',
  versionNote:
    'Kubernetes 1.35: the schedules assume a sync exactly when the back-off ends, which is the 1.35 BackoffError ' +
    'requeue (run with the 1.35 pod-worker model, jitter 0); Backoff and Duration cases are version-free',
  cases: casesOf,
  caseName(c, index) {
    const input = c.input as Record<string, unknown>;
    const detail = typeof c.name === 'string' ? c.name : JSON.stringify(input);
    return `#${index} ${String(c.function)}: ${detail}`;
  },
  run(c) {
    switch (c.function) {
      case 'flowcontrol.Backoff.IsInBackOffSinceUpdate':
        return runIsInBackOffSinceUpdate(c);
      case 'kubelet CrashLoopBackOff schedule':
        return runSchedule(c);
      case 'Go time.Duration.String for back-off message':
        return { actual: formatGoDuration((c.input as { seconds: number }).seconds), expected: c.expected };
      default:
        throw new Error(`unknown function ${String(c.function)}`);
    }
  },
};
