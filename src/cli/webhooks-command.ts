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
  shownValue,
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
      `body), and the signature is its ${WEBHOOK_SIGNATURE_HEADER} header.`,
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

/** Splits a captured HTTP request into its signature header and body bytes; `undefined` when it is not one. */
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
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === WEBHOOK_SIGNATURE_HEADER.toLowerCase())
      found.push(line.slice(colon + 1).trim());
  }
  const signature = found.length === 0 ? undefined : found.length === 1 ? found[0] : found;
  return { signature, body: bytes.subarray(end.index + end[0].length) };
}

async function run(parsed: ParsedCommand, ctx: CliContext): Promise<number> {
  const names = stringList(parsed, 'key-env');
  if (names.length === 0)
    throw new UsageError(
      'webhooks verify needs --key-env <NAME>, the environment variable that holds the key.',
    );
  const keys = names.map((name) => {
    // `--key-env "$CE_WEBHOOK_KEY"` passes the key itself: say so without printing it (nor a variable by its
    // name, unless the name looks like one).
    if (!VARIABLE_NAME.test(name))
      throw new UsageError(
        `--key-env takes the name of the environment variable that holds the key, not the key: export ` +
          `CE_WEBHOOK_KEY=… and pass --key-env CE_WEBHOOK_KEY (got ${shownValue(name)}).`,
      );
    const key = ctx.env[name];
    if (key === undefined || key === '')
      // A lower-case "name" may still be a key (hex): only a conventional name is printed whole.
      throw new UsageError(
        `the environment variable ${/^[A-Z_][A-Z0-9_]*$/.test(name) ? name : shownValue(name)} (--key-env) is not set or empty.`,
      );
    return key;
  });
  const input = await readStdin(ctx);
  let signature: string | string[] | undefined = stringOption(parsed, 'signature');
  let body = input;
  if (signature === undefined) {
    const request = splitRequest(input);
    if (request) ({ signature, body } = request);
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
