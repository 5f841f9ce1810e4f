// `cloud-elements emulator`: the emulator of cloud-elements-sdk/testing as a standalone server, for tests in any
// language (as stripe-mock serves Stripe's API). It prints its base URL and test credentials and stops cleanly on
// SIGINT or SIGTERM.
import { createHash } from 'node:crypto';
import type { FaultCounts } from '../testing/index.js';
import { mask, note, type CliContext, type Command } from './context.js';
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

const FAULT_KINDS = [
  'rateLimit',
  'serverError',
  'drop',
  'hang',
  'lostResponse',
  'htmlAnswer',
  'stallAfterHeaders',
  'truncatedBody',
  'slowBody',
] as const satisfies readonly (keyof FaultCounts)[];
// Every fault the emulator counts is one the command takes: a new kind fails to compile until it is listed above.
const everyKindListed: Exclude<keyof FaultCounts, (typeof FAULT_KINDS)[number]> extends never ? true : never =
  true;
void everyKindListed;

const spec: CommandSpec = {
  name: 'emulator',
  brief: 'Run the local emulator as a server for tests in any language',
  usage: '[--port <n>] [--seed <n>] [--faults <list>] [--instance <elementKey>]...',
  summary:
    'Runs the local Cloud Elements emulator as a server and prints its base URL and test credentials as ' +
    'CE_* variables (the ones the other commands and `npm run demo` read). Ctrl-C (SIGINT) or SIGTERM stops it.',
  details: [
    '--seed makes a run repeatable: the same seed gives the same user and organization secrets, the same element ' +
      'tokens to the instances of --instance, and hits the same requests with faults.',
    `--faults takes kind=share pairs, separated by commas, with options as kind.option=value and latencyMs=<ms>: ` +
      `e.g. rateLimit=0.1,serverError=0.05,serverError.status=502,latencyMs=50. Kinds: ${FAULT_KINDS.join(', ')}.`,
  ],
  options: {
    port: { type: 'string', value: '<n>', description: 'Port to listen on (default: a free one)' },
    host: { type: 'string', value: '<address>', description: 'Address to listen on (default 127.0.0.1)' },
    seed: {
      type: 'string',
      value: '<n>',
      description: 'Seed of the secrets, of the element tokens and of the fault picker',
    },
    faults: {
      type: 'string',
      multiple: true,
      value: '<list>',
      description: 'Faults to inject, e.g. rateLimit=0.1',
    },
    instance: {
      type: 'string',
      multiple: true,
      value: '<elementKey>',
      description: 'Create an instance of this element at start (sfdc, sfdcdocuments, marketo, …)',
    },
    json: {
      type: 'boolean',
      description: 'Print one JSON line (url, secrets, instances) instead of variables',
    },
  },
  positionals: [],
  examples: [
    'cloud-elements emulator --port 4010 --seed 7 --instance sfdc',
    'cloud-elements emulator --faults rateLimit=0.2,serverError=0.1 --json',
  ],
};

type FaultOptions = Record<string, unknown> & { seed?: number; latencyMs?: number };

/** Parses `rateLimit=0.1,serverError.status=502,latencyMs=50` (several --faults add up). */
export function parseFaults(lists: string[]): FaultOptions {
  const faults: FaultOptions = {};
  for (const item of lists.flatMap((list) => list.split(/[\s,]+/)).filter(Boolean)) {
    const equals = item.indexOf('=');
    const key = equals === -1 ? item : item.slice(0, equals);
    const raw = equals === -1 ? '' : item.slice(equals + 1);
    const value = raw === 'true' ? true : raw === 'false' ? false : Number(raw);
    if (raw === '' || (typeof value === 'number' && Number.isNaN(value)))
      throw new UsageError(`--faults: "${item}" needs a number, as in ${key}=0.1.`);
    const [kind, option] = key.split('.', 2) as [string, string | undefined];
    if (kind === 'latencyMs') {
      if (option !== undefined)
        throw new UsageError(
          `--faults: latencyMs takes no options ("${item}"); write latencyMs=<ms>, as in latencyMs=50.`,
        );
      faults.latencyMs = value as number;
      continue;
    }
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(
        `--faults: unknown fault "${kind}"; the kinds are latencyMs, ${FAULT_KINDS.join(', ')}.`,
      );
    }
    const fault = (faults[kind] ??= { share: 0 }) as Record<string, unknown>;
    fault[option ?? 'share'] = value;
  }
  return faults;
}

