/**
 * A node's container runtime (containerd behind the CRI): pod sandboxes and container records with their
 * states, and the processes' timed exits. PID 1 of a started container follows its ContainerBehaviour; SIGTERM
 * is answered as the behaviour says, and SIGKILL after the grace period ends it with 137. Every state change is
 * reported to the node's kubelet (its PLEG notices it at the next relist).
 */
import { terminatedReasonFromRuntime } from '../k8s/kubelet/container-state.ts';
import type { TimerHandle, VirtualClock } from './clock.ts';
import { type ContainerBehaviour, type MainProcess, mainProcessForRun } from './container-behaviour.ts';
import type { SeededRandom } from './seeded-random.ts';

export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/** containerd: a process killed by SIGKILL exits 128 + 9. */
export const SIGKILL_EXIT_CODE = 137;
/** containerd: the kernel OOM killer's exit code (SIGKILL). */
export const OOM_EXIT_CODE = 137;

export interface SandboxRecord {
  readonly id: string;
  readonly podUid: string;
  state: 'ready' | 'notready';
  readonly ip: string | undefined;
  readonly createdAt: number;
  readonly attempt: number;
}

export interface RuntimeContainer {
  readonly id: string;
  readonly podUid: string;
  readonly sandboxId: string;
  readonly name: string;
  /** the kubelet's restart-count label */
  readonly attempt: number;
  /** the image as the runtime reports it (`docker.io/library/nginx:1.24.0`) */
  readonly image: string;
  /** `docker.io/library/nginx@sha256:…` */
  readonly imageRef: string;
  /** container.image of the spec it was created from (a changed image means a changed definition) */
  readonly specImage: string;
  /** an init container (spec.initContainers) */
  readonly init: boolean;
  readonly behaviour: ContainerBehaviour;
  state: 'created' | 'running' | 'exited';
  readonly createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  /** set once SIGTERM was sent (a second stop does not restart the grace period) */
  stoppingUntil?: number;
}

export class ContainerRuntime {
  private readonly clock: VirtualClock;
  private readonly rng: SeededRandom;
  private readonly notify: (podUid: string) => void;
  /** counts the changes of each pod's records: equal revisions mean equal runtime state */
  private readonly revisions = new Map<string, number>();
  private readonly sandboxes = new Map<string, SandboxRecord>();
  private readonly containers = new Map<string, RuntimeContainer>();
  private readonly exitTimers = new Map<string, TimerHandle[]>();
  /** when PID 1 of a running container ends by itself */
  private readonly plannedEnds = new Map<string, number>();

  constructor(clock: VirtualClock, rng: SeededRandom, onChange: (podUid: string) => void) {
    this.clock = clock;
    this.rng = rng;
    this.notify = onChange;
  }

  /** A number that changes whenever anything of the pod's sandbox or containers changes. */
  revision(podUid: string): number {
    return this.revisions.get(podUid) ?? 0;
  }

  private onChange(podUid: string): void {
    this.revisions.set(podUid, this.revision(podUid) + 1);
    this.notify(podUid);
  }

  // ------------------------------------------------------------------ sandboxes

  /** RunPodSandbox: a ready sandbox with the pod's IP. */
  runSandbox(podUid: string, ip: string | undefined): SandboxRecord {
    const previous = this.sandboxes.get(podUid);
    const sandbox: SandboxRecord = {
      id: this.rng.containerId(),
      podUid,
      state: 'ready',
      ip,
      createdAt: this.clock.now(),
      attempt: previous ? previous.attempt + 1 : 0,
    };
    this.sandboxes.set(podUid, sandbox);
    this.onChange(podUid);
    return sandbox;
  }

  sandboxOf(podUid: string): SandboxRecord | undefined {
    return this.sandboxes.get(podUid);
  }

  /** StopPodSandbox: every container still running is killed, the sandbox becomes NOTREADY. */
  stopSandbox(podUid: string): void {
    for (const c of this.containersOf(podUid)) {
      if (c.state === 'running') this.exit(c, SIGKILL_EXIT_CODE, false);
    }
    const sandbox = this.sandboxes.get(podUid);
    if (sandbox && sandbox.state === 'ready') {
      sandbox.state = 'notready';
      this.onChange(podUid);
    }
  }

  /** Removes every record of a pod (after the pod is gone); returns the sandbox IP to release. */
  removePod(podUid: string): string | undefined {
    for (const c of this.containersOf(podUid)) {
      this.cancelTimers(c.id);
      this.containers.delete(c.id);
    }
    const ip = this.sandboxes.get(podUid)?.ip;
    this.sandboxes.delete(podUid);
    this.revisions.delete(podUid);
    return ip;
  }

  // ------------------------------------------------------------------ containers

  /** Every container record of a pod, newest first. */
  containersOf(podUid: string): RuntimeContainer[] {
    const list: RuntimeContainer[] = [];
    for (const c of this.containers.values()) if (c.podUid === podUid) list.push(c);
    return list.reverse();
  }

  /** The newest record of a container, as kubecontainer.PodStatus.FindContainerStatusByName finds it. */
  latest(podUid: string, name: string): RuntimeContainer | undefined {
    return this.containersOf(podUid).find((c) => c.name === name);
  }

  allContainers(): RuntimeContainer[] {
    return [...this.containers.values()];
  }

  get(id: string): RuntimeContainer | undefined {
    return this.containers.get(id);
  }

