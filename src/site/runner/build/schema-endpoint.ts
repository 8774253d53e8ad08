/** /runner/schema/1.N.json: the compact schema pack of each release, for the validator (pack-routes.ts). */
import type { GetStaticPaths } from 'astro';
import { compactPack } from '../compact-pack.ts';
import { packPaths, servePack } from './pack-routes.ts';

export const prerender = true;
export const getStaticPaths = (() => packPaths(compactPack)) satisfies GetStaticPaths;
export const GET = servePack;
