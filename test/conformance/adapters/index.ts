/**
 * Adapters register themselves by file name: every `*.adapter.ts` in this folder exports `adapter`.
 */
import type { VectorAdapter } from '../adapter.ts';

const modules = import.meta.glob<{ adapter: VectorAdapter }>('./*.adapter.ts', { eager: true });
export const ADAPTERS: VectorAdapter[] = Object.values(modules).map((m) => m.adapter);

/** Vector files whose capability belongs to a later issue, with the reason (reported, not failed). */
export const NOT_YET_COVERED: Record<string, string> = {};
