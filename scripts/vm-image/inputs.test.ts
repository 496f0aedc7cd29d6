import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vmImageInputsHash, VM_IMAGE_SCRIPT_DIR } from './inputs';

describe('vmImageInputsHash (the test cache key)', () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'minato-test-vm-inputs-'));
    cpSync(VM_IMAGE_SCRIPT_DIR, copy, { recursive: true });
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('is the same for the same recipe wherever it lies, and differs per architecture', () => {
    expect(vmImageInputsHash('x86_64', copy)).toBe(vmImageInputsHash('x86_64'));
    expect(vmImageInputsHash('aarch64', copy)).not.toBe(vmImageInputsHash('x86_64', copy));
  });

  it('changes with a guest file or its mode, not with documents or tests', () => {
    const before = vmImageInputsHash('x86_64', copy);
    writeFileSync(join(copy, 'README.md'), 'other words');
    writeFileSync(join(copy, 'guest.int.test.ts'), '// another test');
    expect(vmImageInputsHash('x86_64', copy)).toBe(before);
    chmodSync(join(copy, 'guest', 'rootfs', 'etc', 'hostname'), 0o755);
    const executable = vmImageInputsHash('x86_64', copy);
    expect(executable).not.toBe(before);
    writeFileSync(join(copy, 'guest', 'rootfs', 'etc', 'hostname'), 'other\n');
    expect(vmImageInputsHash('x86_64', copy)).not.toBe(executable);
  });
});
