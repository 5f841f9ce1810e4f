// The TypeScript samples of the operations tagged "CRM", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, paginate, unwrap } from '../../src/index.js';

/** GET /hubs/crm/accounts: List accounts */
export async function listCrmAccounts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const account of paginate(crm, '/hubs/crm/accounts', {
    pageSize: 100,
  })) {
    console.log(account.id);
  }
}

/** POST /hubs/crm/accounts: Create an account */
export async function createCrmAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    crm.POST('/hubs/crm/accounts', {
      body: {
        name: 'ChurrosTestAccount',
        type: 'Prospect',
        phone: '555-666-7777',
        website: 'http://www.superawesome.com',
      },
    }),
  );
  console.log(account.id);
}

/** GET /hubs/crm/accounts/{id}: Get an account */
export async function getCrmAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    crm.GET('/hubs/crm/accounts/{id}', {
      params: { path: { id: '0016A00000QmM2fQAF' } },
    }),
  );
  console.log(account.id);
}

/** PATCH /hubs/crm/accounts/{id}: Update an account */
export async function updateCrmAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    crm.PATCH('/hubs/crm/accounts/{id}', {
      params: { path: { id: '0016A00000QmM2fQAF' } },
      body: { Phone: '777-777-0000' },
    }),
  );
  console.log(account.id);
}

/** DELETE /hubs/crm/accounts/{id}: Delete an account */
export async function deleteCrmAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/accounts/{id}', {
      params: { path: { id: '0016A00000QmM2fQAF' } },
    }),
  );
}

/** GET /hubs/crm/accounts/{id}/activities: List the activities of an account */
export async function listCrmAccountActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(
    crm,
    '/hubs/crm/accounts/{id}/activities',
    { params: { path: { id: '0016A00000QmM2fQAF' } }, pageSize: 100 },
  )) {
    console.log(activity.id);
  }
}

/** POST /hubs/crm/accounts/{id}/activities: Create an activity for an account */
export async function createCrmAccountActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.POST('/hubs/crm/accounts/{id}/activities', {
      params: { path: { id: '0016A00000QmM2fQAF' } },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/crm/accounts/{id}/activities/{activityId}: Get an activity of an account */
export async function getCrmAccountActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.GET('/hubs/crm/accounts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
  console.log(activity.id);
}

/** PATCH /hubs/crm/accounts/{id}/activities/{activityId}: Update an activity of an account */
export async function updateCrmAccountActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.PATCH('/hubs/crm/accounts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', activityId: '00U6A000001qZkWUAU' },
      },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/crm/accounts/{id}/activities/{activityId}: Delete an activity of an account */
export async function deleteCrmAccountActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/accounts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
}

/** GET /hubs/crm/accounts/{id}/notes: List the notes of an account */
export async function listCrmAccountNotes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const note of paginate(crm, '/hubs/crm/accounts/{id}/notes', {
    params: { path: { id: '0016A00000QmM2fQAF' } },
    pageSize: 100,
  })) {
    console.log(note.id);
  }
}

/** POST /hubs/crm/accounts/{id}/notes: Create a note for an account */
export async function createCrmAccountNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.POST('/hubs/crm/accounts/{id}/notes', {
      params: { path: { id: '0016A00000QmM2fQAF' } },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** GET /hubs/crm/accounts/{id}/notes/{noteId}: Get a note of an account */
export async function getCrmAccountNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.GET('/hubs/crm/accounts/{id}/notes/{noteId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
  console.log(note.id);
}

/** PATCH /hubs/crm/accounts/{id}/notes/{noteId}: Update a note of an account */
export async function updateCrmAccountNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.PATCH('/hubs/crm/accounts/{id}/notes/{noteId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', noteId: '0026A000000dKqYQAU' },
      },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** DELETE /hubs/crm/accounts/{id}/notes/{noteId}: Delete a note of an account */
export async function deleteCrmAccountNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/accounts/{id}/notes/{noteId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
}

/** GET /hubs/crm/accounts/{id}/tasks: List the tasks of an account */
export async function listCrmAccountTasks(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const task of paginate(crm, '/hubs/crm/accounts/{id}/tasks', {
    params: { path: { id: '0016A00000QmM2fQAF' } },
    pageSize: 100,
  })) {
    console.log(task.id);
  }
}

/** POST /hubs/crm/accounts/{id}/tasks: Create a task for an account */
export async function createCrmAccountTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.POST('/hubs/crm/accounts/{id}/tasks', {
      params: { path: { id: '0016A00000QmM2fQAF' } },
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** GET /hubs/crm/accounts/{id}/tasks/{taskId}: Get a task of an account */
export async function getCrmAccountTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.GET('/hubs/crm/accounts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', taskId: '00T6A000005GmXfUAK' },
      },
    }),
  );
  console.log(task.id);
}

