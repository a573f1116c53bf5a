/**
 * Wraps a refresh so that a burst of change events (a queue of check-ins from several
 * windows) costs at most one call in flight and one queued after it.
 */
export function coalesce(run: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let again = false;
  const loop = async (): Promise<void> => {
    do {
      again = false;
      await run();
    } while (again);
  };
  return () => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = loop().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
