import type { LinkChange } from '@/lib/url/neutral';
import { t } from '@/lib/i18n/index';
import { linkChangeText } from '@/lib/i18n/link-changes';

export interface LinkChangesProps {
  changes: readonly LinkChange[];
}

/** What the link says differently from the URL the user gave: the neutral host, the global id, tracking removed. */
export function LinkChanges({ changes }: LinkChangesProps) {
  if (changes.length === 0) return null;
  return (
    <section class="link-changes" aria-label={t('linkChanges_label')} data-testid="link-changes">
      <ul>
        {changes.map((change) => (
          <li key={change.kind} data-change={change.kind}>
            {linkChangeText(change)}
          </li>
        ))}
      </ul>
    </section>
  );
}