/** PATCH /hubs/crm/accounts/{id}/tasks/{taskId}: Update a task of an account */
export async function updateCrmAccountTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.PATCH('/hubs/crm/accounts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', taskId: '00T6A000005GmXfUAK' },
      },
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** DELETE /hubs/crm/accounts/{id}/tasks/{taskId}: Delete a task of an account */
export async function deleteCrmAccountTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/accounts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0016A00000QmM2fQAF', taskId: '00T6A000005GmXfUAK' },
      },
    }),
  );
}

/** GET /hubs/crm/contacts: List contacts */
export async function listCrmContacts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const contact of paginate(crm, '/hubs/crm/contacts', {
    params: { query: { where: ceql`lastName=${'Smith'}`.text } },
    pageSize: 100,
  })) {
    console.log(contact.id);
  }
}

/** POST /hubs/crm/contacts: Create a contact */
export async function createCrmContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    crm.POST('/hubs/crm/contacts', {
      body: {
        firstName: 'Bob',
        lastName: 'ChurrosTestDude',
        title: 'Salesman',
        department: 'Sales',
        phone: '444-444-4444',
        email: 'bob@churrostest.com',
      },
    }),
  );
  console.log(contact.id);
}

/** GET /hubs/crm/contacts/{id}: Get a contact */
export async function getCrmContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    crm.GET('/hubs/crm/contacts/{id}', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
    }),
  );
  console.log(contact.id);
}

/** PATCH /hubs/crm/contacts/{id}: Update a contact */
export async function updateCrmContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    crm.PATCH('/hubs/crm/contacts/{id}', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
      body: { Title: 'Sales Manager' },
    }),
  );
  console.log(contact.id);
}

/** DELETE /hubs/crm/contacts/{id}: Delete a contact */
export async function deleteCrmContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/contacts/{id}', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
    }),
  );
}

/** GET /hubs/crm/contacts/{id}/activities: List the activities of a contact */
export async function listCrmContactActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(
    crm,
    '/hubs/crm/contacts/{id}/activities',
    { params: { path: { id: '0036A00000Pj5yQQAR' } }, pageSize: 100 },
  )) {
    console.log(activity.id);
  }
}

/** POST /hubs/crm/contacts/{id}/activities: Create an activity for a contact */
export async function createCrmContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.POST('/hubs/crm/contacts/{id}/activities', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/crm/contacts/{id}/activities/{activityId}: Get an activity of a contact */
export async function getCrmContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.GET('/hubs/crm/contacts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
  console.log(activity.id);
}

/** PATCH /hubs/crm/contacts/{id}/activities/{activityId}: Update an activity of a contact */
export async function updateCrmContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.PATCH('/hubs/crm/contacts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', activityId: '00U6A000001qZkWUAU' },
      },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/crm/contacts/{id}/activities/{activityId}: Delete an activity of a contact */
export async function deleteCrmContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/contacts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
}

/** GET /hubs/crm/contacts/{id}/notes: List the notes of a contact */
export async function listCrmContactNotes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const note of paginate(crm, '/hubs/crm/contacts/{id}/notes', {
    params: { path: { id: '0036A00000Pj5yQQAR' } },
    pageSize: 100,
  })) {
    console.log(note.id);
  }
}

/** POST /hubs/crm/contacts/{id}/notes: Create a note for a contact */
export async function createCrmContactNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.POST('/hubs/crm/contacts/{id}/notes', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** GET /hubs/crm/contacts/{id}/notes/{noteId}: Get a note of a contact */
export async function getCrmContactNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.GET('/hubs/crm/contacts/{id}/notes/{noteId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
  console.log(note.id);
}

/** PATCH /hubs/crm/contacts/{id}/notes/{noteId}: Update a note of a contact */
export async function updateCrmContactNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.PATCH('/hubs/crm/contacts/{id}/notes/{noteId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', noteId: '0026A000000dKqYQAU' },
      },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** DELETE /hubs/crm/contacts/{id}/notes/{noteId}: Delete a note of a contact */
export async function deleteCrmContactNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/contacts/{id}/notes/{noteId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
}

/** GET /hubs/crm/contacts/{id}/tasks: List the tasks of a contact */
export async function listCrmContactTasks(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const task of paginate(crm, '/hubs/crm/contacts/{id}/tasks', {
    params: { path: { id: '0036A00000Pj5yQQAR' } },
    pageSize: 100,
  })) {
    console.log(task.id);
  }
}

