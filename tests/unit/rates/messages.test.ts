/**
 * The core returns codes; the UI renders `t(key, substitutions)`. These tests hold the catalog to
 * the codes: every fact, warning, label and error has an English message (the catalog test keeps
 * Russian in step) with exactly as many $n as the code has params.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOT_FAILURE_CODES, HOT_ROW_ERROR_CODES, hotFailureMessage, hotRowErrorMessage } from '../../../lib/hotlist';
import { FACT_PARAMS, fact } from '../../../lib/rates/facts';
import {
  catalogFormatters,
  categoryLabelKey,
  factMessage,
  messageArgs,
  productClassLabelKey,
  programLabelKey,
  regionLabelKey,
  storeLabelKey,
} from '../../../lib/rates/format';
import { RATE_CACHE_ERROR_CODES, rateCacheErrorMessage } from '../../../lib/rates/stored';
import { CATEGORY_KEYS, PRODUCT_CLASSES, REGION_IDS, STORE_KINDS } from '../../../lib/rates/types';
import { programIds } from '../../../lib/presets/schema';
import { RANKS, RULE_PARAMS, warningMessage, type Warning } from '../../../lib/rules';

const catalog: Record<string, { message: string }> = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
);
const placeholderCount = (key: string) => new Set(catalog[key]?.message.match(/\$\d/g) ?? []).size;

describe('catalog messages for the rates, rules and hot list', () => {
  it.each(Object.entries(FACT_PARAMS).map(([id, params]) => ({ key: `fact_${id}`, params })))('$key has one $n per param', ({ key, params }) => {
    expect(catalog[key], key).toBeDefined();
    expect(placeholderCount(key)).toBe(params.length);
  });

  it.each(Object.entries(RULE_PARAMS).map(([code, params]) => ({ key: `rule_${code}`, params })))('$key has one $n per param', ({ key, params }) => {
    expect(catalog[key], key).toBeDefined();
    expect(placeholderCount(key)).toBe(params.length);
  });

  it.each([
    ...CATEGORY_KEYS.map(categoryLabelKey),
    ...REGION_IDS.map(regionLabelKey),
    ...PRODUCT_CLASSES.map(productClassLabelKey),
    ...STORE_KINDS.map(storeLabelKey),
    ...programIds.map(programLabelKey),
    ...RANKS.map((rank) => `rule_rank_${rank}`),
  ])('label %s exists', (key) => {
    expect(catalog[key]).toBeDefined();
  });

  it.each(RATE_CACHE_ERROR_CODES.map((code) => ({ code })))('rate cache error $code renders', ({ code }) => {
    const actual = rateCacheErrorMessage({ code, message: 'm', path: null, httpStatus: 503, at: '2025-01-01T00:00:00.000Z' });
    expect(catalog[actual.key]).toBeDefined();
    expect(placeholderCount(actual.key)).toBe(actual.substitutions.length);
  });

  it.each(HOT_FAILURE_CODES.map((code) => ({ code })))('hot-list failure $code renders', ({ code }) => {
    const actual = hotFailureMessage({ code, detail: '200000' });
    expect(catalog[actual.key]).toBeDefined();
    expect(placeholderCount(actual.key)).toBe(actual.substitutions.length);
  });

  it.each(HOT_ROW_ERROR_CODES.map((code) => ({ code })))('hot-list row error $code renders', ({ code }) => {
    const actual = hotRowErrorMessage({ code, row: 3, line: 4, value: 'x' });
    expect(catalog[actual.key]).toBeDefined();
    expect(placeholderCount(actual.key)).toBe(actual.substitutions.length);
  });
});

describe('message arguments', () => {
  it('orders params as the catalog message expects', () => {
    const input = fact('derivedFromProgram', { category: 'mobilePhone', otherProgram: 'ru-cis-new', otherPct: 1.15, factorPct: 50, ratePct: 2.3 });
    const actual = factMessage(input);
    expect(actual).toEqual({ key: 'fact_derivedFromProgram', substitutions: ['mobilePhone', 'ru-cis-new', '1.15', '50', '2.3'] });
  });

  it('renders labels, countries and numbers through the catalog formatters', () => {
    const translate = (key: string) => catalog[key]?.message ?? key;
    const formatters = catalogFormatters(translate, 'en');
    const input = fact('derivedFromProgram', { category: 'mobilePhone', otherProgram: 'ru-cis-new', otherPct: 1.15, factorPct: 50, ratePct: 2.3 });
    const actual = factMessage(input, formatters).substitutions;
    expect(actual).toEqual(['Mobile phones', 'AliExpress RU&CIS NEW', '1.15', '50', '2.3']);
  });

  it('formats numbers and countries for the UI language', () => {
    const formatters = catalogFormatters((key) => key, 'ru');
    const actual = messageArgs({ country: 'DE', amount: 30.94 }, ['country', 'amount'], formatters);
    expect(actual).toEqual(['Германия', '30,94']);
  });

  it('renders a warning with its dates', () => {
    const input: Warning = {
      code: 'saleFirstCookieWin',
      rank: 'costly',
      seed: '000_3112a24779629cbe.txt',
      params: { start: '2025-10-28T06:00:00-08:00', end: '2025-11-10T04:59:59-08:00' },
      sources: [],
    };
    const actual = warningMessage(input);
    expect(actual).toEqual({ key: 'rule_saleFirstCookieWin', substitutions: ['2025-10-28T06:00:00-08:00', '2025-11-10T04:59:59-08:00'] });
  });

  it.each([
    { input: 'ww', expected: 'program_ww' },
    { input: 'ru-cis-new', expected: 'program_ruCisNew' },
    { input: 'eu-benelux', expected: 'program_euBenelux' },
  ])('program label key of $input is $expected', ({ input, expected }) => {
    expect(programLabelKey(input)).toBe(expected);
  });
});
