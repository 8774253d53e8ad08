/** Reading commands just enough to link blocks: files applied with -f, and interactive exec sessions. */
import { describe, expect, it } from 'vitest';
import { appliedFiles, interactiveExec } from '../../../src/check/extract/index.ts';
import { kubectlCalls, shellWords } from '../../../src/check/extract/shell-words.ts';

describe('shellWords', () => {
  it('splits on whitespace, removes quotes and escapes, and separates operators', () => {
    expect(shellWords(`kubectl exec p -- sh -c 'echo "a b"' && echo "x\\"y"|grep x; ls a\\ b`)).toEqual([
      'kubectl',
      'exec',
      'p',
      '--',
      'sh',
      '-c',
      'echo "a b"',
      '&&',
      'echo',
      'x"y',
      '|',
      'grep',
      'x',
      ';',
      'ls',
      'a b',
    ]);
  });

  it('finds every kubectl call and its verb past global flags', () => {
    expect(
      kubectlCalls('sudo kubectl -n kube-system get pods && /usr/bin/kubectl --context=c apply -f a.yaml').map(
        (c) => c.verb,
      ),
    ).toEqual(['get', 'apply']);
  });
});

describe('appliedFiles', () => {
  it.each([
    ['kubectl apply -f nginx-pod.yaml', ['nginx-pod.yaml']],
    ['kubectl apply -f ./nginx-pod.yaml', ['nginx-pod.yaml']],
    ['kubectl create -f=a.yaml --filename b.yaml --filename=c.yaml -fd.yaml', ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']],
    ['kubectl delete -f a.yaml', []],
    ['kubectl replace --force -f a.yaml', ['a.yaml']],
    ['kubectl delete pod x && kubectl apply -f fixed.yaml', ['fixed.yaml']],
    ['cat a.yaml | kubectl apply -f -', ['-']],
    ['kubectl -n dev apply -f a.yaml', ['a.yaml']],
  ])('%s applies %j', (command, files) => expect(appliedFiles(command)).toEqual(files));
});

describe('interactiveExec', () => {
  it.each([
    ['kubectl exec -it nginx-5 -- /bin/bash', { pod: 'nginx-5' }],
    ['kubectl exec -it nginx-5 /bin/bash', { pod: 'nginx-5' }],
    ['kubectl exec -ti pod/web -c app -- sh', { pod: 'web', container: 'app' }],
    ['kubectl exec --stdin --tty web --container=app -- sh', { pod: 'web', container: 'app' }],
    ['kubectl exec -i -t -n dev web -- sh', { pod: 'web' }],
    ['kubectl exec web -- ls', undefined],
    ['kubectl exec -i web -- ls', undefined],
    ['kubectl logs -f web', undefined],
  ])('%s', (command, session) => expect(interactiveExec(command)).toEqual(session));
});
