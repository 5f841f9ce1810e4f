// Harness of the smoke program for runtimes with a command line (Node, Bun, Deno): imports the installed package,
// reads the emulator's address from CE_SMOKE_ENV and prints one JSON line.
import * as sdk from 'cloud-elements-sdk';
import * as oauth from 'cloud-elements-sdk/oauth';
import * as webhooks from 'cloud-elements-sdk/webhooks';
import { smoke } from './smoke.mjs';

const runtime =
  typeof globalThis.Deno !== 'undefined'
    ? { name: 'deno', version: globalThis.Deno.version.deno }
    : typeof globalThis.Bun !== 'undefined'
      ? { name: 'bun', version: globalThis.Bun.version }
      : { name: 'node', version: process.versions.node };
const env = JSON.parse(
  typeof globalThis.Deno !== 'undefined' ? globalThis.Deno.env.get('CE_SMOKE_ENV') : process.env.CE_SMOKE_ENV,
);
try {
  console.log(JSON.stringify({ ...runtime, ok: true, lines: await smoke(sdk, oauth, webhooks, env) }));
} catch (error) {
  console.log(JSON.stringify({ ...runtime, ok: false, error: String(error?.stack ?? error) }));
}
