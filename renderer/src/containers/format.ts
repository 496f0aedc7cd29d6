export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
