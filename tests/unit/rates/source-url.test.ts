import { describe, expect, it } from 'vitest';
import { checkRateSourceUrl } from '@/lib/rates/source-url';

describe('checkRateSourceUrl', () => {
  it.each([
    { input: 'https://rates.example.com/sublink.json', expected: { ok: true, origin: 'https://rates.example.com' } },
    { input: 'HTTPS://Rates.Example.com/t.json', expected: { ok: true, origin: 'https://rates.example.com' } },
    { input: 'https://raw.githubusercontent.com/team/tables/main/rates.json?token=abc', expected: { ok: true, origin: 'https://raw.githubusercontent.com' } },
    { input: 'https://rates.example.com:8443/t.json', expected: { ok: true, origin: 'https://rates.example.com:8443' } },
    { input: 'https://xn--80ak6aa92e.xn--p1ai/t.json', expected: { ok: true, origin: 'https://xn--80ak6aa92e.xn--p1ai' } },
  ])('accepts $input', ({ input, expected }) => {
    const actual = checkRateSourceUrl(input);
    expect(actual).toEqual(expected);
  });

  it.each([
    { input: 'not a url', expected: 'badUrl', why: 'no scheme' },
    { input: 'rates.example.com/t.json', expected: 'badUrl', why: 'no scheme: the options page cannot guess one' },
    { input: 'https://', expected: 'badUrl', why: 'no host at all' },
    { input: 'https://rates.exa\tmple.com/t.json', expected: 'badUrl', why: 'the URL parser would drop the tab and fetch another host' },
    { input: 'https://rates.example.com/my table.json', expected: 'badUrl', why: 'whitespace inside' },
    { input: 'http://rates.example.com/t.json', expected: 'notHttps', why: 'can be swapped in transit' },
    { input: 'ftp://rates.example.com/t.json', expected: 'notHttps', why: 'not https' },
    { input: 'https:rates.example.com/t.json', expected: 'notHttps', why: 'parses, but not in the https:// form the page asks for' },
    { input: 'javascript:alert(1)', expected: 'notHttps', why: 'not a web address' },
    { input: 'https://user:secret@rates.example.com/t.json', expected: 'hasCredentials', why: 'a password would be stored and shown' },
    { input: 'https://token@rates.example.com/t.json', expected: 'hasCredentials', why: 'a user name alone is a credential too' },
    { input: 'https://localhost/t.json', expected: 'badHost', why: 'whoever answers on this machine' },
    { input: 'https://127.0.0.1/t.json', expected: 'badHost', why: 'an IP address, not a named server' },
    { input: 'https://[::1]/t.json', expected: 'badHost', why: 'an IPv6 address' },
    { input: 'https://192.168.1.20:8080/t.json', expected: 'badHost', why: 'a LAN address' },
    { input: 'https://intranet/t.json', expected: 'badHost', why: 'a single label' },
    { input: 'https://rates..example.com/t.json', expected: 'badHost', why: 'an empty label' },
  ])('refuses $input ($expected: $why)', ({ input, expected }) => {
    const actual = checkRateSourceUrl(input);
    expect(actual).toEqual({ ok: false, error: expected });
  });
});
