/**
 * restart_rules.json: KEP-5307 helpers of pkg/api/v1/pod/util.go, cases copied from util_test.go
 * (TestIsContainerRestartable, TestContainerHasRestartablePolicy, TestFindMatchingContainerRestartRule).
 */
import type { Container, ContainerRestartRule } from '../../../src/k8s/api/types.ts';
import {
  containerShouldRestart,
  findMatchingContainerRestartRule,
  isContainerRestartable,
} from '../../../src/k8s/kubelet/restart.ts';
import { casesOf, defaultCaseName, type VectorAdapter, type VectorCase } from '../adapter.ts';

interface Input {
  podRestartPolicy?: string;
  containerRestartPolicy?: string | null;
  restartPolicyRules?: ContainerRestartRule[];
  exitCode?: number;
}

function containerOf(input: Input): Container {
  const c: Container = { name: 'c', restartPolicyRules: input.restartPolicyRules ?? [] };
  if (input.containerRestartPolicy != null) c.restartPolicy = input.containerRestartPolicy;
  return c;
}

export const adapter: VectorAdapter = {
  file: 'restart_rules.json',
  versionNote:
    'version-free pure helpers of util.go ~v1.34/1.35 (KEP-5307); the kubelet uses them only with ContainerRestartRules on (1.35 default)',
  cases: casesOf,
  caseName: defaultCaseName,
  run(c: VectorCase) {
    const input = c.input as Input;
    const container = containerOf(input);
    const spec = { restartPolicy: input.podRestartPolicy ?? '', containers: [container] };
    switch (c.function) {
      case 'IsContainerRestartable':
        return { actual: isContainerRestartable(spec, container), expected: c.expected };
      case 'ContainerShouldRestart':
        return { actual: containerShouldRestart(container, spec, input.exitCode ?? 0), expected: c.expected };
      case 'findMatchingContainerRestartRule': {
        const { found, rule } = findMatchingContainerRestartRule(container, input.exitCode ?? 0);
        return { actual: { found, rule }, expected: c.expected };
      }
      default:
        throw new Error(`restart_rules.json: unknown function ${String(c.function)}`);
    }
  },
};
