import type { JSX } from 'preact';
import { OPTIONS_PAGES, OPTIONS_SECTIONS, type OptionsPageId, type OptionsRoute } from '@/lib/options/navigation';
import { t, type MessageKey } from '@/lib/i18n/index';

export interface OptionsNavProps {
  route: OptionsRoute;
}

export const PAGE_TITLE_KEYS: Readonly<Record<OptionsPageId, MessageKey>> = {
  links: 'options_pageLinks',
  accounts: 'options_pageAccounts',
  sources: 'options_pageSources',
  privacy: 'options_pagePrivacy',
};

/** The title of each section in the navigation: the section's own heading. */
export const SECTION_TITLE_KEYS: Readonly<Record<string, MessageKey>> = {
  history: 'history_title',
  batch: 'batch_title',
  'network-accounts': 'options_accounts',
  presets: 'options_presets',
  rates: 'options_rates',
  'hot-products': 'options_hotList',
  api: 'credentials_heading',
  badge: 'badge_optInHeading',
  'ship-to': 'options_shipTo',
  backup: 'transfer_title',
  sync: 'sync_title',
  'your-data': 'disclosure_title',
};

/** 20 px line icons drawn inline (no icon font or remote file: the extension loads no remote code). */
const ICON_PATHS: Readonly<Record<OptionsPageId, JSX.Element>> = {
  links: <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.9-.9" />,
  accounts: (
    <>
      <circle cx="10" cy="7" r="3" />
      <path d="M4 16.5c.8-2.9 3.2-4.5 6-4.5s5.2 1.6 6 4.5" />
    </>
  ),
  sources: (
    <>
      <ellipse cx="10" cy="5" rx="6" ry="2.5" />
      <path d="M4 5v10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V5M4 10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5" />
    </>
  ),
  privacy: <path d="M10 2.5 4 5v4.5c0 3.8 2.6 6.9 6 8 3.4-1.1 6-4.2 6-8V5l-6-2.5Z" />,
};

function PageIcon({ page }: { page: OptionsPageId }) {
  return (
    <svg class="nav-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {ICON_PATHS[page]}
    </svg>
  );
}

/**
 * The persistent side navigation: each page, and under it every section it holds, as plain
 * links to hashes, so the browser's history, a reload and a bookmark all keep the page.
 */
export function OptionsNav({ route }: OptionsNavProps) {
  return (
    <nav class="side-nav" aria-label={t('options_navLabel')} data-testid="options-nav">
      <p class="brand">
        <img src="/icon/32.png" width="24" height="24" alt="" />
        <span>Sublink</span>
      </p>
      <ul class="nav-pages">
        {OPTIONS_PAGES.map((page) => {
          const current = route.page === page;
          return (
            <li key={page} class={current ? 'current' : undefined}>
              <a href={`#${page}`} class="nav-page" aria-current={current && route.section === null ? 'page' : current ? 'true' : undefined}>
                <PageIcon page={page} />
                <span>{t(PAGE_TITLE_KEYS[page])}</span>
              </a>
              <ul class="nav-sections">
                {OPTIONS_SECTIONS[page].map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`} aria-current={route.section?.id === section.id ? 'location' : undefined}>
                      {t(SECTION_TITLE_KEYS[section.id]!)}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
