import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import { isImageReference, type RunSpecInput } from '../../../engine/contract';
import { say } from '../i18n/say';
import { textProblems } from './field-text';
import { fieldErrors } from './form-errors';
import { specOf, textsOf, type FormValues } from './form-values';
import { pairLines, wordsOf, WORD_FIELDS, type PairField, type WordField } from './list-text';

/** What the form knows beyond its own values: answers from the engine, and the spec it was opened with. */
export interface CheckContext {
  t: TFunction;
  base: RunSpecInput;
  /** Another container already has the name typed. */
  nameTaken: boolean;
  /** The name the engine refused as taken on the last try (the list may not know it yet). */
  refusedName?: string;
  /** The chosen network (or container to share one with) does not exist. */
  networkError?: string;
  /** The image is not on this engine: it has to be pulled first. */
  imageMissing: boolean;
}

/** One thing to fix: the form path it is about ("ports.0.hostPort", "labels", "pull") and what to say. */
export interface Problem {
  path: string;
  message: string;
}

/** Fields in the order the form shows them, so "the first problem" is the first one on screen. */
export const FORM_ORDER = [
  'image', 'pull', 'name', 'command', 'maxRetries', 'ports', 'publishAll', 'env', 'mounts', 'volumesFrom', 'network', 'networkAliases',
  'extraHosts', 'dns', 'macAddress', 'links', 'hostname', 'memory', 'cpus', 'cpuShares', 'pidsLimit', 'entrypoint', 'workdir', 'user', 'capAdd',
  'capDrop', 'labels', 'logDriver', 'logOptions', '',
];
const PART_ORDER = ['hostPort', 'containerPort', 'hostIp', 'key', 'value', 'source', 'target'];
const PAIR_FIELDS: readonly PairField[] = ['labels', 'logOptions'];

function orderOf(path: string): number[] {
  const [head = '', row, part] = path.split('.');
  // A list's own message ("mapped twice") sits under its rows.
  return [FORM_ORDER.indexOf(head), row === undefined ? Infinity : Number(row), part === undefined ? -1 : PART_ORDER.indexOf(part)];
}

function byFormOrder(a: Problem, b: Problem): number {
  const [x, y] = [orderOf(a.path), orderOf(b.path)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** A list field's schema messages, each naming the line or item it is about, as one message for the field. */
function listMessage(field: WordField | PairField, text: string, errors: Map<string, string>, t: TFunction): string | undefined {
  const lines = pairLines(text);
  const items = wordsOf(text);
  const messages = [...errors]
    .filter(([path]) => path === field || path.startsWith(`${field}.`))
    .map(([path, message]) => {
      const row = path.split('.')[1];
      if (row === undefined) return message;
      return PAIR_FIELDS.includes(field as PairField)
        ? t('run.check.onLine', { line: lines[Number(row)] ?? Number(row) + 1, message })
        : t('run.check.onItem', { item: items[Number(row)] ?? '', message });
    });
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** The spec the form stands for, and every problem with it, in the order the form shows them. */
export function checkForm(values: FormValues, context: CheckContext): { spec: RunSpecInput; problems: Problem[] } {
  const { t } = context;
  const spec = specOf(values, context.base);
  const errors = fieldErrors(spec, t);
  const found = new Map<string, string>();
  // What is wrong with the typed text comes first: the schema's rule about the same field would only restate it.
  for (const [path, problem] of textProblems(spec, textsOf(values))) {
    found.set(path === 'restart.maxRetries' ? 'maxRetries' : path, t(`run.check.${problem.key}`, problem.values));
  }
  const lists = new Set<string>([...WORD_FIELDS, ...PAIR_FIELDS]);
  for (const field of lists) {
    const message = listMessage(field as WordField | PairField, values[field as WordField | PairField], errors, t);
    if (message) found.set(field, message);
  }
  for (const [path, message] of errors) {
    const field = path === 'restart.maxRetries' ? 'maxRetries' : path;
    if (lists.has(field.split('.')[0] ?? '') || found.has(field)) continue;
    found.set(field, field === 'name' ? t('run.nameRule') : message);
  }
  if (!found.has('name') && (context.nameTaken || (context.refusedName !== undefined && context.refusedName === spec.name))) {
    found.set('name', t('run.nameTaken', { name: spec.name }));
  }
  if (context.networkError) found.set('network', context.networkError);
  // The engine would refuse the reference with a bare invalid-input: say here what an image reference looks like.
  if (!found.has('image') && spec.image.length > 0 && !isImageReference(spec.image)) found.set('image', say(t, { key: 'checks.imageReference' }));
  if (context.imageMissing && !found.has('image')) found.set('pull', t('run.pullFirst', { image: spec.image }));
  const problems = [...found].map(([path, message]) => ({ path, message })).sort(byFormOrder);
  return { spec, problems };
}

/**
 * The form's resolver: react-hook-form's zod resolver over a schema that runs `checkForm`, so what blocks a submit is
 * exactly what the form shows by each field.
 */
export const runFormResolver: Resolver<FormValues, CheckContext> = (values, context, options) => {
  const schema = z.custom<FormValues>().superRefine((form, issues) => {
    if (!context) return;
    for (const problem of checkForm(form, context).problems) {
      issues.addIssue({ code: 'custom', path: problem.path ? problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [], message: problem.message });
    }
  });
  return zodResolver(schema)(values, context, options);
};
