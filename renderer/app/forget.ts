/**
 * What a feature's client store keeps of the open congress (an import half done, the leader
 * typed for the oath, the last export, the desk's meeting) goes when the congress does. What
 * the screens READ goes with the fetch layer's cache (`forgetCongress`); this is for the rest.
 * Each store registers its reset where it is made, so the frame need not know them.
 */
const forgetters = new Set<() => void>();

/** Registers what a store does when the congress it holds state of closes or another opens. */
export function forgetWithCongress(forget: () => void): void {
  forgetters.add(forget);
}

/** Forgets what every registered store kept of the congress (AppFrame: another file, or none). */
export function forgetClientState(): void {
  for (const forget of forgetters) forget();
}
