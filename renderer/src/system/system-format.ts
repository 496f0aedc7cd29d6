/** A clock time in the UI's language (the time a measurement ended, an event happened). */
export const clockTime = (ms: number, language: string, withDate = false) =>
  new Intl.DateTimeFormat(language, withDate ? { dateStyle: 'short', timeStyle: 'medium' } : { timeStyle: 'medium' }).format(ms);

/** How long something took: milliseconds under a second, else seconds with one decimal. */
export const seconds = (ms: number, language: string) =>
  ms < 1000
    ? new Intl.NumberFormat(language, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(ms)
    : new Intl.NumberFormat(language, { style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(ms / 1000);

/** What a prune would give back as a share of the whole, as `docker system df` prints it (rounded down). */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 100) / whole) : 0);

const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
export type KnownState = (typeof STATES)[number];
/** A container state Docker names, for the shared `states.*` words; anything else is shown as the engine said it. */
export const knownState = (state: string | undefined): KnownState | undefined => STATES.find((known) => known === state);
