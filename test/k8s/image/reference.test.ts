/**
 * Image reference parsing. Expected values are written from distribution/reference (normalize.go,
 * reference.go, regexp.go), docker/distribution v2.x, go-digest v1.0.0 and pkg/util/parsers.
 */
import { describe, expect, it } from 'vitest';
import {
  applyDefaultImageTag,
  defaultImageTagFailure,
  familiarName,
  formatReference,
  goQuote,
  parseImageName,
  parseNamed,
  parseNormalizedNamed,
  referenceLibraryFor,
  validateDigest,
} from '../../../src/k8s/image/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const v35 = kubeVersion('1.35');
const v29 = kubeVersion('1.29');
const v28 = kubeVersion('1.28');
const v27 = kubeVersion('1.27');

function ref(image: string, library = referenceLibraryFor(v35)) {
  const parsed = parseNormalizedNamed(image, library);
  if (!parsed.ok) throw new Error(`expected ${image} to parse: ${parsed.error}`);
  return parsed.ref;
}

function error(image: string, library = referenceLibraryFor(v35)): string {
  const parsed = parseNormalizedNamed(image, library);
  if (parsed.ok) throw new Error(`expected ${image} to fail`);
  return parsed.error;
}

describe('which library a release vendors', () => {
  it('docker/distribution up to 1.28, distribution/reference from 1.29 (CHANGELOG-1.29)', () => {
    expect(referenceLibraryFor(kubeVersion('1.23'))).toBe('docker/distribution');
    expect(referenceLibraryFor(v28)).toBe('docker/distribution');
    expect(referenceLibraryFor(v29)).toBe('distribution/reference');
  });
});

describe('ParseNormalizedNamed normalization', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx'],
    ['user/repo', 'docker.io', 'user/repo'],
    ['docker.io/nginx', 'docker.io', 'library/nginx'],
    ['index.docker.io/nginx', 'docker.io', 'library/nginx'],
    ['index.docker.io/user/repo', 'docker.io', 'user/repo'],
    ['localhost/app', 'localhost', 'app'],
    ['localhost:5000/app', 'localhost:5000', 'app'],
    ['quay.io/org/app', 'quay.io', 'org/app'],
    ['127.0.0.1:5000/a/b/c', '127.0.0.1:5000', 'a/b/c'],
    ['[::1]:5000/app', '[::1]:5000', 'app'],
    ['[2001:db8::1]/app', '[2001:db8::1]', 'app'],
    ['a__b/c-----d.e_f', 'docker.io', 'a__b/c-----d.e_f'],
  ])('%s -> domain %s, path %s', (image, domain, path) => {
    const r = ref(image);
    expect(r.domain).toBe(domain);
    expect(r.path).toBe(path);
    expect(r.name).toBe(`${domain}/${path}`);
  });

  it('a single component with a port is a name and a tag, not a registry', () => {
    expect(ref('localhost:5000')).toEqual({
      name: 'docker.io/library/localhost',
      domain: 'docker.io',
      path: 'library/localhost',
      tag: '5000',
    });
  });

  it('keeps tag and digest apart', () => {
    const r = ref(`nginx:1.25@sha256:${SHA256}`);
    expect(r.tag).toBe('1.25');
    expect(r.digest).toBe(`sha256:${SHA256}`);
    expect(formatReference(r)).toBe(`docker.io/library/nginx:1.25@sha256:${SHA256}`);
    expect(familiarName(r)).toBe(`nginx:1.25@sha256:${SHA256}`);
    expect(familiarName(ref('user/repo:v1'))).toBe('user/repo:v1');
    expect(familiarName(ref('quay.io/org/app'))).toBe('quay.io/org/app');
  });

  it('tags are case-sensitive words of up to 128 characters', () => {
    expect(ref('nginx:LATEST').tag).toBe('LATEST');
    expect(ref(`nginx:${'a'.repeat(128)}`).tag).toHaveLength(128);
    expect(error(`nginx:${'a'.repeat(129)}`)).toBe('invalid reference format');
    expect(error('nginx:-x')).toBe('invalid reference format');
  });
});

