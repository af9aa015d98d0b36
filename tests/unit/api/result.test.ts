// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fail, redactSecrets, REDACTED } from '../../../lib/api/result';

describe('redactSecrets', () => {
  const secret = 'se cr+et/é';
  it.each([
    { name: 'as written', input: `key ${secret} end`, expected: `key ${REDACTED} end` },
    { name: 'percent-encoded', input: `q=${encodeURIComponent(secret)}&x`, expected: `q=${REDACTED}&x` },
    { name: 'form-encoded', input: `q=${encodeURIComponent(secret).replace(/%20/g, '+')}`, expected: `q=${REDACTED}` },
    { name: 'several times', input: `${secret}${secret}`, expected: `${REDACTED}${REDACTED}` },
  ])('removes a secret $name', ({ input, expected }) => {
    expect(redactSecrets(input, [secret])).toBe(expected);
  });

  it('removes the longer of two overlapping secrets whole', () => {
    expect(redactSecrets('token abcdef123', ['abcd', 'abcdef123'])).toBe(`token ${REDACTED}`);
  });

  it('does not search for secrets too short to be real (they would blank words)', () => {
    expect(redactSecrets('a bad day', ['a'])).toBe('a bad day');
  });

  it('copes with a secret that cannot be URL-encoded (a lone surrogate)', () => {
    expect(redactSecrets('x \uD800abcd y', ['\uD800abcd'])).toBe(`x ${REDACTED} y`);
  });
});

describe('fail', () => {
  it('redacts the message and the code', () => {
    const actual = fail('api', 'echo topsecret', ['topsecret'], 'code-topsecret');
    expect(actual).toEqual({ ok: false, error: { kind: 'api', message: `echo ${REDACTED}`, code: `code-${REDACTED}` } });
  });
});
