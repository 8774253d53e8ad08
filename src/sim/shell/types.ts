/**
 * The terminal in front of the virtual cluster: a command line typed at a prompt becomes the text a real
 * terminal would show. Browser-safe like the rest of src/sim. The docs checker (src/check/run) and the browser
 * islands call `runCommand` (src/sim/shell/index.ts) with these shapes.
 */
import type { Cluster } from '../cluster.ts';
import type { ManifestFileView } from './manifest-file.ts';

/** Where a command is typed. */
export type CommandTarget =
  /** The machine kubectl runs on (the control plane host, a workstation, a bare `$ ` prompt). */
  | { readonly kind: 'client' }
  /** A node's shell: crictl and friends act on that node's runtime. */
  | { readonly kind: 'node'; readonly node: string }
  /** A shell inside a `kubectl exec -it` session. */
  | { readonly kind: 'container'; readonly pod: string; readonly container?: string; readonly namespace?: string };

/** Everything a session's commands share. */
export interface ShellContext {
  readonly cluster: Cluster;
  /** Files on the client, by name: the page's `file=` manifests, as written (for `kubectl apply -f <name>`). */
  readonly files: ReadonlyMap<string, string>;
  /** The kubectl release, which decides client-side texts (describe layout, explain layout, warnings). */
  readonly kubectlMinor: number;
  /** A client file as kubectl reads it, checked for the cluster's release (src/sim/shell/manifest-file.ts). */
  readonly readManifest: (text: string, filename: string) => ManifestFileView;
  /**
   * `kubectl explain` text for a path, as this kubectl prints it against this apiserver; injected because schema
   * packs are loaded outside the browser-safe layers. Absent: `kubectl explain` reports that it is not available.
   */
  readonly explain?: (path: string, options: { apiVersion?: string }) => string;
}

/** What the terminal shows for one command. */
export interface CommandResult {
  /** stdout and stderr as a terminal shows them, in order, each line ending in `\n` ('' when nothing is printed). */
  readonly output: string;
  /** The command's exit status (kubectl: 0 or 1; `kubectl exec` passes the remote command's status through). */
  readonly exitCode: number;
  /** A `kubectl exec -it` that opened an interactive session on this pod/container. */
  readonly openedSession?: { readonly pod: string; readonly container: string; readonly namespace: string };
  /**
   * Set when the command ended the container session it ran in (the shell exited, or PID 1 died and took the
   * session with it): the text kubectl prints as the session closes, e.g. `command terminated with exit code 137\n`.
   */
  readonly sessionClosed?: { readonly message: string; readonly exitCode: number };
}
