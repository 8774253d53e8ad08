/**
 * Pull answers and error texts. Expected texts are copied from real sessions (/work/shared/transcripts 07, 21,
 * 27) or written from the rule they show (containerd's resolver messages, the kubelet's gRPC wrapping).
 */
import { describe, expect, it } from 'vitest';
import { kubeVersion } from '../../src/k8s/version/index.ts';
import { defaultRegistries, RegistrySet } from '../../src/sim/registry.ts';
import { criPullErrorText, STRIP_UNKNOWN_GRPC_CODE_SINCE } from '../../src/sim/runtime-errors.ts';
import { SeededRandom } from '../../src/sim/seeded-random.ts';

const v = (minor: number) => kubeVersion(minor);
const registries = new RegistrySet([
  ...defaultRegistries(),
  { host: 'images.example.com', flavour: 'distribution', repositories: { 'apps/web': { '1.0': { sizeBytes: 1000 } } } },
  { host: 'down.example.com', reachable: false, address: '10.0.0.9:443', repositories: {} },
]);

function pull(image: string, minor = 35, runtime: 'containerd' | 'docker' = 'containerd') {
  return registries.pull({ image, version: v(minor), runtime, rng: new SeededRandom(1) });
}

function failureText(image: string, minor: number, runtime: 'containerd' | 'docker' = 'containerd'): string {
  const a = pull(image, minor, runtime);
  if (a.ok) throw new Error(`${image} pulled`);
  return criPullErrorText(a.failure, v(minor));
}

describe('RegistrySet.pull', () => {
  it('resolves normalized references, tags and digests', () => {
    const a = pull('nginx:1.24.0');
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.image.repoTag).toBe('docker.io/library/nginx:1.24.0');
    expect(a.image.repoDigest).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(a.seconds).toBeGreaterThan(0);
    const byDigest = pull(`docker.io/library/nginx@${a.image.repoDigest.split('@')[1]}`);
    expect(byDigest.ok && byDigest.image.imageId).toBe(a.image.imageId);
    const latest = pull('registry.k8s.io/busybox');
    expect(latest.ok && latest.image.sizeBytes).toBe(1144547); // transcript 11: Image size: 1144547 bytes
  });

  it('takes longer for bigger images', () => {
    const small = pull('busybox:1.36');
    const big = pull('nginx:1.24.0');
    expect(big.seconds).toBeGreaterThan(small.seconds);
  });
});

describe('containerd pull errors as the kubelet records them', () => {
  it('a missing tag is NotFound, with the gRPC prefix (transcript 21, 1.35)', () => {
    expect(failureText('nginx:9.99-doesnotexist', 35)).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99-doesnotexist": failed to resolve reference "docker.io/library/nginx:9.99-doesnotexist": docker.io/library/nginx:9.99-doesnotexist: not found',
    );
  });

  it('a missing Docker Hub repository is Unknown: no prefix from 1.28 (transcript 07, 1.30)', () => {
    expect(failureText('rediss', 30)).toBe(
      'failed to pull and unpack image "docker.io/library/rediss:latest": failed to resolve reference "docker.io/library/rediss:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('keeps the Unknown prefix before 1.28 (PR #117612)', () => {
    expect(STRIP_UNKNOWN_GRPC_CODE_SINCE).toBe(28);
    expect(failureText('rediss', 27)).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/rediss:latest": failed to resolve reference "docker.io/library/rediss:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(failureText('rediss', 28).startsWith('failed to pull')).toBe(true);
  });

  it('a plain registry answers a missing repository with not found', () => {
    expect(failureText('images.example.com/apps/nope:1.0', 26)).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "images.example.com/apps/nope:1.0": failed to resolve reference "images.example.com/apps/nope:1.0": images.example.com/apps/nope:1.0: not found',
    );
  });

  it('an unknown host fails in DNS, a host that refuses fails to connect', () => {
    expect(failureText('ghost.example.com/app:1', 35)).toBe(
      'failed to pull and unpack image "ghost.example.com/app:1": failed to resolve reference "ghost.example.com/app:1": failed to do request: Head "https://ghost.example.com/v2/app/manifests/1": dial tcp: lookup ghost.example.com on 127.0.0.53:53: no such host',
    );
    expect(failureText('down.example.com/app:1', 35)).toBe(
      'failed to pull and unpack image "down.example.com/app:1": failed to resolve reference "down.example.com/app:1": failed to do request: Head "https://down.example.com/v2/app/manifests/1": dial tcp 10.0.0.9:443: connect: connection refused',
    );
  });

  it('dockershim words a missing tag its own way (transcript 27)', () => {
    expect(failureText('redis:0.2', 23, 'docker')).toBe(
      'rpc error: code = Unknown desc = Error response from daemon: manifest for redis:0.2 not found: manifest unknown: manifest unknown',
    );
  });
});

describe('a pull of content the node already has', () => {
  it('only resolves the manifest (one round trip), where a missing image downloads its size', () => {
    const hasEverything = () => true;
    const cached = registries.pull({
      image: 'nginx:1.25',
      version: v(35),
      runtime: 'containerd',
      rng: new SeededRandom(1),
      hasContent: hasEverything,
    });
    const fresh = pull('nginx:1.25');
    if (!cached.ok || !fresh.ok) throw new Error('both pulls should succeed');
    // 70.5 MB at the default 20 MB/s is about 3.5 s more; one round trip is 0.4 s ± 20%.
    expect(cached.seconds).toBeLessThan(0.5);
    expect(fresh.seconds).toBeGreaterThan(3);
  });
});
