import { useEffect, useRef } from 'preact/hooks';

/**
 * For a form that opens in place of the button that asked for it: the button is gone, and with it
 * the keyboard focus. Moves focus to the form's first control when it mounts, so a keyboard user
 * goes on typing where the form is instead of starting over from the top of the page.
 */
export function useFocusFirstControl<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus();
  }, []);
  return ref;
}
