import { describe, expect, it } from 'vitest';
import { MASK } from '../../../engine/contract/secrets';
import { maskConfigText } from './mask-config';

describe('maskConfigText', () => {
  it('hides values under secret names, secret list entries and secret shapes, and leaves the rest', () => {
    const text = [
      'services:',
      '  db:',
      '    environment:',
      '      POSTGRES_PASSWORD: hunter2',
      "      'API_TOKEN': abc",
      '      POSTGRES_USER: app',
      '      DATABASE_URL: postgres://app:hunter2@db/app',
      '    command:',
      '    - SECRET_KEY=xyz',
      '    - --verbose',
      '    image: postgres:16',
    ].join('\n');
    expect(maskConfigText(text).split('\n')).toEqual([
      'services:',
      '  db:',
      '    environment:',
      `      POSTGRES_PASSWORD: ${MASK}`,
      `      'API_TOKEN': ${MASK}`,
      '      POSTGRES_USER: app',
      `      DATABASE_URL: postgres://app:${MASK}@db/app`,
      '    command:',
      `    - SECRET_KEY=${MASK}`,
      '    - --verbose',
      '    image: postgres:16',
    ]);
  });
});
