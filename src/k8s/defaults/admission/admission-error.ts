/** A create request refused by an admission plugin (HTTP 403), with the apiserver's message. */
// staging/src/k8s.io/apiserver/pkg/admission/errors.go NewForbidden -> apierrors.NewForbidden
export class AdmissionForbiddenError extends Error {
  override name = 'AdmissionForbiddenError';
  readonly plugin: string;
  readonly reason: string;

  constructor(plugin: string, podName: string, reason: string) {
    super(`pods "${podName}" is forbidden: ${reason}`);
    this.plugin = plugin;
    this.reason = reason;
  }
}
