import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { formatDuration, relativeTime } from '../format/time';
import { statusText, tickInterval } from './status-text';

const now = 1_800_000_000_000;
const at = (secondsAgo: number) => now / 1000 - secondsAgo;
let t: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: 'en', interpolation: { escapeValue: false } });
  t = i18n.t.bind(i18n) as TFunction;
  await i18n.changeLanguage('en');
});

const row = (fields: Partial<ContainerSummary>) => ({ state: 'running' as const, status: 'engine text', ...fields });

describe('times', () => {
  it('never says "in 1 second" for a moment a little ahead of this clock', () => {
    expect(relativeTime(at(-1.4), now, 'en')).toBe('now');
    expect(relativeTime(at(0), now, 'en')).toBe('now');
    expect(relativeTime(at(59), now, 'en')).toBe('59 seconds ago');
    expect(relativeTime(at(60), now, 'en')).toBe('1 minute ago');
    expect(relativeTime(at(3 * 86400), now, 'ja')).toBe('3 日前');
  });

  it('counts a length of time down, as Docker does', () => {
    expect(formatDuration(59.9, 'en')).toBe('59 seconds');
    expect(formatDuration(2 * 3600 + 59 * 60, 'en')).toBe('2 hours');
    expect(formatDuration(300, 'ja')).toBe('5 分');
  });
});

describe('statusText', () => {
  it('counts up from the start, so it moves as time passes', () => {
    const container = row({ since: at(0.2) });
    expect(statusText(t, container, now, 'en')).toBe('Up less than a second');
    expect(statusText(t, container, now + 5_000, 'en')).toBe('Up 5 seconds');
    expect(statusText(t, container, now + 125_000, 'en')).toBe('Up 2 minutes');
  });

  it('says when it exited, with its code, health and pause', () => {
    expect(statusText(t, row({ state: 'exited', since: at(7200), exitCode: 137 }), now, 'en')).toBe('Exited (137) 2 hours ago');
    expect(statusText(t, row({ since: at(30), health: 'healthy' }), now, 'en')).toBe('Up 30 seconds (healthy)');
    expect(statusText(t, row({ state: 'paused', since: at(90) }), now, 'en')).toBe('Up 1 minute, paused');
    expect(statusText(t, row({ state: 'created' }), now, 'en')).toBe('Created');
  });

  it('falls back to the engine’s words for a status it could not date', () => {
    expect(statusText(t, row({}), now, 'en')).toBe('engine text');
  });

  it('ticks every second only while a time shown is under a minute old', () => {
    expect(tickInterval([{ created: at(3600), since: at(10) }], now)).toBe(1000);
    expect(tickInterval([{ created: at(5) }], now)).toBe(1000);
    expect(tickInterval([{ created: at(3600), since: at(600) }], now)).toBe(15_000);
  });
});
