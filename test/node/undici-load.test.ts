import { describe, expect, test, vi } from 'vitest';

// An undici that is installed but does not load on this Node (undici 8 needs Node 22.19) used to be reported as
// "not installed", which sends the user to install what they already have.
vi.mock('undici', () => {
  throw new TypeError("Cannot read properties of undefined (reading 'bind')");
});

describe('createUndiciFetch when undici is there but does not load', () => {
  test('says it could not be loaded on this Node, not that it is missing', async () => {
    const { createUndiciFetch } = await import('../../src/node/undici.js');
    const error = await createUndiciFetch().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/undici is installed but could not be loaded on Node v\d+/);
    expect(String(error)).not.toMatch(/needs the undici package/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
