/** imagePullPolicy defaulting: pkg/apis/core/v1/defaults.go SetDefaults_Container. */
import { describe, expect, it } from 'vitest';
import { defaultPullPolicyForImage, effectivePullPolicy } from '../../../src/k8s/image/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

const v35 = kubeVersion('1.35');
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('the default policy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['docker.io/library/nginx:latest', 'Always'],
    [`nginx:latest@sha256:${SHA}`, 'Always'],
    ['localhost:5000/app', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['nginx:LATEST', 'IfNotPresent'],
    ['nginx:Latest', 'IfNotPresent'],
    [`nginx@sha256:${SHA}`, 'IfNotPresent'],
    ['localhost:5000', 'IfNotPresent'],
    ['NGINX', 'IfNotPresent'],
    ['nginx:', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('%j -> %s', (image, policy) => {
    expect(defaultPullPolicyForImage(image, v35)).toBe(policy);
  });

  it('follows the parser of the release: IPv6 registries parse only from 1.29', () => {
    expect(defaultPullPolicyForImage('[::1]:5000/app', kubeVersion('1.28'))).toBe('IfNotPresent');
    expect(defaultPullPolicyForImage('[::1]:5000/app', kubeVersion('1.29'))).toBe('Always');
    expect(defaultPullPolicyForImage('Registry/app', kubeVersion('1.28'))).toBe('IfNotPresent');
    expect(defaultPullPolicyForImage('Registry/app', kubeVersion('1.29'))).toBe('Always');
  });
});

describe('an explicit policy', () => {
  it('is kept as written, even when it is not a valid value', () => {
    expect(effectivePullPolicy({ image: 'nginx', imagePullPolicy: 'Never' }, v35)).toBe('Never');
    expect(effectivePullPolicy({ image: 'nginx:1.25', imagePullPolicy: 'Always' }, v35)).toBe('Always');
    expect(effectivePullPolicy({ image: 'nginx', imagePullPolicy: 'Sometimes' }, v35)).toBe('Sometimes');
  });
  it('empty counts as unset', () => {
    expect(effectivePullPolicy({ image: 'nginx', imagePullPolicy: '' }, v35)).toBe('Always');
    expect(effectivePullPolicy({ image: 'nginx:1' }, v35)).toBe('IfNotPresent');
  });
});

describe('input the decoder would reject', () => {
  it('is an error, not a guess', () => {
    expect(() => effectivePullPolicy({ image: 'nginx', imagePullPolicy: 1 }, v35)).toThrow(TypeError);
    expect(() => effectivePullPolicy({ image: ['nginx'] }, v35)).toThrow(TypeError);
  });
});
