/**
 * `podbook validate <file...>`: every object of every file through src/manifest's pipeline, printed as a compiler
 * (pretty), as `kubectl apply -f` would (kubectl), or as JSON.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KubeVersionError, kubeVersion, NEWEST_MINOR } from '../../src/k8s/version/index.ts';
import { renderReportKubectl, renderReportPretty, reportJson } from '../../src/manifest/render/index.ts';
import { SchemaPackError } from '../../src/manifest/schema/index.ts';
import { loadSchemaPack } from '../../src/manifest/schema/node/index.ts';
import type { FieldValidation } from '../../src/manifest/structural/index.ts';
import { type ManifestReport, validateManifests } from '../../src/manifest/validate.ts';

export const HELP = `usage: podbook validate <file...> [options]

Validates Kubernetes manifests (YAML, several documents per file) the way a cluster would on
\`kubectl apply -f\`: YAML decoding as Kubernetes does it, strict field and type checks from the
OpenAPI schema of that release, defaulting, then the apiserver's validation rules for Pods and
for pod templates in Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs.
Other kinds get the structural checks only, and the output says so.

arguments:
  <file...>            manifest files; - reads standard input

options:
  --k8s <version>      the cluster's Kubernetes version, 1.23 to 1.${NEWEST_MINOR} (default 1.${NEWEST_MINOR})
  --format <f>         pretty (default): file:line:col, the message, the source line and a caret
                       kubectl: what kubectl apply -f prints
                       json: one record per problem, with positions
  --validate <mode>    kubectl's field validation: strict (default), warn or ignore
  --color / --no-color colour in pretty output (default: when standard output is a terminal)
  -h, --help           this help

exit status: 0 all valid, 1 any invalid, 2 usage error or unreadable input.

schemas: the OpenAPI documents of the release are looked up in $PODBOOK_OPENAPI_DIR/<minor>/,
then in .cache/openapi/, then downloaded from the Kubernetes repository (digest-checked).`;

type Format = 'pretty' | 'kubectl' | 'json';

class UsageError extends Error {}

interface Parsed {
  files: string[];
  minor: string;
  format: Format;
  fieldValidation: FieldValidation;
  color: boolean;
  help: boolean;
}

function parse(args: string[]): Parsed {
  let values: ReturnType<typeof parseArgs>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        k8s: { type: 'string', default: `1.${NEWEST_MINOR}` },
        format: { type: 'string', default: 'pretty' },
        validate: { type: 'string', default: 'strict' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = String(values.format);
  if (!['pretty', 'kubectl', 'json'].includes(format)) {
    throw new UsageError(`--format must be pretty, kubectl or json, not "${format}"`);
  }
  const mode = String(values.validate).toLowerCase();
  const modes: Record<string, FieldValidation> = { strict: 'Strict', warn: 'Warn', ignore: 'Ignore', false: 'Ignore' };
  const fieldValidation = modes[mode];
  if (!fieldValidation) throw new UsageError(`--validate must be strict, warn or ignore, not "${values.validate}"`);
  const color = values['no-color'] ? false : values.color ? true : process.stdout.isTTY === true;
  return {
    files: positionals,
    minor: String(values.k8s),
    format: format as Format,
    fieldValidation,
    color,
    help: values.help === true,
  };
}

function readInput(file: string): Uint8Array {
  try {
    return file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

function printPretty(report: ManifestReport, text: string, color: boolean, version: string): void {
  const out = renderReportPretty(report, text, { color });
  if (out) process.stdout.write(`${out}\n`);
  for (const o of report.objects) {
    for (const w of o.warnings) console.log(`${report.filename}: warning: ${w}`);
    if (!o.semanticModelled && !o.kindError && o.errors.length === 0) {
      console.log(
        `${report.filename}: note: ${o.kind} "${o.name}": structural checks only (its apiserver validation is not modelled)`,
      );
    }
  }
  const problems = report.sourceErrors.length + report.objects.reduce((n, o) => n + o.errors.length, 0);
  const objects = report.objects.length;
  const summary = report.valid
    ? `✔ ${report.filename}: ${objects} object${objects === 1 ? '' : 's'} valid for Kubernetes ${version}`
    : `✘ ${report.filename}: ${problems} problem${problems === 1 ? '' : 's'} (Kubernetes ${version})`;
  console.log(summary);
}

function printKubectl(report: ManifestReport): void {
  if (report.sourceErrors.length === 0) {
    for (const o of report.objects) {
      if (o.errors.length === 0) console.log(`${resourceName(o.apiVersion, o.kind)}/${o.name} created`);
    }
  }
  process.stdout.write(renderReportKubectl(report));
}

/** kubectl's `<resource>.<group>/<name>` form of the object reference (`pod`, `deployment.apps`, `job.batch`). */
function resourceName(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

export async function main(args: string[]): Promise<number> {
  let options: Parsed;
  try {
    options = parse(args);
    if (options.help) {
      console.log(HELP);
      return 0;
    }
    if (options.files.length === 0) throw new UsageError('no files given (use - for standard input)');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`podbook validate: ${error.message}\n\n${HELP}`);
    return 2;
  }
  let version: ReturnType<typeof kubeVersion>;
  try {
    version = kubeVersion(options.minor);
  } catch (error) {
    if (!(error instanceof KubeVersionError)) throw error;
    console.error(`podbook validate: --k8s: ${error.message}`);
    return 2;
  }
  let pack: Awaited<ReturnType<typeof loadSchemaPack>>;
  try {
    pack = await loadSchemaPack(version.minor);
  } catch (error) {
    if (!(error instanceof SchemaPackError)) throw error;
    console.error(`podbook validate: ${error.message}`);
    return 2;
  }
  const label = `1.${version.minor}`;
  let invalid = false;
  const json: { file: string; valid: boolean; objects: number; diagnostics: unknown[] }[] = [];
  for (const file of options.files) {
    let bytes: Uint8Array;
    try {
      bytes = readInput(file);
    } catch (error) {
      console.error(`podbook validate: ${(error as Error).message}`);
      return 2;
    }
    const filename = file === '-' ? '<stdin>' : file;
    const report = validateManifests(bytes, { version, pack, filename, fieldValidation: options.fieldValidation });
    invalid ||= !report.valid;
    if (options.format === 'json') {
      json.push({
        file: filename,
        valid: report.valid,
        objects: report.objects.length,
        diagnostics: reportJson(report),
      });
    } else if (options.format === 'kubectl') {
      printKubectl(report);
    } else {
      printPretty(report, new TextDecoder().decode(bytes), options.color, label);
    }
  }
  if (options.format === 'json') console.log(JSON.stringify({ k8s: label, files: json }, null, 2));
  return invalid ? 1 : 0;
}
