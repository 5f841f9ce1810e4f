// Harness of the smoke program in workerd: a module worker that runs it once per request. Bundled by esbuild with
// the `workerd`/`worker`/`browser` conditions, as wrangler would.
import * as sdk from 'cloud-elements-sdk';
import * as oauth from 'cloud-elements-sdk/oauth';
import * as webhooks from 'cloud-elements-sdk/webhooks';
import { smoke } from './smoke.mjs';

export default {
  async fetch(_request, env) {
    try {
      const lines = await smoke(sdk, oauth, webhooks, JSON.parse(env.CE_SMOKE_ENV));
      return Response.json({ ok: true, lines });
    } catch (error) {
      return Response.json({ ok: false, error: String(error?.stack ?? error) });
    }
  },
};
