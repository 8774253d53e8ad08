/**
 * DNS fields of a pod spec: pkg/apis/core/validation/validation.go validateDNSPolicy, validatePodDNSConfig
 * and ValidateHostAliases.
 */
import type { KubeVersion } from '../../k8s/version/index.ts';
import {
  goStr,
  goStringSlice,
  goTyped,
  invalid,
  notSupported,
  required,
  type ValidationFieldError,
} from './field-error.ts';
import type { Path } from './field-path.ts';
import { utf8LongerThan } from './go-quote.ts';
import { asArray, asObject, asString, type JsonObject } from './json-access.ts';
import { isDNS1123Subdomain, isValidIP, maxLenError, regexError } from './name-rules.ts';

/** The order the Go code lists them in (not sorted). */
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

// validateDNSPolicy ("" never reaches users: defaulting sets ClusterFirst)
export function validateDNSPolicy(policy: string, path: Path, v: KubeVersion): ValidationFieldError[] {
  if (DNS_POLICIES.includes(policy)) return [];
  if (policy === '') return [required(path)];
  return [notSupported(path, goTyped(policy, v), DNS_POLICIES)];
}

const SUBDOMAIN_UNDERSCORE_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*';
const subdomainUnderscoreRe = new RegExp(`^${SUBDOMAIN_UNDERSCORE_FMT}$`);

// validation.IsDNS1123SubdomainWithUnderscore
function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (utf8LongerThan(value, 253)) errs.push(maxLenError(253));
  if (!subdomainUnderscoreRe.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
        SUBDOMAIN_UNDERSCORE_FMT,
        'example.com',
      ),
    );
  }
  return errs;
}

/** RelaxedDNSSearchValidation (alpha 1.32, beta on 1.33): search domains may hold '_' and be "." */
// validatePodDNSConfig
export function validatePodDNSConfig(spec: JsonObject, path: Path, v: KubeVersion): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  const config = asObject(spec.dnsConfig);
  const nameservers = asArray(config?.nameservers).map(asString);
  if (asString(spec.dnsPolicy) === 'None') {
    if (!config) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (nameservers.length === 0) {
      return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!config) return errs;
  if (nameservers.length > 3) {
    errs.push(
      invalid(path.child('nameservers'), goStringSlice(nameservers, v), 'must not have more than 3 nameservers'),
    );
  }
  nameservers.forEach((ns, i) => {
    for (const m of isValidIP(ns)) errs.push(invalid(path.child('nameservers').index(i), goStr(ns), m));
  });
  const searches = asArray(config.searches).map(asString);
  if (searches.length > 32) {
    errs.push(invalid(path.child('searches'), goStringSlice(searches, v), 'must not have more than 32 search paths'));
  }
  if (utf8LongerThan(searches.join(' '), 2048)) {
    errs.push(
      invalid(
        path.child('searches'),
        goStringSlice(searches, v),
        'must not have more than 2048 characters (including spaces) in the search list',
      ),
    );
  }
  searches.forEach((s, i) => {
    const p = path.child('searches').index(i);
    if (v.minor >= 33) {
      if (s !== '.') {
        const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
        for (const m of isDNS1123SubdomainWithUnderscore(trimmed)) errs.push(invalid(p, goStr(trimmed), m));
      }
    } else {
      const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
      for (const m of isDNS1123Subdomain(trimmed)) errs.push(invalid(p, goStr(trimmed), m));
    }
  });
  asArray(config.options).forEach((o, i) => {
    if (asString(asObject(o)?.name).length === 0)
      errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

// ValidateHostAliases
export function validateHostAliases(aliases: unknown, path: Path): ValidationFieldError[] {
  const errs: ValidationFieldError[] = [];
  asArray(aliases).forEach((a, i) => {
    const alias = asObject(a);
    const ip = asString(alias?.ip);
    for (const m of isValidIP(ip)) errs.push(invalid(path.index(i).child('ip'), goStr(ip), m));
    asArray(alias?.hostnames).forEach((h, j) => {
      const hostname = asString(h);
      for (const m of isDNS1123Subdomain(hostname))
        errs.push(invalid(path.index(i).child('hostnames').index(j), goStr(hostname), m));
    });
  });
  return errs;
}
