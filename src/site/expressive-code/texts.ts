/** The words the code-block plugins show or announce, in the book's two languages. */
import type { PlaceholderName } from '../../check/extract/index.ts';
import type { BookLocale } from './locale.ts';

/** A wildcard as a reader sees it in expected output: `[..]`, a placeholder, or a `...` line. */
export type WildcardKind = 'any' | PlaceholderName | 'lines';

export interface BlockTexts {
  /** The accessible name of a callout marker in the code: "callout 1". */
  calloutMarker(n: number): string;
  /** The accessible name of the list of callouts under the code. */
  calloutList: string;
  /** The visually hidden word in front of a list item's number. */
  calloutWord: string;
  /** The link from a list item back to its marker. */
  calloutBack(n: number): string;
  /** Heading of a wildcard's tooltip, and what the wildcard stands for. */
  wildcardTitle: string;
  wildcard: Readonly<Record<WildcardKind, string>>;
  /** Shown with the keyboard only: how to move between the block's tooltips. */
  tooltipKeys: string;
  /** Under a `text explain generate` block. */
  generatedFrom(release: string): string;
  /** The name of a block's scroll region (Expressive Code makes a wide block a focusable region). */
  region: {
    transcript(command: string | undefined): string;
    manifest(file: string): string;
    errors(file: string): string;
    explain(command: string | undefined): string;
  };
}

const zh: BlockTexts = {
  calloutMarker: (n) => `注释 ${n}`,
  calloutList: '注释',
  calloutWord: '注释',
  calloutBack: (n) => `回到代码中的注释 ${n}`,
  wildcardTitle: '通配符',
  wildcard: {
    any: '本行此处可以是任意文字（也可以没有）',
    lines: '此处可以是任意多行输出（也可以没有）',
    IP: '任意 IP 地址（IPv4 或 IPv6）',
    UID: '任意 UID，例如 c3082ae6-0952-44e0-bfb9-f89b9fa3013a',
    AGE: '任意 kubectl 时长，例如 4s、4m39s、82m、5d',
    HASH: '任意哈希值或生成的名称后缀（5 到 128 个小写字母和数字）',
    TIME: '任意时间，例如 2023-08-09T02:35:08Z',
  },
  tooltipKeys: '方向键：上一个 / 下一个 · Esc：关闭',
  generatedFrom: (release) => `以上输出由 Kubernetes ${release} 的 OpenAPI schema 生成。`,
  region: {
    transcript: (command) => (command ? `终端：${command}` : '终端'),
    manifest: (file) => `清单 ${file}`,
    errors: (file) => `${file} 的错误`,
    explain: (command) => command ?? 'kubectl explain',
  },
};

const en: BlockTexts = {
  calloutMarker: (n) => `callout ${n}`,
  calloutList: 'Callouts',
  calloutWord: 'Callout',
  calloutBack: (n) => `Back to callout ${n} in the code`,
  wildcardTitle: 'Wildcard',
  wildcard: {
    any: 'any text here on this line (possibly none)',
    lines: 'any number of output lines here (possibly none)',
    IP: 'any IP address (IPv4 or IPv6)',
    UID: 'any UID, such as c3082ae6-0952-44e0-bfb9-f89b9fa3013a',
    AGE: 'any kubectl age, such as 4s, 4m39s, 82m, 5d',
    HASH: 'any hash or generated name suffix (5 to 128 lowercase letters and digits)',
    TIME: 'any time, such as 2023-08-09T02:35:08Z',
  },
  tooltipKeys: 'Arrow keys: previous / next · Esc: close',
  generatedFrom: (release) => `Output generated from the OpenAPI schema of Kubernetes ${release}.`,
  region: {
    transcript: (command) => (command ? `Terminal: ${command}` : 'Terminal'),
    manifest: (file) => `Manifest ${file}`,
    errors: (file) => `Errors for ${file}`,
    explain: (command) => command ?? 'kubectl explain',
  },
};

export function textsFor(locale: BookLocale): BlockTexts {
  return locale === 'en' ? en : zh;
}
