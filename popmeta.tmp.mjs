import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: ['entrypoints/popup/main.ts'], bundle: true, minify: true, format: 'esm', write: false, metafile: true, outdir: '/tmp/popmeta', jsx: 'automatic', jsxImportSource: 'preact', splitting: true, alias: { '@': process.cwd() }, external: ['wxt/*'], logLevel: 'error', loader: { '.css': 'empty' } });
const outs = r.metafile.outputs;
const mainKey = Object.keys(outs).find((k) => k.endsWith('main.js'));
const seen = new Set(); const q = [mainKey];
while (q.length) { const k = q.shift(); if (seen.has(k)) continue; seen.add(k); for (const i of outs[k].imports) if (i.kind === 'import-statement') q.push(i.path); }
const all = {};
for (const k of seen) for (const [f, v] of Object.entries(outs[k].inputs)) all[f] = (all[f] ?? 0) + v.bytesInOutput;
const list = Object.entries(all).sort((a, b) => b[1] - a[1]);
for (const [k, v] of list.slice(0, 60)) console.log(v, k);
console.log('total', list.reduce((t, [, v]) => t + v, 0));
const txt = r.outputFiles.filter((f) => [...seen].some((k) => f.path.endsWith(k.split('/').pop()))).map((f) => f.text).join('');
console.log('gz', gzipSync(txt, { level: 9 }).length);
