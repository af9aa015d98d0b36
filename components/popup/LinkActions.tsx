import type { ReadonlySignal, Signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/index';
import { postProblemText, renderPostText } from '@/lib/i18n/post';
import { productTitleFromTab } from '@/lib/insights/category-guess';
import type { PopupInsightsModel } from '@/lib/popup/insights-model';
import type { PopupModel } from '@/lib/popup/model';
import type { PostFacts } from '@/lib/presets/post-template';

export interface LinkActionsProps {
  model: Pick<PopupModel, 'shownLink' | 'selectedPreset' | 'copyState' | 'copy' | 'tabTitle'>;
  /** The estimate's model once it has loaded: the post's title, rate, HOT and price come from it. */
  insights: ReadonlySignal<PopupInsightsModel | null>;
  qrOpen: Signal<boolean>;
}

/** What the popup knows about the product on screen, for the post's placeholders; unknown facts stay out. */
function postFacts(link: string, insightsModel: PopupInsightsModel | null, tabTitle: string | undefined): PostFacts {
  const insights = insightsModel?.insights.value ?? null;
  const api = insightsModel?.api.value;
  const price = api?.status === 'done' && api.reply.source !== null ? api.reply.price : undefined;
  return {
    link,
    title: insights?.title ?? productTitleFromTab(tabTitle),
    ratePercent: insights?.estimate.best ?? null,
    hot: insights?.hot.hot ?? null,
    price: price ?? null,
  };
}

/** Beside Copy: the preset's ready-to-post text around the link, and the link's QR code. */
export function LinkActions({ model, insights, qrOpen }: LinkActionsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const shown = model.shownLink.value;
  if (!shown) return null;
  const state = model.copyState.value;
  const postCopied = state.kind === 'copied' && state.as === 'post';

  const copyPost = () => {
    setProblem(null);
    void model.copy({
      as: 'post',
      text: (link) => {
        const result = renderPostText(model.selectedPreset.value, postFacts(link, insights.value, model.tabTitle.value));
        if (result.ok) return result.text;
        setProblem(result.problems.map(postProblemText).join(' '));
        return null;
      },
    });
  };

  return (
    <>
      <button type="button" data-testid="copy-post" data-copied={postCopied ? 'true' : 'false'} onClick={copyPost}>
        {t(postCopied ? 'popup_postCopied' : 'popup_copyPost')}
      </button>
      <button type="button" data-testid="qr-toggle" aria-expanded={qrOpen.value} onClick={() => (qrOpen.value = !qrOpen.value)}>
        {t(qrOpen.value ? 'popup_qrHide' : 'popup_qrShow')}
      </button>
      {problem && (
        <span class="error" role="alert" data-testid="post-problem">
          {problem}
        </span>
      )}
    </>
  );
}
