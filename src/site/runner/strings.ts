/**
 * The runner's words in the site's two languages. The page's language decides (zh-cn is the original; /en/ pages
 * are English). Functions take the values they print so that word order can differ between the languages.
 */
export type Locale = 'zh-cn' | 'en';

export interface RunnerStrings {
  open: string;
  close: string;
  panel: string;
  loading: string;
  loadFailed: (why: string) => string;
  version: string;
  versionHint: string;
  share: string;
  shared: string;
  shareFailed: string;
  reset: string;
  undo: string;
  start: string;
  manifest: string;
  file: string;
  noFile: string;
  addPod: string;
  problems: string;
  noProblems: string;
  problemAt: (line: number, col: number) => string;
  editorLabel: (file: string) => string;
  images: string;
  image: string;
  inRegistry: string;
  onNode: (node: string) => string;
  imagesNone: string;
  actions: string;
  apply: (file: string) => string;
  pod: string;
  noPods: string;
  container: string;
  delete: string;
  execStop: string;
  signal: string;
  sendSignal: string;
  exitCode: string;
  exitNow: string;
  advanceBy: string;
  advance: string;
  command: string;
  runOn: string;
  client: string;
  run: string;
  output: string;
  getPods: string;
  events: (pod: string) => string;
  noEvents: string;
  timeline: string;
  log: string;
  earlier: (count: number) => string;
  yourSteps: string;
  clockNow: (time: string) => string;
  status: (steps: number, ms: string, time: string) => string;
  clusterError: (why: string) => string;
  stateError: (why: string) => string;
  wait: (length: string, time: string) => string;
  at: (time: string) => string;
  signalNote: (signal: string, pod: string) => string;
  exitNote: (code: number, pod: string) => string;
  durations: Record<string, string>;
}

const zh: RunnerStrings = {
  open: '运行 / 编辑',
  close: '关闭',
  panel: '可运行的示例',
  loading: '正在加载虚拟集群……',
  loadFailed: (why) => `无法加载：${why}`,
  version: 'Kubernetes 版本',
  versionHint: '换一个版本，行为和输出文字会随版本变化',
  share: '复制链接',
  shared: '链接已复制，地址栏里的地址也可以直接分享',
  shareFailed: '无法写入剪贴板，请复制地址栏里的地址',
  reset: '重置',
  undo: '撤销上一步',
  start: '起始场景',
  manifest: '清单',
  file: '文件',
  noFile: '这段会话还没有清单文件。',
  addPod: '新建一个 Pod 清单',
  problems: '校验结果',
  noProblems: '没有问题：API 服务器会接受这份清单。',
  problemAt: (line, col) => `第 ${line} 行第 ${col} 列`,
  editorLabel: (file) => `${file} 的内容`,
  images: '镜像在哪里',
  image: '镜像',
  inRegistry: '仓库里有这个标签',
  onNode: (node) => `节点 ${node} 上已有`,
  imagesNone: '清单里还没有镜像。',
  actions: '操作',
  apply: (file) => `kubectl apply -f ${file}`,
  pod: 'Pod',
  noPods: '（还没有 Pod）',
  container: '容器',
  delete: '删除 Pod',
  execStop: 'nginx -s stop',
  signal: '信号',
  sendSignal: '从节点发送信号给 1 号进程',
  exitCode: '退出码',
  exitNow: '让主进程以此退出码退出',
  advanceBy: '时间前进',
  advance: '前进',
  command: '命令',
  runOn: '在哪里运行',
  client: 'kubectl 客户端',
  run: '运行',
  output: '当前状态',
  getPods: 'kubectl get pods',
  events: (pod) => `kubectl describe pod ${pod}（Events）`,
  noEvents: '（没有事件）',
  timeline: '容器状态时间线',
  log: '终端记录',
  earlier: (count) => `本会话之前的 ${count} 条命令`,
  yourSteps: '你的操作',
  clockNow: (time) => `虚拟时钟：开始后 ${time}`,
  status: (steps, ms, time) => `已重放 ${steps} 步，用时 ${ms} 毫秒；虚拟时钟在开始后 ${time}。`,
  clusterError: (why) => `这个集群建不起来：${why}`,
  stateError: (why) => `链接里的状态无法读取（${why}），显示的是页面上的场景。`,
  wait: (length, time) => `时间前进 ${length}（开始后 ${time}）`,
  at: (time) => `时钟走到开始后 ${time}`,
  signalNote: (signal, pod) => `从节点向 ${pod} 的 1 号进程发送 ${signal}`,
  exitNote: (code, pod) => `${pod} 的主进程以退出码 ${code} 退出`,
  durations: {
    '1': '1 秒',
    '10': '10 秒',
    '30': '30 秒',
    '60': '1 分钟',
    '300': '5 分钟',
    '600': '10 分钟',
    '3600': '1 小时',
  },
};

