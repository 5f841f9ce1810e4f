// The world the operations sweep (operations.test.ts) calls into: an emulator with an instance of each hub's
// element, a record and a child record in every resource, and one of each platform resource, with their ids.
import { expect } from 'vitest';
import { fileForm, startTestEmulator, type TestEmulator } from './helpers.js';

/** The element whose instance answers each hub's operations. */
export const HUB_ELEMENTS: Record<string, string> = {
  crm: 'sfdc',
  documents: 'sfdcdocuments',
  helpdesk: 'sfdcservicecloud',
  marketing: 'marketo',
  expense: 'concur',
  finance: 'quickbooks',
};

/** Ids of the things the setup made, for path parameters. */
export type World = {
  emulator: TestEmulator;
  tokens: Record<string, string>;
  instanceIds: Record<string, number>;
  ids: Record<string, string>;
};

/** Makes an emulator with an instance of every hub's element and one of each platform resource. */
export async function makeWorld(): Promise<World> {
  const emulator = await startTestEmulator({
    users: [{ emailAddress: 'ada@example.com', password: 'pa55!' }],
  });
  const tokens: Record<string, string> = {};
  const instanceIds: Record<string, number> = {};
  for (const [hub, element] of Object.entries(HUB_ELEMENTS)) {
    const instance = emulator.createInstance({ element, tags: ['sweep'] });
    tokens[hub] = emulator.hubAuth(instance.token);
    instanceIds[hub] = instance.id;
    // A custom object (reached through the generic /hubs/{hub}/{objectName} operations only), then one record (and
    // one child record) in every resource the instance stores.
    emulator.state.hubResources[hub] = {
      ...emulator.state.hubResources[hub],
      widgets: { idPrefix: '', requiredOnCreate: [] },
    };
    for (const resource of Object.keys(emulator.state.hubResources[hub] ?? {})) {
      emulator.state.records(instance.id, resource).set('r1', { id: 'r1' });
      for (const child of [
        'activities',
        'notes',
        'tasks',
        'attachments',
        'comments',
        'history',
        'work-notes',
        'contacts',
        'events',
        'leads',
        'interactions',
      ])
        emulator.state.records(instance.id, `${resource}/r1/${child}`).set('c1', { id: 'c1' });
    }
  }
  const post = async (path: string, body: unknown, auth?: string) => {
    const response = await emulator.call('POST', path, { body, ...(auth ? { auth } : {}) });
    expect(response.status, `${path}: ${response.text}`).toBe(200);
    return response.body;
  };
  const formula = await post('/formulas', {
    name: 'Sweep',
    steps: [{ name: 'one', type: 'script', properties: { body: 'done({});' } }],
  });
  const formulaInstance = await post(`/formulas/${formula.id}/instances`, { name: 'Sweep instance' });
  const [execution] = await post(`/formulas/instances/${formulaInstance.id}/executions`, { message: {} });
  const subscription = await post('/notifications/subscriptions', {
    channel: 'webhook',
    topics: ['sweep'],
    config: { url: 'https://example.com/hook' },
  });
  const notification = await post('/notifications', { topic: 'sweep', message: 'hello' });
  const account = await post('/accounts', { externalId: 'sweep', name: 'Sweep' });
  const accountUser = await post(`/accounts/${account.id}/users`, {
    firstName: 'Road',
    lastName: 'Runner',
    email: 'road@example.com',
    password: 'meep',
  });
  await post('/organizations/objects/myContact/definitions', { fields: [{ path: 'email', type: 'string' }] });
  await post('/organizations/elements/sfdc/transformations/myContact', { vendorName: 'Contact' });
  await post(`/instances/${instanceIds.crm}/transformations/myContact`, { vendorName: 'Contact' });
  await post(`/instances/${instanceIds.crm}/objects/myContact/definitions`, { fields: [{ path: 'email' }] });
  const file = await emulator.call('POST', '/hubs/documents/files?path=/sweep/file.txt', {
    auth: tokens.documents,
    body: fileForm('hello', 'file.txt', 'text/plain'),
  });
  const folder = await emulator.call('GET', '/hubs/documents/folders/metadata?path=/sweep', {
    auth: tokens.documents,
  });
  const job = await emulator.call(
    'POST',
    `/hubs/crm/bulk/query?q=${encodeURIComponent('select * from contacts')}`,
    {
      auth: tokens.crm,
    },
  );
  emulator.tickBulkJobs(3);
  const usage = await emulator.call('GET', '/hubs/crm/ping', { auth: tokens.crm });
  const login = await post(
    '/authentication',
    { username: 'ada@example.com', password: 'pa55!' },
    'Basic none',
  );
  const config = await emulator.call('GET', `/instances/${instanceIds.crm}/configuration`);
  return {
    emulator,
    tokens,
    instanceIds,
    ids: {
      formula: String(formula.id),
      formulaInstance: String(formulaInstance.id),
      execution: String(execution.id),
      step: String(execution.stepExecutions[0].id),
      subscription: String(subscription.id),
      notification: String(notification.id),
      account: String(account.id),
      accountUser: accountUser.email,
      user: String(emulator.state.users[0]!.id),
      userEmail: 'ada@example.com',
      file: file.body.id,
      folder: folder.body.id,
      job: String(job.body.id),
      usage: usage.headers.get('elements-request-id')!,
      login: login.token,
      config: String(config.body[0].id),
    },
  };
}
