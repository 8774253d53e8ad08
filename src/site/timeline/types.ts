/**
 * A Timeline: what happened to every pod and container of a virtual cluster over a stretch of virtual time.
 * Plain data (numbers, strings, arrays), so it can be serialised, compared in tests and shipped to the browser.
 * Times are virtual seconds since the recording's start (t = 0).
 */

/** The three states of the API's ContainerState (one of waiting / running / terminated is set). */
export type ContainerStateKind = 'waiting' | 'running' | 'terminated';

export interface StateSegment {
  from: number;
  /** End of the segment: the next change, the pod's deletion, or the end of the timeline. */
  to: number;
  state: ContainerStateKind;
  /** `ContainerCreating`, `ErrImagePull`, `ImagePullBackOff`, `CrashLoopBackOff`, `Completed`, `Error`, ... */
  reason?: string;
  /** Terminated only. */
  exitCode?: number;
  /** The kubelet's message for a waiting state (`back-off 10s restarting failed container=...`). */
  message?: string;
  /** The run of the container this segment belongs to: its restart count while the state was shown. */
  restartCount: number;
}

export interface RestartMark {
  /** When the API first showed the new run (the restart count went up). */
  at: number;
  /** The container's restart count after this restart (1 for the first restart). */
  restartCount: number;
}

export interface BackoffWait {
  /** `crash-loop`: the wait between an exit and the delayed restart; `image-pull`: an ImagePullBackOff wait. */
  kind: 'crash-loop' | 'image-pull';
  /** crash-loop: the exit's `finishedAt`; image-pull: when the API first showed ImagePullBackOff. */
  from: number;
  /** crash-loop: the next run's `startedAt`; image-pull: the next pull attempt (or the end of the timeline). */
  to: number;
  /** The nominal back-off the kubelet reported (`back-off 20s restarting failed container=...`), in seconds. */
  backoffSeconds?: number;
  /** False when the timeline ended (or the pod was deleted) before the wait was over. */
  ended: boolean;
}

export interface ContainerTimeline {
  name: string;
  /** An init container (regular containers first in `spec.containers` order; init containers before them). */
  init: boolean;
  segments: StateSegment[];
  restarts: RestartMark[];
  backoffs: BackoffWait[];
}

export interface PodTimeline {
  name: string;
  namespace: string;
  uid: string;
  /** The node the pod was bound to, once it was. */
  node?: string;
  restartPolicy?: string;
  /** When the apiserver created the pod (0 for a pod applied at the start). */
  created: number;
  /** When the pod was removed from the apiserver, if it was. */
  deleted?: number;
  /** The pod's phase over time (`Pending`, `Running`, `Succeeded`, `Failed`). */
  phases: { from: number; to: number; phase: string }[];
  containers: ContainerTimeline[];
}

export interface Timeline {
  /** Always 0: times count from the recording's start. */
  start: number;
  /** The end of the recording (seconds after the start). */
  end: number;
  /** The virtual Unix time of t = 0 (seconds), to print wall-clock times if wanted. */
  startTime: number;
  /** Pods in the order they were created. */
  pods: PodTimeline[];
}
