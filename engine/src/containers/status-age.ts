/**
 * The list answer (/containers/json) has no StartedAt/FinishedAt, only the daemon's status text ("Up 5 minutes",
 * "Exited (137) 2 hours ago"), itself computed from those timestamps by go-units' HumanDuration. Reading the text
 * back gives the moment to within Docker's own rounding, so the UI can tick and speak its own language without one
 * inspect per row.
 */

const SECOND = 1;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

const UNIT_SECONDS: Record<string, number> = {
  second: SECOND,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
};

/** Seconds a HumanDuration text stands for (its lower bound), or undefined for a text it never produces. */
export function humanDurationSeconds(text: string): number | undefined {
  const phrase = text.trim().toLowerCase();
  if (phrase === 'less than a second') return 0;
  if (phrase === 'about a minute') return MINUTE;
  if (phrase === 'about an hour') return HOUR;
  const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(phrase);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2] as string]!;
}

export interface StatusFacts {
  /** Epoch seconds: when it started (Up …) or stopped (Exited/Restarting … ago). */
  since?: number;
  exitCode?: number;
  health?: 'starting' | 'healthy' | 'unhealthy';
}

const HEALTH: Record<string, StatusFacts['health']> = {
  '(healthy)': 'healthy',
  '(unhealthy)': 'unhealthy',
  '(health: starting)': 'starting',
};

/** Facts behind the daemon's status text, as of `nowSeconds` (when the engine answered). */
export function statusFacts(status: string, nowSeconds: number): StatusFacts {
  const up = /^Up (.+?)(?: \((?:Paused|healthy|unhealthy|health: starting)\))?$/.exec(status);
  if (up) {
    const age = humanDurationSeconds(up[1] as string);
    const healthText = /\((healthy|unhealthy|health: starting)\)$/.exec(status)?.[0];
    const health = healthText ? HEALTH[healthText] : undefined;
    return { ...(age === undefined ? {} : { since: nowSeconds - age }), ...(health ? { health } : {}) };
  }
  const ended = /^(?:Exited|Restarting) \((-?\d+)\) (.+) ago$/.exec(status);
  if (ended) {
    const age = humanDurationSeconds(ended[2] as string);
    return { exitCode: Number(ended[1]), ...(age === undefined ? {} : { since: nowSeconds - age }) };
  }
  return {};
}
