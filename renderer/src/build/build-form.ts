import { DockerfilePath, isImageReference, STAGE_NAME, type BuilderChoice, type BuildOptionsInput, type BuildRefusal } from '../../../engine/contract';
import type { TKey } from '../i18n/keys';

/** The Build form as typed: text kept as it is, so nothing a person wrote is lost when something is wrong. */
export interface BuildFormValues {
  contextPath: string;
  dockerfile: string;
  /** One tag per line (spaces and commas separate too). */
  tags: string;
  /** `KEY=VALUE`, one per line. */
  buildArgs: string;
  target: string;
  platform: string;
  noCache: boolean;
  pull: boolean;
  builder: BuilderChoice;
}

export const EMPTY_BUILD_FORM: BuildFormValues = {
  contextPath: '',
  dockerfile: 'Dockerfile',
  tags: '',
  buildArgs: '',
  target: '',
  platform: '',
  noCache: false,
  pull: false,
  builder: 'auto',
};

export type BuildField = 'contextPath' | 'dockerfile' | 'tags' | 'buildArgs' | 'target' | 'platform';

/** A message for a field: an i18n key under `build.errors` and what fills it. */
export interface FieldMessage {
  key: TKey;
  params?: Record<string, string>;
}

export type FieldMessages = Partial<Record<BuildField, FieldMessage>>;

const PLATFORM = /^[a-z0-9_]+(\/[a-z0-9_.-]+){0,2}$/i;

const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/**
 * Reads the form into build options, or says what is wrong by field (each message is checked here once: the
 * command shown and the Build button both wait for a form that reads).
 */
export function readBuildForm(values: BuildFormValues): { options?: BuildOptionsInput; messages: FieldMessages } {
  const messages: FieldMessages = {};
  const contextPath = values.contextPath.trim();
  if (!contextPath) messages.contextPath = { key: 'build.errors.folderNeeded' };
  else if (!contextPath.startsWith('/')) messages.contextPath = { key: 'build.errors.absolute' };
  const dockerfile = values.dockerfile.trim() || 'Dockerfile';
  if (!DockerfilePath.safeParse(dockerfile).success) messages.dockerfile = { key: 'build.errors.dockerfilePath' };
  const tags = words(values.tags);
  const badTag = tags.find((tag) => !isImageReference(tag));
  if (badTag !== undefined) messages.tags = { key: 'build.errors.tag', params: { tag: badTag } };
  const buildArgs: Array<{ name: string; value: string }> = [];
  for (const line of lines(values.buildArgs)) {
    const separator = line.indexOf('=');
    const name = separator > 0 ? line.slice(0, separator).trim() : '';
    if (!name || /[\s=]/.test(name)) {
      messages.buildArgs = { key: 'build.errors.buildArg', params: { line } };
      break;
    }
    buildArgs.push({ name, value: line.slice(separator + 1) });
  }
  const target = values.target.trim();
  if (target && !STAGE_NAME.test(target)) messages.target = { key: 'build.errors.target' };
  const platform = values.platform.trim();
  if (platform && !PLATFORM.test(platform)) messages.platform = { key: 'build.errors.platform' };
  if (Object.keys(messages).length > 0) return { messages };
  return {
    messages,
    options: {
      contextPath,
      dockerfile,
      tags,
      buildArgs,
      ...(target ? { target } : {}),
      ...(platform ? { platform } : {}),
      noCache: values.noCache,
      pull: values.pull,
      builder: values.builder,
    },
  };
}

/** An engine's refusal (folder missing, no Dockerfile, an engine not on this machine) as a message by its field. */
export function refusalMessage(refusal: BuildRefusal): { field: BuildField | 'engine'; message: FieldMessage } {
  return { field: refusal.field, message: { key: `build.refused.${refusal.reason}` } };
}

export function isBuildRefusal(details: unknown): details is BuildRefusal {
  return typeof details === 'object' && details !== null && (details as { kind?: unknown }).kind === 'build-refused';
}
