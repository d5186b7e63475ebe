// Precompression of a static build (web/dist, docs/dist), shared by the build scripts.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';

// The extensions worth compressing (keep in step with COMPRESSIBLE in src/app/static-files.ts).
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.wasm', '.ttf']);

/**
 * A brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside each compressible file of the
 * build, made once here rather than on every request; the server sends the one a browser accepts
 * (src/app/static-files.ts). A copy that would not be smaller than the file is not written.
 */
export function precompress(folder) {
  let before = 0;
  let afterBr = 0;
  let afterGz = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      if (!COMPRESSIBLE.has(extname(path))) continue;
      const content = readFileSync(path);
      const br = brotliCompressSync(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      });
      const gz = gzipSync(content, { level: 9 });
      before += content.length;
      if (br.length < content.length) writeFileSync(`${path}.br`, br);
      if (gz.length < content.length) writeFileSync(`${path}.gz`, gz);
      afterBr += Math.min(br.length, content.length);
      afterGz += Math.min(gz.length, content.length);
    }
  };
  walk(folder);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`precompressed ${folder}: ${kb(before)} → brotli ${kb(afterBr)}, gzip ${kb(afterGz)}`);
}
