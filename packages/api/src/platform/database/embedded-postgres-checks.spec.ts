import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../free-port.js';
import { assertPostgresUserCanEnter, firstFolderNotEnterable, portInUse } from './embedded-postgres-checks.js';

const root = mkdtempSync(join(tmpdir(), 'evikomp-checks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('checks before the embedded PostgreSQL starts', () => {
  it("finds the first folder another user cannot enter, as root's home folder is", () => {
    const closed = join(root, 'home');
    mkdirSync(join(closed, 'repository'), { recursive: true });
    chmodSync(root, 0o755);
    chmodSync(closed, 0o700);
    const stranger = { uid: 987_654, gid: 987_654 };
    expect(firstFolderNotEnterable(join(closed, 'repository', '.data'), stranger)).toBe(closed);
    chmodSync(closed, 0o711);
    expect(firstFolderNotEnterable(join(closed, 'repository', '.data'), stranger)).toBeNull();
  });

  it('says, as root, which folder the postgres user cannot enter and what to set', () => {
    const closed = join(root, 'private');
    mkdirSync(closed, { recursive: true });
    chmodSync(closed, 0o700);
    expect(() => assertPostgresUserCanEnter(join(closed, 'postgres'), true)).toThrow(
      new RegExp(
        `"postgres" user .* cannot enter ${closed}, on the way to its data folder .*: set DATA_DIR to a folder every user may enter`,
      ),
    );
    expect(() => assertPostgresUserCanEnter(join(closed, 'postgres'), false)).not.toThrow();
  });

  it('knows a loopback port that is taken', async () => {
    const port = await freePort();
    expect(await portInUse(port)).toBe(false);
    const holder = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    try {
      expect(await portInUse(port)).toBe(true);
    } finally {
      holder.close();
    }
  });
});
