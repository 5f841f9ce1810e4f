// Harness of the smoke program in the browser: bundled by esbuild for the browser, loaded by a page on another
// origin than the emulator's, so every call is a CORS request.
import * as sdk from 'cloud-elements-sdk';
import * as oauth from 'cloud-elements-sdk/oauth';
import * as webhooks from 'cloud-elements-sdk/webhooks';
import { smoke } from './smoke.mjs';

globalThis.runSmoke = async (env) => {
  try {
    return { ok: true, lines: await smoke(sdk, oauth, webhooks, env) };
  } catch (error) {
    return { ok: false, error: String(error?.stack ?? error) };
  }
};
