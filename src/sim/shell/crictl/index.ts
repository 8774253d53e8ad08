/**
 * crictl on a node: `pull` (blocks until the image is in the store: the virtual clock moves on by the pull's
 * duration), `images` and `rmi`. Other subcommands and flags are reported as not modelled.
 * Source: kubernetes-sigs/cri-tools cmd/crictl/image.go (pullImageCommand prints `Image is up to date for
 * <imageRef>`; errors end the process through logrus.Fatal, `FATA[SSSS] pulling image: <CRI error>`).
 */
import type { Cluster } from '../../cluster.ts';
import { notModelled, Terminal } from '../result.ts';
import type { CommandResult } from '../types.ts';
import { crictlImages, crictlRmi } from './images.ts';
import { logrusLine } from './logrus.ts';

function crictlPull(cluster: Cluster, node: string, args: readonly string[]): CommandResult {
  const term = new Terminal();
  if (args.length === 0 || args[0] === '')
    return term.write(logrusLine('FATA', 0, 'Image name cannot be empty')).result(1);
  if (args.length > 1) return notModelled("crictl's help text (crictl pull with several images)");
  const start = cluster.now();
  const r = cluster.pullOnNode(node, args[0]!);
  // crictl waits for the CRI PullImage call: the image is stored when it returns
  cluster.advanceTo(start + r.seconds);
  if (r.ok) return term.write(`Image is up to date for ${r.imageId}\n`).result(0);
  return term.write(logrusLine('FATA', r.seconds, r.error ?? 'pulling image: unknown error')).result(1);
}

/** Runs `crictl ARGS...` on `node`. */
export function runCrictl(cluster: Cluster, node: string, argv: readonly string[]): CommandResult {
  const [sub, ...rest] = argv;
  if (sub === undefined) return notModelled("crictl's help text (crictl without a command)");
  const flags = rest.filter((a) => a.startsWith('-'));
  const args = rest.filter((a) => !a.startsWith('-'));
  switch (sub) {
    case 'pull':
      if (flags.length > 0) return notModelled(`\`crictl pull ${flags[0]}\``);
      return crictlPull(cluster, node, args);
    case 'images':
    case 'image':
    case 'img': {
      const known = new Set(['-q', '--quiet', '--no-trunc', '--digests']);
      const unknown = flags.find((f) => !known.has(f));
      if (unknown) return notModelled(`\`crictl images ${unknown}\``);
      if (args.length > 0) return notModelled('`crictl images` with a REPOSITORY filter');
      return crictlImages(cluster, node, {
        quiet: flags.includes('-q') || flags.includes('--quiet'),
        noTrunc: flags.includes('--no-trunc'),
        digests: flags.includes('--digests'),
      });
    }
    case 'rmi':
      if (flags.length > 0) return notModelled(`\`crictl rmi ${flags[0]}\``);
      if (args.length === 0) return notModelled("crictl's help text (crictl rmi without an image)");
      return crictlRmi(cluster, node, args);
    default:
      return notModelled(`\`crictl ${sub}\``);
  }
}
