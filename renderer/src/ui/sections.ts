export const SECTIONS = ['containers', 'images', 'explore', 'registries', 'volumes', 'networks', 'compose', 'system', 'vm'] as const;
export type Section = (typeof SECTIONS)[number];

export const sectionOf = (hash: string): Section => SECTIONS.find((section) => `#${section}` === hash) ?? 'containers';

/** Moves to a section the way its sidebar link does, so Back returns to where the person was. */
export function goToSection(section: Section): void {
  if (sectionOf(window.location.hash) !== section) window.location.hash = `#${section}`;
}
