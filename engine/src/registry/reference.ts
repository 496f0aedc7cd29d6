/** The registry a reference lives in, as the CLI reads it: a first component with a dot, a port or `localhost`; else Hub. */
export function registryOfReference(ref: string): string {
  const slash = ref.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = ref.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[') ? first : 'docker.io';
}

/** `repo[:tag][@digest]` → the repository and the tag (undefined when the reference has none). */
export function splitReference(ref: string): { repository: string; tag: string | undefined } {
  const withoutDigest = ref.split('@')[0] ?? ref;
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > withoutDigest.lastIndexOf('/')) return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) };
  return { repository: withoutDigest, tag: undefined };
}
