/**
 * kubectl as a command line: unknown commands with cobra's suggestions (texts from real sessions), flag errors
 * with `See 'kubectl <verb> --help' for usage.`, usage errors, and the not-modelled answers.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/sim/index.ts';
import { runCommand } from '../../../src/sim/shell/index.ts';
import { kubectlCommandNames } from '../../../src/sim/shell/kubectl/releases.ts';
import { levenshtein, suggestionsFor } from '../../../src/sim/shell/kubectl/suggestions.ts';
import { shellContext } from './context.ts';

const at = (minor: number) => shellContext(createCluster({ version: `1.${minor}`, seed: 1 }), {}, minor);
const kubectl = (line: string, minor = 30) => runCommand(at(minor), { kind: 'client' }, line);

describe('unknown commands', () => {
  // Real sessions (kubectl of the 1.2x era): `kubectl ge po`, `kubectl aply -f`, `kubectl pods`, `kubectl 0n ...`
  it('suggests in registration order: kubectl ge -> set, get, cp', () => {
    expect(kubectl('kubectl ge pod.yaml')).toEqual({
      output: 'error: unknown command "ge" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n',
      exitCode: 1,
    });
  });

  it('kubectl aply -> apply', () => {
    expect(kubectl('kubectl aply -f my-pod.yaml').output).toBe(
      'error: unknown command "aply" for "kubectl"\n\nDid you mean this?\n\tapply\n',
    );
  });

  it('kubectl pods -> logs; kubectl 0n -> run, cp', () => {
    expect(kubectl('kubectl pods').output).toBe(
      'error: unknown command "pods" for "kubectl"\n\nDid you mean this?\n\tlogs\n',
    );
    expect(kubectl('kubectl 0n argocd describe secrets x').output).toBe(
      'error: unknown command "0n" for "kubectl"\n\nDid you mean this?\n\trun\n\tcp\n',
    );
  });

  it('prints no block when nothing is close, and adds SuggestFor names in place (rm -> run, delete, cp)', () => {
    expect(kubectl('kubectl frobnicate')).toEqual({
      output: 'error: unknown command "frobnicate" for "kubectl"\n',
      exitCode: 1,
    });
    // run and cp are within distance 2 of "rm"; delete lists "rm" in SuggestFor
    expect(kubectl('kubectl rm pod x').output).toBe(
      'error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\trun\n\tdelete\n\tcp\n',
    );
  });

  it('knows `kubectl events` from 1.26 only (KEP-1440 beta)', () => {
    expect(kubectlCommandNames(25)).not.toContain('events');
    expect(kubectlCommandNames(26)).toContain('events');
    // nothing else is within distance 2 of "event"
    expect(kubectl('kubectl event', 25).output).toBe('error: unknown command "event" for "kubectl"\n');
    expect(kubectl('kubectl event', 26).output).toBe(
      'error: unknown command "event" for "kubectl"\n\nDid you mean this?\n\tevents\n',
    );
  });
});

describe('suggestions helpers', () => {
  it('measures cobra Levenshtein distance case-insensitively', () => {
    expect(levenshtein('GET', 'get')).toBe(0);
    expect(levenshtein('ge', 'set')).toBe(2);
    expect(levenshtein('ps', 'logs')).toBe(3);
  });

  it('adds prefix matches whatever the distance', () => {
    // "apply" is 3 edits away from "api" and does not start with it
    expect(suggestionsFor('api', ['api-versions', 'api-resources', 'apply'])).toEqual([
      'api-versions',
      'api-resources',
    ]);
  });
});

describe('flag errors', () => {
  it('names the verb in the usage hint', () => {
    expect(kubectl('kubectl get pods --frobnicate')).toEqual({
      output: "error: unknown flag: --frobnicate\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
    expect(kubectl('kubectl describe pod x -z').output).toBe(
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl describe --help' for usage.\n",
    );
    expect(kubectl('kubectl get pods -n').output).toBe(
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    );
  });

  it('checks root flags typed before the command', () => {
    expect(kubectl('kubectl --frob get pods').output).toBe(
      "error: unknown flag: --frob\nSee 'kubectl --help' for usage.\n",
    );
    expect(kubectl('kubectl -n kube-system get pods')).toEqual({
      output: 'No resources found in kube-system namespace.\n',
      exitCode: 0,
    });
  });

  it('says which real flags are not modelled', () => {
    expect(kubectl('kubectl get pods -l app=nginx')).toEqual({
      output: 'podbook: `kubectl get --selector` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(kubectl('kubectl --context prod get pods').output).toBe(
      'podbook: `kubectl get --context` is not modelled by the virtual cluster\n',
    );
    expect(kubectl('kubectl get pods --help').exitCode).toBe(127);
  });
});

describe('usage errors and the rest', () => {
  it('kubectl get without a type', () => {
    expect(kubectl('kubectl get')).toEqual({
      output:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
      exitCode: 1,
    });
  });

  it('kubectl describe without a type', () => {
    expect(kubectl('kubectl describe')).toEqual({
      output:
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
  });

  it('a type no cluster has, and a built-in type the virtual cluster does not serve', () => {
    expect(kubectl('kubectl get foo')).toEqual({
      output: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    });
    expect(kubectl('kubectl get deployments')).toEqual({
      output:
        'podbook: the resource type "deployments" (the virtual cluster serves Pods only) is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(kubectl('kubectl describe svc/web').exitCode).toBe(127);
  });

  it('other programs, kubectl without a command and crictl on the client', () => {
    expect(kubectl('grep nginx')).toEqual({
      output: 'podbook: `grep` is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(kubectl('kubectl').exitCode).toBe(127);
    expect(kubectl('crictl images')).toEqual({
      output: 'podbook: crictl on the client (type it at a node prompt) is not modelled by the virtual cluster\n',
      exitCode: 127,
    });
    expect(kubectl('docker images').exitCode).toBe(127);
  });

  it('an empty line prints nothing; sudo is transparent', () => {
    expect(kubectl('')).toEqual({ output: '', exitCode: 0 });
    expect(kubectl('sudo kubectl get pods')).toEqual({
      output: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
  });
});

describe('kubectl explain', () => {
  it('prints the explain text of this kubectl', () => {
    const r = kubectl('kubectl explain pod.spec.containers.imagePullPolicy', 26);
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n').slice(0, 5)).toEqual([
      'KIND:     Pod',
      'VERSION:  v1',
      '',
      'FIELD:    imagePullPolicy <string>',
      '',
    ]);
  });

  it('reports kubectl errors', () => {
    expect(kubectl('kubectl explain pod.spec.nope')).toEqual({
      output: 'error: field "nope" does not exist\n',
      exitCode: 1,
    });
    expect(kubectl('kubectl explain')).toEqual({
      output:
        'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect(kubectl('kubectl explain pods nodes')).toEqual({
      output: 'error: We accept only this format: explain RESOURCE\n',
      exitCode: 1,
    });
  });

  it('says so when the page loaded no schema', () => {
    const ctx = { ...at(30), explain: undefined };
    expect(runCommand(ctx, { kind: 'client' }, 'kubectl explain pods').exitCode).toBe(127);
  });
});
