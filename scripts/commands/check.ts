/**
 * `podbook check [paths...]`: every example of every page checked against the model of its Kubernetes release
 * (src/check/node over src/check/run); `--update` rewrites the expected outputs that differ.
 */
import { parseArgs } from 'node:util';
// Only the page search is loaded up front: help and usage errors answer without loading the whole model.
import { findPages, PageSearchError } from '../../src/check/node/find-pages.ts';
import type { FilesCheck } from '../../src/check/node/index.ts';

export const HELP = `usage: podbook check [paths...] [options]

Checks the examples of documentation pages (.md and .mdx) as the site build does: manifests are
validated as the apiserver would, console transcripts are replayed on a virtual cluster of the page's
Kubernetes release, and kubectl explain output is compared with that release's schema. The authoring
syntax is described in src/check/extract/SYNTAX.md.

arguments:
  [paths...]           page files, or folders to search for .md/.mdx files (default: content/)

options:
  --update             write the actual output into the page wherever it differs (wildcards, "..." and
                       callouts that still fit are kept); pages with invalid manifests are left alone
  --format <f>         pretty (default): file:line:col, the command and a diff; json: one record per page
  --color / --no-color colour in pretty output (default: when standard output is a terminal)
  -h, --help           this help

exit status: 0 every example passes, 1 any example fails, 2 usage error or missing schemas.

schemas: the OpenAPI documents of each release are looked up in $PODBOOK_OPENAPI_DIR/<minor>/,
then in .cache/openapi/, then downloaded from the Kubernetes repository (digest-checked).`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  update: boolean;
  format: 'pretty' | 'json';
  color: boolean;
  help: boolean;
}

function parse(args: string[]): Options {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        update: { type: 'boolean' },
        format: { type: 'string', default: 'pretty' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = String(values.format);
  if (format !== 'pretty' && format !== 'json')
    throw new UsageError(`--format must be pretty or json, not "${format}"`);
  const noColor = values['no-color'] === true || (process.env.NO_COLOR ?? '') !== '';
  const color = values.color === true ? true : noColor ? false : process.stdout.isTTY === true;
  return {
    paths: positionals.length > 0 ? positionals : ['content'],
    update: values.update === true,
    format,
    color,
    help: values.help === true,
  };
}

function failed(result: FilesCheck): boolean {
  return result.pages.some((p) => p.failures.length > 0);
}

export async function main(args: string[]): Promise<number> {
  let options: Options;
  let files: string[];
  try {
    options = parse(args);
    if (options.help) {
      console.log(HELP);
      return 0;
    }
    files = findPages(options.paths, process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof PageSearchError)) throw error;
    console.error(`podbook check: ${error.message}\n\n${HELP}`);
    return 2;
  }
  const { checkFiles, renderJson, renderPretty, SchemaSetupError } = await import('../../src/check/node/index.ts');
  let result: FilesCheck;
  try {
    result = await checkFiles(files, { update: options.update });
  } catch (error) {
    if (!(error instanceof SchemaSetupError || error instanceof PageSearchError)) throw error;
    console.error(`podbook check: ${error.message}`);
    return 2;
  }
  process.stdout.write(options.format === 'json' ? renderJson(result) : renderPretty(result, options));
  return failed(result) ? 1 : 0;
}
