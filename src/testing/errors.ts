/** An error a handler throws to answer with Cloud Elements' error body (`requestId`, `message`, `providerMessage`). */
export class EmulatorHttpError extends Error {
  override name = 'EmulatorHttpError';
  readonly status: number;
  /** Set when the emulator simulates an error produced by the provider behind the element. */
  readonly providerMessage: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    options: { providerMessage?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.providerMessage = options.providerMessage;
    this.headers = options.headers ?? {};
  }
}
