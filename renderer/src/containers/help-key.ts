/** Where typing `?` means the character: text fields, editable regions and selects keep their keys. */
export function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
}

/**
 * `?` opens the keyboard help anywhere in the Containers section, as the sidebar button promises, except where it is
 * typed as text, or over another dialog (its own keys come first). The list handles its own `?` and marks it handled.
 */
export function isHelpKey(event: KeyboardEvent): boolean {
  if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (typesText(event.target)) return false;
  return document.querySelector('[aria-modal="true"], dialog[open]') === null;
}
