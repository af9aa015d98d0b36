/**
 * The few lines of DOM building the popup's first screen needs. It is plain DOM, not Preact, so
 * the link is on screen before any framework code has loaded (docs/architecture.md, 'Budgets').
 */
type Child = Node | string | null | false | undefined;

/** Attributes (`false` and `undefined` leave one out) and event listeners (`on` + event name). */
export type Props = Readonly<Record<string, string | boolean | undefined | ((event: Event) => void)>>;

/** Creates an element with attributes, listeners and children, like `h()` in a JSX runtime. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== false && child !== undefined));
  return element;
}
