"""Draws the toolbar icon (two chain links on a rounded square) at every size the manifest needs.
Pure Python so it runs anywhere: `python3 scripts/make-icons.py`."""
import math, struct, zlib, pathlib

def png(path, size, pixel):
    rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
    data += chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
    pathlib.Path(path).write_bytes(data)

def coverage(fn, x, y, n=4):
    return sum(fn(x + (i + .5) / n, y + (j + .5) / n) for i in range(n) for j in range(n)) / (n * n)

def icon_pixel(x, y, s):
    r = s * 0.22
    def in_square(px, py):
        dx = max(r - px, 0, px - (s - r)); dy = max(r - py, 0, py - (s - r))
        return dx * dx + dy * dy <= r * r
    def ring(cx, cy, px, py):
        # a stadium (rounded bar) outline at 45 degrees: one chain link
        ux, uy = (px - cx), (py - cy)
        a, b = (ux + uy) / math.sqrt(2), (uy - ux) / math.sqrt(2)
        half, rad, w = s * 0.16, s * 0.13, s * 0.075
        da = max(abs(a) - half, 0)
        d = math.hypot(da, b)
        return abs(d - rad) <= w / 2
    def in_links(px, py):
        return ring(s * 0.39, s * 0.61, px, py) or ring(s * 0.61, s * 0.39, px, py)
    bg = coverage(in_square, x, y)
    fg = coverage(in_links, x, y) if bg else 0
    base = (20, 110, 120)
    col = [round(c * (1 - fg) + 255 * fg) for c in base]
    return (*col, round(255 * bg))

for size in (16, 32, 48, 96, 128):
    png(f'public/icon/{size}.png', size, icon_pixel)
