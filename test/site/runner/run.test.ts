/**
 * runScenario: the playground's questions get the model's answers (the same rules the checked pages show), the
 * reader's actions act on the cluster as they would on a real one, and nothing a scenario asks for can throw.
 */
import { describe, expect, it } from 'vitest';
import { kubeVersion, parseMinor } from '../../../src/k8s/version/index.ts';
import { explainText } from '../../../src/manifest/explain.ts';
import { exitStep, signalStep } from '../../../src/site/runner/actions.ts';
import { explainer } from '../../../src/site/runner/checks/explain.ts';
import { setInRegistry, setOnNode } from '../../../src/site/runner/images.ts';
import { PLAYGROUND_STARTS } from '../../../src/site/runner/playground-scenarios.ts';
import { formatDuration, runScenario, viewCommand } from '../../../src/site/runner/run.ts';
import { type RunnerScenario, type RunnerStep, withStep, withVersion } from '../../../src/site/runner/scenario.ts';
import { testPack } from '../../manifest/schema/pack-fixture.ts';
import { checksAt, edit, pod, problems, rows, run, start } from './helpers.ts';

const V35 = kubeVersion('1.35');

describe('the playground scenarios', () => {
  for (const s of PLAYGROUND_STARTS) {
    for (const locale of ['zh-cn', 'en'] as const) {
      it(`${s.id} (${locale}) replays without a problem`, () => {
        const result = run(s.scenario(locale));
        expect(result.error).toBeUndefined();
        expect(problems(result)).toEqual([]);
        expect(result.log.filter((e) => e.kind === 'command').length).toBeGreaterThan(1);
      });
    }
  }

  it('pull policy: IfNotPresent pulls; Never on a node without the image is ErrImageNeverPull; the image on the node fixes it', () => {
    const base = start('pull-policy');
    expect(rows(run(base))[0]?.[2]).toBe('Running');
    const never = edit(base, 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: Never');
    expect(rows(run(never))[0]?.[2]).toBe('ErrImageNeverPull');
    expect(rows(run(setOnNode(never, 'worker-1', 'nginx:1.25', true, V35)))[0]?.[2]).toBe('Running');
  });

  it('restart policy decides what an exit 1 leads to', () => {
    const base = start('crash-loop');
    const always = rows(run(base))[0];
    expect(always?.[2]).toBe('CrashLoopBackOff');
    expect(Number.parseInt(always?.[3] ?? '0', 10)).toBeGreaterThan(2);
    const never = rows(run(edit(base, 'restartPolicy: Always', 'restartPolicy: Never')))[0];
    expect(never?.slice(1, 4)).toEqual(['0/1', 'Error', '0']);
    const onFailure = rows(run(edit(base, 'restartPolicy: Always', 'restartPolicy: OnFailure')))[0];
    expect(onFailure?.[2]).toBe('CrashLoopBackOff');
    const exit0 = rows(
      run(edit(edit(base, 'restartPolicy: Always', 'restartPolicy: OnFailure'), 'exit 1', 'exit 0')),
    )[0];
    expect(exit0?.slice(1, 4)).toEqual(['0/1', 'Completed', '0']);
  });

  it('nginx -s stop: Never leaves the pod Completed, Always starts nginx again', () => {
    const base = start('nginx-stop');
    expect(rows(run(base))[0]?.slice(1, 4)).toEqual(['0/1', 'Completed', '0']);
    const always = rows(run(edit(base, 'restartPolicy: Never', 'restartPolicy: Always')))[0];
    expect(always?.[2]).toBe('Running');
    expect(always?.[3]).toMatch(/^1 \(/);
  });

  it(':latest pulls every time: without the tag in the registry the pod cannot start, though the node has it', () => {
    const base = start('latest-tag');
    expect(rows(run(base))[0]?.[2]).toBe('Running');
    const gone = setInRegistry(base, 'nginx:latest', false, V35);
    expect(rows(run(gone))[0]?.[2]).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    const ifNotPresent = edit(gone, 'image: nginx:latest', 'image: nginx:latest\n    imagePullPolicy: IfNotPresent');
    expect(rows(run(ifNotPresent))[0]?.[2]).toBe('Running');
  });

  it('the release changes the printed text where Kubernetes changed it (kubectl 1.35 prefixes event messages)', () => {
    const never = withStep(edit(start('pull-policy'), 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: Never'), {
      kind: 'run',
      line: 'kubectl describe pod web',
    });
    const at = (release: string) => run(withVersion(never, release)).log.at(-1)?.output ?? '';
    expect(at('1.35')).toContain(
      'spec.containers{web}: Container image "nginx:1.25" is not present with pull policy of Never',
    );
    expect(at('1.26')).toContain(
      'kubelet            Container image "nginx:1.25" is not present with pull policy of Never',
    );
    expect(at('1.26')).not.toContain('spec.containers{web}:');
  });
});

describe("the reader's process actions", () => {
  const running = (policy: string): RunnerScenario => {
    const s = edit(start('nginx-stop'), 'restartPolicy: Never', `restartPolicy: ${policy}`);
    return { ...s, steps: s.steps.filter((st) => st.kind !== 'run' || !st.line.includes('nginx -s stop')) };
  };
  const runAfter = (s: RunnerScenario, step: RunnerStep, seconds = 5) =>
    run(withStep(withStep(s, step), { kind: 'wait', seconds }));
  const last = (s: RunnerScenario, step: RunnerStep) => pod(runAfter(s, step), 'nginx').status?.containerStatuses?.[0];

  it('SIGKILL from the node: exit 137, and Always restarts the container', () => {
    const status = last(running('Always'), signalStep({ pod: 'nginx' }, 'SIGKILL'));
    expect(status?.restartCount).toBe(1);
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('SIGTERM: nginx exits 0 (Never leaves it Completed)', () => {
    const status = last(running('Never'), signalStep({ pod: 'nginx' }, 'SIGTERM'));
    expect(status?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('SIGTERM to a shell script without a trap is ignored', () => {
    const sleeper = edit(start('crash-loop'), '"sleep 5; exit 1"', '"sleep 3600"');
    const result = runAfter(sleeper, signalStep({ pod: 'crash' }, 'SIGTERM'));
    expect(result.log.find((e) => e.kind === 'process')?.output).toMatch(/ignores it/);
    expect(rows(result)[0]?.slice(1, 4)).toEqual(['1/1', 'Running', '0']);
  });

  it('an exit code of the reader’s choosing is what the container reports', () => {
    const status = last(running('OnFailure'), exitStep({ pod: 'nginx' }, 3));
    expect(status?.restartCount).toBe(1);
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    const zero = last(running('OnFailure'), exitStep({ pod: 'nginx' }, 0));
    expect(zero?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('says why when there is nothing to signal', () => {
    const result = run(withStep(start('pull-policy'), signalStep({ pod: 'nope' }, 'SIGKILL')));
    expect(problems(result)).toEqual(['no pod named nope']);
  });
});

describe('runScenario never throws', () => {
  it('reports a cluster that cannot be built', () => {
    const base = start('pull-policy');
    const bad = { ...base, cluster: { nodes: [{ name: 'Not_A_Node', roles: [], images: [] }] } };
    const result = run(bad);
    expect(result.error).toMatch(/Not_A_Node/);
    expect(result.log).toEqual([]);
  });

  it('reports steps that cannot do what they ask', () => {
    const base = start('pull-policy');
    const steps: RunnerStep[] = [
      { kind: 'run', line: 'ls', container: true },
      { kind: 'at', seconds: 0 },
      { kind: 'run', line: 'crictl images', host: 'no-such-node' },
      { kind: 'run', line: 'kubectl get pods | grep web' },
    ];
    const result = run({ ...base, steps: [...base.steps, ...steps] });
    expect(problems(result)).toEqual([
      'podbook: no `kubectl exec -it` session is open for this container prompt\n',
      'the clock is already 31s after the start, past 0s',
    ]);
    expect(result.log.at(-2)?.output).toMatch(/not modelled/);
    expect(result.log.at(-1)?.output).toMatch(/not modelled/);
  });

  it('keeps an interactive exec session open across steps, as the page transcripts do', () => {
    const base = edit(start('nginx-stop'), 'restartPolicy: Never', 'restartPolicy: Always');
    const steps: RunnerStep[] = [
      ...base.steps.filter((s) => s.kind !== 'run' || !s.line.includes('nginx -s stop')),
      { kind: 'run', line: 'kubectl exec -it nginx -- bash' },
      { kind: 'run', line: 'hostname', container: true },
      { kind: 'run', line: 'nginx -s stop', container: true },
    ];
    const result = run({ ...base, steps });
    const [host, stop] = result.log.slice(-2);
    expect(host?.output).toBe('nginx\n');
    expect(stop?.output).toBe('command terminated with exit code 137\n');
  });

  it('formats virtual time as the log shows it', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59.5)).toBe('59.5s');
    expect(formatDuration(3725)).toBe('1h2m5s');
    expect(formatDuration(120)).toBe('2m');
  });

  it('answers view commands on a cluster that could not be built with nothing', () => {
    expect(viewCommand({ log: [], start: 0, elapsed: 0, error: 'x' }, 'kubectl get pods')).toBe('');
  });
});

describe('kubectl explain in the runner', () => {
  const explainAt = (scenario: RunnerScenario, line: string) =>
    runScenario(withStep(scenario, { kind: 'run', line }), checksAt(scenario.k8s), {
      explain: explainer(testPack(parseMinor(scenario.k8s))),
    }).log.at(-1);

  it('prints what the checker prints, in the layout of the scenario’s kubectl', () => {
    const s = start('pull-policy');
    const entry = explainAt(s, 'kubectl explain pod.spec.restartPolicy');
    expect(entry?.exitCode).toBe(0);
    expect(entry?.output).toBe(
      explainText(testPack(parseMinor(s.k8s)), 'pod.spec.restartPolicy', { kubectlMinor: parseMinor(s.k8s) }),
    );
    const old = explainAt({ ...withVersion(s, '1.26') }, 'kubectl explain pod.spec.restartPolicy');
    expect(old?.output).toMatch(/^FIELDS?:\s+restartPolicy <string>$/m);
    expect(old?.output).not.toBe(entry?.output);
  });

  it('answers a path that does not exist as kubectl does', () => {
    const entry = explainAt(start('pull-policy'), 'kubectl explain pod.spec.nope');
    expect(entry?.exitCode).toBe(1);
    expect(entry?.output).toMatch(/^error: field "nope" does not exist/);
  });

  it('says so when no schema is loaded', () => {
    const s = withStep(start('pull-policy'), { kind: 'run', line: 'kubectl explain pods' });
    const entry = runScenario(s, checksAt(s.k8s)).log.at(-1);
    expect(entry?.output).toContain('kubectl explain');
    expect(entry?.exitCode).not.toBe(0);
  });
});