/** POST /hubs/crm/contacts/{id}/tasks: Create a task for a contact */
export async function createCrmContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.POST('/hubs/crm/contacts/{id}/tasks', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** GET /hubs/crm/contacts/{id}/tasks/{taskId}: Get a task of a contact */
export async function getCrmContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.GET('/hubs/crm/contacts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', taskId: '00T6A000005GmXfUAK' },
      },
    }),
  );
  console.log(task.id);
}

/** PATCH /hubs/crm/contacts/{id}/tasks/{taskId}: Update a task of a contact */
export async function updateCrmContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.PATCH('/hubs/crm/contacts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', taskId: '00T6A000005GmXfUAK' },
      },
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** DELETE /hubs/crm/contacts/{id}/tasks/{taskId}: Delete a task of a contact */
export async function deleteCrmContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/contacts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', taskId: '00T6A000005GmXfUAK' },
      },
    }),
  );
}

/** GET /hubs/crm/leads: List leads */
export async function listCrmLeads(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const lead of paginate(crm, '/hubs/crm/leads', {
    params: { query: { where: ceql`lastName=${'Smith'}`.text } },
    pageSize: 100,
  })) {
    console.log(lead.id);
  }
}

/** POST /hubs/crm/leads: Create a lead */
export async function createCrmLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const lead = await unwrap(
    crm.POST('/hubs/crm/leads', {
      body: {
        City: 'Denver',
        Company: 'Churros Elements',
        Country: 'USA',
        Description: 'Just a test for testing tests',
        Email: 'jack@testchurros.com',
        FirstName: 'Churros',
        Industry: 'Testing',
        LastName: 'TheTestLead',
        LeadSource: 'Web',
        Phone: '555-532-2355',
        PostalCode: '80216',
        State: 'CO',
        Status: 'Working - Contacted',
        Street: '3001 Brighton Blvd.',
        Title: 'Salesman',
      },
    }),
  );
  console.log(lead.id);
}

/** GET /hubs/crm/leads/{id}: Get a lead */
export async function getCrmLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const lead = await unwrap(
    crm.GET('/hubs/crm/leads/{id}', {
      params: { path: { id: '00Q6A000004ZmQ1UAK' } },
    }),
  );
  console.log(lead.id);
}

/** PATCH /hubs/crm/leads/{id}: Update a lead */
export async function updateCrmLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const lead = await unwrap(
    crm.PATCH('/hubs/crm/leads/{id}', {
      params: { path: { id: '00Q6A000004ZmQ1UAK' } },
      body: { Rating: 'Hot', Status: 'Working - Contacted' },
    }),
  );
  console.log(lead.id);
}

/** DELETE /hubs/crm/leads/{id}: Delete a lead */
export async function deleteCrmLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/leads/{id}', {
      params: { path: { id: '00Q6A000004ZmQ1UAK' } },
    }),
  );
}

/** GET /hubs/crm/leads/{id}/activities: List the activities of a lead */
export async function listCrmLeadActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(crm, '/hubs/crm/leads/{id}/activities', {
    params: { path: { id: '00Q6A000004ZmQ1UAK' } },
    pageSize: 100,
  })) {
    console.log(activity.id);
  }
}

/** POST /hubs/crm/leads/{id}/activities: Create an activity for a lead */
export async function createCrmLeadActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.POST('/hubs/crm/leads/{id}/activities', {
      params: { path: { id: '00Q6A000004ZmQ1UAK' } },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/crm/leads/{id}/activities/{activityId}: Get an activity of a lead */
export async function getCrmLeadActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.GET('/hubs/crm/leads/{id}/activities/{activityId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
  console.log(activity.id);
}

/** PATCH /hubs/crm/leads/{id}/activities/{activityId}: Update an activity of a lead */
export async function updateCrmLeadActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.PATCH('/hubs/crm/leads/{id}/activities/{activityId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', activityId: '00U6A000001qZkWUAU' },
      },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/crm/leads/{id}/activities/{activityId}: Delete an activity of a lead */
export async function deleteCrmLeadActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/leads/{id}/activities/{activityId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
}

/** GET /hubs/crm/leads/{id}/notes: List the notes of a lead */
export async function listCrmLeadNotes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const note of paginate(crm, '/hubs/crm/leads/{id}/notes', {
    params: { path: { id: '00Q6A000004ZmQ1UAK' } },
    pageSize: 100,
  })) {
    console.log(note.id);
  }
}

