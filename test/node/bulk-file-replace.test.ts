import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../../src/client/index.js';
import { ConnectionError, TimeoutError } from '../../src/core/index.js';
import { createUndiciFetch, downloadBulkResultsToFile } from '../../src/node/index.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

// A download that fails part-way must not leave a truncated export where a complete one was.
const earlier = 'id,name\n1,EARLIER-COMPLETE-EXPORT\n2,EARLIER\n';
let dir: string;
let server: TestServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ce-node-bulk-replace-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Answer = (res: ServerResponse) => void;
const answers: Record<string, Answer> = {
  cut: (res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '100000' });
    res.write('id,name\n1,PARTIAL\n', () => setTimeout(() => res.destroy(), 50));
  },
  stall: (res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write('id,name\n1,PARTIAL\n');
  },
  // Cut before any byte of the body: the read fails as soon as it starts, before a file could be opened late.
  cutAtOnce: (res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '100000' });
    res.flushHeaders();
    setImmediate(() => res.destroy());
  },
  ok: (res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end('id,name\n1,NEW\n');
  },
};

for (const kind of ['default', 'undici'] as const) {
  describe(`downloadBulkResultsToFile through the ${kind} fetch`, () => {
    async function download(mode: keyof typeof answers, path: string, extra: object = {}) {
      server = await startServer((_req, res) => answers[mode]!(res));
      const crm = createClient({
        userSecret: 'u1',
        organizationSecret: 'o1',
        baseUrl: `${server.url}/elements/api-v2`,
        fetch: kind === 'undici' ? await createUndiciFetch() : undefined,
        retry: false,
      }).forInstance('t1');
      return downloadBulkResultsToFile(crm, {
        hub: 'crm',
        jobId: '7',
        objectName: 'contacts',
        format: 'csv',
        path,
        ...extra,
      });
    }

    test('leaves no temporary file when the body fails before its first byte', async () => {
      const path = join(dir, `${kind}-at-once.csv`);
      for (let i = 0; i < 10; i++) {
        await expect(download('cutAtOnce', path)).rejects.toBeInstanceOf(ConnectionError);
        await server?.close();
        server = undefined;
      }
      // A file opened after the failure would show up a moment later.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await readdir(dir)).filter((name) => name.startsWith(`${kind}-at-once`))).toEqual([]);
    });

    test('keeps the earlier file whole when the body is cut off, stalls, or the caller aborts', async () => {
      const path = join(dir, `${kind}-failures.csv`);
      await writeFile(path, earlier);
      await expect(download('cut', path)).rejects.toBeInstanceOf(ConnectionError);
      expect(await readFile(path, 'utf8')).toBe(earlier);
      await expect(download('stall', path, { idleTimeoutMs: 200 })).rejects.toBeInstanceOf(TimeoutError);
      expect(await readFile(path, 'utf8')).toBe(earlier);
      const controller = new AbortController();
      const reason = new Error('shutting down');
      setTimeout(() => controller.abort(reason), 200);
      await expect(download('stall', path, { signal: controller.signal })).rejects.toBe(reason);
      expect(await readFile(path, 'utf8')).toBe(earlier);
      // Nothing else is left next to it: the partial downloads were removed.
      expect((await readdir(dir)).filter((name) => name.startsWith(`${kind}-failures`))).toEqual([
        `${kind}-failures.csv`,
      ]);
    });

    test('replaces the earlier file once the download completes, or creates it', async () => {
      const path = join(dir, `${kind}-ok.csv`);
      await writeFile(path, earlier);
      expect(await download('ok', path)).toBe(Buffer.byteLength('id,name\n1,NEW\n'));
      expect(await readFile(path, 'utf8')).toBe('id,name\n1,NEW\n');
      const fresh = join(dir, `${kind}-fresh.csv`);
      await download('ok', fresh);
      expect(await readFile(fresh, 'utf8')).toBe('id,name\n1,NEW\n');
      expect((await readdir(dir)).filter((name) => name.includes('partial'))).toEqual([]);
    });

    test('rejects with the file error when the file cannot be written or replaced, leaving nothing behind', async () => {
      const missing = join(dir, 'no-such-dir', 'x.csv');
      const error = await download('ok', missing).catch((e: unknown) => e);
      // Said with the code, not the file system's message, which repeats the whole path.
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(
        /Cannot write next to .*x\.csv.*: ENOENT\. Pass a path in a writable folder\./,
      );
      expect(((error as Error).cause as { code?: unknown }).code).toBe('ENOENT');
      // A directory (not empty) where the file should go: refused before the download, which the rename would
      // have found only once the whole body was on disk.
      const taken = join(dir, `${kind}-taken`);
      await mkdir(taken);
      await writeFile(join(taken, 'keep'), 'x');
      const refused = await download('ok', taken).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TypeError);
      expect((refused as Error).message).toMatch(
        /Cannot write .*-taken.*: EISDIR\. Pass the path of a file, not a folder\./,
      );
      expect((await readdir(dir)).filter((name) => name.startsWith(`${kind}-taken.`))).toEqual([]);
    });
  });
}
