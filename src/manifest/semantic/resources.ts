/**
 * Container resource requirements: pkg/apis/core/validation/validation.go validateResourceRequirements with
 * validateContainerResourceName, ValidateResourceQuantityValue and validateResourceClaimNames, using the
 * resource-name helpers of pkg/apis/core/helper/helpers.go.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  appendAll,
  duplicate,
  forbidden,
  goStr,
  goVerbatim,
  invalid,
  notFound,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { sortedKeys } from './go-value.ts';
import { asArray, asObject, asString } from './json-access.ts';
import { isDNS1123Label, isQualifiedName } from './name-rules.ts';
import {
  compareQuantities,
  isPositiveMultipleOf,
  milliValue,
  type Quantity,
  quantityFromJson,
  quantitySign,
  quantityString,
  tryParseQuantity,
} from './quantity.ts';
import { requestOverLimitDetail } from './version-rules.ts';

const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
  'requests.storage',
]);
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const INTEGER_RESOURCES = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

// helper.IsHugePageResourceName
function isHugePage(name: string): boolean {
  return name.startsWith('hugepages-');
}

// helper.IsNativeResource: no domain, or a kubernetes.io domain
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

// helper.IsExtendedResourceName
function isExtended(name: string): boolean {
  if (isNative(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

// helper.IsOvercommitAllowed
function isOvercommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePage(name);
}

// validateResourceName + validateContainerResourceName
function validateContainerResourceName(name: string, path: Path): ValidationFieldError[] {
  return containerResourceNameMessages(name).map((m) => invalid(path, goStr(name), m));
}

/** The messages depend on the name alone, and a manifest names the same few resources again and again. */
const resourceNameMessages = new Map<string, readonly string[]>();

function containerResourceNameMessages(name: string): readonly string[] {
  let messages = resourceNameMessages.get(name);
  if (messages === undefined) {
    messages = computeContainerResourceNameMessages(name);
    if (resourceNameMessages.size >= 256) resourceNameMessages.clear();
    resourceNameMessages.set(name, messages);
  }
  return messages;
}

function computeContainerResourceNameMessages(name: string): readonly string[] {
  const messages = isQualifiedName(name);
  if (
    messages.length === 0 &&
    !name.includes('/') &&
    !STANDARD_RESOURCES.has(name) &&
    !name.startsWith('hugepages-') &&
    !name.startsWith('requests.hugepages-')
  ) {
    messages.push('must be a standard resource type or fully qualified');
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePage(name)) {
      messages.push('must be a standard resource for containers');
    }
  } else if (!isNative(name) && !isExtended(name)) {
    messages.push("doesn't follow extended resource name standard");
  }
  return Object.freeze(messages);
}

// ValidateResourceQuantityValue: not negative; integer resources in whole units (printed via Quantity.String)
function validateQuantityValue(name: string, q: Quantity, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  if (quantitySign(q) < 0) errs.push(invalid(path, goStr(quantityString(q)), 'must be greater than or equal to 0'));
  if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && milliValue(q) % 1000n !== 0n) {
    errs.push(invalid(path, goVerbatim(quantityString(q), quantityString(q)), 'must be an integer'));
  }
  return errs;
}

// validateResourceQuantityHugePageValue: a positive whole number of pages
function hugePageError(name: string, q: Quantity, path: Path): ValidationFieldError[] {
  const page = tryParseQuantity(name.slice('hugepages-'.length));
  if (!page || quantitySign(page) <= 0) return [];
  if (isPositiveMultipleOf(q, page)) return [];
  return [invalid(path, goStr(quantityString(q)), `${quantityString(q)} is not positive integer multiple of ${name}`)];
}

function quantities(list: unknown): [string, Quantity][] {
  const o = asObject(list) ?? {};
  const out: [string, Quantity][] = [];
  // Go ranges over the ResourceList map in random order; the model uses sorted names.
  for (const k of sortedKeys(o)) {
    const q = quantityFromJson(o[k]);
    if (q) out.push([k, q]);
  }
  return out;
}

/** Validate `resources` of a container; `podClaimNames` are the names in spec.resourceClaims. */
// pkg/apis/core/validation/validation.go ValidateContainerResourceRequirements -> validateResourceRequirements
export function validateContainerResources(
  resources: unknown,
  podClaimNames: ReadonlySet<string>,
  path: Path,
  v: KubeVersion,
): ValidationFieldError[] {
  const r = asObject(resources);
  const errs: ValidationFieldError[] = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = new Map(quantities(r?.limits));
  let limCpuMem = false;
  let reqCpuMem = false;
  let limHuge = false;
  let reqHuge = false;
  for (const [name, q] of limits) {
    const p = limPath.key(name);
    appendAll(errs, validateContainerResourceName(name, p));
    appendAll(errs, validateQuantityValue(name, q, p));
    if (isHugePage(name)) {
      limHuge = true;
      appendAll(errs, hugePageError(name, q, p));
    }
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const [name, q] of quantities(r?.requests)) {
    const p = reqPath.key(name);
    appendAll(errs, validateContainerResourceName(name, p));
    appendAll(errs, validateQuantityValue(name, q, p));
    const limit = limits.get(name);
    if (limit) {
      const cmp = compareQuantities(q, limit);
      if (cmp !== 0 && !isOvercommitAllowed(name)) {
        errs.push(
          invalid(reqPath, goStr(quantityString(q)), requestOverLimitDetail('equal', name, quantityString(limit), v)),
        );
      } else if (cmp > 0) {
        errs.push(
          invalid(reqPath, goStr(quantityString(q)), requestOverLimitDetail('less', name, quantityString(limit), v)),
        );
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePage(name)) {
      reqHuge = true;
      appendAll(errs, hugePageError(name, q, p));
    }
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && (reqHuge || limHuge)) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  appendAll(errs, validateClaimNames(asArray(r?.claims), podClaimNames, path.child('claims')));
  return errs;
}

// validateResourceClaimNames
function validateClaimNames(claims: unknown[], podClaimNames: ReadonlySet<string>, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const names = new Set<string>();
  claims.forEach((c, i) => {
    const claim = asObject(c);
    const name = asString(claim?.name);
    const request = asString(claim?.request);
    if (name === '') {
      errs.push(required(path.index(i)));
      return;
    }
    if (names.has(name)) {
      errs.push(duplicate(path.index(i), goStr(name)));
    } else {
      let key = name;
      if (request !== '') {
        appendAll(
          errs,
          isDNS1123Label(request).map((m) => invalid(path.index(i).child('request'), goStr(request), m)),
        );
        key += `/${request}`;
      }
      names.add(key);
    }
    if (!podClaimNames.has(name)) {
      const listed = [...podClaimNames].sort();
      const detail = `must be one of the names in pod.spec.resourceClaims${listed.length === 0 ? ' which is empty' : `: ${listed.join(', ')}`}`;
      errs.push(notFound(path.index(i), goStr(name), detail));
    }
  });
  return errs;
}
