/**
 * What changed in the apiserver's request decoder between releases (the JSON decoder is the vendored
 * sigs.k8s.io/json fork of encoding/json; strict checking is server-side field validation, KEP-2885).
 */

export interface DecoderEra {
  /**
   * ServerSideFieldValidation is on by default (beta in 1.25, GA in 1.27; alpha and off in 1.23–1.24): the server
   * honours `fieldValidation=Strict|Warn` and reports unknown fields. When off, unknown fields are dropped silently.
   */
  readonly serverSideFieldValidation: boolean;
  /**
   * Unknown-field errors name the full path (`unknown field "spec.image"`) rather than the key alone
   * (`unknown field "image"`): sigs.k8s.io/json "Output field path in strict errors" (kubernetes-sigs/json#5),
   * vendored by kubernetes#106568 for 1.24.
   */
  readonly strictErrorPaths: boolean;
  /**
   * Type-error field paths include the Go names of promoted embedded structs
   * (`…spec.volumes.VolumeSource.configMap.defaultMode`): Go 1.24 encoding/json (golang/go#68966), synced into
   * sigs.k8s.io/json by kubernetes-sigs/json#25 (v0.0.0-20250730193827), first vendored by Kubernetes 1.35
   * (1.34's k8s.io/apiserver v0.34 still uses v0.0.0-20241014173422).
   */
  readonly embeddedFieldNames: boolean;
}

export function decoderEra(minor: number): DecoderEra {
  return {
    serverSideFieldValidation: minor >= 25,
    strictErrorPaths: minor >= 24,
    embeddedFieldNames: minor >= 35,
  };
}