/** POST /hubs/crm/leads/{id}/notes: Create a note for a lead */
export async function createCrmLeadNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.POST('/hubs/crm/leads/{id}/notes', {
      params: { path: { id: '00Q6A000004ZmQ1UAK' } },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** GET /hubs/crm/leads/{id}/notes/{noteId}: Get a note of a lead */
export async function getCrmLeadNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.GET('/hubs/crm/leads/{id}/notes/{noteId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
  console.log(note.id);
}

/** PATCH /hubs/crm/leads/{id}/notes/{noteId}: Update a note of a lead */
export async function updateCrmLeadNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.PATCH('/hubs/crm/leads/{id}/notes/{noteId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', noteId: '0026A000000dKqYQAU' },
      },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** DELETE /hubs/crm/leads/{id}/notes/{noteId}: Delete a note of a lead */
export async function deleteCrmLeadNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/leads/{id}/notes/{noteId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
}

/** GET /hubs/crm/leads/{id}/tasks: List the tasks of a lead */
export async function listCrmLeadTasks(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const task of paginate(crm, '/hubs/crm/leads/{id}/tasks', {
    params: { path: { id: '00Q6A000004ZmQ1UAK' } },
    pageSize: 100,
  })) {
    console.log(task.id);
  }
}

/** POST /hubs/crm/leads/{id}/tasks: Create a task for a lead */
export async function createCrmLeadTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.POST('/hubs/crm/leads/{id}/tasks', {
      params: { path: { id: '00Q6A000004ZmQ1UAK' } },
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** GET /hubs/crm/leads/{id}/tasks/{taskId}: Get a task of a lead */
export async function getCrmLeadTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.GET('/hubs/crm/leads/{id}/tasks/{taskId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', taskId: '00T6A000005GmXfUAK' },
      },
    }),
  );
  console.log(task.id);
}

/** PATCH /hubs/crm/leads/{id}/tasks/{taskId}: Update a task of a lead */
export async function updateCrmLeadTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.PATCH('/hubs/crm/leads/{id}/tasks/{taskId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', taskId: '00T6A000005GmXfUAK' },
      },
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** DELETE /hubs/crm/leads/{id}/tasks/{taskId}: Delete a task of a lead */
export async function deleteCrmLeadTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/leads/{id}/tasks/{taskId}', {
      params: {
        path: { id: '00Q6A000004ZmQ1UAK', taskId: '00T6A000005GmXfUAK' },
      },
    }),
  );
}

/** GET /hubs/crm/opportunities: List opportunities */
export async function listCrmOpportunities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const opportunity of paginate(crm, '/hubs/crm/opportunities', {
    pageSize: 100,
  })) {
    console.log(opportunity.id);
  }
}

/** POST /hubs/crm/opportunities: Create an opportunity */
export async function createCrmOpportunity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const opportunity = await unwrap(
    crm.POST('/hubs/crm/opportunities', {
      body: {
        Amount: 250,
        CloseDate: '2018-09-08',
        Description: 'A test deal for testing of tests',
        LeadSource: 'Web',
        Name: 'Churros Test Opportunity',
        Probability: 60,
        StageName: 'Test',
        Type: 'New Customer',
      },
    }),
  );
  console.log(opportunity.id);
}

/** GET /hubs/crm/opportunities/{id}: Get an opportunity */
export async function getCrmOpportunity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const opportunity = await unwrap(
    crm.GET('/hubs/crm/opportunities/{id}', {
      params: { path: { id: '0066A000003bNfTQAU' } },
    }),
  );
  console.log(opportunity.id);
}

/** PATCH /hubs/crm/opportunities/{id}: Update an opportunity */
export async function updateCrmOpportunity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const opportunity = await unwrap(
    crm.PATCH('/hubs/crm/opportunities/{id}', {
      params: { path: { id: '0066A000003bNfTQAU' } },
      body: { StageName: 'Closed Won', Probability: 100 },
    }),
  );
  console.log(opportunity.id);
}

/** DELETE /hubs/crm/opportunities/{id}: Delete an opportunity */
export async function deleteCrmOpportunity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/opportunities/{id}', {
      params: { path: { id: '0066A000003bNfTQAU' } },
    }),
  );
}

/** GET /hubs/crm/opportunities/{id}/activities: List the activities of an opportunity */
export async function listCrmOpportunityActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(
    crm,
    '/hubs/crm/opportunities/{id}/activities',
    { params: { path: { id: '0066A000003bNfTQAU' } }, pageSize: 100 },
  )) {
    console.log(activity.id);
  }
}