/** A secret derived from the seed: the same seed, the same secret, so tests can fix their credentials. */
function seeded(seed: string, what: string, encoding: 'base64' | 'hex', length: number): string {
  return createHash('sha256')
    .update(`cloud-elements-emulator/${seed}/${what}`)
    .digest(encoding)
    .slice(0, length);
}

async function run(parsed: ParsedCommand, ctx: CliContext): Promise<number> {
  const portText = stringOption(parsed, 'port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    throw new UsageError(`--port takes a port number, got ${shownValue(portText)}.`);
  const seedText = stringOption(parsed, 'seed');
  if (seedText !== undefined && !/^-?\d+$/.test(seedText))
    throw new UsageError(`--seed takes a whole number, got ${shownValue(seedText)}.`);
  const faults = parseFaults(stringList(parsed, 'faults'));
  if (seedText !== undefined) faults.seed = Number(seedText);

  // Listening for SIGINT/SIGTERM from now on, so that a signal sent as soon as the ready line shows is handled.
  const stopped = ctx.whenStopped();
  // Loaded here, so that the other commands never load the emulator.
  const { ELEMENTS, startEmulator } = await import('../testing/index.js');
  const keys = stringList(parsed, 'instance');
  for (const key of keys) {
    if (!ELEMENTS.some((element) => element.key === key)) {
      throw new UsageError(
        `--instance ${key}: the emulator's elements are ${ELEMENTS.map((e) => e.key).join(', ')}.`,
      );
    }
  }
  const host = stringOption(parsed, 'host') ?? '127.0.0.1';
  // An empty --host (an unset $HOST) would listen on every interface, with its credentials printed.
  if (host.trim() === '')
    throw new UsageError('--host is empty: give an address of this machine, e.g. 127.0.0.1.');
  let emulator;
  try {
    emulator = await startEmulator({
      host,
      port,
      faults,
      ...(seedText === undefined
        ? {}
        : {
            organizationSecret: seeded(seedText, 'organization', 'hex', 32),
            users: [{ secret: seeded(seedText, 'user', 'base64', 43) }],
          }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pick another with --port.`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL') {
      throw new UsageError(
        `--host ${shownValue(host)} is not an address of this machine${code === 'EADDRNOTAVAIL' ? '' : ' (nor a name that resolves)'}; ` +
          'give one of its addresses, e.g. 127.0.0.1 (the default), or 0.0.0.0 for every interface.',
      );
    }
    if (code === 'EACCES') {
      throw new UsageError(
        `listening on port ${port} of ${shownValue(host)} is not allowed to this user (ports below 1024 usually need ` +
          'privileges); pick another with --port, e.g. --port 4010, or leave it out for a free one.',
      );
    }
    if (error instanceof TypeError) throw new UsageError(sdkMessage(error.message));
    throw error;
  }
  const instances = keys.map((key, index) => {
    const instance = emulator.createInstance({ element: key });
    // The emulator draws tokens at random; a seeded run gives each instance one of the seed, shaped alike (base64
    // of 30 bytes), so that a test can fix CE_ELEMENT_TOKEN as it fixes the secrets.
    if (seedText !== undefined) instance.token = seeded(seedText, `instance/${index}`, 'base64', 40);
    return instance;
  });
  const { userSecret, organizationSecret } = emulator.credentials;
  if (parsed.values.json === true) {
    const list = instances.map((i) => ({ id: i.id, element: i.elementKey, token: i.token }));
    ctx.stdout.write(
      `${JSON.stringify({ url: emulator.url, userSecret, organizationSecret, instances: list })}\n`,
    );
  } else {
    const lines = [
      `export CE_BASE_URL=${emulator.url}`,
      `export CE_USER_SECRET='${userSecret}'`,
      `export CE_ORGANIZATION_SECRET='${organizationSecret}'`,
      ...instances.map((instance, index) =>
        index === 0
          ? `export CE_ELEMENT_TOKEN='${instance.token}'  # instance ${instance.id} (${instance.elementKey})`
          : `# instance ${instance.id} (${instance.elementKey}): token '${instance.token}'`,
      ),
    ];
    ctx.stdout.write(`${lines.join('\n')}\n`);
  }
  note(
    ctx,
    `Cloud Elements emulator on ${emulator.url} (user secret ${mask(userSecret)}); Ctrl-C or SIGTERM stops it.`,
  );
  const signal = await stopped;
  note(ctx, `${signal}: stopping the emulator…`);
  await emulator.close();
  note(ctx, '✔ emulator stopped');
  return EXIT.ok;
}

export const emulatorCommand: Command = { spec, run };
