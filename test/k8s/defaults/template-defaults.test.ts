/**
 * PodTemplateSpec defaulting (Deployments, Jobs, ...): SetObjectDefaults_PodTemplate has SetDefaults_PodSpec
 * but not SetDefaults_Pod; hostPorts moved to SetDefaults_Pod in 1.28.
 */
import { describe, expect, it } from 'vitest';
import { defaultPodTemplateSpec } from '../../../src/k8s/defaults/index.ts';
import { kubeVersion } from '../../../src/k8s/version/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: free-form JSON fixtures, read by deep property access
type Obj = Record<string, any>;
const template = (spec: Obj): Obj => ({ metadata: { labels: { app: 'web' } }, spec });

describe('a pod template', () => {
  const result = defaultPodTemplateSpec<Obj>(
    template({
      containers: [
        { name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } },
      ],
      serviceAccountName: 'builder',
    }),
    kubeVersion('1.35'),
  );
  const spec = (result.object as Obj).spec;

  it('gets the PodSpec and container defaults', () => {
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
    });
  });

  it('gets none of the Pod-only defaults and no admission', () => {
    expect(spec.enableServiceLinks).toBeUndefined();
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: '1' } });
    expect(spec.tolerations).toBeUndefined();
    expect(spec.priority).toBeUndefined();
    expect(spec.volumes).toBeUndefined();
  });

  it('is encoded with the serviceAccount mirror', () => {
    expect(spec.serviceAccount).toBe('builder');
  });

  it('shows resources: {} on containers without resources', () => {
    const out = defaultPodTemplateSpec<Obj>(
      template({ containers: [{ name: 'c', image: 'nginx' }] }),
      kubeVersion('1.35'),
    ).object as Obj;
    expect(out.spec.containers[0].resources).toEqual({});
    expect(out.spec.serviceAccount).toBeUndefined();
  });
});

describe('hostNetwork hostPorts in templates', () => {
  const hostNetwork = template({
    hostNetwork: true,
    containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 53 }] }],
  });
  it('were defaulted up to 1.27 (SetDefaults_PodSpec)', () => {
    const out = defaultPodTemplateSpec<Obj>(hostNetwork, kubeVersion('1.27')).object as Obj;
    expect(out.spec.containers[0].ports[0].hostPort).toBe(53);
  });
  it('are not from 1.28 (SetDefaults_Pod only)', () => {
    const out = defaultPodTemplateSpec<Obj>(hostNetwork, kubeVersion('1.28')).object as Obj;
    expect(out.spec.containers[0].ports[0].hostPort).toBeUndefined();
  });
});
