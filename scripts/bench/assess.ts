/**
 * A throughput probe for `npm run bench`: `assessLink` calls per second (estimate and warnings for
 * one link, as the popup, badge, batch converter and context menu call it). Nothing here runs in
 * the unit tests, which must not depend on machine speed.
 */
import { assessLink, type AssessLinkInput } from '../../lib/insights/assess';
import type { AccountNetwork } from '../../lib/networks/types';
import type { ProgramId } from '../../lib/presets/types';
import type { CategoryKey } from '../../lib/rates/types';

/** A mix of programs and networks, buyer countries, link forms and product facts, so no branch dominates. */
export function assessBenchInputs(): AssessLinkInput[] {
  const programs: [ProgramId, AccountNetwork | null][] = [
    ['ww', 'epn'],
    ['ww', 'admitad'],
    ['ru-cis-new', 'admitad'],
    ['portals', 'portals'],
    ['eu-benelux', 'custom'],
    ['other', null],
  ];
  const countries = ['DE', 'RU', 'KZ', 'BR', 'NL', null];
  const urls = [
    'https://www.aliexpress.com/item/1005006789012345.html?spm=a2g0o.home',
    'https://aliexpress.ru/item/1005006789012346.html',
    'https://www.aliexpress.com/store/1234',
    'https://s.click.aliexpress.com/e/_DdNkq3x',
  ];
  const categories: (CategoryKey | undefined)[] = ['mobilePhone', 'specialCategory', undefined];
  const now = new Date('2025-11-01T12:00:00Z');
  const inputs: AssessLinkInput[] = [];
  for (const [program, network] of programs)
    for (const audienceCountry of countries)
      for (const url of urls)
        for (const categoryKey of categories)
          inputs.push({
            url,
            program,
            network,
            audienceCountry,
            now,
            product: { title: 'Xiaomi Redmi Note 13 Smartphone', categoryKey, hot: categoryKey === 'mobilePhone', hotRate: 12, affiliate: audienceCountry === 'BR' ? false : null, price: { amount: 129.99, currency: 'USD' } },
          });
  return inputs;
}

/** Calls `assessLink` over the bench inputs for about `durationMs`; `clock` is injectable. */
export function measureAssessLinkThroughput({ durationMs = 1000, clock = () => performance.now() }: { durationMs?: number; clock?: () => number } = {}) {
  const inputs = assessBenchInputs();
  for (const input of inputs) assessLink(input); // warm-up
  const start = clock();
  let calls = 0;
  let elapsed = 0;
  do {
    for (const input of inputs) assessLink(input);
    calls += inputs.length;
    elapsed = clock() - start;
  } while (elapsed < durationMs);
  return { callsPerSecond: Math.round((calls / elapsed) * 1000), calls, elapsedMs: Math.round(elapsed) };
}
