/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and the built web console
 * (dist/web) kept up to date for browser tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const launchConfig = JSON.parse(readFileSync(join(process.cwd(), 'test/support/chromium.json'), 'utf8')) as { executable: string; args: string[] };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? launchConfig.executable;

/** Flags for a closed network and a root user (test/support/chromium.json, shared with bench/web-speed.mjs). */
export const CHROMIUM_ARGS = launchConfig.args;

/**
 * Chromium from Debian; fails clearly when it is missing. playwright-core gives every launch a fresh,
 * empty profile (`--user-data-dir` made with mkdtemp under os.tmpdir(), removed at close); each person
 * of a test gets an isolated context (`browser.newContext()`) in it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does this. Never download a browser.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Builds the web console into dist/web unless it is there and newer than every source file
 * (apps/web/src, index.html, public, the Vite config).
 */
export function ensureWebConsoleBuilt(root = process.cwd()): void {
  const index = join(root, 'dist/web/index.html');
  const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/public', 'apps/web/vite.config.ts']
    .map((p) => join(root, p))
    .filter((p) => existsSync(p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  // Vite alone: `npm test` has already regenerated the API types and type-checked the console.
  const r = spawnSync('npx', ['vite', 'build', '-c', 'apps/web/vite.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (r.status !== 0) throw new Error('building the web console failed (npm run build:web)');
}

/** Where a browser test leaves its screenshots (gitignored). */
export function artifactsDir(root = process.cwd()): string {
  const dir = join(root, 'test-artifacts/web');
  mkdirSync(dir, { recursive: true });
  return dir;
}
