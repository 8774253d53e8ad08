/**
 * /runner/explain/1.N.json: the whole schema pack of each release (descriptions included), which the runner
 * fetches when a reader types `kubectl explain` (pack-routes.ts).
 */
import type { GetStaticPaths } from 'astro';
import { packPaths, servePack } from './pack-routes.ts';

export const prerender = true;
export const getStaticPaths = (() => packPaths((pack) => pack)) satisfies GetStaticPaths;
export const GET = servePack;
