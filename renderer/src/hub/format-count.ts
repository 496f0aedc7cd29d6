/** Stars and pulls as Hub shows them ("1.2K", "10B+" style), in the UI's language. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