/** POST /hubs/crm/opportunities/{id}/activities: Create an activity for an opportunity */
export async function createCrmOpportunityActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.POST('/hubs/crm/opportunities/{id}/activities', {
      params: { path: { id: '0066A000003bNfTQAU' } },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/crm/opportunities/{id}/activities/{activityId}: Get an activity of an opportunity */
export async function getCrmOpportunityActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.GET('/hubs/crm/opportunities/{id}/activities/{activityId}', {
      params: {
        path: { id: '0066A000003bNfTQAU', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
  console.log(activity.id);
}

/** PATCH /hubs/crm/opportunities/{id}/activities/{activityId}: Update an activity of an opportunity */
export async function updateCrmOpportunityActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.PATCH('/hubs/crm/opportunities/{id}/activities/{activityId}', {
      params: {
        path: { id: '0066A000003bNfTQAU', activityId: '00U6A000001qZkWUAU' },
      },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/crm/opportunities/{id}/activities/{activityId}: Delete an activity of an opportunity */
export async function deleteCrmOpportunityActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/opportunities/{id}/activities/{activityId}', {
      params: {
        path: { id: '0066A000003bNfTQAU', activityId: '00U6A000001qZkWUAU' },
      },
    }),
  );
}

/** GET /hubs/crm/opportunities/{id}/notes: List the notes of an opportunity */
export async function listCrmOpportunityNotes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const note of paginate(crm, '/hubs/crm/opportunities/{id}/notes', {
    params: { path: { id: '0066A000003bNfTQAU' } },
    pageSize: 100,
  })) {
    console.log(note.id);
  }
}

/** POST /hubs/crm/opportunities/{id}/notes: Create a note for an opportunity */
export async function createCrmOpportunityNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.POST('/hubs/crm/opportunities/{id}/notes', {
      params: { path: { id: '0066A000003bNfTQAU' } },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** GET /hubs/crm/opportunities/{id}/notes/{noteId}: Get a note of an opportunity */
export async function getCrmOpportunityNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.GET('/hubs/crm/opportunities/{id}/notes/{noteId}', {
      params: {
        path: { id: '0066A000003bNfTQAU', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
  console.log(note.id);
}

/** PATCH /hubs/crm/opportunities/{id}/notes/{noteId}: Update a note of an opportunity */
export async function updateCrmOpportunityNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.PATCH('/hubs/crm/opportunities/{id}/notes/{noteId}', {
      params: {
        path: { id: '0066A000003bNfTQAU', noteId: '0026A000000dKqYQAU' },
      },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** DELETE /hubs/crm/opportunities/{id}/notes/{noteId}: Delete a note of an opportunity */
export async function deleteCrmOpportunityNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/opportunities/{id}/notes/{noteId}', {
      params: {
        path: { id: '0066A000003bNfTQAU', noteId: '0026A000000dKqYQAU' },
      },
    }),
  );
}

/** GET /hubs/crm/activities: List activities */
export async function listCrmActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(crm, '/hubs/crm/activities', {
    pageSize: 100,
  })) {
    console.log(activity.id);
  }
}

/** POST /hubs/crm/activities: Create an activity */
export async function createCrmActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.POST('/hubs/crm/activities', {
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/crm/activities/{id}: Get an activity */
export async function getCrmActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.GET('/hubs/crm/activities/{id}', {
      params: { path: { id: '00U6A000001qZkWUAU' } },
    }),
  );
  console.log(activity.id);
}

/** PATCH /hubs/crm/activities/{id}: Update an activity */
export async function updateCrmActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    crm.PATCH('/hubs/crm/activities/{id}', {
      params: { path: { id: '00U6A000001qZkWUAU' } },
      body: {
        Subject: 'Kick-off meeting',
        ActivityDateTime: '2016-11-30T10:28:11.600Z',
        StartDateTime: '2016-11-30T10:28:11.600Z',
        DurationInMinutes: 30,
        IsReminderSet: true,
        Location: 'Denver office',
      },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/crm/activities/{id}: Delete an activity */
export async function deleteCrmActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/activities/{id}', {
      params: { path: { id: '00U6A000001qZkWUAU' } },
    }),
  );
}

/** GET /hubs/crm/notes: List notes */
export async function listCrmNotes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const note of paginate(crm, '/hubs/crm/notes', { pageSize: 100 })) {
    console.log(note.id);
  }
}

/** POST /hubs/crm/notes: Create a note */
export async function createCrmNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.POST('/hubs/crm/notes', {
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** GET /hubs/crm/notes/{id}: Get a note */
export async function getCrmNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.GET('/hubs/crm/notes/{id}', {
      params: { path: { id: '0026A000000dKqYQAU' } },
    }),
  );
  console.log(note.id);
}

