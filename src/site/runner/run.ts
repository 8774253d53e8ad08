/**
 * Replays a runner scenario on a fresh virtual cluster, the way the checker replays a page session
 * (src/check/run/transcript.ts): files are written, the clock moves, each command runs on the host its prompt
 * names or in the `kubectl exec -it` session an earlier command opened. Every step's output goes to the log;
 * nothing a step does can throw out of here (a simulator failure becomes a log line). Pure and browser-safe.
 */
import type { ResolvedScenario } from '../../check/extract/types.ts';
import { clusterOptions } from '../../check/run/cluster-options.ts';
import { kubeVersion, parseMinor } from '../../k8s/version/index.ts';
import { type Cluster, type CommandResult, type CommandTarget, createCluster, runCommand } from '../../sim/index.ts';
import type { ShellContext } from '../../sim/shell/types.ts';
import type { Explain, RunnerChecks } from './checks/types.ts';
import { splitNodeImages } from './images.ts';
import { exitMainProcess, signalMainProcess } from './process-control.ts';
import { kubectlRelease, type RunnerScenario, type RunnerStep } from './scenario.ts';

export interface LogEntry {
  /** Index of the step in the scenario. */
  step: number;
  /** Seconds after the scenario's start when the step ran. */
  at: number;
  kind: 'command' | 'process' | 'clock';
  prompt?: string;
  command?: string;
  /** What the terminal shows (commands), what happened (process steps), or why a clock step could not move it. */
  output: string;
  exitCode?: number;
  /** The step could not do what it asked (a clock already past, no such pod, a simulator failure). */
  problem?: boolean;
}

export interface RunResult {
  /** Why the cluster could not be built (then there is no cluster and no log). */
  error?: string;
  log: LogEntry[];
  cluster?: Cluster;
  ctx?: ShellContext;
  /** Virtual time of the start, and seconds since then at the end. */
  start: number;
  elapsed: number;
}

export interface RunOptions {
  /** Called once the cluster exists, before the first step (a timeline recorder attaches here). */
  onCluster?: (cluster: Cluster, start: number) => void;
  /** `kubectl explain` (without it, the command reports that no schema is loaded). */
  explain?: Explain;
}

/** An open `kubectl exec -it` session. */
interface ExecSession {
  pod: string;
  container: string;
  namespace: string;
}

function shortHost(host: string): string {
  return host.split('.')[0] ?? host;
}

/** The prompt the log shows for a step the page did not write. */
export function defaultPrompt(step: Extract<RunnerStep, { kind: 'run' }>, exec: ExecSession | undefined): string {
  if (step.container) return `root@${exec?.pod ?? 'container'}:/# `;
  return step.host ? `[root@${shortHost(step.host)} ~]# ` : '$ ';
}

/** The shell context of a session (as src/check/run/session.ts shellContext). */
function shellContext(
  cluster: Cluster,
  scenario: RunnerScenario,
  checks: RunnerChecks,
  explain: Explain | undefined,
): ShellContext {
  const kubectlMinor = parseMinor(kubectlRelease(scenario));
  return {
    cluster,
    files: new Map<string, string>(),
    kubectlMinor,
    readManifest: checks.readFile,
    ...(explain ? { explain: (path, options) => explain(path, { ...options, kubectlMinor }) } : {}),
  };
}

/** Builds the scenario's cluster; images a node holds but no registry has are imported after the start. */
function buildCluster(scenario: RunnerScenario, checks: RunnerChecks): Cluster {
  const version = kubeVersion(scenario.k8s);
  const { pullable, imported } = splitNodeImages(scenario, version);
  const resolved: ResolvedScenario = {
    name: 'default',
    k8s: scenario.k8s,
    kubectl: kubectlRelease(scenario),
    cluster: { ...scenario.cluster, nodes: pullable },
    ...(scenario.seed !== undefined ? { seed: scenario.seed } : {}),
  };
  const cluster = createCluster(clusterOptions(resolved, version, (obj) => checks.validateObject(obj)));
  for (const { node, image } of imported) cluster.node(node).importImage(image);
  return cluster;
}

class Replay {
  readonly log: LogEntry[] = [];
  private exec: ExecSession | undefined;
  private readonly cluster: Cluster;
  private readonly ctx: ShellContext;
  private readonly start: number;

  constructor(cluster: Cluster, ctx: ShellContext, start: number) {
    this.cluster = cluster;
    this.ctx = ctx;
    this.start = start;
  }

