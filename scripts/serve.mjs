#!/usr/bin/env node
/**
 * A small static file server for a built Podbook site, with no dependencies, so that it can be shipped inside the
 * offline archive as well as serve the browser tests:
 *
 *   node serve.mjs [folder] [--port 4321] [--host 127.0.0.1] [--base /sub/path/]
 *
 * Serves `folder` (default: ./dist, or the folder this script sits in when it has an index.html) under `base`,
 * answers `/x/` with `/x/index.html`, and unknown paths with the site's 404.html and status 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** The file a request path names inside `root`, or undefined (outside root, or nothing there). */
function fileFor(root, path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isDirectory()) {
    const index = join(candidate, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  if (existsSync(candidate)) return candidate;
  if (existsSync(`${candidate}.html`)) return `${candidate}.html`;
  return undefined;
}

/** Starts the server; resolves to `{ url, close }` once it listens (port 0 picks a free port). */
export function serve({ root, port = 4321, host = '127.0.0.1', base = '/' }) {
  const dir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix) && `${url.pathname}/` !== prefix) {
      res.writeHead(302, { location: prefix }).end();
      return;
    }
    const file = fileFor(dir, url.pathname.slice(prefix.length - 1) || '/');
    const notFound = file ? undefined : fileFor(dir, '/404.html');
    const path = file ?? notFound;
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(file ? 200 : 404, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({
        url: `http://${host}:${address.port}${prefix}`,
        // Stops at once: a browser's keep-alive or unfinished requests (a service worker still precaching) would
        // otherwise hold server.close() open for as long as the browser keeps them.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const options = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg === '--host' || arg === '--base') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[arg.slice(2)] = arg === '--port' ? Number(value) : value;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg} (try --help)`);
    } else rest.push(arg);
  }
  if (rest.length > 1) throw new Error('give at most one folder');
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port < 65536)) {
    throw new Error('--port must be a port number');
  }
  return { ...options, root: rest[0] };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log('usage: node serve.mjs [folder] [--port 4321] [--host 127.0.0.1] [--base /]');
      process.exit(0);
    }
    const here = dirname(fileURLToPath(import.meta.url));
    const root = options.root ?? (existsSync(join(here, 'index.html')) ? here : 'dist');
    if (!existsSync(join(root, 'index.html')) && !existsSync(join(root, '404.html'))) {
      throw new Error(`${root} does not look like a built site (no index.html): run npm run build first`);
    }
    const { url } = await serve({ ...options, root });
    console.log(`Podbook is served at ${url} (Ctrl+C stops it)`);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
}
