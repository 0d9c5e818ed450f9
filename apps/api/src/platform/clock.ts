/**
 * Where "now" comes from. Services that decide on time (TOTP steps, signing times, invitation
 * expiry) take a Clock instead of calling Date.now(), so tests set the time instead of waiting.
 */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and for replaying a fixed scenario. */
export const manualClock = (start: Date | string = new Date()) => {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at: Date | string) => void (t = new Date(at).getTime()),
    advance: (ms: number) => void (t += ms),
  };
};
export type ManualClock = ReturnType<typeof manualClock>;
