/**
 * Lists of errors as one message: field.ErrorList.ToAggregate drops repeated messages, and
 * staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go (aggregate).Error prints one message bare and
 * several as `[e1, e2]` (again without repeats).
 */

/** Messages in order with repeats removed (first occurrence kept). */
export function dedupeMessages(messages: readonly string[]): string[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    if (seen.has(m)) return false;
    seen.add(m);
    return true;
  });
}

// utilerrors (aggregate).Error
export function aggregateMessage(messages: readonly string[]): string {
  const unique = dedupeMessages(messages);
  if (unique.length === 0) return '';
  if (unique.length === 1) return unique[0] ?? '';
  return `[${unique.join(', ')}]`;
}
