import { looksSecret, MASK, maskAssignment, maskValue } from '../../../engine/contract/secrets';

const KEY_VALUE = /^(\s*(?:- )?)([^\s:'"][^:]*?|'[^']*'|"[^"]*"):( +)(\S.*)$/;
const LIST_ASSIGNMENT = /^(\s*- )([^=\s]+=.*)$/;

/**
 * The resolved config with its secrets hidden, as inspect hides them: a value under a name that looks secret
 * (`DB_PASSWORD: …`, `- API_TOKEN=…`), and every value by its shape (URL passwords, tokens). Line by line: the CLI
 * prints one key a line.
 */
export function maskConfigText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const listed = LIST_ASSIGNMENT.exec(line);
      if (listed) return `${listed[1]}${maskAssignment(listed[2]!)}`;
      const pair = KEY_VALUE.exec(line);
      if (pair && looksSecret(pair[2]!.replace(/^['"]|['"]$/g, ''))) return `${pair[1]}${pair[2]}:${pair[3]}${MASK}`;
      return maskValue(line);
    })
    .join('\n');
}
