/**
 * The transcript directives that move the virtual clock: `#@ wait` advances it, `#@ at` sets it to a time after
 * the scenario's start. (`#@ on` only changes which host a `$ ` prompt names; the extraction applied it already.)
 */
import type { Directive } from '../extract/index.ts';
import type { Session } from './session.ts';

/** `105.3` → `1m45.3s`, the way Go prints a time.Duration (enough of it for messages). */
export function formatSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  const rest = Math.round((rounded % 60) * 1000) / 1000;
  return `${hours > 0 ? `${hours}h` : ''}${hours > 0 || minutes > 0 ? `${minutes}m` : ''}${rest}s`;
}

/** Applies a directive; returns why it could not be applied (`#@ at` a time the clock has passed). */
export function applyDirective(session: Session, directive: Directive): string | undefined {
  const { cluster } = session;
  if (directive.kind === 'wait') {
    cluster.advance(directive.seconds);
  } else if (directive.kind === 'at') {
    const target = session.start + directive.seconds;
    const now = cluster.now();
    if (target < now) {
      return `\`${directive.text.trim()}\`: the virtual clock is already at ${formatSeconds(now - session.start)} after the start (the commands before it took that long); write a later time, or \`#@ wait\``;
    }
    cluster.advanceTo(target);
  }
  return undefined;
}
