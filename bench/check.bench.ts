/**
 * Docs check time for 1,000 generated pages, each with two manifests and a six-command transcript, checked from
 * files on disk as `podbook check` does. Baseline in the same run: reading the same pages and extracting their
 * examples (src/check/extract) without replaying them, so the ratio is the price of validation + simulation.
 * The pages are generated with empty outputs and filled by one `--update` pass (not timed); the timed pass must
 * then find no failure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPage } from '../src/check/extract/index.ts';
import { checkFiles } from '../src/check/node/index.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 1000);
const POLICIES = ['Always', 'OnFailure', 'Never'];

function page(i: number): string {
  const policy = POLICIES[i % 3];
  return `---
title: Generated page ${i}
podbook:
  k8s: "1.${26 + (i % 10)}"
  seed: ${i}
  cluster:
    nodes:
      - name: node-a
        images: [nginx:1.25, busybox:1.36]
---

\`\`\`yaml file=web.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
spec:
  restartPolicy: ${policy}
  containers:
  - name: web
    image: nginx:1.25
    imagePullPolicy: IfNotPresent
    ports:
    - containerPort: 80
\`\`\`

\`\`\`yaml file=job.yaml
apiVersion: v1
kind: Pod
metadata:
  name: job-${i}
spec:
  restartPolicy: ${policy}
  containers:
  - name: job
    image: busybox:1.36
    command: ["sh", "-c", "sleep ${5 + (i % 20)}; exit ${i % 2}"]
\`\`\`

\`\`\`console
$ kubectl apply -f web.yaml
$ kubectl apply -f job.yaml
#@ wait 20s
$ kubectl get pods
#@ wait 40s
$ kubectl get pods -o wide
$ kubectl describe pod job-${i}
$ kubectl delete -f job.yaml
\`\`\`
`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'podbook-check-bench-'));
  try {
    const files = Array.from({ length: PAGES }, (_, i) => {
      const path = join(dir, `page-${String(i).padStart(4, '0')}.md`);
      writeFileSync(path, page(i));
      return path;
    });
    const filled = await checkFiles(files, { update: true, cwd: dir });
    const stillFailing = filled.pages.reduce((n, p) => n + p.failures.length, 0);
    if (stillFailing > 0) throw new Error(`the --update pass left ${stillFailing} failures`);

    let start = performance.now();
    let examples = 0;
    for (const f of files) examples += extractPage(readFileSync(f, 'utf8'), f).examples.length;
    const extractMs = performance.now() - start;

    start = performance.now();
    const result = await checkFiles(files, { cwd: dir });
    const checkMs = performance.now() - start;
    const failures = result.pages.reduce((n, p) => n + p.failures.length, 0);
    if (failures > 0) throw new Error(`${failures} failures on pages that --update had just written`);

    console.log(`docs check: ${PAGES} generated pages (2 manifests + a 6-command transcript each, 1.26-1.35)`);
    console.log(`  read + extract only (baseline): ${(extractMs / 1000).toFixed(2)} s (${examples} examples)`);
    console.log(`  podbook check (read, validate, replay, compare): ${(checkMs / 1000).toFixed(2)} s (aim < 10 s)`);
    console.log(
      `  ratio check / extract: ${(checkMs / extractMs).toFixed(1)}x; per page: ${(checkMs / PAGES).toFixed(1)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
