import { access, constants } from 'node:fs/promises';
import type { ComposeProject } from '../../contract/compose';
import type { LabelProject } from './label-projects';
import type { RememberedProject } from './project-store';

const readable = (file: string) =>
  access(file, constants.R_OK).then(
    () => true,
    () => false,
  );

/**
 * One list of projects: those the engine's containers carry and those opened from files, joined by name. An opened
 * project's file wins over the labels' (the person chose it); the labels' files count only if they are here.
 */
export async function listProjects(fromLabels: LabelProject[], remembered: RememberedProject[]): Promise<ComposeProject[]> {
  const names = [...new Set([...remembered.map((entry) => entry.name), ...fromLabels.map((entry) => entry.name)])];
  const projects = await Promise.all(
    names.map(async (name): Promise<ComposeProject> => {
      const opened = remembered.find((entry) => entry.name === name);
      const labelled = fromLabels.find((entry) => entry.name === name);
      const source = opened ?? labelled!;
      const workingDir = opened?.workingDir ?? labelled?.workingDir;
      const configFiles = source.configFiles;
      const filesHere = configFiles.length > 0 && (await Promise.all(configFiles.map(readable))).every(Boolean);
      return { name, remembered: opened !== undefined, fromLabels: labelled !== undefined, ...(workingDir ? { workingDir } : {}), configFiles, filesHere };
    }),
  );
  return projects.sort((a, b) => a.name.localeCompare(b.name));
}
