import { describe, expect, it } from 'vitest';
import { computeInsights, createEstimateDataReader, guessCategory, productTitleFromTab } from '@/lib/insights';
import type { Preset } from '@/lib/presets/types';
import { parseProductUrl } from '@/lib/url';

describe('productTitleFromTab', () => {
  it.each([
    { input: 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB - AliExpress 509', expected: 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB' },
    { input: 'Смартфон Xiaomi Redmi Note 13 — купить по низкой цене на AliExpress', expected: 'Смартфон Xiaomi Redmi Note 13' },
    { input: 'Funda para iPhone 15 | AliExpress', expected: 'Funda para iPhone 15' },
    // A hyphen inside the suffix ("интернет-магазине") and in the title ("USB-C") are not separators.
    { input: 'Кабель USB-C 2 м – купить по выгодной цене в интернет-магазине AliExpress', expected: 'Кабель USB-C 2 м' },
    { input: 'Wi-Fi router AX3000 - Free shipping - AliExpress', expected: 'Wi-Fi router AX3000 - Free shipping' },
    { input: 'Sample product 1005006789012345 - AliExpress', expected: 'Sample product 1005006789012345' },
    { input: 'AliExpress', expected: null },
    { input: '   ', expected: null },
    { input: undefined, expected: null },
    { input: 42, expected: null },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(productTitleFromTab(input)).toBe(expected);
  });
});

describe('guessCategory, in the languages of the AliExpress sites', () => {
  it.each([
    { input: 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB', expected: 'mobilePhone' },
    { input: 'Смартфон Xiaomi Redmi Note 13 8/256 ГБ', expected: 'mobilePhone' },
    { input: 'Teléfono móvil Android desbloqueado', expected: 'mobilePhone' },
    { input: 'Phone case for iPhone 15 Pro, silicone', expected: 'mobilePhoneAccessories' },
    { input: 'Чехол для Samsung Galaxy S24', expected: 'mobilePhoneAccessories' },
    { input: 'Sample product 1005006789012345: USB-C cable, 2 m', expected: 'mobilePhoneAccessories' },
    { input: 'Lenovo Tab M10 tablet 10.1 inch', expected: 'tablets' },
    { input: 'Ноутбук 15.6" Intel N100 16 ГБ', expected: 'laptopNetbooks' },
    { input: 'Robe d’été femme à fleurs', expected: 'womensClothing' },
    { input: 'Damen Sommerkleid mit Blumen', expected: 'womensClothing' },
    { input: "Men's cotton t-shirt", expected: 'mensClothing' },
    { input: 'Kids winter jacket for boys', expected: 'childrensClothing' },
    { input: 'Garden hose reel 30 m', expected: 'gardenSupplies' },
    { input: 'Mechanical keyboard 75% hot-swap', expected: 'computerPeripherals' },
    { input: 'Steam gift card 50 USD', expected: 'specialCategory' },
    { input: 'Phones & Telecommunications › Mobile Phones', expected: 'mobilePhone' },
    { input: 'Stainless steel kitchen knife', expected: null },
    { input: '', expected: null },
    { input: null, expected: null },
  ])('$input -> $expected', ({ input, expected }) => {
    expect(guessCategory(input)).toBe(expected);
  });
});

describe('the category the estimate uses', () => {
  const PRODUCT_ID = '1005006789012345';
  const parsed = parseProductUrl(`https://www.aliexpress.com/item/${PRODUCT_ID}.html`);
  const preset: Preset = { id: 'p1', name: 'Blog', accountId: null, program: 'ru-cis-new', audienceCountry: 'DE', subIds: {}, keepSku: false };
  const now = new Date('2025-06-01T12:00:00Z');
  const dataWith = (categoryPicks: unknown) => createEstimateDataReader()({ rateCache: undefined, hotList: undefined, categoryPicks });
  const phoneTab = 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB - AliExpress 509';

  it('is guessed from the tab title, marked as a guess, and gives one number (seed 002: Mobile phone 1,15%)', () => {
    const actual = computeInsights({ parsed, preset, data: dataWith(undefined), tabTitle: phoneTab, shipToCookie: null, now });
    expect(actual).toMatchObject({ title: 'Xiaomi Redmi Note 13 Smartphone 8GB 256GB', categoryKey: 'mobilePhone', categorySource: 'title', estimate: { best: 1.15 } });
  });

  it("is the user's pick when there is one: one click corrects the guess", () => {
    const actual = computeInsights({ parsed, preset, data: dataWith({ [PRODUCT_ID]: 'womensClothing' }), tabTitle: phoneTab, shipToCookie: null, now });
    expect(actual).toMatchObject({ categoryKey: 'womensClothing', categorySource: 'pick', estimate: { best: 3.46 } });
  });

  it("is the API's category path over a guess from the title", () => {
    const api = { category: 'Phones & Telecommunications › Mobile Phone Accessories › Cables', title: 'USB-C cable 2 m' };
    const actual = computeInsights({ parsed, preset, data: dataWith(undefined), tabTitle: phoneTab, api, shipToCookie: null, now });
    expect(actual).toMatchObject({ title: 'USB-C cable 2 m', categoryKey: 'mobilePhoneAccessories', categorySource: 'api', estimate: { best: 3.46 } });
  });

  it('is unknown without a title, a pick or an API answer', () => {
    const actual = computeInsights({ parsed, preset, data: dataWith(undefined), shipToCookie: null, now });
    expect(actual).toMatchObject({ title: null, categoryKey: null, categorySource: null, estimate: { best: null } });
  });
});
