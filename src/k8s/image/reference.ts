/**
 * Container image references as Kubernetes parses them: the distribution reference grammar
 * (ParseNormalizedNamed and its digest checks), pkg/util/parsers ParseImageName, and the kubelet's
 * applyDefaultImageTag. Parse failures are ordinary results in Kubernetes (they become events and waiting
 * reasons), so these functions return `{ ok: false, error }` with the upstream message instead of throwing.
 *
 * Two generations of the parser were vendored in 1.23..1.35:
 *  - 1.23..1.28: github.com/docker/distribution/reference (v2.7/v2.8): no IPv6 hosts, an uppercase first
 *    path component is never a domain, the lowercase error does not name the repository, and the 255-character
 *    limit applies to the whole name (domain included).
 *  - 1.29..1.35: github.com/distribution/reference (v0.5.0 added in CHANGELOG-1.29, v0.6.0 later): IPv6 hosts
 *    in brackets, an uppercase first component is a domain, `repository name (library/NGINX) must be lowercase`,
 *    and the limit applies to the path only.
 */
import type { KubeVersion } from '../version/index.ts';

/** Which vendored reference library a Kubernetes release parses image names with. */
export type ReferenceLibrary = 'docker/distribution' | 'distribution/reference';

// CHANGELOG-1.29 "Dependencies / Added: github.com/distribution/reference v0.5.0" (docker/distribution before).
export function referenceLibraryFor(version: KubeVersion): ReferenceLibrary {
  return version.minor >= 29 ? 'distribution/reference' : 'docker/distribution';
}

/** A parsed, normalized reference (the Named value of the Go library). */
export interface NamedReference {
  /** `domain/path`, e.g. `docker.io/library/nginx` (Named.Name()). */
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  /** The tag when one was written (no default applied here). */
  readonly tag?: string;
  /** `algorithm:hex` when a digest was written. */
  readonly digest?: string;
}

export type ParseResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: string };

// ---------------------------------------------------------------------------------------------------------
// Grammar. Both generations are written with the same helpers as regexp.go (optional/anyTimes/capture/anchored).
// The old separator `[-]*` may match the empty string; `[-]+` accepts exactly the same names and captures,
// and avoids exponential backtracking in a backtracking (JavaScript) regexp engine.
// ---------------------------------------------------------------------------------------------------------

const optional = (...res: string[]): string => `(?:${res.join('')})?`;
const anyTimes = (...res: string[]): string => `(?:${res.join('')})*`;
const capture = (...res: string[]): string => `(${res.join('')})`;
const anchored = (...res: string[]): string => `^${res.join('')}$`;

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = domainNameComponent + anyTimes('\\.', domainNameComponent);
const pathComponent = alphanumeric + anyTimes(separator, alphanumeric);
const remoteName = pathComponent + anyTimes('/', pathComponent);

interface Grammar {
  readonly reference: RegExp;
  readonly anchoredName: RegExp;
}

function grammar(domainAndPort: string): Grammar {
  const namePat = optional(domainAndPort, '/') + remoteName;
  return {
    reference: new RegExp(
      anchored(capture(namePat), optional(':', capture(tagPat)), optional('@', capture(digestPat))),
    ),
    anchoredName: new RegExp(anchored(optional(capture(domainAndPort), '/'), capture(remoteName))),
  };
}

// distribution/reference regexp.go: host = domainName | ipv6address, then an optional port.
const MODERN = grammar(`(?:${domainName}|${ipv6address})${optionalPort}`);
// docker/distribution reference/regexp.go: DomainRegexp has no IPv6 form.
const LEGACY = grammar(domainName + optionalPort);
const ANCHORED_IDENTIFIER = /^([a-f0-9]{64})$/;

/** RepositoryNameTotalLengthMax / NameTotalLengthMax in reference.go. */
export const NAME_TOTAL_LENGTH_MAX = 255;

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';

const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format';
const ERR_NAME_EMPTY = 'repository name must have at least one component';
const ERR_NAME_NOT_CANONICAL = 'repository name must be canonical';
const ERR_NAME_CONTAINS_UPPERCASE = 'repository name must be lowercase';
const ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;

// ---------------------------------------------------------------------------------------------------------
// github.com/opencontainers/go-digest v1.0.0 (vendored by every release in range): Digest.Validate.
// Kubernetes links crypto/sha256 and crypto/sha512, so sha256, sha384 and sha512 are available.
// ---------------------------------------------------------------------------------------------------------

const ERR_DIGEST_INVALID_FORMAT = 'invalid checksum digest format';
const ERR_DIGEST_INVALID_LENGTH = 'invalid checksum digest length';
const ERR_DIGEST_UNSUPPORTED = 'unsupported digest algorithm';

/** Hex length of each available algorithm (algorithm.go: Size()*2). */
export const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
const DIGEST_REGEXP_ANCHORED = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

