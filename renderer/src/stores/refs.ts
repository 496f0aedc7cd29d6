/** A container as the renderer holds it: always with the engine it lives on (ids are only unique per engine). */
export interface ContainerRef {
  engineId: string;
  id: string;
}

/**
 * A ref as one string, for sets, React keys and DOM ids: `id@engineId`. Container ids are hex, so the first `@`
 * always ends the id, whatever the engine id holds.
 */
export type RefKey = string & { readonly refKey: unique symbol };

export const refKey = (ref: ContainerRef): RefKey => `${ref.id}@${ref.engineId}` as RefKey;

export function refOf(key: RefKey): ContainerRef {
  const at = key.indexOf('@');
  return { id: key.slice(0, at), engineId: key.slice(at + 1) };
}

export const sameRef = (a: ContainerRef | undefined, b: ContainerRef | undefined): boolean =>
  a !== undefined && b !== undefined && a.engineId === b.engineId && a.id === b.id;

/** A Compose project lives on one engine: the same name on two engines is two projects. */
export interface ProjectRef {
  engineId: string;
  project: string;
}

export const projectKey = (ref: ProjectRef): string => `project:${ref.engineId}:${ref.project}`;

/** The view: one engine's containers, or every engine's side by side. */
export const ALL_ENGINES = '*all*';
