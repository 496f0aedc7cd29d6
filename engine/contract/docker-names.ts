import { z } from 'zod';

/**
 * Docker's own grammars for what names an engine object. Every id, name and image reference the client sends ends up
 * inside an Engine API path, where a "." or ".." segment makes the engine answer with a redirect and a "?" starts a
 * query: so each is checked here, at the contract, before any handler runs (and encoded again where it enters a path).
 */

/** Container and volume names, and any object's id or id prefix (moby's `[a-zA-Z0-9][a-zA-Z0-9_.-]`). */
export const OBJECT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

// The distribution reference grammar (`[registry[:port]/]path[:tag][@digest]`), part by part.
const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|-+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domain = `${host}(?::[0-9]+)?`;
const repository = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/** A full reference; an image id (`sha256:…`) or id prefix also fits it (as a name, or a name and a tag). */
export const IMAGE_REFERENCE = new RegExp(`^(${repository})(?::${tag})?(?:@${digest})?$`);
/** The engine refuses longer repository names. */
const MAX_REPOSITORY_LENGTH = 255;

export function isImageReference(value: string): boolean {
  const match = IMAGE_REFERENCE.exec(value);
  return match !== null && (match[1]?.length ?? 0) <= MAX_REPOSITORY_LENGTH;
}

const objectName = (what: string) =>
  z
    .string()
    .min(1, `Give the ${what}'s id or name.`)
    .max(256)
    .regex(OBJECT_NAME, `A ${what} is named by its id or a name of letters, digits, _ . and - that starts with a letter or digit.`);

export const ContainerId = objectName('container');
export const VolumeName = objectName('volume');

/**
 * The engine lets a network's name hold almost anything (spaces, colons), so only what would bend a path is refused:
 * slashes, control characters, and the names "." and "..".
 */
export const NetworkName = z
  .string()
  .min(1, "Give the network's id or name.")
  .max(256)
  .refine((value) => value !== '.' && value !== '..' && !/[/\\\u0000-\u001f\u007f]/.test(value), {
    message: 'A network name may not be "." or ".." or hold slashes or control characters.',
  });

export const ImageRef = z
  .string()
  .min(1, 'Give an image reference, such as nginx:1.27.')
  .max(512)
  .refine(isImageReference, {
    message:
      'Not an image reference: write [registry[:port]/]name[:tag][@digest] with a lowercase name, such as nginx:1.27, ' +
      'ghcr.io/org/app:v2 or an image id.',
  });