// go-digest digest.go (Digest).Validate and algorithm.go (Algorithm).Validate
export function validateDigest(digest: string): string | undefined {
  const i = digest.indexOf(':');
  if (i <= 0 || i + 1 === digest.length) return ERR_DIGEST_INVALID_FORMAT;
  const algorithm = digest.slice(0, i);
  const encoded = digest.slice(i + 1);
  const hexLength = Object.hasOwn(DIGEST_HEX_LENGTH, algorithm) ? DIGEST_HEX_LENGTH[algorithm] : undefined;
  if (hexLength === undefined) {
    return DIGEST_REGEXP_ANCHORED.test(digest) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT;
  }
  if (encoded.length !== hexLength) return ERR_DIGEST_INVALID_LENGTH;
  return /^[a-f0-9]+$/.test(encoded) ? undefined : ERR_DIGEST_INVALID_FORMAT;
}

// ---------------------------------------------------------------------------------------------------------
// normalize.go / reference.go
// ---------------------------------------------------------------------------------------------------------

// distribution/reference normalize.go splitDockerDomain (v0.5+: an uppercase first component is a domain)
function splitDockerDomainModern(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash === -1) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

// docker/distribution reference/normalize.go splitDockerDomain (v2.x)
function splitDockerDomainLegacy(name: string): [string, string] {
  const slash = name.indexOf('/');
  let domain: string;
  let remainder: string;
  if (slash === -1 || (!/[.:]/.test(name.slice(0, slash)) && name.slice(0, slash) !== 'localhost')) {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  } else {
    [domain, remainder] = [name.slice(0, slash), name.slice(slash + 1)];
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return [domain, remainder];
}

// reference.go Parse (called by ParseNormalizedNamed with "domain/remainder", never empty)
function parse(s: string, library: ReferenceLibrary): ParseResult<{ ref: NamedReference }> {
  if (s === '') return { ok: false, error: ERR_NAME_EMPTY };
  const g = library === 'distribution/reference' ? MODERN : LEGACY;
  const matches = g.reference.exec(s);
  if (!matches) {
    const lower = s.toLowerCase();
    if (lower !== s && g.reference.test(lower)) return { ok: false, error: ERR_NAME_CONTAINS_UPPERCASE };
    return { ok: false, error: ERR_REFERENCE_INVALID_FORMAT };
  }
  const name = matches[1] ?? '';
  const nameMatch = g.anchoredName.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch ? (nameMatch[2] ?? '') : name;
  // v0.5+ limits the path; v2.x limited the whole name, domain included.
  const measured = library === 'distribution/reference' ? path : name;
  if (measured.length > NAME_TOTAL_LENGTH_MAX) return { ok: false, error: ERR_NAME_TOO_LONG };
  const tag = matches[2];
  const digest = matches[3];
  if (digest) {
    const digestError = validateDigest(digest);
    if (digestError) return { ok: false, error: digestError };
  }
  return {
    ok: true,
    ref: {
      name: domain ? `${domain}/${path}` : path,
      domain,
      path,
      ...(tag ? { tag } : {}),
      ...(digest ? { digest } : {}),
    },
  };
}

/**
 * ParseNormalizedNamed: a familiar name (`nginx`, `user/app:1`) to a fully qualified reference
 * (`docker.io/library/nginx`). `library` picks the vendored generation (see referenceLibraryFor).
 */
// distribution/reference normalize.go ParseNormalizedNamed (and docker/distribution reference/normalize.go)
export function parseNormalizedNamed(
  s: string,
  library: ReferenceLibrary = 'distribution/reference',
): ParseResult<{ ref: NamedReference }> {
  if (typeof s !== 'string') throw new TypeError(`an image reference must be a string, got ${typeof s}`);
  if (ANCHORED_IDENTIFIER.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const modern = library === 'distribution/reference';
  const [domain, remainder] = modern ? splitDockerDomainModern(s) : splitDockerDomainLegacy(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    const error = modern
      ? `invalid reference format: repository name (${remote}) must be lowercase`
      : 'invalid reference format: repository name must be lowercase';
    return { ok: false, error };
  }
  return parse(`${domain}/${remainder}`, library);
}

/** ParseNamed: like parseNormalizedNamed, but the input must already be the full canonical form. */
// distribution/reference reference.go ParseNamed
export function parseNamed(
  s: string,
  library: ReferenceLibrary = 'distribution/reference',
): ParseResult<{ ref: NamedReference }> {
  const parsed = parseNormalizedNamed(s, library);
  if (parsed.ok && formatReference(parsed.ref) !== s) return { ok: false, error: ERR_NAME_NOT_CANONICAL };
  return parsed;
}

/** String() of the parsed reference: `name[:tag][@digest]`. */
export function formatReference(ref: NamedReference): string {
  return ref.name + (ref.tag ? `:${ref.tag}` : '') + (ref.digest ? `@${ref.digest}` : '');
}

/** FamiliarString: the short form Docker prints (`nginx:1.25` for `docker.io/library/nginx:1.25`). */
// distribution/reference normalize.go familiarizeName
export function familiarName(ref: NamedReference): string {
  let path = ref.path;
  let domain = ref.domain;
  if (domain === DEFAULT_DOMAIN) {
    domain = '';
    const rest = path.startsWith(OFFICIAL_REPO_PREFIX) ? path.slice(OFFICIAL_REPO_PREFIX.length) : undefined;
    if (rest !== undefined && !rest.includes('/')) path = rest;
  }
  return formatReference({ ...ref, name: domain ? `${domain}/${path}` : path });
}

// ---------------------------------------------------------------------------------------------------------
// Kubernetes callers
// ---------------------------------------------------------------------------------------------------------

/** pkg/util/parsers DefaultImageTag */
export const DEFAULT_IMAGE_TAG = 'latest';

export interface ImageName {
  /** Named.Name(), e.g. `docker.io/library/nginx` */
  readonly repo: string;
  /** The written tag, or `latest` when neither a tag nor a digest was written; `''` when only a digest was. */
  readonly tag: string;
  /** `algorithm:hex` or `''` */
  readonly digest: string;
}

/**
 * ParseImageName: repo, tag and digest, with tag `latest` only when neither a tag nor a digest was written.
 * The error wording changed in 1.28 (kubernetes PR #116231) from `couldn't parse image name: <err>` to
 * `couldn't parse image name "<image>": <err>`.
 */
// pkg/util/parsers/parsers.go ParseImageName
export function parseImageName(image: string, version: KubeVersion): ParseResult<ImageName> {
  // Results depend on the minor only (library and wording); pods name the same few images again and again.
  let byImage = imageNamesByMinor.get(version.minor);
  if (byImage === undefined) {
    byImage = new Map();
    imageNamesByMinor.set(version.minor, byImage);
  }
  let result = byImage.get(image);
  if (result === undefined) {
    result = parseImageNameUncached(image, version);
    if (byImage.size >= IMAGE_NAME_CACHE_LIMIT) byImage.clear();
    byImage.set(image, result);
  }
  return result;
}

/** parseImageName results (immutable) per minor, then per image. */
const imageNamesByMinor = new Map<number, Map<string, ParseResult<ImageName>>>();
const IMAGE_NAME_CACHE_LIMIT = 256;

function parseImageNameUncached(image: string, version: KubeVersion): ParseResult<ImageName> {
  const parsed = parseNormalizedNamed(image, referenceLibraryFor(version));
  if (!parsed.ok) {
    const error =
      version.minor >= 28
        ? `couldn't parse image name ${goQuote(image)}: ${parsed.error}`
        : `couldn't parse image name: ${parsed.error}`;
    return { ok: false, error };
  }
  const tag = parsed.ref.tag ?? '';
  const digest = parsed.ref.digest ?? '';
  return { ok: true, repo: parsed.ref.name, tag: tag === '' && digest === '' ? DEFAULT_IMAGE_TAG : tag, digest };
}

/**
 * The kubelet's applyDefaultImageTag: the image string handed to the runtime, with `:latest` appended when
 * neither a tag nor a digest was written (the name itself is not normalized). On failure the kubelet records
 * a Warning InspectFailed event `Failed to apply default image tag "<image>": <error>` and the container
 * waits with reason InvalidImageName (see defaultImageTagFailure).
 */
// pkg/kubelet/images/image_manager.go applyDefaultImageTag
export function applyDefaultImageTag(image: string, version: KubeVersion): ParseResult<{ image: string }> {
  if (version.minor <= 27) {
    // Before PR #116231 (1.28) the kubelet called ParseNormalizedNamed itself and wrapped the error.
    const parsed = parseNormalizedNamed(image, referenceLibraryFor(version));
    if (!parsed.ok) return { ok: false, error: `couldn't parse image reference ${goQuote(image)}: ${parsed.error}` };
    const bare = parsed.ref.tag === undefined && parsed.ref.digest === undefined;
    return { ok: true, image: bare ? `${image}:${DEFAULT_IMAGE_TAG}` : image };
  }
  const parsed = parseImageName(image, version);
  if (!parsed.ok) return parsed;
  const append = parsed.digest === '' && parsed.tag !== '' && !image.endsWith(`:${parsed.tag}`);
  return { ok: true, image: append ? `${image}:${parsed.tag}` : image };
}

/** What the kubelet reports when applyDefaultImageTag fails (EnsureImageExists' first step). */
export interface DefaultImageTagFailure {
  /** The container's waiting reason (images.ErrInvalidImageName). */
  readonly reason: 'InvalidImageName';
  /** The waiting message, identical to the event message. */
  readonly message: string;
  readonly event: { readonly type: 'Warning'; readonly reason: 'InspectFailed'; readonly message: string };
}

// pkg/kubelet/images/image_manager.go (imageManager).EnsureImageExists: "Failed to apply default image tag %q: %v"
export function defaultImageTagFailure(image: string, error: string): DefaultImageTagFailure {
  const message = `Failed to apply default image tag ${goQuote(image)}: ${error}`;
  return { reason: 'InvalidImageName', message, event: { type: 'Warning', reason: 'InspectFailed', message } };
}

/** Go's `%q` of a string (strconv.Quote): double quotes, backslash escapes for quotes and non-printables. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (GO_SHORT_ESCAPES[ch] !== undefined) out += GO_SHORT_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if ((code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029 || code === 0xfeff)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const GO_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};
