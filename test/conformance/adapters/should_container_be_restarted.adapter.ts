/**
 * should_container_be_restarted.json: kubecontainer.ShouldContainerBeRestarted cases copied from
 * pkg/kubelet/container/helpers_test.go TestShouldContainerBeRestarted.
 */
import { shouldContainerBeRestarted } from '../../../src/k8s/kubelet/restart.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';
import { casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

interface Input {
  podRestartPolicy: string;
  podDeleted: boolean;
  latestContainerStatus: null | { state: 'running' | 'exited' | 'unknown' | 'created'; exitCode?: number };
}

// The cases come from the ~v1.28-1.33 helpers_test.go (the classic pod-level rule, before ContainerRestartRules).
const version = kubeVersion('1.33');

export const adapter: VectorAdapter = {
  file: 'should_container_be_restarted.json',
  versionNote: '1.33: the source is helpers_test.go of ~v1.28-1.33 (classic rule, no ContainerRestartRules gate)',
  cases: casesOf,
  caseName: defaultCaseName,
  run(c: VectorCase) {
    const input = c.input as Input;
    const latest = input.latestContainerStatus;
    const decision = shouldContainerBeRestarted(
      {
        container: { name: 'c' },
        spec: { restartPolicy: input.podRestartPolicy, containers: [{ name: 'c' }] },
        deleted: input.podDeleted,
        latest: latest && { state: latest.state, exitCode: latest.exitCode },
      },
      version,
    );
    return { actual: { shouldRestart: decision.restart }, expected: c.expected };
  },
};
