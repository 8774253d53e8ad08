/**
 * kubectl explain text. Expected outputs are copied from real kubectl output: the 1.26 seed notes (old printer),
 * public transcripts of 1.27–1.29 (no ENUM) and 1.30+ (ENUM) clients, and the kubectl_explain vectors. Wrapping
 * cases were also checked by running the vendored go-wordwrap and explain/formatter.go code under Go 1.19.
 * Descriptions are read from the OpenAPI v3 documents in /work/shared/k8s-openapi; the checked-in documents carry no
 * enum section, so the apiserver's section is added back with withEnumSection (KEP-2887, OpenAPIEnums on).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ExplainError,
  type ExplainFieldInput,
  explainLayout,
  goWordWrap,
  legacyWrapString,
  openAPIEnumsDefault,
  renderExplain,
  withEnumSection,
  withoutEnumSection,
} from '../../../src/k8s/kubectl/explain.ts';
import { KubeVersionError } from '../../../src/k8s/version/index.ts';

const shared = join(import.meta.dirname, '../../../../shared');
const seed = readFileSync(join(shared, 'seed/pod-policies-notes.zh-CN.txt'), 'utf8');

type Schema = { description?: string; properties?: Record<string, Schema> };
function coreProperty(minor: number, type: string, field: string): Schema {
  const doc = JSON.parse(readFileSync(join(shared, `k8s-openapi/1.${minor}/api__v1_openapi.json`), 'utf8')) as {
    components: { schemas: Record<string, Schema> };
  };
  const p = doc.components.schemas[`io.k8s.api.core.v1.${type}`]?.properties?.[field];
  if (!p) throw new Error(`no ${type}.${field} in 1.${minor}`);
  return p;
}

// core/v1 types.go: the PullPolicy constants' comments, without the constant names (kube-openapi enum.go)
const PULL_POLICY_VALUES = [
  {
    value: 'Always',
    comment: 'means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.',
  },
  {
    value: 'Never',
    comment:
      "means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present",
  },
  {
    value: 'IfNotPresent',
    comment:
      "means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.",
  },
];
const RESTART_POLICY_VALUES = [{ value: 'Always' }, { value: 'OnFailure' }, { value: 'Never' }];

function imagePullPolicy(minor: number): ExplainFieldInput {
  return {
    kind: 'Pod',
    group: '',
    version: 'v1',
    field: 'imagePullPolicy',
    type: 'string',
    enum: ['Always', 'IfNotPresent', 'Never'],
    description: withEnumSection(coreProperty(minor, 'Container', 'imagePullPolicy').description!, PULL_POLICY_VALUES),
  };
}

function podRestartPolicy(minor: number): ExplainFieldInput {
  return {
    kind: 'Pod',
    group: '',
    version: 'v1',
    field: 'restartPolicy',
    type: 'string',
    enum: ['Always', 'Never', 'OnFailure'],
    description: withEnumSection(coreProperty(minor, 'PodSpec', 'restartPolicy').description!, RESTART_POLICY_VALUES),
  };
}

describe('layout by kubectl release', () => {
  it('OpenAPI v2 printer up to 1.26, template from 1.27, ENUM block from 1.30', () => {
    expect([23, 26, 27, 29, 30, 35].map(explainLayout)).toEqual([
      'openapi-v2',
      'openapi-v2',
      'template',
      'template',
      'template-enum',
      'template-enum',
    ]);
    expect(() => explainLayout(36)).toThrow(KubeVersionError);
  });
});

describe('kubectl <= 1.26 (model printer, 5-space indent, 75 columns)', () => {
  it('imagePullPolicy on a 1.26 cluster, as in the seed notes', () => {
    const out = renderExplain(imagePullPolicy(26), 26);
    expect(out).toBe(
      [
        'KIND:     Pod',
        'VERSION:  v1',
        '',
        'FIELD:    imagePullPolicy <string>',
        '',
        'DESCRIPTION:',
        '     Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always',
        '     if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated.',
        '     More info:',
        '     https://kubernetes.io/docs/concepts/containers/images#updating-images',
        '',
        '     Possible enum values:',
        '     - `"Always"` means that kubelet always attempts to pull the latest image.',
        '     Container will fail If the pull fails.',
        '     - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on',
        "     disk. Container will fail if the image isn't present and the pull fails.",
        '     - `"Never"` means that kubelet never pulls an image, but only uses a local',
        "     image. Container will fail if the image isn't present",
        '',
      ].join('\n'),
    );
    // the seed shows the same lines (its author added comment lines between them)
    for (const line of out.split('\n').filter((l) => l.trim() && !l.startsWith('     if :latest'))) {
      expect(seed).toContain(line);
    }
  });

  it('restartPolicy on a 1.26 cluster, as in the seed notes', () => {
    const out = renderExplain(podRestartPolicy(26), 26);
    const expected = [
      'KIND:     Pod',
      'VERSION:  v1',
      '',
      'FIELD:    restartPolicy <string>',
      '',
      'DESCRIPTION:',
      '     Restart policy for all containers within the pod. One of Always, OnFailure,',
      '     Never. Default to Always. More info:',
      '     https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
      '',
      '     Possible enum values:',
      '     - `"Always"`',
      '     - `"Never"`',
      '     - `"OnFailure"`',
      '',
    ].join('\n');
    expect(out).toBe(expected);
    for (const line of expected.split('\n').filter((l) => l.trim())) expect(seed).toContain(line);
  });

  it('a 1.23 apiserver (OpenAPIEnums off) serves the description cut before the enum section', () => {
    expect(openAPIEnumsDefault(23)).toBe(false);
    expect(openAPIEnumsDefault(24)).toBe(true);
    const served = withoutEnumSection(imagePullPolicy(26).description as string);
    // enablement.go pruneEnums keeps the blank line before the header: the 1.23 document shows the same text
    expect(served).toBe(coreProperty(23, 'Container', 'imagePullPolicy').description);
    expect(renderExplain({ ...imagePullPolicy(23), description: served }, 23)).toBe(
      [
        'KIND:     Pod',
        'VERSION:  v1',
        '',
        'FIELD:    imagePullPolicy <string>',
        '',
        'DESCRIPTION:',
        '     Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always',
        '     if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated.',
        '     More info:',
        '     https://kubernetes.io/docs/concepts/containers/images#updating-images',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('an object field prints RESOURCE, every description, and a FIELDS list with tab-separated types', () => {
    const out = renderExplain(
      {
        kind: 'Deployment',
        group: 'apps',
        version: 'v1',
        field: 'strategy',
        type: 'Object',
        description: [
          'The deployment strategy to use to replace existing pods with new ones.',
          '',
          'DeploymentStrategy.',
        ],
        fields: [
          { name: 'type', type: 'string', description: 'Type of deployment.' },
          { name: 'rollingUpdate', type: 'Object', description: 'Rolling update config params.' },
        ],
      },
      25,
    );
    expect(out).toBe(
      [
        'KIND:     Deployment',
        'VERSION:  apps/v1',
        '',
        'RESOURCE: strategy <Object>',
        '',
        'DESCRIPTION:',
        '     The deployment strategy to use to replace existing pods with new ones.',
        '',
        '     DeploymentStrategy.',
        '',
        'FIELDS:',
        '   rollingUpdate\t<Object>',
        '     Rolling update config params.',
        '',
        '   type\t<string>',
        '     Type of deployment.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('no description prints <empty>', () => {
    expect(
      renderExplain({ kind: 'Pod', group: '', version: 'v1', field: 'x', type: 'string', description: '' }, 24),
    ).toContain('DESCRIPTION:\n     <empty>\n');
  });
});

describe('kubectl 1.27+ (plaintext.tmpl: wrap 76, indent 4)', () => {
  it('1.27–1.29: one blank line after FIELD, no ENUM block even if the apiserver serves enum values', () => {
    // public transcript of a pre-1.30 client (restartPolicy, 1.27+ description text)
    expect(renderExplain(podRestartPolicy(29), 29)).toBe(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: restartPolicy <string>',
        '',
        'DESCRIPTION:',
        '    Restart policy for all containers within the pod. One of Always, OnFailure,',
        '    Never. In some contexts, only a subset of those values may be permitted.',
        '    Default to Always. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
        '    ',
        '    Possible enum values:',
        '     - `"Always"`',
        '     - `"Never"`',
        '     - `"OnFailure"`',
        '    ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('1.30+: the ENUM block, one value per line, then one blank line', () => {
    const out = renderExplain(imagePullPolicy(35), 35);
    expect(
      out.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: imagePullPolicy <string>\nENUM:\n    Always\n'),
    ).toBe(true);
    expect(out).toContain(
      '    Never\n\nDESCRIPTION:\n    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if\n',
    );
  });

  it('1.30+: a field without enum values gets two blank lines (GROUP shown for non-core groups)', () => {
    // public transcript: kubectl explain deployment.spec.replicas
    expect(
      renderExplain(
        {
          kind: 'Deployment',
          group: 'apps',
          version: 'v1',
          field: 'replicas',
          type: '<integer>',
          description:
            'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
        },
        33,
      ),
    ).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: replicas <integer>',
        '',
        '',
        'DESCRIPTION:',
        '    Number of desired pods. This is a pointer to distinguish between explicit',
        '    zero and not specified. Defaults to 1.',
        '    ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('imagePullPolicy reads the same on 1.26 and 1.35 documents (only the trailing blank lines differ)', () => {
    expect(coreProperty(26, 'Container', 'imagePullPolicy').description).toBe(
      `${coreProperty(35, 'Container', 'imagePullPolicy').description}\n\n`,
    );
    expect(renderExplain(imagePullPolicy(26), 35)).toBe(renderExplain(imagePullPolicy(35), 35));
  });

  it('an empty-string enum value prints as ""', () => {
    const out = renderExplain(
      {
        kind: 'Pod',
        group: '',
        version: 'v1',
        field: 'type',
        type: 'string',
        enum: ['', 'Directory'],
        description: 'd',
      },
      30,
    );
    expect(out).toContain('ENUM:\n    ""\n    Directory\n\n');
  });

  it('FIELDS: "  name\\t<type>", -required-, an enum line with at most four values, description at indent 4', () => {
    const out = renderExplain(
      {
        kind: 'Pod',
        group: '',
        version: 'v1',
        field: 'containers',
        type: '[]Container',
        description: ['List of containers belonging to the pod.', 'A single application container.'],
        fields: [
          { name: 'name', type: 'string', required: true, description: 'Name of the container.' },
          {
            name: 'imagePullPolicy',
            type: 'string',
            enum: ['Always', 'IfNotPresent', 'Never'],
            description: 'Image pull policy.',
          },
          { name: 'stopSignal', type: 'string', enum: ['SIGABRT', 'SIGALRM', 'SIGBUS', 'SIGCHLD', 'SIGCONT'] },
        ],
      },
      35,
    );
    expect(out).toBe(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: containers <[]Container>',
        '',
        '',
        'DESCRIPTION:',
        '    List of containers belonging to the pod.',
        '    A single application container.',
        '    ',
        'FIELDS:',
        '  imagePullPolicy\t<string>',
        '  enum: Always, IfNotPresent, Never',
        '    Image pull policy.',
        '',
        '  name\t<string> -required-',
        '    Name of the container.',
        '',
        '  stopSignal\t<string>',
        '  enum: SIGABRT, SIGALRM, SIGBUS, SIGCHLD, ....',
        '    <no description>',
        '',
        '',
        '',
      ].join('\n'),
    );
    // 1.27–1.29 template: no enum lines in FIELDS either
    expect(
      renderExplain(
        {
          kind: 'Pod',
          group: '',
          version: 'v1',
          field: 'c',
          type: 'Object',
          description: 'd',
          fields: [{ name: 'f', type: 'string', enum: ['A'] }],
        },
        28,
      ),
    ).not.toContain('enum:');
  });

  it('rejects bad input', () => {
    const base = imagePullPolicy(35);
    expect(() => renderExplain({ ...base, type: '<>' }, 35)).toThrow(ExplainError);
    expect(() => renderExplain({ ...base, field: '' }, 35)).toThrow(ExplainError);
    expect(() => renderExplain({ ...base, enum: [1 as unknown as string] }, 35)).toThrow(ExplainError);
  });
});

describe('wrapping ports', () => {
  it('go-wordwrap: funcs_test.go "basic" case and the rune-counting, nbsp and long-word rules', () => {
    expect(goWordWrap('this is a really good test', 3)).toBe('this\nis\na\nreally\ngood\ntest');
    // recorded from the vendored WrapString under Go 1.19
    expect(goWordWrap('  leading  spaces   and\ttabs   everywhere   \n\n   trailing    \n', 20)).toBe(
      '  leading  spaces\nand\ttabs\neverywhere   \n\n   trailing    \n',
    );
    expect(goWordWrap('a\u00a0non\u00a0breaking\u00a0run words', 10)).toBe('a\u00a0non\u00a0breaking\u00a0run\nwords');
    expect(goWordWrap('ünïcödé wörds ärë', 13)).toBe('ünïcödé wörds\närë');
  });

  it('explain formatter.go wrapString: breaks after ":" lines, at bullets and blank lines; keeps 4-space lines', () => {
    // recorded from formatter.go wrapString under Go 1.19
    const text =
      'Specifies the DNS parameters of a pod.\nParameters specified here will be merged to the generated DNS\nconfiguration based on DNSPolicy.\n\nExamples:\n    spec:\n      dnsConfig: {}\n1. first item\n* star item\n- dash item that is long enough to need wrapping because it goes on and on and on and on\nend:';
    expect(legacyWrapString(text, 75)).toEqual([
      'Specifies the DNS parameters of a pod. Parameters specified here will be',
      'merged to the generated DNS configuration based on DNSPolicy.',
      '',
      'Examples:',
      '    spec:',
      '      dnsConfig: {}',
      '1. first item',
      '* star item',
      '- dash item that is long enough to need wrapping because it goes on and on',
      'and on and on end:',
    ]);
    expect(legacyWrapString('\n\nleading blank lines then text', 20)).toEqual(['leading blank lines', 'then text']);
  });

  it('withEnumSection: sorted lines, no trailing space for a value without a comment', () => {
    expect(withEnumSection('Restart policy.\n\n', RESTART_POLICY_VALUES)).toBe(
      'Restart policy.\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`',
    );
  });
});
