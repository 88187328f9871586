// The JavaScript a browser loads for the login page of the built console (dist/web): the entry
// script in index.html and every module it imports statically (modulepreload), gzipped (level 9).
// Role pages are lazy chunks and are not counted. Usage: node apps/web/scripts/size.mjs [--json]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
const html = readFileSync(join(root, 'index.html'), 'utf8');
const start = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
const seen = new Set();
const queue = [...start];
while (queue.length) {
  const url = queue.shift();
  if (seen.has(url)) continue;
  seen.add(url);
  const code = readFileSync(join(root, url), 'utf8');
  // Static imports between chunks: `import … from "./x.js"` / `import "./x.js"` (not `import("./x.js")`).
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"();]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    queue.push(join(dirname(url), m[1]).replace(/\\/g, '/'));
  }
}
const files = [...seen].map((url) => {
  const buf = readFileSync(join(root, url));
  return { file: url, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
});
const total = files.reduce((s, f) => ({ bytes: s.bytes + f.bytes, gzip: s.gzip + f.gzip }), { bytes: 0, gzip: 0 });
if (process.argv.includes('--json')) console.log(JSON.stringify({ files, total }));
else {
  for (const f of files) console.log(`${f.file}  ${(f.bytes / 1024).toFixed(1)} KiB  gzip ${(f.gzip / 1024).toFixed(1)} KiB`);
  console.log(`login page initial JS: ${(total.gzip / 1024).toFixed(1)} KiB gzipped (${(total.bytes / 1024).toFixed(1)} KiB raw); budget 250 KB`);
}
if (total.gzip > 250 * 1000) process.exitCode = 1;
