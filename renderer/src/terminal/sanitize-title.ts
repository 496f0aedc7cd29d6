/** Terminal titles come from programs in the container: keep printable text only, and not much of it. */
export function sanitizeTitle(title: string): string {
  return title.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 80);
}

export function isWebLink(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
