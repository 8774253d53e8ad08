/**
 * The kubectl releases (1.<minor>) at which a text this front end prints changed. Each entry names the change it
 * follows; the commands read these instead of comparing minors inline.
 */
export const KUBECTL_SINCE = Object.freeze({
  /**
   * CHANGELOG-1.34 "Included namespace in the output of the kubectl delete for clearer identification of
   * resources" (#126619): `pod "x" deleted from default namespace` (before: `pod "x" deleted`).
   */
  deleteNamespaceSuffix: 34,
  /**
   * CHANGELOG-1.31 "Removing deprecated kubectl exec [POD] [COMMAND]" (#125437): the form without `--` is an
   * error (`exec [POD] [COMMAND] is not supported anymore`); before, a DEPRECATED warning and the command runs.
   */
  execWithoutDashRemoved: 31,
  /**
   * PR #108210 "coordinate the kubectl warning style" (merged May 2022, v1.25): warnings go through the
   * WarningPrinter (`Warning: ...`); before, `warning: Immediate deletion ...`.
   */
  warningPrinter: 25,
  /** KEP-1440: `kubectl events` leaves `kubectl alpha` (a top-level command from v1.26). */
  eventsCommand: 26,
  /**
   * get.go printGeneric: the List wrapper of `-o yaml` stopped carrying `selfLink: ""` after RemoveSelfLink went
   * GA (#107527, v1.24; the kubectl part followed separately). Assumed first absent in v1.25 (see the report).
   */
  listWithoutSelfLink: 25,
  /**
   * PR #137145 "Skip events for multi-object kubectl describe" (merged Feb 2026, after v1.35): several objects are
   * described without events unless --show-events is set. Outside 1.23..1.35; kept to say why it is not applied.
   */
  describeManyWithoutEvents: 36,
});

/** The top-level kubectl commands in registration order (cobra suggests in this order), per release. */
// staging/src/k8s.io/kubectl/pkg/cmd/cmd.go NewKubectlCommand: the command groups, then alpha, config, plugin,
// version, api-versions, api-resources, options (cobra's own help command is never suggested).
export function kubectlCommandNames(kubectlMinor: number): string[] {
  return [
    'create',
    'expose',
    'run',
    'set',
    'explain',
    'get',
    'edit',
    'delete',
    'rollout',
    'scale',
    'autoscale',
    'certificate',
    'cluster-info',
    'top',
    'cordon',
    'uncordon',
    'drain',
    'taint',
    'describe',
    'logs',
    'attach',
    'exec',
    'port-forward',
    'proxy',
    'cp',
    'auth',
    'debug',
    ...(kubectlMinor >= KUBECTL_SINCE.eventsCommand ? ['events'] : []),
    'diff',
    'apply',
    'patch',
    'replace',
    'wait',
    'kustomize',
    'label',
    'annotate',
    'completion',
    'alpha',
    'config',
    'plugin',
    'version',
    'api-versions',
    'api-resources',
    'options',
  ];
}

/** cobra.Command.SuggestFor of kubectl commands: names suggested although they are not close. */
// delete.go NewCmdDelete SuggestFor ["rm"]; describe.go NewCmdDescribe SuggestFor ["inspect"]
export const KUBECTL_SUGGEST_FOR: Readonly<Record<string, readonly string[]>> = Object.freeze({
  delete: ['rm'],
  describe: ['inspect'],
});
