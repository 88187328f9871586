// `npm test`: every test there is — type check, lint, build, the web console's type check and
// component tests, then jest (unit and end-to-end suites against real PostgreSQL and Redis; each
// suite clones a migrated template database).
import { spawnSync } from 'node:child_process';
import { missingServices } from './services.mjs';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const missing = await missingServices();
if (missing.length) {
  for (const m of missing) console.error(m);
  process.exit(1);
}
const extra = process.argv.slice(2);
if (!extra.length) {
  run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('npx', ['eslint', '.', '--max-warnings=0']);
  run('npm', ['run', '--silent', 'build']);
  // The web console: client types from the built API's OpenAPI document, its own strict type check,
  // then its component tests (Vitest, jsdom).
  run('node', ['apps/web/scripts/openapi.mjs']);
  run('npx', ['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']);
  run('npx', ['vitest', 'run', '--config', 'apps/web/vitest.config.ts']);
}
run('npx', ['jest', '--maxWorkers=2', ...extra], {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim(),
});
