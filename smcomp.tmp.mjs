import { readFileSync } from 'node:fs';
import { decode } from '@jridgewell/sourcemap-codec';
const file = process.argv[2];
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(file + '.map', 'utf8'));
const lines = code.split('\n');
const dec = decode(map.mappings);
const bytes = {};
dec.forEach((segs, li) => {
  const line = lines[li] ?? '';
  segs.forEach((s, i) => {
    const end = i + 1 < segs.length ? segs[i + 1][0] : line.length;
    const src = s.length > 1 ? map.sources[s[1]] : '?';
    bytes[src] = (bytes[src] ?? 0) + (end - s[0]);
  });
});
const sorted = Object.entries(bytes).sort((a, b) => b[1] - a[1]);
for (const [k, v] of sorted) console.log(String(v).padStart(6), k.replace(/^(\.\.\/)+/, ''));
console.log('total', code.length);
