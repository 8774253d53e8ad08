/**
 * The string checks of staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and
 * pkg/api/validation/generic.go. Each returns the list of messages Go returns, in Go's order. Lengths are in
 * bytes of UTF-8, as Go's len() counts them.
 */
import { codePoints, utf8LongerThan } from './go-quote.ts';

// validation.MaxLenError
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

// validation.RegexError
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += ' or ';
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

// validation.EmptyError
export function emptyError(): string {
  return 'must be non-empty';
}

// validation.InclusiveRangeError
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

const dns1035LabelRe = new RegExp(`^${DNS1035_LABEL_FMT}$`);

// The formats above are matched by hand: these checks run for every name, label and key of every object, and a
// loop over the characters is several times faster than the regular expression (and means exactly the same).

function isLowerAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isAlphanumeric(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** DNS1123_LABEL_FMT over value[start, end). */
function matchesLabelSpan(value: string, start: number, end: number): boolean {
  if (end <= start) return false;
  if (!isLowerAlphanumeric(value.charCodeAt(start)) || !isLowerAlphanumeric(value.charCodeAt(end - 1))) return false;
  for (let i = start + 1; i < end - 1; i++) {
    const c = value.charCodeAt(i);
    if (c !== 45 && !isLowerAlphanumeric(c)) return false; // '-'
  }
  return true;
}

/** ^DNS1123_LABEL_FMT$ */
function matchesDNS1123Label(value: string): boolean {
  return matchesLabelSpan(value, 0, value.length);
}

/** ^DNS1123_SUBDOMAIN_FMT$: labels joined by single dots. */
function matchesDNS1123Subdomain(value: string): boolean {
  let start = 0;
  for (;;) {
    const dot = value.indexOf('.', start);
    const end = dot < 0 ? value.length : dot;
    if (!matchesLabelSpan(value, start, end)) return false;
    if (dot < 0) return true;
    start = dot + 1;
  }
}

/** ^QUALIFIED_NAME_FMT$: alphanumeric at both ends, `-`, `_` or `.` allowed between. */
function matchesQualifiedName(value: string): boolean {
  const n = value.length;
  if (n === 0 || !isAlphanumeric(value.charCodeAt(0)) || !isAlphanumeric(value.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = value.charCodeAt(i);
    if (c !== 45 && c !== 95 && c !== 46 && !isAlphanumeric(c)) return false; // '-', '_', '.'
  }
  return true;
}

/** IsDNS1123Label's detail for a valid subdomain that is not a label (see version-rules dnsLabelSaysDots). */
export const DNS1123_LABEL_DOTS = 'must not contain dots';

/** IsDNS1123Label's regex message. */
export function dns1123LabelRegexMessage(): string {
  return regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc');
}

// validation.IsDNS1123Label
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8LongerThan(value, 63)) errs.push(maxLenError(63));
  if (!matchesDNS1123Label(value)) {
    // a valid subdomain that is not a label can only differ by its dots
    if (matchesDNS1123Subdomain(value)) errs.push(DNS1123_LABEL_DOTS);
    else errs.push(dns1123LabelRegexMessage());
  }
  return errs;
}

// validation.IsDNS1123Subdomain
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8LongerThan(value, 253)) errs.push(maxLenError(253));
  if (!matchesDNS1123Subdomain(value))
    errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

// validation.IsDNS1035Label
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8LongerThan(value, 63)) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

// validation.IsQualifiedName (util/validation before the `content` package split)
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const slash = value.indexOf('/');
  let name = '';
  if (slash < 0) {
    name = value;
  } else if (value.indexOf('/', slash + 1) < 0) {
    const prefix = value.slice(0, slash);
    name = value.slice(slash + 1);
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (utf8LongerThan(name, 63)) errs.push(`name part ${maxLenError(63)}`);
  if (!matchesQualifiedName(name)) {
    errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

// validation.IsValidLabelValue
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8LongerThan(value, 63)) errs.push(maxLenError(63));
  if (value !== '' && !matchesQualifiedName(value))
    errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

// validation.IsValidPortNum
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

// validation.IsValidPortName
const portNameCharsRe = /^[-a-z0-9]+$/;
const portNameLetterRe = /[a-z]/;

export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (utf8LongerThan(port, 15)) errs.push(maxLenError(15));
  if (!portNameCharsRe.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!portNameLetterRe.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

// validation.IsValidUserID / IsValidGroupID
export function isValidUnixID(id: number): string[] {
  return id >= 0 && id <= 0xffffffff ? [] : [inclusiveRangeError(0, 0xffffffff)];
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

const envVarNameRe = new RegExp(`^${ENV_VAR_NAME_FMT}$`);

// validation.IsEnvVarName
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarNameRe.test(value)) {
    errs.push(regexError(ENV_VAR_NAME_MSG, ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

// validation.IsRelaxedEnvVarName: printable ASCII other than '='
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`);
  for (const r of codePoints(value)) {
    if (r > 0x7f || r < 0x20 || r === 0x7f || r === 0x3d) {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';

const configMapKeyRe = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

// validation.IsConfigMapKey
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (utf8LongerThan(value, 253)) errs.push(maxLenError(253));
  if (!configMapKeyRe.test(value)) {
    errs.push(
      regexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        CONFIG_MAP_KEY_FMT,
        'key.name',
        'KEY_NAME',
        'key-name',
      ),
    );
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

const HTTP_HEADER_NAME_FMT = '[-A-Za-z0-9]+';

const httpHeaderNameRe = new RegExp(`^${HTTP_HEADER_NAME_FMT}$`);

// validation.IsHTTPHeaderName
export function isHTTPHeaderName(value: string): string[] {
  if (httpHeaderNameRe.test(value)) return [];
  return [
    regexError(
      "a valid HTTP header must consist of alphanumeric characters or '-'",
      HTTP_HEADER_NAME_FMT,
      'X-Header-Name',
    ),
  ];
}

// apimachinery/pkg/api/validation maskTrailingDash: Go drops the last two bytes and appends "a"
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

// apimachinery/pkg/api/validation NameIsDNSSubdomain
export function nameIsDNSSubdomain(name: string, prefix: boolean): string[] {
  return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
}

// apimachinery/pkg/api/validation NameIsDNSLabel
export function nameIsDNSLabel(name: string, prefix: boolean): string[] {
  return isDNS1123Label(prefix ? maskTrailingDash(name) : name);
}

// validation.IsValidIP (the message common to 1.23–1.35 for unparsable addresses)
export function isValidIP(value: string): string[] {
  return parseIP(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

function parseIP(value: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (v4) return v4.slice(1).every((p) => Number(p) <= 255 && !(p.length > 1 && p.startsWith('0')));
  if (!value.includes(':') || !/^[0-9a-fA-F:.]+$/.test(value)) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const v4Tail = last.includes('.');
  if (v4Tail && !parseIP(last)) return false;
  const hexGroups = v4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}
