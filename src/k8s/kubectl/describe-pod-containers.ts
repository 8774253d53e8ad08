/**
 * The Init Containers / Containers / Ephemeral Containers sections of `kubectl describe pod`: per container its
 * ID, image, ports, command, state, resources, probes, environment and mounts.
 * Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go describeContainers and the functions it calls
 * (named per rule below).
 */
import { canonicalQuantity } from '../defaults/quantity.ts';
import { formatRFC1123Z, ZERO_TIME_RFC1123Z } from '../util/go-time.ts';
import {
  boolAt,
  DescribePodError,
  intAt,
  type JsonRecord,
  objectAt,
  objectsAt,
  sortGoStrings,
  stringsAt,
  textAt,
  timeAt,
} from './describe-input.ts';
import { fieldRefValue, resourceFieldRefValue } from './describe-pod-env.ts';
import { sortSlice } from './describe-pod-fields.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './describe-writer.ts';

/** PR #113284 (CHANGELOG-1.27): pod and container seccomp profiles are shown. */
export const SECCOMP_PROFILE_SINCE = 27;

/** What the container printers need besides the writer. */
export interface ContainerContext {
  readonly pod: JsonRecord;
  readonly kubectlMinor: number;
  readonly utcOffsetMinutes: number;
}

// describe.go describeContainers: statuses are matched to containers by name
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: readonly JsonRecord[],
  statuses: readonly JsonRecord[],
  path: string,
  ctx: ContainerContext,
): void {
  const byName = new Map<string, JsonRecord>();
  for (const status of statuses) byName.set(textAt(status, 'name', 'status'), status);
  // describe.go describeContainersLabel
  w.write(LEVEL_0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  containers.forEach((container, i) => {
    const containerPath = `${path}[${i}]`;
    const status = byName.get(textAt(container, 'name', containerPath));
    describeContainerBasicInfo(w, container, status, containerPath, ctx);
    describeContainerCommand(w, container, containerPath);
    if (status) describeContainerState(w, status, ctx);
    describeResources(w, objectAt(container, 'resources', containerPath), LEVEL_2, `${containerPath}.resources`);
    describeContainerProbe(w, container, containerPath);
    if (objectsAt(container, 'envFrom', containerPath).length > 0)
      describeContainerEnvFrom(w, container, containerPath);
    describeContainerEnvVars(w, container, containerPath, ctx);
    describeContainerVolumes(w, container, containerPath, ctx);
  });
}

// describe.go describeContainerBasicInfo
function describeContainerBasicInfo(
  w: PrefixWriter,
  container: JsonRecord,
  status: JsonRecord | undefined,
  path: string,
  ctx: ContainerContext,
): void {
  w.write(LEVEL_1, `${textAt(container, 'name', path)}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${textAt(status, 'containerID', 'status')}\n`);
  w.write(LEVEL_2, `Image:\t${textAt(container, 'image', path)}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${textAt(status, 'imageID', 'status')}\n`);
  // describeContainerPorts / describeContainerHostPorts: "80/TCP (http)", joined by ", "; hostPort 0 prints as 0
  const ports = objectsAt(container, 'ports', path);
  const portText = (field: 'containerPort' | 'hostPort') =>
    ports
      .map((p, i) => {
        const text = `${intAt(p, field, `${path}.ports[${i}]`) ?? 0}/${textAt(p, 'protocol', `${path}.ports[${i}]`)}`;
        const name = textAt(p, 'name', `${path}.ports[${i}]`);
        return name ? `${text} (${name})` : text;
      })
      .join(', ');
  const containerPorts = portText('containerPort');
  if (containerPorts.includes(',')) w.write(LEVEL_2, `Ports:\t${containerPorts}\n`);
  else w.write(LEVEL_2, `Port:\t${containerPorts || '<none>'}\n`);
  const hostPorts = portText('hostPort');
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${hostPorts || '<none>'}\n`);
  const seccomp = objectAt(objectAt(container, 'securityContext', path), 'seccompProfile', `${path}.securityContext`);
  if (seccomp && ctx.kubectlMinor >= SECCOMP_PROFILE_SINCE) {
    const type = textAt(seccomp, 'type', `${path}.securityContext.seccompProfile`);
    w.write(LEVEL_2, `SeccompProfile:\t${type}\n`);
    if (type === 'Localhost') {
      w.write(LEVEL_3, `LocalhostProfile:\t${textAt(seccomp, 'localhostProfile', 'seccompProfile')}\n`);
    }
  }
}

// describe.go describeContainerCommand: one line per line of each argument
function describeContainerCommand(w: PrefixWriter, container: JsonRecord, path: string): void {
  for (const [field, title] of [
    ['command', 'Command'],
    ['args', 'Args'],
  ] as const) {
    const values = stringsAt(container, field, path);
    if (values.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const value of values) for (const line of value.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

// describe.go describeContainerState: State, Last State (only a terminated one), Ready, Restart Count
function describeContainerState(w: PrefixWriter, status: JsonRecord, ctx: ContainerContext): void {
  describeStatus(w, 'State', objectAt(status, 'state', 'status') ?? {}, ctx);
  const last = objectAt(status, 'lastState', 'status') ?? {};
  if (objectAt(last, 'terminated', 'status.lastState')) describeStatus(w, 'Last State', last, ctx);
  w.write(LEVEL_2, `Ready:\t${boolAt(status, 'ready', 'status') ? 'True' : 'False'}\n`);
  w.write(LEVEL_2, `Restart Count:\t${intAt(status, 'restartCount', 'status') ?? 0}\n`);
}

// metav1.Time.Format(time.RFC1123Z) in kubectl's local zone; an unset time is Go's zero time (in UTC)
function describeTime(seconds: number | undefined, ctx: ContainerContext): string {
  return seconds === undefined ? ZERO_TIME_RFC1123Z : formatRFC1123Z(seconds, ctx.utcOffsetMinutes);
}

// describe.go describeStatus: running, else waiting, else terminated, else (no state at all) Waiting
function describeStatus(w: PrefixWriter, stateName: string, state: JsonRecord, ctx: ContainerContext): void {
  const running = objectAt(state, 'running', stateName);
  const waiting = objectAt(state, 'waiting', stateName);
  const terminated = objectAt(state, 'terminated', stateName);
  if (running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${describeTime(timeAt(running, 'startedAt', stateName), ctx)}\n`);
  } else if (waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    const reason = textAt(waiting, 'reason', stateName);
    if (reason !== '') w.write(LEVEL_3, `Reason:\t${reason}\n`);
  } else if (terminated) {
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    const reason = textAt(terminated, 'reason', stateName);
    if (reason !== '') w.write(LEVEL_3, `Reason:\t${reason}\n`);
    const message = textAt(terminated, 'message', stateName);
    if (message !== '') w.write(LEVEL_3, `Message:\t${message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${intAt(terminated, 'exitCode', stateName) ?? 0}\n`);
    const signal = intAt(terminated, 'signal', stateName) ?? 0;
    if (signal > 0) w.write(LEVEL_3, `Signal:\t${signal}\n`);
    w.write(LEVEL_3, `Started:\t${describeTime(timeAt(terminated, 'startedAt', stateName), ctx)}\n`);
    w.write(LEVEL_3, `Finished:\t${describeTime(timeAt(terminated, 'finishedAt', stateName), ctx)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

// describe.go describeResources: Limits then Requests, names in order, quantities in canonical form
export function describeResources(w: PrefixWriter, resources: JsonRecord | undefined, level: number, path: string) {
  if (!resources) return;
  for (const [field, title] of [
    ['limits', 'Limits'],
    ['requests', 'Requests'],
  ] as const) {
    const list = objectAt(resources, field, path) ?? {};
    const names = sortGoStrings(Object.keys(list));
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) {
      const raw = list[name];
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        throw new DescribePodError(`${path}.${field}.${name}: expected a quantity`);
      }
      w.write(level + 1, `${name}:\t${canonicalQuantity(raw)}\n`);
    }
  }
}

// describe.go describeContainerProbe
function describeContainerProbe(w: PrefixWriter, container: JsonRecord, path: string): void {
  for (const [field, title] of [
    ['livenessProbe', 'Liveness'],
    ['readinessProbe', 'Readiness'],
    ['startupProbe', 'Startup'],
  ] as const) {
    const probe = objectAt(container, field, path);
    if (probe) w.write(LEVEL_2, `${title}:\t${describeProbe(probe, `${path}.${field}`)}\n`);
  }
}

// intstr.IntOrString.String
function intOrString(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
}

/** describe.go DescribeProbe: `exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3`. */
export function describeProbe(probe: JsonRecord, path: string): string {
  const n = (key: string) => intAt(probe, key, path) ?? 0;
  const attrs =
    `delay=${n('initialDelaySeconds')}s timeout=${n('timeoutSeconds')}s period=${n('periodSeconds')}s ` +
    `#success=${n('successThreshold')} #failure=${n('failureThreshold')}`;
  const exec = objectAt(probe, 'exec', path);
  if (exec) return `exec [${stringsAt(exec, 'command', `${path}.exec`).join(' ')}] ${attrs}`;
  const httpGet = objectAt(probe, 'httpGet', path);
  if (httpGet) return `http-get ${probeURL(httpGet, `${path}.httpGet`)} ${attrs}`;
  const tcp = objectAt(probe, 'tcpSocket', path);
  if (tcp) return `tcp-socket ${textAt(tcp, 'host', `${path}.tcpSocket`)}:${intOrString(tcp.port)} ${attrs}`;
  const grpc = objectAt(probe, 'grpc', path);
  if (grpc)
    return `grpc <pod>:${intAt(grpc, 'port', `${path}.grpc`) ?? 0} ${textAt(grpc, 'service', `${path}.grpc`)} ${attrs}`;
  return `unknown ${attrs}`;
}

// net/url shouldEscape(c, encodePath): unreserved characters and $&+,/:;=@ stay as they are
function escapePath(path: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(path)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// describe.go DescribeProbe http-get: url.URL{Scheme: lower(scheme), Host: JoinHostPort(host, port), Path}.String()
function probeURL(httpGet: JsonRecord, path: string): string {
  const scheme = textAt(httpGet, 'scheme', path).toLowerCase();
  const host = textAt(httpGet, 'host', path);
  const port = intOrString(httpGet.port);
  // net.JoinHostPort brackets a host that contains a colon (IPv6)
  const hostPort = port.length > 0 ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
  const escaped = escapePath(textAt(httpGet, 'path', path));
  let url = scheme ? `${scheme}:` : '';
  if (scheme || hostPort) url += `//${hostPort}`;
  if (escaped !== '' && escaped[0] !== '/' && hostPort !== '') url += '/';
  return url + escaped;
}

// describe.go describeContainerEnvFrom
function describeContainerEnvFrom(w: PrefixWriter, container: JsonRecord, path: string): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  objectsAt(container, 'envFrom', path).forEach((e, i) => {
    const itemPath = `${path}.envFrom[${i}]`;
    let from = '';
    let name = '';
    let optional = false;
    const configMap = objectAt(e, 'configMapRef', itemPath);
    const secret = objectAt(e, 'secretRef', itemPath);
    if (configMap) {
      from = 'ConfigMap';
      name = textAt(configMap, 'name', itemPath);
      optional = boolAt(configMap, 'optional', itemPath) === true;
    } else if (secret) {
      from = 'Secret';
      name = textAt(secret, 'name', itemPath);
      optional = boolAt(secret, 'optional', itemPath) === true;
    }
    const prefix = textAt(e, 'prefix', itemPath);
    if (prefix.length === 0) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  });
}

// describe.go describeContainerEnvVars: a value's extra lines are continuation cells; valueFrom sources are named
function describeContainerEnvVars(w: PrefixWriter, container: JsonRecord, path: string, ctx: ContainerContext): void {
  const env = objectsAt(container, 'env', path);
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  env.forEach((e, i) => {
    const envPath = `${path}.env[${i}]`;
    const name = textAt(e, 'name', envPath);
    const valueFrom = objectAt(e, 'valueFrom', envPath);
    if (!valueFrom) {
      textAt(e, 'value', envPath)
        .split('\n')
        .forEach((line, j) => {
          w.write(LEVEL_3, j === 0 ? `${name}:\t${line}\n` : `\t${line}\n`);
        });
      return;
    }
    const fieldRef = objectAt(valueFrom, 'fieldRef', envPath);
    const resourceRef = objectAt(valueFrom, 'resourceFieldRef', envPath);
    const secretRef = objectAt(valueFrom, 'secretKeyRef', envPath);
    const configMapRef = objectAt(valueFrom, 'configMapKeyRef', envPath);
    if (fieldRef) {
      const apiVersion = textAt(fieldRef, 'apiVersion', envPath);
      const fieldPath = textAt(fieldRef, 'fieldPath', envPath);
      w.write(LEVEL_3, `${name}:\t${fieldRefValue(ctx.pod, fieldRef)} (${apiVersion}:${fieldPath})\n`);
    } else if (resourceRef) {
      const resource = textAt(resourceRef, 'resource', envPath);
      let value = resourceFieldRefValue(container, resourceRef, envPath) ?? '';
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${name}:\t${value} (${resource})\n`);
    } else if (secretRef) {
      const key = textAt(secretRef, 'key', envPath);
      const optional = boolAt(secretRef, 'optional', envPath) === true;
      const secret = textAt(secretRef, 'name', envPath);
      w.write(LEVEL_3, `${name}:\t<set to the key '${key}' in secret '${secret}'>\tOptional: ${optional}\n`);
    } else if (configMapRef) {
      const key = textAt(configMapRef, 'key', envPath);
      const optional = boolAt(configMapRef, 'optional', envPath) === true;
      const map = textAt(configMapRef, 'name', envPath);
      w.write(LEVEL_3, `${name}:\t<set to the key '${key}' of config map '${map}'>\tOptional: ${optional}\n`);
    }
    // any other source (a newer kind kubectl does not know) prints nothing
  });
}

// describe.go describeContainerVolumes: mounts sorted by mount path (sort.Sort), then devices
function describeContainerVolumes(w: PrefixWriter, container: JsonRecord, path: string, ctx: ContainerContext): void {
  const mounts = objectsAt(container, 'volumeMounts', path);
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const mount of sortSlice(mounts, (m) => textAt(m, 'mountPath', path), ctx.kubectlMinor)) {
    const flags = [boolAt(mount, 'readOnly', path) ? 'ro' : 'rw'];
    const subPath = textAt(mount, 'subPath', path);
    if (subPath.length > 0) flags.push(`path=${goQuote(subPath)}`);
    w.write(LEVEL_3, `${textAt(mount, 'mountPath', path)} from ${textAt(mount, 'name', path)} (${flags.join(',')})\n`);
  }
  const devices = objectsAt(container, 'volumeDevices', path);
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const device of sortSlice(devices, (d) => textAt(d, 'devicePath', path), ctx.kubectlMinor)) {
      w.write(LEVEL_3, `${textAt(device, 'devicePath', path)} from ${textAt(device, 'name', path)}\n`);
    }
  }
}

// fmt %q (strconv.Quote): printable characters kept, quotes and backslashes and control characters escaped
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
