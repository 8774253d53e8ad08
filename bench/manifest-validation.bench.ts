/**
 * Manifest validation throughput on a generated corpus of 10,000 Pods (half invalid), against two baselines in the
 * same run: `yaml`'s own parseDocument on the same texts (the floor for a parser that keeps positions) and
 * kubernetes-models validating the same objects. Each phase runs in its own child process, so that its peak
 * memory (max RSS) is its own; each is repeated and the median time reported.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Pod } from 'kubernetes-models/v1';
import { parseDocument } from 'yaml';
import { kubeVersion } from '../src/k8s/version/index.ts';
import { parseManifests } from '../src/manifest/parse/index.ts';
import { loadSchemaPack } from '../src/manifest/schema/node/index.ts';
import { validateForCreate } from '../src/manifest/semantic/index.ts';
import { validateStructure } from '../src/manifest/structural/index.ts';
import { validateManifests } from '../src/manifest/validate.ts';
import { podCorpus } from './pod-corpus.ts';

const COUNT = Number(process.env.BENCH_PODS ?? 10_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const MINOR = 35;
const PHASES = ['yaml-parseDocument', 'podbook-end-to-end', 'podbook-validation-only', 'kubernetes-models'] as const;
type Phase = (typeof PHASES)[number];

interface PhaseResult {
  phase: Phase;
  ms: number;
  maxRssMiB: number;
  rejected: number;
}

/** One timed pass of a phase; returns elapsed ms and how many Pods it rejected (a check that it really ran). */
async function runPhase(phase: Phase): Promise<{ ms: number; rejected: number }> {
  const corpus = podCorpus(COUNT);
  const texts = corpus.map((c) => c.text);
  const version = kubeVersion(MINOR);
  const pack = await loadSchemaPack(MINOR);
  // Validation alone and kubernetes-models get the same decoded objects, parsed outside the timed part.
  const objects = phase === 'podbook-validation-only' || phase === 'kubernetes-models' ? decodeAll(texts) : [];
  const pass = (): number => {
    let rejected = 0;
    switch (phase) {
      case 'yaml-parseDocument':
        for (const t of texts) if (parseDocument(t).errors.length > 0) rejected++;
        break;
      case 'podbook-end-to-end':
        for (const t of texts) if (!validateManifests(t, { version, pack, filename: 'pod.yaml' }).valid) rejected++;
        break;
      case 'podbook-validation-only':
        for (const o of objects) {
          const structural = validateStructure(pack, o);
          if (structural.errors.length > 0 || validateForCreate(o, { version }).errors.length > 0) rejected++;
        }
        break;
      case 'kubernetes-models':
        for (const o of objects) {
          try {
            new Pod(o as ConstructorParameters<typeof Pod>[0]).validate();
          } catch {
            rejected++;
          }
        }
        break;
    }
    return rejected;
  };
  pass(); // warm-up: JIT and caches
  const start = performance.now();
  const rejected = pass();
  return { ms: performance.now() - start, rejected };
}

function decodeAll(texts: string[]): unknown[] {
  return texts.flatMap((t) => parseManifests(t).documents.map((d) => d.value));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function child(phase: Phase): Promise<void> {
  const { ms, rejected } = await runPhase(phase);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ phase, ms, maxRssMiB, rejected } satisfies PhaseResult));
}

function runChild(phase: Phase): PhaseResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, '--phase', phase], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`phase ${phase} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as PhaseResult;
}

export function report(): string {
  const runs = new Map<Phase, PhaseResult[]>(PHASES.map((p) => [p, []]));
  for (let i = 0; i < REPEATS; i++) for (const p of PHASES) runs.get(p)?.push(runChild(p)); // interleaved
  const med = (p: Phase) => median(runs.get(p)?.map((r) => r.ms) ?? []);
  const rss = (p: Phase) => Math.max(...(runs.get(p)?.map((r) => r.maxRssMiB) ?? []));
  const rate = (p: Phase) => (COUNT / med(p)) * 1000;
  const lines = [
    `manifest validation: ${COUNT} Pods (half invalid), Kubernetes 1.${MINOR}, median of ${REPEATS} runs per phase`,
    '',
    'phase                      Pods/s     ms   peak RSS MiB  rejected',
  ];
  for (const p of PHASES) {
    const rejected = runs.get(p)?.[0]?.rejected ?? 0;
    lines.push(
      `${p.padEnd(25)} ${rate(p).toFixed(0).padStart(7)} ${med(p).toFixed(0).padStart(6)} ${rss(p).toFixed(0).padStart(14)} ${String(rejected).padStart(9)}`,
    );
  }
  const e2eRatio = med('podbook-end-to-end') / med('yaml-parseDocument');
  const modelsRatio = med('kubernetes-models') / med('podbook-validation-only');
  lines.push(
    '',
    `end to end vs yaml.parseDocument (time ratio, aim <= 1.2): ${e2eRatio.toFixed(2)}`,
    `validation alone vs kubernetes-models (speed-up, aim > 1): ${modelsRatio.toFixed(2)}x`,
    'note: kubernetes-models checks types, enums and required fields only (no unknown fields, no semantic rules),',
    '      so it rejects fewer of the invalid half; the rejected column shows how many each phase caught.',
  );
  return lines.join('\n');
}

const phaseArg = process.argv.indexOf('--phase');
if (phaseArg > 0) await child(process.argv[phaseArg + 1] as Phase);
else if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(report());
