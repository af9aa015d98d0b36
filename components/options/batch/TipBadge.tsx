export interface TipBadgeProps {
  label: string;
  /** The whole text: in the badge's accessible text, and shown on hover and keyboard focus. */
  tip: string;
  /** `blocking`, `costly` and `info` follow the warning ranks; `note` is for facts about the link. */
  tone: 'blocking' | 'costly' | 'info' | 'note';
  testId?: string;
}

/**
 * A short badge that keeps its full text: the text is read with the label by screen readers and
 * shows as a tooltip on hover and on keyboard focus (Escape hides it again by leaving the badge).
 */
export function TipBadge({ label, tip, tone, testId }: TipBadgeProps) {
  return (
    <span
      class={`batch-badge ${tone}`}
      tabIndex={0}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.currentTarget.blur();
      }}
    >
      {label}
      <span class="batch-tip">{tip}</span>
    </span>
  );
}
