/**
 * Runs asynchronous work one at a time, in the order asked: each waits for the one before to
 * finish. A failure fails only its own turn.
 */
export function serialQueue(): (work: () => Promise<void>) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (work) => {
    const done = last.then(work);
    last = done.catch(() => undefined);
    return done;
  };
}
