// Prints the JavaScript (and CSS) a browser downloads for the first page load of web/dist, gzipped:
// the entry chunk and everything it imports statically, from Vite's build manifest. Lazy chunks
// (the explorer, the official's desk) are listed apart. Exits 1 over the budget (300 KB of JS).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET = 300 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const seen = new Set();
const css = new Set();
(function visit(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const file of manifest[key].css ?? []) css.add(file);
  for (const next of manifest[key].imports ?? []) visit(next);
})(entryKey);

const firstLoad = [...seen].map((key) => manifest[key].file);
const jsTotal = firstLoad.reduce((sum, file) => sum + gz(file), 0);
const cssTotal = [...css].reduce((sum, file) => sum + gz(file), 0);
console.log('First page load (gzip -9):');
for (const file of firstLoad) console.log(`  ${file}  ${kb(gz(file))}`);
console.log(`  JavaScript: ${kb(jsTotal)}   CSS: ${kb(cssTotal)}   budget for JavaScript: ${kb(BUDGET)}`);

const lazy = Object.values(manifest).filter((chunk) => chunk.isDynamicEntry);
if (lazy.length) {
  console.log('Lazy chunks (loaded when their page opens):');
  for (const chunk of lazy) console.log(`  ${chunk.name ?? chunk.file}  ${kb(gz(chunk.file))}`);
}
if (jsTotal > BUDGET) {
  console.error(`Over budget by ${kb(jsTotal - BUDGET)}`);
  process.exit(1);
}
