/**
 * The virtual cluster a page describes: its frontmatter (`podbook.cluster`, the scenario's overrides) turned into
 * createCluster's options. Whatever the page leaves out is the simulator's default.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import type { ClusterOptions, NodeTaint, NodeSpec as SimNodeSpec, Validator } from '../../sim/index.ts';
import type { NodeSpec, ResolvedScenario } from '../extract/index.ts';
import { pageRegistries } from './page-registries.ts';

const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';
const OLD_CONTROL_PLANE = 'node-role.kubernetes.io/master';

/**
 * The taints kubeadm puts on a control-plane node, so pods stay off it as on the page's cluster.
 * cmd/kubeadm/app/constants/constants.go ControlPlaneTaint / OldControlPlaneTaint: `master` up to 1.23,
 * both in 1.24, `control-plane` from 1.25.
 */
function controlPlaneTaints(minor: number): NodeTaint[] {
  const keys = minor <= 23 ? [OLD_CONTROL_PLANE] : minor === 24 ? [OLD_CONTROL_PLANE, CONTROL_PLANE] : [CONTROL_PLANE];
  return keys.map((key) => ({ key, effect: 'NoSchedule' }));
}

function simNode(node: NodeSpec, minor: number): SimNodeSpec {
  const controlPlane = node.roles.includes('control-plane') || node.roles.includes('master');
  return {
    name: node.name,
    ...(node.ip ? { internalIP: node.ip } : {}),
    ...(node.images.length > 0 ? { images: node.images } : {}),
    ...(controlPlane ? { taints: controlPlaneTaints(minor) } : {}),
  };
}

/**
 * createCluster's options for a scenario (whose `k8s` is known) at a Kubernetes release; `validate` is the
 * apiserver's create validation (ManifestChecks.validateObject, src/check/run/manifest-checks.ts).
 */
export function clusterOptions(scenario: ResolvedScenario, version: KubeVersion, validate: Validator): ClusterOptions {
  const cluster = scenario.cluster ?? {};
  return {
    version,
    ...(scenario.seed !== undefined ? { seed: scenario.seed } : {}),
    ...(cluster.startSeconds !== undefined ? { startTime: cluster.startSeconds } : {}),
    ...(cluster.nodes && cluster.nodes.length > 0
      ? { nodes: cluster.nodes.map((n) => simNode(n, version.minor)) }
      : {}),
    ...(cluster.registries ? { registries: pageRegistries(cluster.registries) } : {}),
    validate,
  };
}
