/**
 * The words of a timeline chart in the book's two languages. Kubernetes reasons (`CrashLoopBackOff`,
 * `ContainerCreating`, `Completed`, ...) are shown as the API and kubectl print them, in both languages, so the
 * reader can match them with their terminal; the words around them are translated.
 */
import { formatLength } from './format-time.ts';

export type TimelineLang = 'zh-cn' | 'en';

export interface TimelineLabels {
  /** The chart's default title. */
  title: string;
  axis: string;
  /** The API's state names, as `kubectl describe` prints them (`State: Running`): the same in both languages. */
  state: { waiting: string; running: string; terminated: string };
  legend: {
    running: string;
    waiting: string;
    problem: string;
    completed: string;
    failed: string;
    backoff: string;
    restart: string;
  };
  /** `back-off 10s`, the kubelet's nominal delay. */
  backoff: (seconds: number) => string;
  /** `waited 14s`, the length of the wait. */
  waited: (seconds: number) => string;
  imagePullBackoff: string;
  restart: (count: number) => string;
  exitCode: (code: number) => string;
  deleted: string;
  /** After an init container's name (with its own leading space where the language wants one). */
  init: string;
  noPods: string;
  table: {
    summary: string;
    container: string;
    from: string;
    to: string;
    length: string;
    what: string;
  };
  /** Sentences of the chart's description (`<desc>`). */
  describe: {
    window: (end: string) => string;
    restarts: (who: string, count: number) => string;
    backoffs: (who: string, lengths: string[]) => string;
    last: (who: string, what: string) => string;
  };
  /** Joins list items. */
  list: (items: string[]) => string;
  /** Between two sentences (a space in English, nothing after a Chinese full stop). */
  sentenceGap: string;
}

const en: TimelineLabels = {
  title: 'Container states over time',
  axis: 'time since the manifest was applied',
  state: { waiting: 'Waiting', running: 'Running', terminated: 'Terminated' },
  legend: {
    running: 'running',
    waiting: 'waiting',
    problem: 'waiting after a failure',
    completed: 'exited 0',
    failed: 'exited non-zero',
    backoff: 'back-off wait',
    restart: 'restart (count)',
  },
  backoff: (s) => `back-off ${formatLength(s)}`,
  waited: (s) => `waited ${formatLength(s)}`,
  imagePullBackoff: 'image pull back-off',
  restart: (n) => `restart #${n}`,
  exitCode: (c) => `exit code ${c}`,
  deleted: 'deleted',
  init: ' (init container)',
  noPods: 'No pods were created.',
  table: {
    summary: 'The timeline as a table',
    container: 'Pod / container',
    from: 'From',
    to: 'To',
    length: 'Length',
    what: 'State',
  },
  describe: {
    window: (end) => `Recorded for ${end} after the manifest was applied.`,
    restarts: (who, n) => `${who} restarted ${n} time${n === 1 ? '' : 's'}.`,
    backoffs: (who, lengths) => `${who} waited out back-offs of ${en.list(lengths)} before restarts.`,
    last: (who, what) => `At the end ${who} is ${what}.`,
  },
  list: (items) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
  sentenceGap: ' ',
};

const zh: TimelineLabels = {
  title: '容器状态随时间的变化',
  axis: '从应用清单起经过的时间',
  state: { waiting: 'Waiting', running: 'Running', terminated: 'Terminated' },
  legend: {
    running: '运行中',
    waiting: '等待中',
    problem: '失败后等待',
    completed: '退出码 0',
    failed: '非 0 退出',
    backoff: '退避等待',
    restart: '重启（次数）',
  },
  backoff: (s) => `退避 ${formatLength(s)}`,
  waited: (s) => `实际等待 ${formatLength(s)}`,
  imagePullBackoff: '镜像拉取退避',
  restart: (n) => `第 ${n} 次重启`,
  exitCode: (c) => `退出码 ${c}`,
  deleted: '已删除',
  init: '（init 容器）',
  noPods: '没有创建任何 Pod。',
  table: {
    summary: '以表格查看时间线',
    container: 'Pod / 容器',
    from: '开始',
    to: '结束',
    length: '时长',
    what: '状态',
  },
  describe: {
    window: (end) => `记录了应用清单后的 ${end}。`,
    restarts: (who, n) => `${who} 重启了 ${n} 次。`,
    backoffs: (who, lengths) => `${who} 重启前依次等待了 ${zh.list(lengths)} 的退避。`,
    last: (who, what) => `结束时 ${who} 的状态是 ${what}。`,
  },
  list: (items) => items.join('、'),
  sentenceGap: '',
};

export function timelineLabels(lang: TimelineLang): TimelineLabels {
  return lang === 'en' ? en : zh;
}
