/**
 * Ready-to-post text in the UI language: the words the renderer (lib/presets/post-template.ts)
 * takes from the catalogs, and the one call the popup, the context menu and the shortcut make.
 */
import { postTemplateOf, renderPost, type PostFacts, type PostResult, type PostTemplate, type PostTemplateProblem, type PostWords } from '../presets/post-template';
import { t, uiLanguage } from './index';

export const postWords = (): PostWords => ({ language: uiLanguage(), hot: t('post_hot'), disclosure: t('post_disclosure') });

/**
 * The post for `facts.link` with the preset's template (the default one without a preset, or for
 * a preset saved before templates). `facts` holds what the caller knows: the popup its title,
 * rate, HOT and price; a fact it does not know is left out without a dangling separator.
 */
export function renderPostText(preset: { readonly post?: PostTemplate } | null, facts: PostFacts, words: PostWords = postWords()): PostResult {
  return renderPost(postTemplateOf(preset ?? {}), facts, words);
}

/** Why a template cannot be rendered, in the UI language, for the popup or a form. */
export function postProblemText(problem: PostTemplateProblem): string {
  if (problem.code === 'unknown-placeholder') return t('validation_unknownPlaceholder', `{${problem.name}}`);
  if (problem.code === 'no-link') return t('validation_missingLinkPlaceholder');
  return t('validation_tooLong', String(problem.max));
}
