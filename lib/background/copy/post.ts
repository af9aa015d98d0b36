/**
 * "Copy as post" from the context menu or the shortcut: the link the copy built, inside the
 * preset's post template (lib/presets/post-template.ts). The facts come from what the worker can
 * know without a page: the API's answer for the product when the account has credentials
 * (title, price, rate, HOT), else the local estimate (rate, HOT) over the stored tables.
 */
import type { ProductInsightsReply, ProductInsightsRequest } from '../../api/service';
import type { LinkAssessment } from '../../insights';
import type { Account } from '../../networks/types';
import type { PostFacts, PostResult, PostWords } from '../../presets/post-template';
import type { Preset } from '../../presets/types';

export interface PostTextInput {
  readonly link: string;
  readonly sourceUrl: string;
  readonly preset: Preset | null;
  readonly account: Account | undefined;
}

export interface PostTextDeps {
  assess?(sourceUrl: string, preset: Preset | null, account: Account | undefined): Promise<LinkAssessment | null>;
  /** lib/api/service.ts `productInsights`; answers `source: null` without credentials. */
  productInsights?(request: ProductInsightsRequest): Promise<ProductInsightsReply>;
  render(preset: Preset | null, facts: PostFacts, words: PostWords): PostResult;
  words(): PostWords;
}

/**
 * The facts for the post: the API's where it answered, the local estimate's otherwise. The API's
 * hot rate only when its link is the hot link (the hot rate needs it, seed 001).
 */
export function postFactsOf(link: string, assessment: LinkAssessment | null, reply: ProductInsightsReply | null): PostFacts {
  const api = reply && reply.source !== null ? reply : null;
  const apiRate = api?.rate ? (api.link?.kind === 'hot' && api.rate.hotCommissionRate !== null ? api.rate.hotCommissionRate : api.rate.commissionRate) : null;
  return {
    link,
    title: api?.title ?? null,
    price: api?.price ?? null,
    ratePercent: apiRate ?? assessment?.estimate.best ?? null,
    hot: api?.rate?.isHot ?? assessment?.estimate.hot ?? null,
  };
}

export function createPostTextMaker(deps: PostTextDeps) {
  return async function postText({ link, sourceUrl, preset, account }: PostTextInput): Promise<PostResult> {
    // Neither may stop the post: a fact that failed to arrive is left out of it.
    const [assessment, reply] = await Promise.all([
      deps.assess ? deps.assess(sourceUrl, preset, account).catch(() => null) : null,
      preset && deps.productInsights ? deps.productInsights({ url: sourceUrl, presetId: preset.id }).catch(() => null) : null,
    ]);
    return deps.render(preset, postFactsOf(link, assessment, reply), deps.words());
  };
}

export type PostText = ReturnType<typeof createPostTextMaker>;
