import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { follow, unfollow } from '../../src/core/caller-signals.js';

describe('following a caller signal', () => {
  it('puts one listener on the signal for any number of followers, and takes it off with the last', () => {
    const controller = new AbortController();
    const followers = Array.from({ length: 20 }, () => ({ handleEvent() {} }));
    for (const follower of followers) follow(controller.signal, follower);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    for (const follower of followers.slice(1)) unfollow(controller.signal, follower);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    unfollow(controller.signal, followers[0]!);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    // Stopping twice, or without having followed, changes nothing.
    unfollow(controller.signal, followers[0]!);
    follow(controller.signal, followers[1]!);
    unfollow(controller.signal, followers[0]!);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
  });

  it('tells the followers in order when the signal aborts, but not one that stopped following on the way', () => {
    const controller = new AbortController();
    const told: string[] = [];
    const c = { handleEvent: () => told.push('c') };
    const a = {
      handleEvent: () => {
        told.push('a');
        unfollow(controller.signal, c);
      },
    };
    const b = { handleEvent: () => told.push('b') };
    for (const follower of [a, b, c]) follow(controller.signal, follower);
    controller.abort();
    expect(told).toEqual(['a', 'b']);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    // A signal of its own for each caller: one aborting tells nobody of another's.
    const other = new AbortController();
    const d = { handleEvent: () => told.push('d') };
    follow(other.signal, d);
    new AbortController().abort();
    expect(told).toEqual(['a', 'b']);
    other.abort();
    expect(told).toEqual(['a', 'b', 'd']);
  });
});
