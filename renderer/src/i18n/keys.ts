import type { Messages } from './en';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<Key extends string> = Key extends `${infer Base}_${PluralSuffix}` ? Base : Key;

/** "a.b.c" for every sentence of en.ts (plural forms by their base key, as `t` takes them). */
type Leaves<Node, Prefix extends string = ''> = {
  [Key in keyof Node & string]: Node[Key] extends string ? `${Prefix}${WithoutPlural<Key>}` : Leaves<Node[Key], `${Prefix}${Key}.`>;
}[keyof Node & string];

/** Every translation key: a key built from data (a table, a field's label) is typed with it, so a missing one fails the type check. */
export type TKey = Leaves<Messages>;

/** The keys under a prefix, without it: `KeysUnder<'run.rejected'>` is 'nameTaken' | 'portTaken' | …. */
export type KeysUnder<Prefix extends string, Key = TKey> = Key extends `${Prefix}.${infer Rest}` ? Rest : never;