/** PATCH /hubs/crm/notes/{id}: Update a note */
export async function updateCrmNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const note = await unwrap(
    crm.PATCH('/hubs/crm/notes/{id}', {
      params: { path: { id: '0026A000000dKqYQAU' } },
      body: { Title: 'Call summary', Body: 'Asked for a quote for 20 seats.' },
    }),
  );
  console.log(note.id);
}

/** DELETE /hubs/crm/notes/{id}: Delete a note */
export async function deleteCrmNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/notes/{id}', {
      params: { path: { id: '0026A000000dKqYQAU' } },
    }),
  );
}

/** GET /hubs/crm/tasks: List tasks */
export async function listCrmTasks(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const task of paginate(crm, '/hubs/crm/tasks', { pageSize: 100 })) {
    console.log(task.id);
  }
}

/** POST /hubs/crm/tasks: Create a task */
export async function createCrmTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.POST('/hubs/crm/tasks', {
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** GET /hubs/crm/tasks/{id}: Get a task */
export async function getCrmTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.GET('/hubs/crm/tasks/{id}', {
      params: { path: { id: '00T6A000005GmXfUAK' } },
    }),
  );
  console.log(task.id);
}

/** PATCH /hubs/crm/tasks/{id}: Update a task */
export async function updateCrmTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    crm.PATCH('/hubs/crm/tasks/{id}', {
      params: { path: { id: '00T6A000005GmXfUAK' } },
      body: {
        Subject: 'Send the quote',
        Status: 'Not Started',
        Priority: 'High',
        ActivityDate: '2018-09-08',
      },
    }),
  );
  console.log(task.id);
}

/** DELETE /hubs/crm/tasks/{id}: Delete a task */
export async function deleteCrmTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/tasks/{id}', {
      params: { path: { id: '00T6A000005GmXfUAK' } },
    }),
  );
}

/** GET /hubs/crm/campaigns: List campaigns */
export async function listCrmCampaigns(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const campaign of paginate(crm, '/hubs/crm/campaigns', {
    pageSize: 100,
  })) {
    console.log(campaign.id);
  }
}

/** POST /hubs/crm/campaigns: Create a campaign */
export async function createCrmCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const campaign = await unwrap(
    crm.POST('/hubs/crm/campaigns', {
      body: {
        description: 'Test for Marketing Hub',
        type: 'Conference',
        ownerId: '005i0000001VNdeAAG',
        name: 'Test Marketing',
        status: 'Planned',
      },
    }),
  );
  console.log(campaign.id);
}

/** GET /hubs/crm/campaigns/{id}: Get a campaign */
export async function getCrmCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const campaign = await unwrap(
    crm.GET('/hubs/crm/campaigns/{id}', {
      params: { path: { id: '7016A000000M8pWQAS' } },
    }),
  );
  console.log(campaign.id);
}

/** PATCH /hubs/crm/campaigns/{id}: Update a campaign */
export async function updateCrmCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const campaign = await unwrap(
    crm.PATCH('/hubs/crm/campaigns/{id}', {
      params: { path: { id: '7016A000000M8pWQAS' } },
      body: { status: 'In Progress' },
    }),
  );
  console.log(campaign.id);
}

/** DELETE /hubs/crm/campaigns/{id}: Delete a campaign */
export async function deleteCrmCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/campaigns/{id}', {
      params: { path: { id: '7016A000000M8pWQAS' } },
    }),
  );
}

/** GET /hubs/crm/users: List users */
export async function listCrmUsers(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const user of paginate(crm, '/hubs/crm/users', {
    params: { query: { where: ceql`lastName=${'Smith'}`.text } },
    pageSize: 100,
  })) {
    console.log(user.id);
  }
}

/** POST /hubs/crm/users: Create a user */
export async function createCrmUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const user = await unwrap(
    crm.POST('/hubs/crm/users', {
      body: {
        email: 'churros@example.com',
        username: 'churros@example.com',
        LastName: 'Sauce',
        Alias: 'rb',
        TimeZoneSidKey: 'America/Denver',
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        ProfileId: '00e6A000000IbWGQA0',
      },
    }),
  );
  console.log(user.id);
}

/** GET /hubs/crm/users/{id}: Get a user */
export async function getCrmUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const user = await unwrap(
    crm.GET('/hubs/crm/users/{id}', {
      params: { path: { id: '0056A000001Xk2bQAC' } },
    }),
  );
  console.log(user.id);
}

