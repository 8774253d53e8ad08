#!/usr/bin/env node
/**
 * The browser tests use Debian's Chromium (never a browser downloaded by a test tool) and a CJK font for the
 * Chinese pages. Installs both with apt-get when they are missing (CI and a fresh machine run as root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-wqy-microhei'];

function installed(pkg) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('ok installed');
}

export function ensureChromium() {
  const missing = PACKAGES.filter((p) => !installed(p));
  if (missing.length === 0 && existsSync(CHROMIUM)) return;
  console.log(`Installing ${missing.join(', ')} from Debian (apt-get)...`);
  const apt = (args) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', ...PACKAGES]);
  } catch (error) {
    throw new Error(`Could not install ${missing.join(', ')} with apt-get (needs root and Debian's registry)`, {
      cause: error,
    });
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is missing`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureChromium();
    console.log(`Chromium: ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}`);
  } catch (error) {
    console.error(`${error.message}${error.cause ? ` (${error.cause.message})` : ''}`);
    process.exit(1);
  }
}
