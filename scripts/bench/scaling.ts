/**
 * Hostile-input scaling for `npm run bench`: how much longer ten times the input takes. Linear work
 * gives about 10, quadratic about 100. Reported as ratios measured in the same run, so a busy
 * machine slows both sides alike.
 */
import { extractBatchInputs } from '../../lib/batch/extract';
import { parseHotList } from '../../lib/hotlist/parse';
import { parseProductUrl } from '../../lib/url';

const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html';

/** The fastest of five timed runs, each repeating `work` enough to rise above the timer's grain. */
function fastestMs(work: () => void, repeats: number): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (let i = 0; i < repeats; i++) work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function ratio(small: () => void, large: () => void, repeats: number): number {
  fastestMs(large, repeats); // warm-up
  return fastestMs(large, repeats) / fastestMs(small, repeats);
}

export function measureScaling() {
  return {
    /** A URL followed by 800 vs 8,000 closing parentheses (8,192 characters is the parser's limit). */
    urlParseParenScaling: ratio(
      () => parseProductUrl(PRODUCT + ')'.repeat(800)),
      () => parseProductUrl(PRODUCT + ')'.repeat(8000)),
      20,
    ),
    /** A pasted line: a URL, then 8,100 vs 81,000 closing parentheses and a word. */
    batchExtractParenScaling: ratio(
      () => extractBatchInputs(`${PRODUCT}${')'.repeat(8100)}x\n`),
      () => extractBatchInputs(`${PRODUCT}${')'.repeat(81_000)}x\n`),
      3,
    ),
    /** A hot-list cell of 20,000 vs 200,000 quote characters. */
    hotListQuoteScaling: ratio(
      () => parseHotList(`product_id,note\n1005006789012345,x${'"'.repeat(20_000)}`),
      () => parseHotList(`product_id,note\n1005006789012345,x${'"'.repeat(200_000)}`),
      3,
    ),
  };
}