/** PATCH /hubs/crm/users/{id}: Update a user */
export async function updateCrmUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const user = await unwrap(
    crm.PATCH('/hubs/crm/users/{id}', {
      params: { path: { id: '0056A000001Xk2bQAC' } },
      body: { IsActive: false },
    }),
  );
  console.log(user.id);
}

/** GET /hubs/crm/users/me: Get the connected CRM user */
export async function getCrmCurrentUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const me = await unwrap(crm.GET('/hubs/crm/users/me'));
  console.log(me.id);
}

/** GET /hubs/crm/incidents: List incidents */
export async function listCrmIncidents(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const incident of paginate(crm, '/hubs/crm/incidents', {
    pageSize: 100,
  })) {
    console.log(incident.id);
  }
}

/** POST /hubs/crm/incidents: Create an incident */
export async function createCrmIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const incident = await unwrap(
    crm.POST('/hubs/crm/incidents', {
      body: {
        board: 'Next Business Day',
        summary: 'Sample API Posted Issue From Churros',
        statusName: 'New (not responded)',
        companyIdentifier: 'apparatus',
        contactName: 'Hosting Support',
      },
    }),
  );
  console.log(incident.id);
}

/** GET /hubs/crm/incidents/{id}: Get an incident */
export async function getCrmIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const incident = await unwrap(
    crm.GET('/hubs/crm/incidents/{id}', { params: { path: { id: '24518' } } }),
  );
  console.log(incident.id);
}

/** PATCH /hubs/crm/incidents/{id}: Update an incident */
export async function updateCrmIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const incident = await unwrap(
    crm.PATCH('/hubs/crm/incidents/{id}', {
      params: { path: { id: '24518' } },
      body: { summary: 'VPN drops every hour' },
    }),
  );
  console.log(incident.id);
}

/** DELETE /hubs/crm/incidents/{id}: Delete an incident */
export async function deleteCrmIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/incidents/{id}', { params: { path: { id: '24518' } } }),
  );
}

/** PATCH /hubs/crm/incidents/{id}/comments/{commentId}: Update a comment of an incident */
export async function updateCrmIncidentComment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const comment = await unwrap(
    crm.PATCH('/hubs/crm/incidents/{id}/comments/{commentId}', {
      params: { path: { id: '24518', commentId: '118803' } },
      body: {
        isPartOfDetailDescription: true,
        isPartOfInternalAnalysis: true,
        isPartOfResolution: true,
        isExternalNote: true,
        noteText: 'Hey, I am Churros',
      },
    }),
  );
  console.log(comment.id);
}

/** GET /hubs/crm/lists: List lists */
export async function listCrmLists(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const list of paginate(crm, '/hubs/crm/lists', { pageSize: 100 })) {
    console.log(list.id);
  }
}

/** POST /hubs/crm/lists: Create a list */
export async function createCrmList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    crm.POST('/hubs/crm/lists', {
      body: {
        name: 'Churros Group',
        description: 'This is a list/group only for use by Churros',
      },
    }),
  );
  console.log(list.id);
}

/** GET /hubs/crm/lists/{id}: Get a list */
export async function getCrmList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    crm.GET('/hubs/crm/lists/{id}', {
      params: { path: { id: '5b2c3f1e-8a7d-4c1b-9e6f-2a4d8c0b7e13' } },
    }),
  );
  console.log(list.id);
}

/** DELETE /hubs/crm/lists/{id}: Delete a list */
export async function deleteCrmList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/lists/{id}', {
      params: { path: { id: '5b2c3f1e-8a7d-4c1b-9e6f-2a4d8c0b7e13' } },
    }),
  );
}

/** GET /hubs/crm/files: List files */
export async function listCrmFiles(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const file of paginate(crm, '/hubs/crm/files', { pageSize: 100 })) {
    console.log(file.id);
  }
}

/** POST /hubs/crm/files: Upload a file */
export async function uploadCrmFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append('file', new Blob(['Hello from the SDK']), 'hello.txt');
  const file = await unwrap(crm.POST('/hubs/crm/files', { body: form }));
  console.log(file.id);
}

/** DELETE /hubs/crm/files/{id}: Delete a file */
export async function deleteCrmFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/files/{id}', {
      params: { path: { id: '0696A000001cWqPQAU' } },
    }),
  );
}

/** GET /hubs/crm/files/{id}/metadata: Get the metadata of a file */
export async function getCrmFileMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    crm.GET('/hubs/crm/files/{id}/metadata', {
      params: { path: { id: '0696A000001cWqPQAU' } },
    }),
  );
  console.log(metadata.id);
}

