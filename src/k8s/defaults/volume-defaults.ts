/**
 * Volume defaults (the per-volume block of the generated defaulter): an empty volume becomes an emptyDir,
 * file modes 0644 (420), the in-tree plugin defaults, projected token lifetimes, image volume pull policies.
 */
import { defaultPullPolicyForImage } from '../image/default-pull-policy.ts';
import { defaultObjectFieldSelector } from './container-defaults.ts';
import { DEFAULTS_GO, type DefaultingContext } from './context.ts';
import { childPath, isUnsetString, type JsonObject, objectField, objectItems, type PathLike } from './json.ts';
import { defaultResourceList } from './resource-list.ts';

/** v1.SecretVolumeSourceDefaultMode etc.: 0644 */
export const DEFAULT_FILE_MODE = 420;
/** SetDefaults_ServiceAccountTokenProjection: one hour */
export const DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600;

type Defaults = readonly (readonly [field: string, value: unknown])[];

/** Per in-tree source: the fields its SetDefaults_* fills when unset. */
const SOURCE_DEFAULTS: Readonly<Record<string, { fn: string; fields: Defaults }>> = {
  hostPath: { fn: 'SetDefaults_HostPathVolumeSource', fields: [['type', '']] },
  secret: { fn: 'SetDefaults_SecretVolumeSource', fields: [['defaultMode', DEFAULT_FILE_MODE]] },
  configMap: { fn: 'SetDefaults_ConfigMapVolumeSource', fields: [['defaultMode', DEFAULT_FILE_MODE]] },
  downwardAPI: { fn: 'SetDefaults_DownwardAPIVolumeSource', fields: [['defaultMode', DEFAULT_FILE_MODE]] },
  projected: { fn: 'SetDefaults_ProjectedVolumeSource', fields: [['defaultMode', DEFAULT_FILE_MODE]] },
  iscsi: { fn: 'SetDefaults_ISCSIVolumeSource', fields: [['iscsiInterface', 'default']] },
  rbd: {
    fn: 'SetDefaults_RBDVolumeSource',
    fields: [
      ['pool', 'rbd'],
      ['user', 'admin'],
      ['keyring', '/etc/ceph/keyring'],
    ],
  },
  azureDisk: {
    fn: 'SetDefaults_AzureDiskVolumeSource',
    fields: [
      ['cachingMode', 'ReadWrite'],
      ['kind', 'Shared'],
      ['fsType', 'ext4'],
      ['readOnly', false],
    ],
  },
  scaleIO: {
    fn: 'SetDefaults_ScaleIOVolumeSource',
    fields: [
      ['storageMode', 'ThinProvisioned'],
      ['fsType', 'xfs'],
    ],
  },
};

// pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_Pod (per-volume block)
export function defaultVolume(volume: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  // SetDefaults_Volume: a volume with no source is an emptyDir. Every key but `name` counts as a source here,
  // so unknown keys are kept rather than guessed at.
  if (Object.keys(volume).every((key) => key === 'name')) {
    const citation = `${DEFAULTS_GO} SetDefaults_Volume`;
    ctx.log.set(volume, 'emptyDir', {}, childPath(path, 'emptyDir'), 'defaulting', citation);
  }
  const image = objectField(volume, 'image', path);
  if (image && ctx.imageVolume && isUnsetString(image.pullPolicy)) defaultImageVolume(image, path, ctx);
  for (const [source, { fn, fields }] of Object.entries(SOURCE_DEFAULTS)) {
    const value = objectField(volume, source, path);
    if (!value) continue;
    const sourcePath = childPath(path, source);
    for (const [field, fallback] of fields) {
      if (value[field] === undefined || value[field] === null) {
        ctx.log.set(value, field, fallback, childPath(sourcePath, field), 'defaulting', `${DEFAULTS_GO} ${fn}`);
      }
    }
  }
  const downwardAPI = objectField(volume, 'downwardAPI', path);
  if (downwardAPI) defaultDownwardAPIItems(downwardAPI, childPath(path, 'downwardAPI'), ctx);
  const projected = objectField(volume, 'projected', path);
  if (projected) defaultProjectionSources(projected, childPath(path, 'projected'), ctx);
  const ephemeral = objectField(volume, 'ephemeral', path);
  const template = ephemeral && objectField(ephemeral, 'volumeClaimTemplate', childPath(path, 'ephemeral'));
  if (template) {
    const templatePath = childPath(childPath(path, 'ephemeral'), 'volumeClaimTemplate');
    const spec = objectField(template, 'spec', templatePath);
    if (spec) defaultClaimSpec(spec, childPath(templatePath, 'spec'), ctx);
  }
}

// pkg/apis/core/v1/defaults.go SetDefaults_Volume (image volumes, ImageVolume gate): same rule as containers
function defaultImageVolume(image: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  const reference = typeof image.reference === 'string' ? image.reference : '';
  const policy = defaultPullPolicyForImage(reference, ctx.version);
  const p = childPath(childPath(path, 'image'), 'pullPolicy');
  ctx.log.set(image, 'pullPolicy', policy, p, 'defaulting', `${DEFAULTS_GO} SetDefaults_Volume`);
}

function defaultDownwardAPIItems(source: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  for (const [item, itemPath] of objectItems(source, 'items', path)) {
    const fieldRef = objectField(item, 'fieldRef', itemPath);
    if (fieldRef) defaultObjectFieldSelector(fieldRef, childPath(itemPath, 'fieldRef'), ctx);
  }
}

function defaultProjectionSources(projected: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  for (const [source, sourcePath] of objectItems(projected, 'sources', path)) {
    const downwardAPI = objectField(source, 'downwardAPI', sourcePath);
    if (downwardAPI) defaultDownwardAPIItems(downwardAPI, childPath(sourcePath, 'downwardAPI'), ctx);
    const token = objectField(source, 'serviceAccountToken', sourcePath);
    if (token && (token.expirationSeconds === undefined || token.expirationSeconds === null)) {
      const citation = `${DEFAULTS_GO} SetDefaults_ServiceAccountTokenProjection`;
      const p = childPath(childPath(sourcePath, 'serviceAccountToken'), 'expirationSeconds');
      ctx.log.set(token, 'expirationSeconds', DEFAULT_TOKEN_EXPIRATION_SECONDS, p, 'defaulting', citation);
    }
  }
}

// pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaimSpec (+ its resource lists)
function defaultClaimSpec(spec: JsonObject, path: PathLike, ctx: DefaultingContext): void {
  if (spec.volumeMode === undefined || spec.volumeMode === null) {
    const citation = `${DEFAULTS_GO} SetDefaults_PersistentVolumeClaimSpec`;
    ctx.log.set(spec, 'volumeMode', 'Filesystem', childPath(path, 'volumeMode'), 'defaulting', citation);
  }
  const resources = objectField(spec, 'resources', path);
  if (resources) {
    defaultResourceList(resources, 'limits', childPath(path, 'resources'), ctx);
    defaultResourceList(resources, 'requests', childPath(path, 'resources'), ctx);
  }
}
