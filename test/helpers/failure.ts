/** The error `run()` fails with, whether it throws or returns a rejected promise; fails the test if it does not. */
export async function failure(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}
