const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** What Tab can reach inside `root`, in document order: shown and enabled. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.tabIndex >= 0 && element.getClientRects().length > 0 && !element.closest('[inert]'),
  );
}

/**
 * Where Tab (or Shift+Tab) goes from `current` within `items`, wrapping at both ends; undefined when the browser's
 * own move already stays inside.
 */
export function wrapTarget<T>(items: readonly T[], current: T | null, backwards: boolean): T | undefined {
  if (items.length === 0) return undefined;
  const index = current === null ? -1 : items.indexOf(current);
  if (index === -1) return backwards ? items[items.length - 1] : items[0];
  if (backwards && index === 0) return items[items.length - 1];
  if (!backwards && index === items.length - 1) return items[0];
  return undefined;
}
