import { RunSpec, type RunSpecInput } from '../../../engine/contract';

export interface SpecChange {
  field: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What saving an edit will change, field by field, for the confirmation before the container is recreated. */
export function specChanges(original: RunSpec, draft: RunSpecInput): SpecChange[] {
  const next = RunSpec.safeParse(draft);
  if (!next.success) return [];
  const keys = new Set([...Object.keys(original), ...Object.keys(next.data)]) as Set<keyof RunSpec>;
  const changes: SpecChange[] = [];
  for (const key of keys) {
    const before = original[key];
    const after = next.data[key];
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field: key, before: show(before), after: show(after) });
  }
  return changes;
}
