import { describe, expect, it } from 'vitest';
import { systemJa } from '../i18n/domains/system';

describe('Japanese System wording', () => {
  it('calls the clean-up tab and every text about it クリーンアップ, never the casual お掃除', () => {
    expect(systemJa.tabs.prune).toBe('クリーンアップ');
    expect(JSON.stringify(systemJa)).not.toContain('掃除');
    expect([systemJa.prune.failed, systemJa.prune.cancelledText, systemJa.prune.done].every((text) => text.includes('クリーンアップ'))).toBe(true);
  });
});
