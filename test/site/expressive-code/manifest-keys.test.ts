/**
 * Manifest keys show the schema's description of their field: checked against the OpenAPI document itself
 * (read here with JSON.parse, not through the pack), for the page's release.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_DIR } from '../../manifest/schema/pack-fixture.ts';
import {
  copiedText,
  descriptionOf,
  descriptionParts,
  engine,
  type RenderedBlock,
  renderBlock,
  renderPage,
  select,
  selectAll,
  toText,
  visibleLines,
  ZH_PAGE,
} from './render.ts';

interface OpenApiDocument {
  components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> };
}

function documentDescription(minor: number, definition: string, field: string): string {
  const file = join(OPENAPI_DIR, `1.${minor}`, 'api__v1_openapi.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  const description = doc.components.schemas[definition]?.properties?.[field]?.description;
  if (!description) throw new Error(`no description of ${definition}.${field} in ${file}`);
  return description.trim();
}

let zh: RenderedBlock[];

beforeAll(async () => {
  zh = await renderPage(ZH_PAGE);
});

const manifest = () => zh.find((b) => b.example.fence.line === 20)!;
/** A key's trigger and its description, wherever on the page that is. */
const keyTip = (root: RenderedBlock['root'], field: string, page = zh.map((b) => b.root)) => {
  const trigger = select(`.pb-key[data-field="${field}"]`, root);
  return trigger && { trigger, tip: descriptionOf(trigger, page) };
};

describe('manifest keys', () => {
  it('describe spec.containers[].imagePullPolicy as the 1.26 schema does', () => {
    const found = keyTip(manifest().root, 'spec.containers[].imagePullPolicy');
    expect(found?.trigger.properties.tabIndex).toBe(0);
    expect(found?.tip?.properties.role).toBe('tooltip');
    const { title, body } = descriptionParts(found!.tip!);
    expect(title).toBe('spec.containers[].imagePullPolicy <string>');
    expect(body).toContain(documentDescription(26, 'io.k8s.api.core.v1.Container', 'imagePullPolicy'));
    expect(toText(found!.trigger)).toBe('imagePullPolicy');
  });

  it('describe every schema field of the manifest, and no label key', () => {
    const fields = selectAll('.pb-key', manifest().root).map((k) => k.properties.dataField);
    expect(fields).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'metadata.name',
      'metadata.labels',
      'spec',
      'spec.restartPolicy',
      'spec.containers',
      'spec.containers[].name',
      'spec.containers[].image',
      'spec.containers[].imagePullPolicy',
    ]);
    const containers = keyTip(manifest().root, 'spec.containers');
    expect(descriptionParts(containers!.tip!).body).toBe(
      documentDescription(26, 'io.k8s.api.core.v1.PodSpec', 'containers'),
    );
  });

  it('leave the manifest text, its frame title and the copied text as written', () => {
    const { root, example } = manifest();
    expect(visibleLines(root)).toEqual(example.body.replace(/\n$/, '').split('\n'));
    expect(copiedText(root)).toBe(example.body.replace(/\n$/, ''));
    expect(toText(select('figcaption .title', root)!)).toBe('nginx-pod.yaml');
  });

  it('are described in a manifest that must be rejected too', () => {
    const invalid = zh.find((b) => b.example.fence.line === 60)!;
    expect(selectAll('.pb-key', invalid.root).map((k) => k.properties.dataField)).toContain('spec.containers.name');
  });

  it('follow the release of the block (k8s= on the fence)', async () => {
    const ec = engine();
    const code = 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Never';
    const old = await renderBlock(ec, {
      code,
      language: 'yaml',
      meta: 'file=a.yaml k8s=1.23',
      sourceFilePath: ZH_PAGE,
    });
    const text = (root: RenderedBlock['root'], page: RenderedBlock['root'][]) =>
      descriptionParts(keyTip(root, 'spec.restartPolicy', page)!.tip!).body;
    expect(text(old, [old])).toContain(documentDescription(23, 'io.k8s.api.core.v1.PodSpec', 'restartPolicy'));
    // 1.23 serves no enums (OpenAPIEnums was off); 1.26 adds the "Possible enum values" paragraph
    expect(text(old, [old])).not.toContain('Possible enum values');
    expect(
      text(
        manifest().root,
        zh.map((b) => b.root),
      ),
    ).toContain('Possible enum values');
  });

  it('give nothing (and never fail) for YAML that is not a manifest', async () => {
    const ec = engine();
    for (const code of ['a: [', 'kind: NoSuchKind\napiVersion: v1\nspec: {}', '- just\n- a list', '']) {
      const root = await renderBlock(ec, { code, language: 'yaml', meta: 'file=x.yaml', sourceFilePath: ZH_PAGE });
      expect(selectAll('.pb-key', root)).toEqual([]);
    }
  });
});
