/**
 * How pages become sessions: one cluster per scenario, files replaced in page order, the clock moved by
 * directives, `kubectl exec -it` sessions followed, and what cannot run reported at the right line.
 * Expected outputs are kubectl's (written by hand), for a 1.26 cluster.
 */
import { describe, expect, it } from 'vitest';
import { check, lineOf, page, where } from './helpers.ts';

const WEB = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: web'];

const FENCE = '```';

function manifest(attrs: string, lines: string[]): string[] {
  return [`${FENCE}yaml file=web.yaml${attrs}`, ...lines, FENCE, ''];
}

function transcript(attrs: string, lines: string[]): string[] {
  return [`${FENCE}console${attrs}`, ...lines, FENCE, ''];
}

describe('sessions', () => {
  it('runs each scenario on its own cluster (the same pod is created in both)', () => {
    const source = page(
      [
        ...manifest('', [...WEB, '    image: nginx:1.25']),
        ...transcript('', ['$ kubectl apply -f web.yaml', 'pod/web created']),
        ...manifest(' scenario=lonely', [...WEB, '    image: nginx:1.25']),
        ...transcript(' scenario=lonely', [
          '$ kubectl apply -f web.yaml',
          'pod/web created',
          '#@ wait 10s',
          '$ kubectl get pods',
          'NAME   READY   STATUS    RESTARTS   AGE',
          'web    0/1     Pending   0          10s',
          '#: a control-plane node only: its NoSchedule taint keeps the pod off it',
        ]),
      ],
      [
        '  scenarios:',
        '    lonely:',
        '      cluster:',
        '        nodes:',
        '          - name: cp',
        '            roles: [control-plane]',
      ],
    );
    const result = check(source);
    expect(result.failures).toEqual([]);
    expect(result.counts.steps).toBe(3);
  });

  it('gives transcripts the file as last written above them (`./web.yaml` is the same file)', () => {
    const source = page([
      ...manifest('', [...WEB, '    image: nginx:1.25']),
      ...transcript('', ['$ kubectl apply -f web.yaml', 'pod/web created']),
      ...manifest('', [...WEB, '    image: nginx:1.25.3']),
      ...transcript('', [
        '$ kubectl apply -f ./web.yaml',
        'pod/web configured',
        '$ kubectl apply -f web.yaml',
        'pod/web unchanged',
      ]),
    ]);
    expect(check(source).failures).toEqual([]);
  });

  it('moves the clock with #@ wait and #@ at, and reports an #@ at the clock has passed', () => {
    const source = page([
      ...manifest('', [...WEB, '    image: nginx:1.25']),
      ...transcript('', ['$ kubectl apply -f web.yaml', 'pod/web created', '#@ at 1m']),
      ...transcript('', [
        '#@ wait 30s',
        '$ kubectl get pods',
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          90s',
        '#@ at 80s',
        '$ kubectl get pods',
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   0          90s',
      ]),
    ]);
    const result = check(source);
    expect(where(result)).toEqual([`${lineOf(source, '#@ at 80s')}:1 CLOCK_PASSED`]);
    expect(result.failures[0]?.message).toBe(
      '`#@ at 80s`: the virtual clock is already at 1m30s after the start (the commands before it took that long); write a later time, or `#@ wait`',
    );
  });

  it('follows a kubectl exec session: its end, and a prompt typed after it', () => {
    const source = page([
      ...manifest('', [...WEB, '    image: nginx:1.25']),
      ...transcript('', [
        '$ kubectl apply -f web.yaml',
        'pod/web created',
        '#@ wait 10s',
        '$ kubectl exec -it web -- sh',
        '# exit 3',
        'command terminated with exit code 3',
        '$ kubectl exec -it web -- bash',
        'root@web:/# nginx -s stop',
        'root@web:/#',
        'command terminated with exit code 137',
        'root@web:/# ls',
      ]),
    ]);
    const result = check(source);
    expect(where(result)).toEqual([`${lineOf(source, 'root@web:/# ls')}:1 SESSION_ENDED`]);
    expect(result.failures[0]?.message).toBe(
      `the kubectl exec session in web ended at line ${lineOf(source, 'root@web:/# nginx -s stop')}`,
    );
  });

  it('reports commands the virtual cluster does not model, and never rewrites them into the page', () => {
    const source = page(transcript('', ['$ kubectl proxy', 'Starting to serve on 127.0.0.1:8001']));
    const result = check(source, 'page.md', { update: true });
    expect(where(result)).toEqual([`${lineOf(source, '$ kubectl proxy')}:1 NOT_MODELLED`]);
    expect(result.failures[0]?.message).toBe(
      '`kubectl proxy` is not modelled by the virtual cluster; mark the block `check=skip reason="..."` or show a command it replays',
    );
    expect(result.updatedSource).toBeUndefined();
  });

  it('reports a cluster that cannot exist at its frontmatter, once, and skips its transcripts', () => {
    const source = page(
      [...transcript(' scenario=broken', ['$ kubectl get pods', 'No resources found in default namespace.'])],
      [
        '  scenarios:',
        '    broken:',
        '      cluster:',
        '        nodes:',
        '          - name: w',
        '            images: [nginx:9.99]',
      ],
    );
    const result = check(source);
    expect(result.failures.map((f) => [f.code, f.line])).toEqual([
      ['CLUSTER_INVALID', lineOf(source, '      cluster:')],
    ]);
    expect(result.failures[0]?.message).toMatch(
      /^the cluster of scenario "broken" \(Kubernetes 1\.26\) cannot be built: cannot preload nginx:9\.99 on w: /,
    );
    expect(result.skipped.map((s) => s.reason)).toEqual(['its session (scenario "broken", 1.26) could not start']);
  });

  it('lists check=skip blocks with their reason', () => {
    const source = page(transcript(' check=skip reason="needs a dashboard"', ['$ kubectl proxy']));
    const result = check(source);
    expect(result.failures).toEqual([]);
    expect(result.skipped).toEqual([
      {
        file: 'page.md',
        line: lineOf(source, '```console check=skip reason="needs a dashboard"'),
        example: 0,
        role: 'transcript',
        reason: 'needs a dashboard',
      },
    ]);
    expect(result.counts).toMatchObject({ examples: 1, skipped: 1, failed: 0 });
  });

  it('reports extraction errors with their codes, in page order with the rest', () => {
    const source = page([
      '```console scenaro=x',
      '$ kubectl get pods',
      'No resources found in default namespace.',
      '```',
    ]);
    const result = check(source);
    expect(result.failures.map((f) => f.code)).toEqual(['ATTRIBUTE_UNKNOWN']);
    expect(result.failures[0]?.example).toBe(0);
  });
});
