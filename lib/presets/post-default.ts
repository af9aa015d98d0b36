/**
 * The post template's shape and default, apart from the renderer (post-template.ts): the preset
 * schema, which the popup reads on open, needs the bound, and nothing more of the renderer.
 */

export interface PostTemplate {
  /** The text with placeholders (`{title}`, `{link}`, `{rate}`, `{hot}`, `{price}`); lines are kept as written. */
  readonly text: string;
  /** Ends the post with the disclosure line in the UI language. On unless the user turns it off. */
  readonly disclosure: boolean;
}

/** Enough for a long post; a template is stored in every preset and carried in the backup. */
export const POST_TEMPLATE_MAX = 2000;

export const DEFAULT_POST_TEMPLATE: PostTemplate = { text: '{title} — {price}\n{link}', disclosure: true };
