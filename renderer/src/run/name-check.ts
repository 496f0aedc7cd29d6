import type { ContainerSummary } from '../../../engine/contract';
import { useContainerList } from '../queries/containers';

/** True when another container already has this name; the one being edited keeps its own name without complaint. */
export function nameTaken(list: readonly ContainerSummary[] | undefined, name: string | undefined, editedId?: string): boolean {
  if (!name || !list) return false;
  return list.some((container) => container.name === name && !(editedId && (container.id.startsWith(editedId) || editedId.startsWith(container.id))));
}

/** Reads the list the app already holds (kept fresh by engine events), so checking a name asks the engine nothing. */
export function useNameTaken(engineId: string, name: string | undefined, editedId?: string): boolean {
  const list = useContainerList(engineId, true);
  return nameTaken(list.data, name, editedId);
}
