// `cloud-elements webhooks verify`: checks the Elements-Webhook-Signature of a body read from stdin.
import {
  WEBHOOK_SIGNATURE_HEADER,
  WebhookVerificationError,
  createWebhookVerifier,
} from '../webhooks/index.js';
import {
  EXIT,
  UsageError,
  sdkMessage,
  stringList,
  stringOption,
  type CommandSpec,
  type ParsedCommand,
} from './args.js';
import { readStdin, type CliContext, type Command } from './context.js';

const spec: CommandSpec = {
  name: 'webhooks verify',
  brief: 'Check the signature of a webhook body read from stdin',
  usage: '--key-env <NAME> [--signature <header value>] < body',
  summary:
    `Checks that ${WEBHOOK_SIGNATURE_HEADER} (sha256=<Base64 HMAC-SHA256 of the raw body>) holds for the body ` +
    'on stdin: exit 0 when it does, 1 with the reason when it does not.',
  details: [
    'The key is read from the environment variable you name (never from the command line, where it would ' +
      "stay in the shell history): the instance's event.notification.signature.key. Repeat --key-env while " +
      'rotating keys.',
    `Without --signature, stdin is a whole HTTP request as captured (request line, headers, an empty line, the ` +
      `body), and the signature is its ${WEBHOOK_SIGNATURE_HEADER} header; the body is what its Content-Length ` +
      'or chunked transfer encoding delimits.',
  ],
  options: {
    'key-env': {
      type: 'string',
      multiple: true,
      value: '<NAME>',
      description: 'Environment variable that holds the signature key',
    },
    signature: {
      type: 'string',
      value: '<value>',
      description: `The ${WEBHOOK_SIGNATURE_HEADER} header value, e.g. sha256=…`,
    },
  },
  positionals: [],
  examples: [
    'cloud-elements webhooks verify --key-env CE_WEBHOOK_KEY --signature "sha256=…" < body.json',
    'cloud-elements webhooks verify --key-env CE_WEBHOOK_KEY < request.http',
  ],
};

const LINE = /\r?\n/;
/** An environment variable's name as shells write them; a key (Base64, hex with mixed case) is not one. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The body of a `Transfer-Encoding: chunked` message: each chunk's data without the sizes and line ends. */
function dechunk(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf(0x0a, offset);
    // The size in hex, maybe followed by `;extensions`.
    const size = parseInt(new TextDecoder('latin1').decode(bytes.subarray(offset, lineEnd)), 16);
    if (lineEnd < 0 || !Number.isSafeInteger(size) || lineEnd + 1 + size > bytes.length)
      throw new UsageError(
        "the captured request's chunked body is malformed or cut short: capture the request again, or pass " +
          'the body alone with --signature.',
      );
    if (size === 0) break;
    parts.push(bytes.subarray(lineEnd + 1, lineEnd + 1 + size));
    // Skips the chunk's CRLF (or LF).
    offset = lineEnd + 1 + size + (bytes[lineEnd + 1 + size] === 0x0d ? 2 : 1);
  }
  return Buffer.concat(parts);
}

/**
 * Splits a captured HTTP request into its signature header and body bytes; `undefined` when it is not one. The
 * body is what Content-Length or `Transfer-Encoding: chunked` delimits, as the server read it: not the chunk
 * framing, nor a newline an editor added after it.
 */
function splitRequest(
  bytes: Uint8Array,
): { signature: string | string[] | undefined; body: Uint8Array } | undefined {
  // Headers are ASCII: decoding the head as latin1 keeps byte offsets equal to character offsets.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  const firstLine = head.split(LINE, 1)[0] ?? '';
  if (!/^[A-Z]+ \S+ HTTP\/\d(\.\d)?$/.test(firstLine) && !/^[A-Za-z0-9-]+:[ \t]/.test(firstLine))
    return undefined;
  const end = /\r?\n\r?\n/.exec(head);
  if (!end) return undefined;
  const lines = head.slice(0, end.index).split(LINE);
  if (/^[A-Z]+ \S+ HTTP/.test(lines[0] ?? '')) lines.shift();
  const found: string[] = [];
  let length: string | undefined;
  let chunked = false;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === WEBHOOK_SIGNATURE_HEADER.toLowerCase()) found.push(value);
    else if (name === 'content-length') length = value;
    else if (name === 'transfer-encoding') chunked = /(^|,)\s*chunked\s*$/i.test(value);
  }
  const signature = found.length === 0 ? undefined : found.length === 1 ? found[0] : found;
  const rest = bytes.subarray(end.index + end[0].length);
  // Chunked wins over Content-Length (RFC 9112 §6.3).
  if (chunked) return { signature, body: dechunk(rest) };
  if (length === undefined) return { signature, body: rest };
  const size = /^\d+$/.test(length) ? Number(length) : NaN;
  if (!(size <= rest.length))
    throw new UsageError(
      `the captured request's body is ${rest.length} bytes, ${Number.isNaN(size) ? 'and its Content-Length is not a number' : `fewer than its Content-Length (${size})`}: ` +
        'capture the request again, or pass the body alone with --signature.',
    );
  return { signature, body: rest.subarray(0, size) };
}

async function run(parsed: ParsedCommand, ctx: CliContext): Promise<number> {
  const names = stringList(parsed, 'key-env');
  if (names.length === 0)
    throw new UsageError(
      'webhooks verify needs --key-env <NAME>, the environment variable that holds the key.',
    );
  const keys = names.map((name, index) => {
    // `--key-env "$CE_WEBHOOK_KEY"` passes the key itself, which may look like a variable's name (upper-case hex,
    // a short key): the value given is never printed, only which --key-env it was.
    const which = names.length === 1 ? '--key-env' : `--key-env number ${index + 1} of ${names.length}`;
    if (!VARIABLE_NAME.test(name))
      throw new UsageError(
        `${which} takes the name of the environment variable that holds the key, not the key: export ` +
          'CE_WEBHOOK_KEY=… and pass --key-env CE_WEBHOOK_KEY (the value given is not shown, in case it is the key).',
      );
    const key = ctx.env[name];
    if (key === undefined || key === '')
      throw new UsageError(
        `the environment variable that ${which} names is not set or empty: export it, and pass its name ` +
          '(--key-env CE_WEBHOOK_KEY, not "$CE_WEBHOOK_KEY"; the name is not shown, in case it is the key).',
      );
    return key;
  });
  const input = await readStdin(ctx);
  let signature: string | string[] | undefined = stringOption(parsed, 'signature');
  let body = input;
  if (signature === undefined) {
    const request = splitRequest(input);
    // A body alone would only fail as missing_signature, as if Cloud Elements had not signed it.
    if (!request)
      throw new UsageError(
        'webhooks verify needs --signature <value> (the Elements-Webhook-Signature header) for a body alone; ' +
          'or pass the whole captured request (request line, headers, an empty line, the body) on stdin.',
      );
    ({ signature, body } = request);
  }
  const verifier = createWebhookVerifier({ key: keys });
  try {
    const { keyIndex } = await verifier.verify(body, signature);
    const which =
      names.length === 1 ? names[0] : `${names[keyIndex]} (key ${keyIndex + 1} of ${names.length})`;
    ctx.stdout.write(`✔ the signature holds for ${body.length} bytes under ${which}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    const message = sdkMessage(error.message);
    ctx.stderr.write(`✘ ${error.reason}: ${message}\n`);
    return EXIT.failed;
  }
}

export const webhooksVerifyCommand: Command = { spec, run };
