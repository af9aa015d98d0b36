export { createCopyLinkAction, type CopyAffiliateLink, type CopyLinkDeps, type CopyOutcome, type CopyRequest, type CopyTiming } from './copy-link';
export { createMenuClickHandler } from './menu';
export { COPY_COMMAND, createShortcutHandler, type ShortcutDeps, type ShortcutTab } from './shortcut';
