/**
 * Shell prompts in a transcript. A prompt line is what the reader types at; everything after the prompt is the
 * command. Which machine runs the command is read from the prompt itself:
 *   `$ cmd`                          the kubectl host of the scenario (or the `#@ on` host)
 *   `[root@k8s-master1 ~]# cmd`      RHEL/CentOS bash: user, host, directory
 *   `root@k8s-master1:~# cmd`        Debian/Ubuntu bash
 * Inside a `kubectl exec -it` session, container shells print other prompts:
 *   `root@nginx-5:/# cmd`  `/ # cmd`  `sh-5.1# cmd`  `# cmd`  `$ cmd`
 * A prompt with nothing after it (`$`, `root@nginx-5:/# `) is a bare prompt: shown, not run.
 */

export interface Prompt {
  /** The prompt as written, including the single space that separates it from the command. */
  text: string;
  style: 'bare' | 'bracket' | 'colon' | 'shell';
  user?: string;
  host?: string;
  dir?: string;
  /** The command after the prompt; `''` for a bare prompt. */
  command: string;
}

const BRACKET = /^\[([^\s@\]]+)@([^\s\]]+)(?:[ \t]+([^\]]*?))?\]([#$])(?: |$)/;
const COLON = /^([A-Za-z_][\w.-]*)@([A-Za-z0-9][\w.-]*):([^\s#$]*)([#$])(?: |$)/;
const BARE_DOLLAR = /^\$(?: |$)/;
// Container shells: busybox `/ # `, `~ $ `; `sh-5.1# `, `bash-4.4$ `; a bare `# `.
const CONTAINER_SHELL = /^(?:(?:\/|~)[^\s#$]* [#$]|(?:ba)?sh(?:-\d+(?:\.\d+)*)?[#$]|#)(?: |$)/;

function make(style: Prompt['style'], line: string, match: RegExpExecArray, parts: Partial<Prompt>): Prompt {
  return { style, text: match[0], command: line.slice(match[0].length), ...parts };
}

/** A prompt of a shell on a machine (outside any exec session). */
export function matchHostPrompt(line: string): Prompt | undefined {
  let m = BRACKET.exec(line);
  if (m) return make('bracket', line, m, { user: m[1], host: m[2], dir: m[3] ?? '' });
  m = COLON.exec(line);
  if (m) return make('colon', line, m, { user: m[1], host: m[2], dir: m[3] });
  m = BARE_DOLLAR.exec(line);
  if (m) return make('bare', line, m, {});
  return undefined;
}

/** A prompt of a shell inside a container (only inside an exec session). */
export function matchContainerPrompt(line: string): Prompt | undefined {
  const m = COLON.exec(line);
  if (m) return make('colon', line, m, { user: m[1], host: m[2], dir: m[3] });
  const shell = CONTAINER_SHELL.exec(line) ?? BARE_DOLLAR.exec(line);
  if (shell) return make('shell', line, shell, {});
  return undefined;
}

/** Whether the line reads as a prompt anywhere in a transcript (used to decide when output needs escaping). */
export function looksLikePrompt(line: string): boolean {
  return matchHostPrompt(line) !== undefined || matchContainerPrompt(line) !== undefined;
}

/** The short host name of a node (`k8s-node3` for `k8s-node3.guoguo.com`), as bash's `\h` prints it. */
export function shortHostName(name: string): string {
  const dot = name.indexOf('.');
  return dot === -1 ? name : name.slice(0, dot);
}
