/**
 * `podbook explain FIELD --k8s MINOR [--kubectl MINOR]`: what that kubectl prints for `kubectl explain FIELD`
 * against an apiserver of that release (which serves the enum values and their "Possible enum values" text).
 */
import { parseArgs } from 'node:util';
import { KubeVersionError, NEWEST_MINOR, parseMinor } from '../../src/k8s/version/index.ts';
import { explainText } from '../../src/manifest/explain.ts';
import { ExplainError, SchemaPackError } from '../../src/manifest/schema/index.ts';
import { loadSchemaPack } from '../../src/manifest/schema/node/index.ts';

export const HELP = `usage: podbook explain <resource[.field...]> [options]

Prints exactly what \`kubectl explain <resource[.field...]>\` prints, for a kubectl of one release talking to an
apiserver of another: the old layout of kubectl 1.26 and earlier, the template of 1.27+, the ENUM block of 1.30+.

options:
  --k8s <version>          the apiserver's Kubernetes version, 1.23 to 1.${NEWEST_MINOR} (default 1.${NEWEST_MINOR})
  --kubectl <version>      the kubectl version (default: the same as --k8s)
  --api-version <g/v>      like kubectl's --api-version, e.g. apps/v1
  -h, --help               this help

exit status: 0 printed, 1 no such resource or field (kubectl's message on stderr), 2 usage error.`;

class UsageError extends Error {}

export async function main(args: string[]): Promise<number> {
  let field: string;
  let apiserver: number;
  let kubectl: number;
  let apiVersion: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        k8s: { type: 'string', default: `1.${NEWEST_MINOR}` },
        kubectl: { type: 'string' },
        'api-version': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError('give exactly one resource or field, e.g. pod.spec.restartPolicy');
    field = positionals[0] as string;
    apiserver = parseMinor(values.k8s as string);
    kubectl = parseMinor((values.kubectl as string | undefined) ?? (values.k8s as string));
    apiVersion = values['api-version'] as string | undefined;
  } catch (error) {
    if (
      !(
        error instanceof UsageError ||
        error instanceof KubeVersionError ||
        (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      )
    )
      throw error;
    console.error(`podbook explain: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  try {
    const pack = await loadSchemaPack(apiserver);
    process.stdout.write(explainText(pack, field, { kubectlMinor: kubectl, ...(apiVersion ? { apiVersion } : {}) }));
    return 0;
  } catch (error) {
    if (error instanceof ExplainError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof SchemaPackError) {
      console.error(`podbook explain: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
