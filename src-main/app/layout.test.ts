import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('repository layout', () => {
  it('keeps the top level fixed by the user (plus dotfiles and the lockfile npm ci needs)', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const top = new Set(files.map((f) => f.split('/')[0]!).filter((n) => !n.startsWith('.')));
    expect([...top].sort()).toEqual(
      [
        'README.md',
        'assets',
        'e2e',
        'electron-builder.yml',
        'package-lock.json',
        'package.json',
        'src-main',
        'src-renderer',
      ].sort(),
    );
  });
});