/** PATCH /hubs/crm/files/{id}/metadata: Update the metadata of a file */
export async function updateCrmFileMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    crm.PATCH('/hubs/crm/files/{id}/metadata', {
      params: { path: { id: '0696A000001cWqPQAU' } },
      body: { Title: 'quarterly-report-final' },
    }),
  );
  console.log(metadata.id);
}

/** GET /hubs/crm/files/{id}/versions: List the versions of a file */
export async function listCrmFileVersions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const version of paginate(crm, '/hubs/crm/files/{id}/versions', {
    params: { path: { id: '0696A000001cWqPQAU' } },
    pageSize: 100,
  })) {
    console.log(version.id);
  }
}

/** POST /hubs/crm/files/{id}/versions: Upload a new version of a file */
export async function uploadCrmFileVersion(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append('file', new Blob(['Hello from the SDK']), 'hello.txt');
  const version = await unwrap(
    crm.POST('/hubs/crm/files/{id}/versions', {
      params: { path: { id: '0696A000001cWqPQAU' } },
      body: form,
    }),
  );
  console.log(version.id);
}

/** GET /hubs/crm/query: Run a SOQL query */
export async function queryCrmRecords(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const query = await unwrap(
    crm.GET('/hubs/crm/query', {
      params: {
        query: {
          q: "SELECT Id, Name, (SELECT LastName FROM Contacts) FROM Account WHERE Industry = 'Technology' LIMIT 10",
        },
      },
    }),
  );
  console.log(query.length);
}

/** GET /hubs/crm/{objectName}/{objectId}/attachments: List the attachments of a record */
export async function listCrmRecordAttachments(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const attachment of paginate(
    crm,
    '/hubs/crm/{objectName}/{objectId}/attachments',
    {
      params: { path: { objectName: 'Contact', objectId: '0036A00000Pj5yQQAR' } },
      pageSize: 100,
    },
  )) {
    console.log(attachment.id);
  }
}

/** POST /hubs/crm/{objectName}/{objectId}/attachments: Attach a file to a record */
export async function uploadCrmRecordAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append('file', new Blob(['Hello from the SDK']), 'hello.txt');
  const attachment = await unwrap(
    crm.POST('/hubs/crm/{objectName}/{objectId}/attachments', {
      params: { path: { objectName: 'Contact', objectId: '0036A00000Pj5yQQAR' } },
      body: form,
    }),
  );
  console.log(attachment.id);
}

/** GET /hubs/crm/attachments/{id}: Get an attachment */
export async function getCrmAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const attachment = await unwrap(
    crm.GET('/hubs/crm/attachments/{id}', {
      params: { path: { id: '00P6A000002wJ9xUAE' } },
    }),
  );
  console.log(attachment.id);
}

/** PATCH /hubs/crm/attachments/{id}: Replace the content of an attachment */
export async function replaceCrmAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append('file', new Blob(['Hello from the SDK']), 'hello.txt');
  const attachment = await unwrap(
    crm.PATCH('/hubs/crm/attachments/{id}', {
      params: { path: { id: '00P6A000002wJ9xUAE' } },
      body: form,
    }),
  );
  console.log(attachment.id);
}

/** DELETE /hubs/crm/attachments/{id}: Delete an attachment */
export async function deleteCrmAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    crm.DELETE('/hubs/crm/attachments/{id}', {
      params: { path: { id: '00P6A000002wJ9xUAE' } },
    }),
  );
}

/** GET /hubs/crm/attachments/{id}/data: Download the content of an attachment */
export async function downloadCrmAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const file = await unwrap(
    crm.GET('/hubs/crm/attachments/{id}/data', {
      params: { path: { id: '00P6A000002wJ9xUAE' } },
      parseAs: 'blob',
    }),
  );
  console.log(file.size, file.type);
}

/** GET /hubs/crm/{objectName}/{objectId}/files: List the files shared with a record */
export async function listCrmRecordFiles(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const file of paginate(
    crm,
    '/hubs/crm/{objectName}/{objectId}/files',
    {
      params: { path: { objectName: 'Contact', objectId: '0036A00000Pj5yQQAR' } },
      pageSize: 100,
    },
  )) {
    console.log(file.id);
  }
}

/** POST /hubs/crm/{objectName}/{objectId}/files: Upload a file and share it with a record */
export async function uploadCrmRecordFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const crm = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append('file', new Blob(['Hello from the SDK']), 'hello.txt');
  const file = await unwrap(
    crm.POST('/hubs/crm/{objectName}/{objectId}/files', {
      params: { path: { objectName: 'Contact', objectId: '0036A00000Pj5yQQAR' } },
      body: form,
    }),
  );
  console.log(file.id);
}
