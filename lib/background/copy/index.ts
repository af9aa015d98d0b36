export { createCopyLinkAction, type CopyAffiliateLink, type CopyLinkDeps, type CopyOutcome, type CopyRequest, type CopyTiming } from './copy-link';
export { createMenuClickHandler } from './menu';
export { createPostTextMaker, postFactsOf, type PostText, type PostTextDeps, type PostTextInput } from './post';
export { COPY_COMMAND, COPY_POST_COMMAND, createShortcutHandler, type ShortcutDeps, type ShortcutTab } from './shortcut';
