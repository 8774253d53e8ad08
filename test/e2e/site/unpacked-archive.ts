/**
 * Packing a built site with scripts/archive.mjs, unpacking it with the system's own tools (tar; unzip when the
 * machine has it) and starting the `node serve.mjs` it holds, as a reader would.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ARCHIVE_SCRIPT = new URL('../../../scripts/archive.mjs', import.meta.url).pathname;

export const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

/** Packs `siteDir` into a new temporary folder; returns the folder and the archives' paths. */
export function pack(siteDir: string): { dir: string; tarGz: string; zip: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'podbook-archive-'));
  const out = join(dir, 'podbook-offline');
  const log = execFileSync(process.execPath, [ARCHIVE_SCRIPT, siteDir, '--out', out], { encoding: 'utf8' });
  return { dir, tarGz: `${out}.tar.gz`, zip: `${out}.zip`, log };
}

/** Unpacks an archive into `into/` with tar or unzip; returns the unpacked top folder. */
export function unpack(archive: string, into: string): string {
  mkdirSync(into, { recursive: true });
  if (archive.endsWith('.zip')) execFileSync('unzip', ['-q', archive, '-d', into]);
  else execFileSync('tar', ['-xzf', archive, '-C', into]);
  return join(into, 'podbook-offline');
}

export interface RunningServer {
  url: string;
  stop: () => void;
}

/** Runs `node serve.mjs --port 0` in an unpacked folder and waits for the address it prints. */
export function startArchiveServer(folder: string): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['serve.mjs', '--port', '0'], { cwd: folder });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve.mjs printed no address within 10s:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /served at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, stop: () => child.kill() });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}:\n${output}`));
    });
  });
}