  /** CreateContainer. Older exited records of the same container beyond the newest one are garbage-collected. */
  createContainer(input: {
    podUid: string;
    name: string;
    attempt: number;
    image: string;
    imageRef: string;
    specImage: string;
    init: boolean;
    behaviour: ContainerBehaviour;
  }): RuntimeContainer {
    const sandbox = this.sandboxes.get(input.podUid);
    if (sandbox?.state !== 'ready') {
      throw new RuntimeError(`no ready sandbox for pod ${input.podUid}: cannot create container ${input.name}`);
    }
    const c: RuntimeContainer = {
      id: this.rng.containerId(),
      podUid: input.podUid,
      sandboxId: sandbox.id,
      name: input.name,
      attempt: input.attempt,
      image: input.image,
      imageRef: input.imageRef,
      specImage: input.specImage,
      init: input.init,
      behaviour: input.behaviour,
      state: 'created',
      createdAt: this.clock.now(),
    };
    this.containers.set(c.id, c);
    this.collectGarbage(input.podUid, input.name);
    this.onChange(input.podUid);
    return c;
  }

  /** StartContainer: PID 1 starts and its planned end is scheduled. */
  startContainer(id: string): RuntimeContainer {
    const c = this.mustGet(id);
    if (c.state !== 'created') throw new RuntimeError(`container ${c.name} is ${c.state}, not created`);
    c.state = 'running';
    c.startedAt = this.clock.now();
    this.planExit(c, mainProcessForRun(c.behaviour, c.attempt));
    this.onChange(c.podUid);
    return c;
  }

  /**
   * StopContainer with a timeout: SIGTERM now, SIGKILL when the grace period ends. Returns when the container
   * will have stopped (the kubelet waits for it).
   */
  stopContainer(id: string, graceSeconds: number): number {
    const c = this.mustGet(id);
    if (c.state !== 'running') return this.clock.now();
    const now = this.clock.now();
    if (c.stoppingUntil !== undefined) return Math.min(c.stoppingUntil, this.plannedEnd(c) ?? c.stoppingUntil);
    const grace = Math.max(0, graceSeconds);
    c.stoppingUntil = now + grace;
    const response = c.behaviour.onSigterm;
    let end = now + grace;
    if (response !== 'ignore' && response.afterSeconds < grace) {
      end = now + response.afterSeconds;
      this.addTimer(c, end, () => this.exit(c, response.exitCode, false), 'SIGTERM exit');
    } else {
      this.addTimer(c, end, () => this.exit(c, SIGKILL_EXIT_CODE, false), 'SIGKILL');
    }
    const own = this.plannedEnd(c);
    return own !== undefined && own < end ? own : end;
  }

  /** An exec'd command makes PID 1 exit `afterSeconds` from now with `exitCode`. Returns that time. */
  stopMainProcess(id: string, exitCode: number, afterSeconds: number): number {
    const c = this.mustGet(id);
    if (c.state !== 'running') throw new RuntimeError(`container ${c.name} is not running`);
    const at = this.clock.now() + afterSeconds;
    const own = this.plannedEnd(c);
    if (own !== undefined && own <= at) return own;
    this.addTimer(c, at, () => this.exit(c, exitCode, false), 'exec stops PID 1');
    return at;
  }

  /** When PID 1 ends by itself (behaviour), if it does. */
  plannedEnd(c: RuntimeContainer): number | undefined {
    return this.plannedEnds.get(c.id);
  }

  private planExit(c: RuntimeContainer, main: MainProcess): void {
    if (main.kind === 'runs') return;
    const at = c.startedAt! + main.afterSeconds;
    this.plannedEnds.set(c.id, at);
    const oom = main.kind === 'oomKilled';
    const code = main.kind === 'exits' ? main.exitCode : OOM_EXIT_CODE;
    this.addTimer(c, at, () => this.exit(c, code, oom), oom ? 'OOM kill' : 'process exits');
  }

  private exit(c: RuntimeContainer, exitCode: number, oomKilled: boolean): void {
    if (c.state !== 'running') return;
    const { reason } = terminatedReasonFromRuntime({ exitCode, oomKilled });
    c.state = 'exited';
    c.exitCode = exitCode;
    c.reason = reason;
    c.finishedAt = this.clock.now();
    this.cancelTimers(c.id);
    this.onChange(c.podUid);
  }

  private addTimer(c: RuntimeContainer, at: number, action: () => void, label: string): void {
    const handle = this.clock.at(at, action, `${c.name}: ${label}`);
    const list = this.exitTimers.get(c.id) ?? [];
    list.push(handle);
    this.exitTimers.set(c.id, list);
  }

  private cancelTimers(id: string): void {
    for (const h of this.exitTimers.get(id) ?? []) this.clock.cancel(h);
    this.exitTimers.delete(id);
    this.plannedEnds.delete(id);
  }

  // pkg/kubelet/kuberuntime/kuberuntime_gc.go: dead containers are removed, keeping the newest per container
  // (MaxPerPodContainer 1) besides the current one, so statuses still show the last termination.
  private collectGarbage(podUid: string, name: string): void {
    const records = this.containersOf(podUid).filter((c) => c.name === name);
    for (const old of records.slice(2)) {
      if (old.state === 'running') continue;
      this.cancelTimers(old.id);
      this.containers.delete(old.id);
      this.revisions.set(podUid, this.revision(podUid) + 1); // ContainerRemoved: no PLEG sync
    }
  }

  private mustGet(id: string): RuntimeContainer {
    const c = this.containers.get(id);
    if (!c) throw new RuntimeError(`no container ${id}`);
    return c;
  }
}
