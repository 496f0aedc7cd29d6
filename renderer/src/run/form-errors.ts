import type { TFunction } from 'i18next';
import { messageOfIssue, RunSpec, type RunSpecInput } from '../../../engine/contract';
import { say } from '../i18n/say';

/**
 * Schema problems keyed by field path ("ports.0.hostPort"), so each message sits next to what was typed; the schema
 * writes them as keys, said here in the person's language.
 */
export function fieldErrors(draft: RunSpecInput, t: TFunction): Map<string, string> {
  const result = RunSpec.safeParse(draft);
  const errors = new Map<string, string>();
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!errors.has(path)) errors.set(path, say(t, messageOfIssue(issue)));
  }
  return errors;
}

/** A line of a pasted .env block that is not KEY=VALUE: its number and text, for `messages.envLine`. */
export interface EnvLineProblem {
  line: number;
  text: string;
}

/** Splits a pasted .env block into key/value rows; lines that are not KEY=VALUE come back as problems. */
export function parseEnvBlock(text: string): { pairs: Array<{ key: string; value: string }>; problems: EnvLineProblem[] } {
  const pairs: Array<{ key: string; value: string }> = [];
  const problems: EnvLineProblem[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const body = line.startsWith('export ') ? line.slice(7) : line;
    const separator = body.indexOf('=');
    const key = separator > 0 ? body.slice(0, separator).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
      problems.push({ line: index + 1, text: line });
      continue;
    }
    let value = body.slice(separator + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1);
    pairs.push({ key, value });
  }
  return { pairs, problems };
}
