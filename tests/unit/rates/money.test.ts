/** Commission in money and where the cap starts to bite, as seeds 001, 002 and 004 state them. */
import { describe, expect, it } from 'vitest';
import { estimateCommission, type EstimateInput, type ProductFacts } from '@/lib/rates/estimate';
import { DEFAULT_RATE_TABLES } from '@/lib/rates/tables';
import type { AccountNetwork } from '@/lib/networks/types';
import type { ProgramId } from '@/lib/presets/types';

const NOW = new Date('2025-06-01T12:00:00Z');
const run = (program: ProgramId, network: AccountNetwork | null, country: string, product: ProductFacts) =>
  estimateCommission({ program, network, audienceCountry: country, linkKind: 'product', now: NOW, product } satisfies EstimateInput, DEFAULT_RATE_TABLES);

describe('commission on a price, rounded down (seed 001: "always cut off downwards")', () => {
  it.each([
    { name: 'RU&CIS NEW, mobile phone 1.15% of $9.99 = 0.1148: 0.11', program: 'ru-cis-new' as const, network: 'admitad' as const, country: 'DE', product: { categoryKey: 'mobilePhone' as const, affiliate: true, price: { amount: 9.99, currency: 'USD' } }, expected: { currency: 'USD', min: 0.11, max: 0.11, best: 0.11, capped: false } },
    { name: 'WW/ePN, derived 2.3% of $100', program: 'ww' as const, network: 'epn' as const, country: 'DE', product: { categoryKey: 'mobilePhone' as const, affiliate: true, price: { amount: 100, currency: 'USD' } }, expected: { currency: 'USD', min: 0.8, max: 7, best: 2.3, capped: false } },
    { name: 'WW/ePN, hot 12% of $1000: capped at $38.5 (seed 001)', program: 'ww' as const, network: 'epn' as const, country: 'FR', product: { hot: true, hotRate: 12, price: { amount: 1000, currency: 'USD' } }, expected: { currency: 'USD', min: 8, max: 38.5, best: 38.5, capped: true } },
    { name: 'RU&CIS NEW, hot 30% of $200: capped at $38 (seed 002)', program: 'ru-cis-new' as const, network: 'admitad' as const, country: 'RU', product: { hot: true, hotRate: 30, affiliate: true, price: { amount: 200, currency: 'USD' } }, expected: { currency: 'USD', min: 0.7, max: 38, best: 38, capped: true } },
  ])('$name', ({ program, network, country, product, expected }) => {
    expect(run(program, network, country, product).commission).toEqual(expected);
  });

  it('does not apply a cap in another currency, and says so (seed 004 caps in EUR)', () => {
    const actual = run('eu-benelux', 'custom', 'NL', { price: { amount: 50, currency: 'USD' } });
    expect(actual.commission?.capped).toBe(false);
    expect(actual.facts.map((f) => f.id)).toContain('capOtherCurrency');
  });
});

describe('where the cap starts to bite', () => {
  it.each([
    { name: 'WW/ePN at its highest stated 7%: $38.5 above $550', program: 'ww' as const, network: 'epn' as const, country: 'DE', product: {}, expected: { price: 550, currency: 'USD', ratePct: 7 } },
    { name: 'WW/ePN at a hot 12%: above $320.84', program: 'ww' as const, network: 'epn' as const, country: 'DE', product: { hot: true, hotRate: 12 }, expected: { price: 320.84, currency: 'USD', ratePct: 12 } },
    { name: 'RU&CIS NEW at 3.46%: $38 above $1098.27', program: 'ru-cis-new' as const, network: 'admitad' as const, country: 'DE', product: { categoryKey: 'womensClothing' as const, affiliate: true }, expected: { price: 1098.27, currency: 'USD', ratePct: 3.46 } },
    { name: 'Portals: no cap stated', program: 'portals' as const, network: 'portals' as const, country: 'DE', product: {}, expected: null },
    { name: 'EU/Benelux: no rate stated, so no price', program: 'eu-benelux' as const, network: 'custom' as const, country: 'NL', product: {}, expected: null },
  ])('$name', ({ program, network, country, product, expected }) => {
    expect(run(program, network, country, product).capBitesAbove).toEqual(expected);
  });
});