describe('ParseNormalizedNamed errors (distribution/reference v0.5+)', () => {
  it.each([
    ['', 'invalid reference format'],
    ['nginx:', 'invalid reference format'],
    ['http://root', 'invalid reference format'],
    ['busybox:latest ', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['NGINX', 'invalid reference format: repository name (library/NGINX) must be lowercase'],
    ['Nginx:latest', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['localhost:5000/App', 'invalid reference format: repository name (App) must be lowercase'],
    ['user/Repo', 'invalid reference format: repository name (user/Repo) must be lowercase'],
    [SHA256, `invalid repository name (${SHA256}), cannot specify 64-byte hexadecimal strings`],
  ])('%j -> %s', (image, message) => {
    expect(error(image)).toBe(message);
  });

  it('a 64-hex string with a tag is a name, not an identifier', () => {
    expect(ref(`${SHA256}:v1`).path).toBe(`library/${SHA256}`);
  });

  it('an uppercase first component is taken for a registry', () => {
    expect(ref('Foo/bar').domain).toBe('Foo');
  });

  it('limits the path (not the domain) to 255 characters', () => {
    const path = `a/${'b'.repeat(253)}`; // 255
    expect(ref(`registry.example.com/${path}`).path).toBe(path);
    expect(error(`registry.example.com/${path}b`)).toBe('repository name must not be more than 255 characters');
  });
});

describe('digests (go-digest v1.0.0)', () => {
  it('checks the exact length of each algorithm', () => {
    expect(ref(`nginx@sha384:${'a'.repeat(96)}`).digest).toBe(`sha384:${'a'.repeat(96)}`);
    expect(ref(`nginx@sha512:${'a'.repeat(128)}`).digest).toBe(`sha512:${'a'.repeat(128)}`);
    expect(error(`nginx@sha256:${'a'.repeat(32)}`)).toBe('invalid checksum digest length');
    expect(error(`nginx@sha256:${'a'.repeat(65)}`)).toBe('invalid checksum digest length');
    expect(error(`nginx@sha384:${'a'.repeat(64)}`)).toBe('invalid checksum digest length');
    expect(error(`nginx@sha512:${'a'.repeat(96)}`)).toBe('invalid checksum digest length');
  });

  it('needs at least 32 hex digits before the algorithm is even looked at', () => {
    expect(error(`nginx@sha256:${'a'.repeat(31)}`)).toBe('invalid reference format');
    expect(error(`nginx@md5:${'a'.repeat(32)}`)).toBe('unsupported digest algorithm');
  });

  it('rejects uppercase hex and uppercase algorithms as a format error', () => {
    expect(error(`nginx@sha256:${'A'.repeat(64)}`)).toBe('invalid checksum digest format');
    expect(error(`localhost/app:v1@SHA256:${'a'.repeat(64)}`)).toBe('invalid checksum digest format');
    // Without a tag the lowercase check sees everything up to the first ':' as the repository.
    expect(error(`localhost/app@SHA256:${'a'.repeat(64)}`)).toBe(
      'invalid reference format: repository name (app@SHA256) must be lowercase',
    );
    expect(validateDigest('sha256')).toBe('invalid checksum digest format');
    expect(validateDigest(`:${'a'.repeat(64)}`)).toBe('invalid checksum digest format');
    expect(validateDigest(`sha256:${'a'.repeat(64)}`)).toBeUndefined();
  });
});

describe('ParseNamed (canonical form required)', () => {
  it('accepts only the full name', () => {
    expect(parseNamed('docker.io/library/nginx:1.25').ok).toBe(true);
    expect(parseNamed('nginx:1.25')).toEqual({ ok: false, error: 'repository name must be canonical' });
  });
});

describe('docker/distribution v2.x (1.23..1.28)', () => {
  const legacy = 'docker/distribution' as const;
  it('says only "repository name must be lowercase"', () => {
    expect(error('NGINX', legacy)).toBe('invalid reference format: repository name must be lowercase');
  });
  it('has no IPv6 hosts', () => {
    expect(error('[::1]:5000/app', legacy)).toBe('invalid reference format');
  });
  it('never takes an uppercase first component for a registry', () => {
    expect(error('Foo/bar', legacy)).toBe('invalid reference format: repository name must be lowercase');
  });
  it('limits the whole name, domain included, to 255 characters', () => {
    const path = `a/${'b'.repeat(238)}`; // 240; with "registry.example.com/" 261
    expect(error(`registry.example.com/${path}`, legacy)).toBe('repository name must not be more than 255 characters');
    expect(ref(`registry.example.com/${path}`).path).toBe(path);
  });
  it('parses ordinary names the same way', () => {
    expect(ref(`url:5000/repo:latest@sha256:${SHA256}`, legacy)).toEqual(ref(`url:5000/repo:latest@sha256:${SHA256}`));
  });
});

describe('the grammar does not backtrack exponentially', () => {
  it('rejects long hostile inputs quickly', () => {
    const hostile = [
      `${'a'.repeat(20000)}!`,
      `${'a-'.repeat(5000)}!`,
      `${'a.'.repeat(5000)}/!`,
      `${'ab_'.repeat(4000)}:`,
    ];
    for (const library of ['distribution/reference', 'docker/distribution'] as const) {
      for (const input of hostile) expect(parseNormalizedNamed(input, library).ok).toBe(false);
    }
  });
});

describe('ParseImageName (pkg/util/parsers)', () => {
  it('defaults the tag to latest only when neither a tag nor a digest was written', () => {
    expect(parseImageName('root', v35)).toEqual({
      ok: true,
      repo: 'docker.io/library/root',
      tag: 'latest',
      digest: '',
    });
    expect(parseImageName(`root@sha256:${SHA256}`, v35)).toEqual({
      ok: true,
      repo: 'docker.io/library/root',
      tag: '',
      digest: `sha256:${SHA256}`,
    });
    expect(parseImageName(`url:5000/repo:latest@sha256:${SHA256}`, v35)).toMatchObject({ tag: 'latest' });
  });

  it('quotes the image in its error from 1.28 (PR #116231)', () => {
    expect(parseImageName('ROOT', v27)).toEqual({
      ok: false,
      error: "couldn't parse image name: invalid reference format: repository name must be lowercase",
    });
    expect(parseImageName('ROOT', v28)).toEqual({
      ok: false,
      error: `couldn't parse image name "ROOT": invalid reference format: repository name must be lowercase`,
    });
    expect(parseImageName('ROOT', v29)).toEqual({
      ok: false,
      error: `couldn't parse image name "ROOT": invalid reference format: repository name (library/ROOT) must be lowercase`,
    });
  });
});

describe("the kubelet's applyDefaultImageTag", () => {
  it('appends :latest without normalizing the name', () => {
    expect(applyDefaultImageTag('nginx', v35)).toEqual({ ok: true, image: 'nginx:latest' });
    expect(applyDefaultImageTag('docker.io/library/nginx', v35)).toEqual({
      ok: true,
      image: 'docker.io/library/nginx:latest',
    });
    expect(applyDefaultImageTag('nginx:1.25', v35)).toEqual({ ok: true, image: 'nginx:1.25' });
    expect(applyDefaultImageTag('localhost:5000', v35)).toEqual({ ok: true, image: 'localhost:5000' });
    expect(applyDefaultImageTag(`nginx@sha256:${SHA256}`, v35)).toEqual({ ok: true, image: `nginx@sha256:${SHA256}` });
    expect(applyDefaultImageTag('nginx', v27)).toEqual({ ok: true, image: 'nginx:latest' });
  });

  it('words its error differently before 1.28', () => {
    expect(applyDefaultImageTag('nginx:', v27)).toEqual({
      ok: false,
      error: `couldn't parse image reference "nginx:": invalid reference format`,
    });
    expect(applyDefaultImageTag('nginx:', v28)).toEqual({
      ok: false,
      error: `couldn't parse image name "nginx:": invalid reference format`,
    });
  });

  it('turns a failure into InvalidImageName and a Warning InspectFailed event', () => {
    expect(defaultImageTagFailure('nginx:', `couldn't parse image name "nginx:": invalid reference format`)).toEqual({
      reason: 'InvalidImageName',
      message: `Failed to apply default image tag "nginx:": couldn't parse image name "nginx:": invalid reference format`,
      event: {
        type: 'Warning',
        reason: 'InspectFailed',
        message: `Failed to apply default image tag "nginx:": couldn't parse image name "nginx:": invalid reference format`,
      },
    });
  });
});

describe("Go's %q", () => {
  it('escapes like strconv.Quote', () => {
    expect(goQuote('nginx')).toBe('"nginx"');
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\there\n')).toBe('"tab\\there\\n"');
    expect(goQuote('\x00\x7f')).toBe('"\\x00\\x7f"');
    expect(goQuote('镜像')).toBe('"镜像"');
  });
});
