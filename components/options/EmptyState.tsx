export interface EmptyStateProps {
  /** What is missing: "No account yet." */
  title: string;
  /** What to do about it. */
  action: string;
  testId?: string;
}

/** An empty list, saying what to do to fill it. */
export function EmptyState({ title, action, testId }: EmptyStateProps) {
  return (
    <div class="empty-state" data-testid={testId}>
      <p>
        <strong>{title}</strong>
        {action}
      </p>
    </div>
  );
}
