// @vitest-environment node
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5 } from '../../../lib/api/md5';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('md5', () => {
  // RFC 1321, A.5 "Test suite" (https://www.rfc-editor.org/rfc/rfc1321#appendix-A.5).
  it.each([
    { input: '', expected: 'd41d8cd98f00b204e9800998ecf8427e' },
    { input: 'a', expected: '0cc175b9c0f1b6a831c399e269772661' },
    { input: 'abc', expected: '900150983cd24fb0d6963f7d28e17f72' },
    { input: 'message digest', expected: 'f96b697d7cb7938d525a2f31aaf161d0' },
    { input: 'abcdefghijklmnopqrstuvwxyz', expected: 'c3fcd3d76192e4007dfb496cca67e13b' },
    { input: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', expected: 'd174ab98d277d9f5a5611c2c9f419d9f' },
    { input: '1234567890'.repeat(8), expected: '57edf4a22be3c955ac49da2e2107b67a' },
  ])('RFC 1321 test suite: "$input"', ({ input, expected }) => {
    const actual = hex(md5(utf8(input)));
    expect(actual).toBe(expected);
  });

  it.each([55, 56, 63, 64, 65, 119, 120, 128])('pads a %i-byte message at the block boundary as node:crypto does', (length) => {
    const input = new Uint8Array(length).fill(0x61);
    expect(hex(md5(input))).toBe(createHash('md5').update(input).digest('hex'));
  });

  it('agrees with node:crypto on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        expect(hex(md5(input))).toBe(createHash('md5').update(input).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
