/** The reader's actions as the commands a reader would type. */
import { describe, expect, it } from 'vitest';
import { shellWords } from '../../../src/sim/shell/words.ts';
import {
  applyStep,
  commandStep,
  deleteStep,
  execStopStep,
  exitStep,
  signalStep,
} from '../../../src/site/runner/actions.ts';

describe('actions', () => {
  it('types commands with words quoted where a shell needs it', () => {
    expect(applyStep('nginx-pod.yaml')).toEqual({ kind: 'run', line: 'kubectl apply -f nginx-pod.yaml' });
    expect(deleteStep({ pod: 'web' })).toEqual({ kind: 'run', line: 'kubectl delete pod web' });
    expect(execStopStep({ pod: 'web', container: 'nginx' })).toEqual({
      kind: 'run',
      line: 'kubectl exec web -c nginx -- nginx -s stop',
    });
    const odd = applyStep("my file's.yaml");
    expect(odd.kind === 'run' && shellWords(odd.line)).toEqual({ words: ['kubectl', 'apply', '-f', "my file's.yaml"] });
  });

  it('keeps exit codes in 0..255 and names the container only when one is chosen', () => {
    expect(exitStep({ pod: 'p' }, 300)).toEqual({ kind: 'exit', pod: 'p', code: 255 });
    expect(exitStep({ pod: 'p' }, -4)).toEqual({ kind: 'exit', pod: 'p', code: 0 });
    expect(exitStep({ pod: 'p', container: 'c' }, Number.NaN)).toEqual({
      kind: 'exit',
      pod: 'p',
      container: 'c',
      code: 1,
    });
    expect(signalStep({ pod: 'p' }, 'SIGKILL')).toEqual({ kind: 'signal', pod: 'p', signal: 'SIGKILL' });
  });

  it('ignores an empty command line', () => {
    expect(commandStep('   ')).toBeUndefined();
    expect(commandStep(' kubectl get pods ', 'worker-1')).toEqual({
      kind: 'run',
      line: 'kubectl get pods',
      host: 'worker-1',
    });
  });
});
