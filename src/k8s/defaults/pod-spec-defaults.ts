/**
 * SetDefaults_PodSpec (applied to Pods and to every PodTemplateSpec) and the hostNetwork hostPort rule, which
 * lived here until 1.27 and moved to SetDefaults_Pod in 1.28 (DefaultHostNetworkHostPortsInPodTemplates,
 * deprecated 1.28, removed 1.31), so templates no longer get hostPorts.
 */
import { DEFAULTS_GO, type DefaultingContext } from './context.ts';
import { childPath, isUnsetNumber, isUnsetString, type JsonObject, objectItems, type PathLike } from './json.ts';

/** v1.DefaultTerminationGracePeriodSeconds */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** v1.DefaultSchedulerName */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

// pkg/apis/core/v1/defaults.go SetDefaults_PodSpec
export function defaultPodSpec(spec: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  const citation = `${DEFAULTS_GO} SetDefaults_PodSpec`;
  const set = (field: string, value: unknown) =>
    ctx.log.set(spec, field, value, childPath(path, field), 'defaulting', citation);
  if (isUnsetString(spec.dnsPolicy)) set('dnsPolicy', 'ClusterFirst');
  if (isUnsetString(spec.restartPolicy)) set('restartPolicy', 'Always');
  // Until 1.27 the hostPort rule ran here, so it reached templates too.
  if (ctx.version.minor <= 27 && spec.hostNetwork === true) defaultHostNetworkPorts(spec, path, ctx, citation);
  if (spec.securityContext === undefined || spec.securityContext === null) set('securityContext', {});
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    set('terminationGracePeriodSeconds', DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
  }
  if (isUnsetString(spec.schedulerName)) set('schedulerName', DEFAULT_SCHEDULER_NAME);
}

/** With host networking, every container port without a hostPort gets hostPort = containerPort. */
// pkg/apis/core/v1/defaults.go defaultHostNetworkPorts
export function defaultHostNetworkPorts(spec: JsonObject, path: PathLike, ctx: DefaultingContext, citation: string) {
  for (const list of ['containers', 'initContainers']) {
    for (const [container, containerPath] of objectItems(spec, list, path)) {
      for (const [port, portPath] of objectItems(container, 'ports', containerPath)) {
        if (isUnsetNumber(port.hostPort) && typeof port.containerPort === 'number') {
          const note = 'hostNetwork: true';
          ctx.log.set(
            port,
            'hostPort',
            port.containerPort,
            childPath(portPath, 'hostPort'),
            'defaulting',
            citation,
            note,
          );
        }
      }
    }
  }
}
