import { describe, expect, it } from 'vitest';
import { extractBatchInputs } from '../../../lib/batch/extract';
import { parseProductUrl } from '../../../lib/url';

const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html';

/** The fastest of a few timed runs, each repeating `work` enough to rise above the timer's grain. */
function fastestMs(work: () => void, repeats: number): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (let i = 0; i < repeats; i++) work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Ten times the input must cost about ten times the time. A quadratic step costs a hundred times, so a
 * ratio bound of 35 tells the two apart with room for a busy machine, without any absolute time budget.
 */
const LINEAR_RATIO_MAX = 35;

describe('work grows linearly with hostile input', () => {
  it('parseProductUrl: a URL followed by 800 vs 8,000 closing parentheses', () => {
    const small = PRODUCT + ')'.repeat(800);
    const large = PRODUCT + ')'.repeat(8000);
    expect(parseProductUrl(large)).toStrictEqual({ kind: 'product', product: { id: '1005006789012345', site: 'com' } });
    fastestMs(() => parseProductUrl(large), 20); // warm-up
    const ratio = fastestMs(() => parseProductUrl(large), 20) / fastestMs(() => parseProductUrl(small), 20);
    expect(ratio).toBeLessThan(LINEAR_RATIO_MAX);
  });

  it('extractBatchInputs: a line of a URL followed by 8,100 vs 81,000 closing parentheses and a word', () => {
    const small = `${PRODUCT}${')'.repeat(8100)}x\n`;
    const large = `${PRODUCT}${')'.repeat(81000)}x\n`;
    fastestMs(() => extractBatchInputs(large), 3); // warm-up
    const ratio = fastestMs(() => extractBatchInputs(large), 3) / fastestMs(() => extractBatchInputs(small), 3);
    expect(ratio).toBeLessThan(LINEAR_RATIO_MAX);
  });
});
