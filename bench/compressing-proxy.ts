/**
 * A gzip-compressing front for a local static server, for measuring pages as a real host serves them: every
 * static host the site is meant for (GitHub Pages, Netlify, any nginx) compresses HTML, CSS, JS and JSON, and
 * Lighthouse's simulated slow-4G load time depends on the bytes sent. scripts/serve.mjs (also shipped in the
 * offline archive, where the network is the loopback) does not compress.
 */
import { createServer, request } from 'node:http';
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml|wasm))|image\/svg\+xml/;

export function compressingProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const headers = { ...answer.headers };
          let body = Buffer.concat(chunks);
          const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          if (gzip && COMPRESSIBLE.test(String(headers['content-type'] ?? '')) && body.length > 0) {
            body = gzipSync(body);
            headers['content-encoding'] = 'gzip';
            headers.vary = 'accept-encoding';
          }
          headers['content-length'] = String(body.length);
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
    forward.on('error', (error) => res.writeHead(502).end(String(error)));
    req.pipe(forward);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}${upstream.pathname}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
