#!/usr/bin/env node
/**
 * `npm run archive`: the built site as a downloadable offline copy, `podbook-offline.tar.gz` and
 * `podbook-offline.zip`, each holding one folder with the site, scripts/serve.mjs and a README. Unpacked,
 * `node serve.mjs` in that folder serves it on 127.0.0.1 (any Node.js 18 or later, no install).
 *
 *   node scripts/archive.mjs [site-folder] [--out podbook-offline] [--base /sub/path/]
 *
 * The site folder defaults to PODBOOK_OUT_DIR or dist/ (run `npm run build` first). A site built for a sub-path
 * (PODBOOK_BASE=/podbook/) is placed at that path inside the folder, with a page at the top that leads to it,
 * so that its links, its service worker's scope and its search work unchanged. The base is read from the
 * build's pages (`--base` overrides).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tarGz } from './archive/tar.mjs';
import { zip } from './archive/zip.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

const README = `Podbook: offline copy / 离线副本
================================

Open it / 打开
--------------
In this folder, run / 在这个文件夹里运行:

    node serve.mjs

then open the address it prints (http://127.0.0.1:4321/...) in a browser. It needs Node.js 18 or later and
nothing else; \`node serve.mjs --port 8080\` picks another port. Ctrl+C stops it.
然后在浏览器里打开它打印的地址。只需要 Node.js 18 或更新版本；\`--port 8080\` 可以换端口，Ctrl+C 停止。

Why a server / 为什么需要服务器
-------------------------------
Opening index.html straight from the disk does not work: the pages link to each other with absolute paths, and
search and the runnable examples load their files over HTTP. Once opened through serve.mjs, the browser also
keeps a copy (a service worker), so the site keeps working even when serve.mjs is stopped, as long as you use the
same address.
直接打开磁盘上的 index.html 不行：页面之间用绝对路径链接，搜索和可运行的示例也要通过 HTTP 读取文件。通过
serve.mjs 打开一次之后，浏览器会保存一份副本（service worker），之后即使停掉 serve.mjs，只要地址相同也能继续使用。
`;

function parseArgs(argv) {
  const options = { out: 'podbook-offline' };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--base') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[arg.slice(2)] = value;
    } else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg} (try --help)`);
    else rest.push(arg);
  }
  if (rest.length > 1) throw new Error('give at most one site folder');
  if (options.base !== undefined && !options.base.startsWith('/')) throw new Error('--base must start with "/"');
  return { ...options, site: rest[0] ?? process.env.PODBOOK_OUT_DIR ?? 'dist' };
}

/** The path the site was built for: where its pages load Astro's assets from (`/podbook/_astro/...`). */
export function detectBase(siteDir) {
  for (const page of ['404.html', 'zh-cn/index.html', 'en/index.html']) {
    const file = join(siteDir, page);
    if (!existsSync(file)) continue;
    const match = /(?:href|src)="(\/[^"]*?)_astro\//.exec(readFileSync(file, 'utf8'));
    if (match) return match[1];
  }
  return '/';
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The archive's entries: one top folder with serve.mjs, the README and the site at its base path. */
export function archiveEntries(siteDir, top, base) {
  const mtime = Date.now();
  const siteRoot = `${top}/${base.replace(/^\/|\/$/g, '')}`.replace(/\/$/, '');
  const files = listFiles(siteDir).map((file) => {
    const path = join(siteDir, file);
    return { path: `${siteRoot}/${file}`, data: readFileSync(path), mtime: statSync(path).mtimeMs };
  });
  const extra = [
    { path: `${top}/serve.mjs`, data: readFileSync(join(here, 'serve.mjs')), mode: 0o755, mtime },
    { path: `${top}/README.txt`, data: Buffer.from(README), mtime },
  ];
  if (base !== '/') {
    // serve.mjs serves the folder at /: the top page leads to the site, and missing addresses get its 404 page.
    const redirect = `<!doctype html><meta charset="utf-8"><title>Podbook</title><meta http-equiv="refresh" content="0;url=${base}"><a href="${base}">Podbook</a>\n`;
    extra.push({ path: `${top}/index.html`, data: Buffer.from(redirect), mtime });
    if (existsSync(join(siteDir, '404.html'))) {
      extra.push({ path: `${top}/404.html`, data: readFileSync(join(siteDir, '404.html')), mtime });
    }
  }
  const entries = [...extra, ...files];
  const directories = new Set();
  for (const { path } of entries) {
    for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) directories.add(path.slice(0, cut));
  }
  return [...[...directories].sort().map((path) => ({ path, directory: true, mtime })), ...entries];
}

function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log('usage: node scripts/archive.mjs [site-folder] [--out podbook-offline] [--base /sub/path/]');
      process.exit(0);
    }
    const siteDir = resolve(options.site);
    if (!existsSync(join(siteDir, '404.html')) && !existsSync(join(siteDir, 'index.html'))) {
      throw new Error(`${options.site} does not look like a built site (no index.html): run npm run build first`);
    }
    if (!existsSync(join(siteDir, 'sw.js'))) {
      console.warn(`warning: ${options.site} has no sw.js: the copy will not keep working once serve.mjs stops`);
    }
    const base = options.base ?? detectBase(siteDir);
    const prefix = base.endsWith('/') ? base : `${base}/`;
    const out = resolve(options.out);
    const entries = archiveEntries(siteDir, basename(out), prefix);
    const files = entries.filter((e) => !e.directory).length;
    for (const [ext, pack] of [
      ['tar.gz', tarGz],
      ['zip', zip],
    ]) {
      const data = pack(entries);
      writeFileSync(`${out}.${ext}`, data);
      console.log(`${relative(process.cwd(), `${out}.${ext}`)}: ${files} files, ${formatBytes(data.length)}`);
    }
    console.log(`Site base ${prefix}. Unpack either one, then in the folder ${basename(out)}/ run: node serve.mjs`);
  } catch (error) {
    console.error(`archive: ${error.message}`);
    process.exit(2);
  }
}
