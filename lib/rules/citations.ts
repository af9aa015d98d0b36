/**
 * The seed passages behind rules that are not rates: link forms, attribution, the click-country
 * rule. Rates, regions and exclusions come from the rate tables, which carry their own sources.
 */
import { SEED } from '../rates/seeds';
import type { SourceRef } from '../rates/types';

export const RULE_SOURCES = {
  clickCountrySince2021: {
    seed: SEED.ww,
    date: '2021-10-15',
    quote: 'since October 15, 2021 ... it is necessary that the country of delivery of the order matches the country according to the click IP address',
  },
  hotDirectLinkWw: {
    seed: SEED.ww,
    quote: 'To receive an increased percentage of hot sale products, the user must follow your affiliate link, which leads directly to this product and place an order.',
  },
  hotDirectLinkRuCis: {
    seed: SEED.ruCisNew,
    quote: 'To get an increased reward for Hot products, the user needs to follow the publisher’s affiliate link, which leads directly to the item',
  },
  pagePriority: {
    seed: SEED.ww,
    quote: 'Personal Hotlsale Product Page> Personal Regular Product Page> Category / Stock Page and more> https://aliexpress.com',
  },
  sClick: {
    seed: SEED.ww,
    quote: 'If you use a link in the format http://s.click.aliexpress.com, commission may not be included.',
  },
  appLinks: {
    seed: SEED.ruCisNew,
    quote: 'publishers shouldn’t use product links from AliExpress mobile app to create affiliate deeplinks. We cannot guarantee correct tracking in this case.',
  },
} as const satisfies Record<string, SourceRef>;
