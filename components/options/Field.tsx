import type { ComponentChildren } from 'preact';

export interface FieldProps {
  /** id of the control inside; the label and messages are tied to it. */
  id: string;
  label: string;
  help?: string;
  error?: string;
  children: ComponentChildren;
}

/** A labelled form control with its help and error text wired up for screen readers. */
export function Field({ id, label, help, error, children }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>
        <span>{label}</span>
      </label>
      {children}
      {help && (
        <span class="help" id={`${id}-help`}>
          {help}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Props a control needs so its Field's help and error are announced with it. */
export function describedBy(id: string, help: boolean, error: string | undefined) {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}
