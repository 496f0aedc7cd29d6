import path from 'node:path';
import type Docker from 'dockerode';
import { COMPOSE_PROJECT_NAME } from '../../contract/compose';

const PROJECT = 'com.docker.compose.project';
const WORKING_DIR = 'com.docker.compose.project.working_dir';
const CONFIG_FILES = 'com.docker.compose.project.config_files';

export interface LabelProject {
  name: string;
  workingDir?: string;
  configFiles: string[];
}

/**
 * The config files a container's labels name, as absolute paths: Compose v2 writes them absolute, v1 relative to
 * the working folder (and comma-separated in both).
 */
export function labelConfigFiles(labels: Record<string, string>): string[] {
  const workingDir = labels[WORKING_DIR];
  const files = (labels[CONFIG_FILES] ?? '').split(',').map((file) => file.trim()).filter(Boolean);
  return files.flatMap((file) => (path.isAbsolute(file) ? [file] : workingDir ? [path.resolve(workingDir, file)] : []));
}

/** Projects as their containers' labels tell them (stopped containers included), one per project name. */
export async function labelProjects(docker: Docker, signal?: AbortSignal): Promise<LabelProject[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [PROJECT] }, ...(signal ? { abortSignal: signal } : {}) });
  const byName = new Map<string, LabelProject>();
  for (const container of containers) {
    const labels = container.Labels ?? {};
    const name = labels[PROJECT];
    if (!name || !COMPOSE_PROJECT_NAME.test(name) || byName.has(name)) continue;
    const workingDir = labels[WORKING_DIR];
    byName.set(name, { name, ...(workingDir ? { workingDir } : {}), configFiles: labelConfigFiles(labels) });
  }
  return [...byName.values()];
}
