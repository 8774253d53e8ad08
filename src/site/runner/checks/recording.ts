/** Checks that store every answer they give (at build time, around live checks): the page's stored answers. */
import { fileKey, objectKey } from './key.ts';
import type { CheckAnswers, RunnerChecks } from './types.ts';

export function recordingChecks(inner: RunnerChecks, answers: CheckAnswers): RunnerChecks {
  const release = inner.release;
  return {
    release,
    readFile(text, filename) {
      const view = inner.readFile(text, filename);
      answers.files[fileKey('file', release, filename, text)] = view;
      return view;
    },
    validateObject(obj) {
      const key = objectKey(release, obj); // before the apiserver changes the object
      const errors = inner.validateObject(obj);
      answers.objects[key] = errors;
      return errors;
    },
    diagnostics(text, filename) {
      const found = inner.diagnostics(text, filename);
      answers.diagnostics[fileKey('diagnostics', release, filename, text)] = found;
      return found;
    },
  };
}