  private entry(step: number, fields: Omit<LogEntry, 'step' | 'at'>): void {
    this.log.push({ step, at: this.cluster.now() - this.start, ...fields });
  }

  private target(step: Extract<RunnerStep, { kind: 'run' }>): CommandTarget | string {
    if (step.container) {
      if (!this.exec) return 'podbook: no `kubectl exec -it` session is open for this container prompt\n';
      return { kind: 'container', ...this.exec };
    }
    return step.host ? { kind: 'node', node: step.host } : { kind: 'client' };
  }

  private command(index: number, step: Extract<RunnerStep, { kind: 'run' }>): void {
    const prompt = step.prompt ?? defaultPrompt(step, this.exec);
    const target = this.target(step);
    if (typeof target === 'string') {
      this.entry(index, { kind: 'command', prompt, command: step.line, output: target, problem: true });
      return;
    }
    let result: CommandResult;
    try {
      result = runCommand(this.ctx, target, step.line);
    } catch (error) {
      const output = `podbook: the virtual cluster failed on this command: ${(error as Error).message}\n`;
      this.entry(index, { kind: 'command', prompt, command: step.line, output, problem: true });
      return;
    }
    let output = result.output;
    if (result.openedSession) this.exec = { ...result.openedSession };
    if (result.sessionClosed) {
      output += result.sessionClosed.message;
      this.exec = undefined;
    }
    this.entry(index, { kind: 'command', prompt, command: step.line, output, exitCode: result.exitCode });
  }

  private clock(index: number, step: Extract<RunnerStep, { kind: 'at' | 'wait' }>): void {
    if (step.kind === 'wait') {
      this.cluster.advance(step.seconds);
      this.entry(index, { kind: 'clock', output: '' });
      return;
    }
    const target = this.start + step.seconds;
    if (target < this.cluster.now()) {
      const output = `the clock is already ${formatDuration(this.cluster.now() - this.start)} after the start, past ${formatDuration(step.seconds)}`;
      this.entry(index, { kind: 'clock', output, problem: true });
      return;
    }
    this.cluster.advanceTo(target);
    this.entry(index, { kind: 'clock', output: '' });
  }

  step(index: number, step: RunnerStep): void {
    try {
      switch (step.kind) {
        case 'write':
          (this.ctx.files as Map<string, string>).set(step.file, step.text);
          return;
        case 'at':
        case 'wait':
          this.clock(index, step);
          return;
        case 'run':
          this.command(index, step);
          return;
        case 'signal':
        case 'exit': {
          const outcome =
            step.kind === 'signal'
              ? signalMainProcess(this.cluster, step.pod, step.container, step.signal)
              : exitMainProcess(this.cluster, step.pod, step.container, step.code);
          this.entry(index, { kind: 'process', output: outcome.message, problem: !outcome.ok });
          return;
        }
      }
    } catch (error) {
      this.entry(index, {
        kind: 'process',
        output: `podbook: the virtual cluster failed: ${(error as Error).message}`,
        problem: true,
      });
    }
  }
}

/** `3725` → `1h2m5s`, `0.7` → `0.7s`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds * 10) / 10;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = Math.round((s % 60) * 10) / 10;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', rest > 0 || (h === 0 && m === 0) ? `${rest}s` : ''];
  return parts.join('');
}

/**
 * Replays the scenario from the start, asking `checks` (of the scenario's release) what the manifest pipeline
 * says. Never throws.
 */
export function runScenario(scenario: RunnerScenario, checks: RunnerChecks, options: RunOptions = {}): RunResult {
  let cluster: Cluster;
  try {
    cluster = buildCluster(scenario, checks);
  } catch (error) {
    return { error: (error as Error).message, log: [], start: 0, elapsed: 0 };
  }
  const start = cluster.now();
  const ctx = shellContext(cluster, scenario, checks, options.explain);
  try {
    options.onCluster?.(cluster, start);
  } catch {
    // a recorder that fails must not stop the run; the panel shows what it has
  }
  const replay = new Replay(cluster, ctx, start);
  scenario.steps.forEach((step, i) => {
    replay.step(i, step);
  });
  return { log: replay.log, cluster, ctx, start, elapsed: cluster.now() - start };
}

/** What a command prints at the end of the run (`kubectl get pods`, describe); the cluster is not moved. */
export function viewCommand(result: RunResult, line: string): string {
  if (!result.ctx) return '';
  try {
    return runCommand(result.ctx, { kind: 'client' }, line).output;
  } catch (error) {
    return `podbook: the virtual cluster failed: ${(error as Error).message}\n`;
  }
}