const en: RunnerStrings = {
  open: 'Run / Edit',
  close: 'Close',
  panel: 'Runnable example',
  loading: 'Loading the virtual cluster…',
  loadFailed: (why) => `Could not load: ${why}`,
  version: 'Kubernetes version',
  versionHint: 'Pick another release: behaviour and printed text follow it',
  share: 'Copy link',
  shared: 'Link copied; the address in the address bar can be shared too',
  shareFailed: 'Could not write to the clipboard; copy the address from the address bar',
  reset: 'Reset',
  undo: 'Undo last step',
  start: 'Starting scenario',
  manifest: 'Manifest',
  file: 'File',
  noFile: 'This session has no manifest file yet.',
  addPod: 'Add a Pod manifest',
  problems: 'Validation',
  noProblems: 'No problems: the API server would accept this manifest.',
  problemAt: (line, col) => `line ${line}, column ${col}`,
  editorLabel: (file) => `Contents of ${file}`,
  images: 'Where the images are',
  image: 'Image',
  inRegistry: 'Tag in the registry',
  onNode: (node) => `On node ${node}`,
  imagesNone: 'The manifest names no image yet.',
  actions: 'Actions',
  apply: (file) => `kubectl apply -f ${file}`,
  pod: 'Pod',
  noPods: '(no pods yet)',
  container: 'Container',
  delete: 'Delete pod',
  execStop: 'nginx -s stop',
  signal: 'Signal',
  sendSignal: 'Send to PID 1 from the node',
  exitCode: 'Exit code',
  exitNow: 'Make the main process exit',
  advanceBy: 'Advance the clock by',
  advance: 'Advance',
  command: 'Command',
  runOn: 'Run on',
  client: 'kubectl client',
  run: 'Run',
  output: 'Current state',
  getPods: 'kubectl get pods',
  events: (pod) => `kubectl describe pod ${pod} (Events)`,
  noEvents: '(no events)',
  timeline: 'Container states over time',
  log: 'Terminal log',
  earlier: (count) => `${count} earlier command${count === 1 ? '' : 's'} of this session`,
  yourSteps: 'Your steps',
  clockNow: (time) => `Virtual clock: ${time} after the start`,
  status: (steps, ms, time) => `Replayed ${steps} steps in ${ms} ms; the virtual clock is ${time} after the start.`,
  clusterError: (why) => `This cluster cannot be built: ${why}`,
  stateError: (why) => `The state in the link cannot be read (${why}); showing the page's scenario.`,
  wait: (length, time) => `clock advanced by ${length} (${time} after the start)`,
  at: (time) => `clock moved to ${time} after the start`,
  signalNote: (signal, pod) => `${signal} sent from the node to PID 1 of ${pod}`,
  exitNote: (code, pod) => `the main process of ${pod} exits with code ${code}`,
  durations: {
    '1': '1 s',
    '10': '10 s',
    '30': '30 s',
    '60': '1 min',
    '300': '5 min',
    '600': '10 min',
    '3600': '1 hour',
  },
};

export function stringsFor(locale: Locale): RunnerStrings {
  return locale === 'en' ? en : zh;
}

/** The page's language: its path (/en/...) or its `lang` attribute. */
export function pageLocale(path: string, lang: string | null | undefined): Locale {
  if (/(?:^|\/)en(?:\/|$)/.test(path)) return 'en';
  if (lang && /^en\b/i.test(lang)) return 'en';
  return 'zh-cn';
}
