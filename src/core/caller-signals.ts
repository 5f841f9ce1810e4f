/**
 * Following a caller's `AbortSignal` with one listener per signal, however many calls share it. A long-running
 * process passes its shutdown signal to every call; with a listener per call, Node would warn of a leak
 * (`MaxListenersExceededWarning`) from the 11th call in flight, where `fetch` alone raises the limit and warns of
 * nothing.
 */

/** What follows a signal: told once, when the signal aborts, unless it stopped following before. */
export type Follower = { handleEvent(): void };

// The followers of each signal that has some; the entry goes when the last one stops following.
const followed = new WeakMap<AbortSignal, Followers>();

class Followers {
  readonly members = new Set<Follower>();

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', this, { once: true });
  }

  /** The signal aborted: every follower is told, in the order they came, unless one stops following on the way. */
  handleEvent(): void {
    for (const member of this.members) member.handleEvent();
    this.members.clear();
    followed.delete(this.signal);
  }

  remove(follower: Follower): void {
    if (!this.members.delete(follower) || this.members.size > 0) return;
    this.signal.removeEventListener('abort', this);
    followed.delete(this.signal);
  }
}

/** Tells `follower` when `signal` aborts (the signal must not have aborted yet). */
export function follow(signal: AbortSignal, follower: Follower): void {
  let followers = followed.get(signal);
  if (followers === undefined) followed.set(signal, (followers = new Followers(signal)));
  followers.members.add(follower);
}

/** Stops telling `follower`; the signal's listener goes with its last follower. */
export function unfollow(signal: AbortSignal, follower: Follower): void {
  followed.get(signal)?.remove(follower);
}
