// The TypeScript samples of the operations tagged "Helpdesk", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, paginate, unwrap } from '../../src/index.js';
import { openAsBlob } from 'node:fs';

/** GET /hubs/helpdesk/accounts: List accounts */
export async function listHelpdeskAccounts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const account of paginate(helpdesk, '/hubs/helpdesk/accounts', {
    pageSize: 100,
  })) {
    console.log(account.id);
  }
}

/** POST /hubs/helpdesk/accounts: Create an account */
export async function createHelpdeskAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    helpdesk.POST('/hubs/helpdesk/accounts', {
      body: {
        name: 'sampleChurros',
        description: 'random description',
        domains: ['example.com'],
      },
    }),
  );
  console.log(account.id);
}

/** GET /hubs/helpdesk/accounts/{id}: Get an account */
export async function getHelpdeskAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    helpdesk.GET('/hubs/helpdesk/accounts/{id}', {
      params: { path: { id: '5000123456' } },
    }),
  );
  console.log(account.id);
}

/** PATCH /hubs/helpdesk/accounts/{id}: Update an account */
export async function updateHelpdeskAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/accounts/{id}', {
      params: { path: { id: '5000123456' } },
      body: {
        name: 'sampleChurros',
        description: 'random description',
        domains: ['example.com'],
      },
    }),
  );
  console.log(account.id);
}

/** DELETE /hubs/helpdesk/accounts/{id}: Delete an account */
export async function deleteHelpdeskAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/accounts/{id}', {
      params: { path: { id: '5000123456' } },
    }),
  );
}

/** GET /hubs/helpdesk/agents: List agents */
export async function listHelpdeskAgents(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const agent of paginate(helpdesk, '/hubs/helpdesk/agents', {
    pageSize: 100,
  })) {
    console.log(agent.id);
  }
}

/** POST /hubs/helpdesk/agents: Create an agent */
export async function createHelpdeskAgent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const agent = await unwrap(
    helpdesk.POST('/hubs/helpdesk/agents', {
      body: {
        Email: 'robot.tester@example.com',
        FirstName: 'Robot',
        LastName: 'Tester',
      },
    }),
  );
  console.log(agent.id);
}

/** GET /hubs/helpdesk/agents/{id}: Get an agent */
export async function getHelpdeskAgent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const agent = await unwrap(
    helpdesk.GET('/hubs/helpdesk/agents/{id}', {
      params: { path: { id: '0056A000001KfXyQAK' } },
    }),
  );
  console.log(agent.id);
}

/** PATCH /hubs/helpdesk/agents/{id}: Update an agent */
export async function updateHelpdeskAgent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const agent = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/agents/{id}', {
      params: { path: { id: '0056A000001KfXyQAK' } },
      body: {
        Email: 'robot.tester@example.com',
        FirstName: 'Robot',
        LastName: 'Tester',
      },
    }),
  );
  console.log(agent.id);
}

/** DELETE /hubs/helpdesk/agents/{id}: Delete an agent */
export async function deleteHelpdeskAgent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/agents/{id}', {
      params: { path: { id: '0056A000001KfXyQAK' } },
    }),
  );
}

/** GET /hubs/helpdesk/attachments/{id}: Get an attachment */
export async function getHelpdeskAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const attachment = await unwrap(
    helpdesk.GET('/hubs/helpdesk/attachments/{id}', {
      params: { path: { id: '29683601' } },
    }),
  );
  console.log(attachment.id);
}

/** DELETE /hubs/helpdesk/attachments/{id}: Delete an attachment */
export async function deleteHelpdeskAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/attachments/{id}', {
      params: { path: { id: '29683601' } },
    }),
  );
}

/** GET /hubs/helpdesk/contacts: List contacts */
export async function listHelpdeskContacts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const contact of paginate(helpdesk, '/hubs/helpdesk/contacts', {
    params: { query: { where: ceql`lastName=${'Smith'}`.text } },
    pageSize: 100,
  })) {
    console.log(contact.id);
  }
}

/** POST /hubs/helpdesk/contacts: Create a contact */
export async function createHelpdeskContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    helpdesk.POST('/hubs/helpdesk/contacts', {
      body: {
        firstName: 'churros',
        lastName: 'churrosTestDude',
        email: 'bob@testrobot.com',
      },
    }),
  );
  console.log(contact.id);
}

/** GET /hubs/helpdesk/contacts/{id}: Get a contact */
export async function getHelpdeskContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    helpdesk.GET('/hubs/helpdesk/contacts/{id}', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
    }),
  );
  console.log(contact.id);
}

/** PATCH /hubs/helpdesk/contacts/{id}: Update a contact */
export async function updateHelpdeskContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/contacts/{id}', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
      body: {
        firstName: 'churros',
        lastName: 'churrosTestDude',
        email: 'bob@testrobot.com',
      },
    }),
  );
  console.log(contact.id);
}

/** DELETE /hubs/helpdesk/contacts/{id}: Delete a contact */
export async function deleteHelpdeskContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/contacts/{id}', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
    }),
  );
}

/** GET /hubs/helpdesk/contacts/{id}/activities: List the activities of a contact */
export async function listHelpdeskContactActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(
    helpdesk,
    '/hubs/helpdesk/contacts/{id}/activities',
    { params: { path: { id: '0036A00000Pj5yQQAR' } }, pageSize: 100 },
  )) {
    console.log(activity.id);
  }
}

/** POST /hubs/helpdesk/contacts/{id}/activities: Add an activity to a contact */
export async function createHelpdeskContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    helpdesk.POST('/hubs/helpdesk/contacts/{id}/activities', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
      body: {
        Location: 'Convention Center',
        DurationInMinutes: '60',
        ActivityDateTime: '2015-04-21T15:59:50+00:00',
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/helpdesk/contacts/{id}/activities/{activityId}: Get an activity of a contact */
export async function getHelpdeskContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    helpdesk.GET('/hubs/helpdesk/contacts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', activityId: '00U6A000003Hc3dUAC' },
      },
    }),
  );
  console.log(activity.id);
}

/** PATCH /hubs/helpdesk/contacts/{id}/activities/{activityId}: Update an activity of a contact */
export async function updateHelpdeskContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/contacts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', activityId: '00U6A000003Hc3dUAC' },
      },
      body: {
        Location: 'Convention Center',
        DurationInMinutes: '60',
        ActivityDateTime: '2015-04-21T15:59:50+00:00',
      },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/helpdesk/contacts/{id}/activities/{activityId}: Delete an activity of a contact */
export async function deleteHelpdeskContactActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/contacts/{id}/activities/{activityId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', activityId: '00U6A000003Hc3dUAC' },
      },
    }),
  );
}

/** GET /hubs/helpdesk/contacts/{id}/tasks: List the tasks of a contact */
export async function listHelpdeskContactTasks(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const task of paginate(
    helpdesk,
    '/hubs/helpdesk/contacts/{id}/tasks',
    { params: { path: { id: '0036A00000Pj5yQQAR' } }, pageSize: 100 },
  )) {
    console.log(task.id);
  }
}

/** POST /hubs/helpdesk/contacts/{id}/tasks: Add a task to a contact */
export async function createHelpdeskContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    helpdesk.POST('/hubs/helpdesk/contacts/{id}/tasks', {
      params: { path: { id: '0036A00000Pj5yQQAR' } },
      body: { Priority: 'High', Status: 'In Progress' },
    }),
  );
  console.log(task.id);
}

/** GET /hubs/helpdesk/contacts/{id}/tasks/{taskId}: Get a task of a contact */
export async function getHelpdeskContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    helpdesk.GET('/hubs/helpdesk/contacts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', taskId: '00T6A000004Zr1BUAS' },
      },
    }),
  );
  console.log(task.id);
}

/** PATCH /hubs/helpdesk/contacts/{id}/tasks/{taskId}: Update a task of a contact */
export async function updateHelpdeskContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/contacts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', taskId: '00T6A000004Zr1BUAS' },
      },
      body: { Priority: 'High', Status: 'In Progress' },
    }),
  );
  console.log(task.id);
}

/** DELETE /hubs/helpdesk/contacts/{id}/tasks/{taskId}: Delete a task of a contact */
export async function deleteHelpdeskContactTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/contacts/{id}/tasks/{taskId}', {
      params: {
        path: { id: '0036A00000Pj5yQQAR', taskId: '00T6A000004Zr1BUAS' },
      },
    }),
  );
}

/** GET /hubs/helpdesk/groups: List groups */
export async function listHelpdeskGroups(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const group of paginate(helpdesk, '/hubs/helpdesk/groups', {
    pageSize: 100,
  })) {
    console.log(group.id);
  }
}

/** GET /hubs/helpdesk/incidents: List incidents */
export async function listHelpdeskIncidents(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const incident of paginate(helpdesk, '/hubs/helpdesk/incidents', {
    pageSize: 100,
  })) {
    console.log(incident.id);
  }
}

/** POST /hubs/helpdesk/incidents: Create an incident */
export async function createHelpdeskIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const incident = await unwrap(
    helpdesk.POST('/hubs/helpdesk/incidents', {
      body: {
        description: 'RobotTestDescription',
        type: 'Electrical',
        priority: 'Low',
        isEscalated: false,
        status: 'New',
      },
    }),
  );
  console.log(incident.id);
}

/** GET /hubs/helpdesk/incidents/{id}: Get an incident */
export async function getHelpdeskIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const incident = await unwrap(
    helpdesk.GET('/hubs/helpdesk/incidents/{id}', {
      params: { path: { id: '5006A000003LXhmQAG' } },
    }),
  );
  console.log(incident.id);
}

/** PATCH /hubs/helpdesk/incidents/{id}: Update an incident */
export async function updateHelpdeskIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const incident = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/incidents/{id}', {
      params: { path: { id: '5006A000003LXhmQAG' } },
      body: {
        description: 'RobotTestDescription',
        type: 'Electrical',
        priority: 'Low',
        isEscalated: false,
        status: 'New',
      },
    }),
  );
  console.log(incident.id);
}

/** DELETE /hubs/helpdesk/incidents/{id}: Delete an incident */
export async function deleteHelpdeskIncident(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/incidents/{id}', {
      params: { path: { id: '5006A000003LXhmQAG' } },
    }),
  );
}

/** GET /hubs/helpdesk/incidents/{id}/activities: List the activities of an incident */
export async function listHelpdeskIncidentActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(
    helpdesk,
    '/hubs/helpdesk/incidents/{id}/activities',
    { params: { path: { id: '5006A000003LXhmQAG' } }, pageSize: 100 },
  )) {
    console.log(activity.id);
  }
}

/** POST /hubs/helpdesk/incidents/{id}/activities: Add an activity to an incident */
export async function createHelpdeskIncidentActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    helpdesk.POST('/hubs/helpdesk/incidents/{id}/activities', {
      params: { path: { id: '5006A000003LXhmQAG' } },
      body: {
        Location: 'Convention Center',
        DurationInMinutes: '60',
        ActivityDateTime: '2015-04-21T15:59:50+00:00',
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/helpdesk/incidents/{id}/activities/{activityId}: Get an activity of an incident */
export async function getHelpdeskIncidentActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    helpdesk.GET('/hubs/helpdesk/incidents/{id}/activities/{activityId}', {
      params: {
        path: { id: '5006A000003LXhmQAG', activityId: '00U6A000003Hc3dUAC' },
      },
    }),
  );
  console.log(activity.id);
}

/** PATCH /hubs/helpdesk/incidents/{id}/activities/{activityId}: Update an activity of an incident */
export async function updateHelpdeskIncidentActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/incidents/{id}/activities/{activityId}', {
      params: {
        path: { id: '5006A000003LXhmQAG', activityId: '00U6A000003Hc3dUAC' },
      },
      body: {
        Location: 'Convention Center',
        DurationInMinutes: '60',
        ActivityDateTime: '2015-04-21T15:59:50+00:00',
      },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/helpdesk/incidents/{id}/activities/{activityId}: Delete an activity of an incident */
export async function deleteHelpdeskIncidentActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/incidents/{id}/activities/{activityId}', {
      params: {
        path: { id: '5006A000003LXhmQAG', activityId: '00U6A000003Hc3dUAC' },
      },
    }),
  );
}

/** GET /hubs/helpdesk/incidents/{id}/attachments: List the attachments of an incident */
export async function listHelpdeskIncidentAttachments(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const attachment of paginate(
    helpdesk,
    '/hubs/helpdesk/incidents/{id}/attachments',
    { params: { path: { id: '5006A000003LXhmQAG' } }, pageSize: 100 },
  )) {
    console.log(attachment.id);
  }
}

/** POST /hubs/helpdesk/incidents/{id}/attachments: Attach a file to an incident */
export async function createHelpdeskIncidentAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append('file', await openAsBlob('attach.txt'), 'attach.txt');
  const attachment = await unwrap(
    helpdesk.POST('/hubs/helpdesk/incidents/{id}/attachments', {
      params: { path: { id: '5006A000003LXhmQAG' } },
      body: form,
    }),
  );
  console.log(attachment.id);
}

/** GET /hubs/helpdesk/incidents/{id}/attachments/{attachmentId}: Get an attachment of an incident */
export async function getHelpdeskIncidentAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const attachment = await unwrap(
    helpdesk.GET('/hubs/helpdesk/incidents/{id}/attachments/{attachmentId}', {
      params: { path: { id: '5006A000003LXhmQAG', attachmentId: '29683601' } },
    }),
  );
  console.log(attachment.id);
}

/** DELETE /hubs/helpdesk/incidents/{id}/attachments/{attachmentId}: Delete an attachment of an incident */
export async function deleteHelpdeskIncidentAttachment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/incidents/{id}/attachments/{attachmentId}', {
      params: { path: { id: '5006A000003LXhmQAG', attachmentId: '29683601' } },
    }),
  );
}

/** GET /hubs/helpdesk/incidents/{id}/comments: List the comments of an incident */
export async function listHelpdeskIncidentComments(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const comment of paginate(
    helpdesk,
    '/hubs/helpdesk/incidents/{id}/comments',
    { params: { path: { id: '5006A000003LXhmQAG' } }, pageSize: 100 },
  )) {
    console.log(comment.id);
  }
}

/** POST /hubs/helpdesk/incidents/{id}/comments: Add a comment to an incident */
export async function createHelpdeskIncidentComment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const comment = await unwrap(
    helpdesk.POST('/hubs/helpdesk/incidents/{id}/comments', {
      params: { path: { id: '5006A000003LXhmQAG' } },
      body: { body: 'draft message', status: 'draft' },
    }),
  );
  console.log(comment.id);
}

/** GET /hubs/helpdesk/incidents/{id}/comments/{commentId}: Get a comment of an incident */
export async function getHelpdeskIncidentComment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const comment = await unwrap(
    helpdesk.GET('/hubs/helpdesk/incidents/{id}/comments/{commentId}', {
      params: { path: { id: '5006A000003LXhmQAG', commentId: '30127' } },
    }),
  );
  console.log(comment.id);
}

/** PATCH /hubs/helpdesk/incidents/{id}/comments/{commentId}: Update a comment of an incident */
export async function updateHelpdeskIncidentComment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const comment = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/incidents/{id}/comments/{commentId}', {
      params: { path: { id: '5006A000003LXhmQAG', commentId: '30127' } },
      body: { body: 'draft message', status: 'draft' },
    }),
  );
  console.log(comment.id);
}

/** DELETE /hubs/helpdesk/incidents/{id}/comments/{commentId}: Delete a comment of an incident */
export async function deleteHelpdeskIncidentComment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/incidents/{id}/comments/{commentId}', {
      params: { path: { id: '5006A000003LXhmQAG', commentId: '30127' } },
    }),
  );
}

/** GET /hubs/helpdesk/incidents/{id}/history: List the history entries of an incident */
export async function listHelpdeskIncidentHistoryEntries(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const history of paginate(
    helpdesk,
    '/hubs/helpdesk/incidents/{id}/history',
    { params: { path: { id: '5006A000003LXhmQAG' } }, pageSize: 100 },
  )) {
    console.log(history.id);
  }
}

/** GET /hubs/helpdesk/incidents/{id}/history/{historyId}: Get a history entry of an incident */
export async function getHelpdeskIncidentHistoryEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const history = await unwrap(
    helpdesk.GET('/hubs/helpdesk/incidents/{id}/history/{historyId}', {
      params: { path: { id: '5006A000003LXhmQAG', historyId: '10401' } },
    }),
  );
  console.log(history.id);
}

/** GET /hubs/helpdesk/incidents/{id}/tasks: List the tasks of an incident */
export async function listHelpdeskIncidentTasks(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const task of paginate(
    helpdesk,
    '/hubs/helpdesk/incidents/{id}/tasks',
    { params: { path: { id: '5006A000003LXhmQAG' } }, pageSize: 100 },
  )) {
    console.log(task.id);
  }
}

/** POST /hubs/helpdesk/incidents/{id}/tasks: Add a task to an incident */
export async function createHelpdeskIncidentTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    helpdesk.POST('/hubs/helpdesk/incidents/{id}/tasks', {
      params: { path: { id: '5006A000003LXhmQAG' } },
      body: { Priority: 'High', Status: 'In Progress' },
    }),
  );
  console.log(task.id);
}

/** GET /hubs/helpdesk/incidents/{id}/tasks/{taskId}: Get a task of an incident */
export async function getHelpdeskIncidentTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    helpdesk.GET('/hubs/helpdesk/incidents/{id}/tasks/{taskId}', {
      params: {
        path: { id: '5006A000003LXhmQAG', taskId: '00T6A000004Zr1BUAS' },
      },
    }),
  );
  console.log(task.id);
}

/** PATCH /hubs/helpdesk/incidents/{id}/tasks/{taskId}: Update a task of an incident */
export async function updateHelpdeskIncidentTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const task = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/incidents/{id}/tasks/{taskId}', {
      params: {
        path: { id: '5006A000003LXhmQAG', taskId: '00T6A000004Zr1BUAS' },
      },
      body: { Priority: 'High', Status: 'In Progress' },
    }),
  );
  console.log(task.id);
}

/** DELETE /hubs/helpdesk/incidents/{id}/tasks/{taskId}: Delete a task of an incident */
export async function deleteHelpdeskIncidentTask(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/incidents/{id}/tasks/{taskId}', {
      params: {
        path: { id: '5006A000003LXhmQAG', taskId: '00T6A000004Zr1BUAS' },
      },
    }),
  );
}

/** GET /hubs/helpdesk/incidents/{id}/work-notes: List the work notes of an incident */
export async function listHelpdeskIncidentWorkNotes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const workNote of paginate(
    helpdesk,
    '/hubs/helpdesk/incidents/{id}/work-notes',
    { params: { path: { id: '5006A000003LXhmQAG' } }, pageSize: 100 },
  )) {
    console.log(workNote.id);
  }
}

/** POST /hubs/helpdesk/incidents/{id}/work-notes: Add a work note to an incident */
export async function createHelpdeskIncidentWorkNote(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const workNote = await unwrap(
    helpdesk.POST('/hubs/helpdesk/incidents/{id}/work-notes', {
      params: { path: { id: '5006A000003LXhmQAG' } },
      body: { work_notes: 'I am the churro' },
    }),
  );
  console.log(workNote.id);
}

/** GET /hubs/helpdesk/organizations: List organizations */
export async function listHelpdeskOrganizations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const organization of paginate(
    helpdesk,
    '/hubs/helpdesk/organizations',
    { pageSize: 100 },
  )) {
    console.log(organization.id);
  }
}

/** POST /hubs/helpdesk/organizations: Create an organization */
export async function createHelpdeskOrganization(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const organization = await unwrap(
    helpdesk.POST('/hubs/helpdesk/organizations', {
      body: {
        companyName: 'Churros HD Company',
        companyIdentifier: 'Churros123',
        defaultAddress: {
          siteName: 'Main',
          city: 'dallas',
          state: 'TX',
          zip: '75001',
        },
        market: 'Information Technology',
        phoneNumber: '900123456',
      },
    }),
  );
  console.log(organization.id);
}

/** GET /hubs/helpdesk/organizations/{id}: Get an organization */
export async function getHelpdeskOrganization(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const organization = await unwrap(
    helpdesk.GET('/hubs/helpdesk/organizations/{id}', {
      params: { path: { id: '19297' } },
    }),
  );
  console.log(organization.id);
}

/** PATCH /hubs/helpdesk/organizations/{id}: Update an organization */
export async function updateHelpdeskOrganization(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const organization = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/organizations/{id}', {
      params: { path: { id: '19297' } },
      body: {
        companyName: 'Churros HD Company',
        companyIdentifier: 'Churros123',
        defaultAddress: {
          siteName: 'Main',
          city: 'dallas',
          state: 'TX',
          zip: '75001',
        },
        market: 'Information Technology',
        phoneNumber: '900123456',
      },
    }),
  );
  console.log(organization.id);
}

/** DELETE /hubs/helpdesk/organizations/{id}: Delete an organization */
export async function deleteHelpdeskOrganization(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/organizations/{id}', {
      params: { path: { id: '19297' } },
    }),
  );
}

/** GET /hubs/helpdesk/resources/articles: List articles */
export async function listHelpdeskArticles(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const article of paginate(
    helpdesk,
    '/hubs/helpdesk/resources/articles',
    { pageSize: 100 },
  )) {
    console.log(article.id);
  }
}

/** POST /hubs/helpdesk/resources/articles: Create an article */
export async function createHelpdeskArticle(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const article = await unwrap(
    helpdesk.POST('/hubs/helpdesk/resources/articles', {
      body: {
        ArticleType: 'Sailthru__Discussion',
        Title: 'churros Testing',
        UrlName: 'churros-testing',
        Summary: 'You have to push a whole bunch of buttons.',
      },
    }),
  );
  console.log(article.id);
}

/** GET /hubs/helpdesk/resources/articles/{id}: Get an article */
export async function getHelpdeskArticle(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const article = await unwrap(
    helpdesk.GET('/hubs/helpdesk/resources/articles/{id}', {
      params: { path: { id: 'ka06A000000TKmOQAW' } },
    }),
  );
  console.log(article.id);
}

/** PATCH /hubs/helpdesk/resources/articles/{id}: Update an article */
export async function updateHelpdeskArticle(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const article = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/resources/articles/{id}', {
      params: { path: { id: 'ka06A000000TKmOQAW' } },
      body: {
        ArticleType: 'Sailthru__Discussion',
        Title: 'churros Testing',
        UrlName: 'churros-testing',
        Summary: 'You have to push a whole bunch of buttons.',
      },
    }),
  );
  console.log(article.id);
}

/** DELETE /hubs/helpdesk/resources/articles/{id}: Delete an article */
export async function deleteHelpdeskArticle(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/resources/articles/{id}', {
      params: { path: { id: 'ka06A000000TKmOQAW' } },
    }),
  );
}

/** PUT /hubs/helpdesk/resources/articles/{id}/status: Set the publication state of an article */
export async function setHelpdeskArticleStatus(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const status = await unwrap(
    helpdesk.PUT('/hubs/helpdesk/resources/articles/{id}/status', {
      params: { path: { id: 'ka06A000000TKmOQAW' } },
      body: { PublishStatus: 'Online' },
    }),
  );
  console.log(status.id);
}

/** GET /hubs/helpdesk/resources/categories: List categories */
export async function listHelpdeskCategories(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const category of paginate(
    helpdesk,
    '/hubs/helpdesk/resources/categories',
    { pageSize: 100 },
  )) {
    console.log(category.id);
  }
}

/** POST /hubs/helpdesk/resources/categories: Create a category */
export async function createHelpdeskCategory(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const category = await unwrap(
    helpdesk.POST('/hubs/helpdesk/resources/categories', {
      body: { label: 'FAQ', name: 'Sailthru__FAQ__kav', pluralLabel: 'FAQs' },
    }),
  );
  console.log(category.id);
}

/** GET /hubs/helpdesk/resources/categories/{id}: Get a category */
export async function getHelpdeskCategory(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const category = await unwrap(
    helpdesk.GET('/hubs/helpdesk/resources/categories/{id}', {
      params: { path: { id: 'Sailthru__FAQ__kav' } },
    }),
  );
  console.log(category.id);
}

/** PATCH /hubs/helpdesk/resources/categories/{id}: Update a category */
export async function updateHelpdeskCategory(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const category = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/resources/categories/{id}', {
      params: { path: { id: 'Sailthru__FAQ__kav' } },
      body: { label: 'FAQ', name: 'Sailthru__FAQ__kav', pluralLabel: 'FAQs' },
    }),
  );
  console.log(category.id);
}

/** DELETE /hubs/helpdesk/resources/categories/{id}: Delete a category */
export async function deleteHelpdeskCategory(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/resources/categories/{id}', {
      params: { path: { id: 'Sailthru__FAQ__kav' } },
    }),
  );
}

/** GET /hubs/helpdesk/users: List users */
export async function listHelpdeskUsers(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const user of paginate(helpdesk, '/hubs/helpdesk/users', {
    pageSize: 100,
  })) {
    console.log(user.id);
  }
}

/** POST /hubs/helpdesk/users: Create a user */
export async function createHelpdeskUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const user = await unwrap(
    helpdesk.POST('/hubs/helpdesk/users', {
      body: {
        userName: 'boby',
        password: 'S3cret-pass',
        contactID: '29683590',
        securityLevel: '5',
        clientPortalActive: 'True',
        dateFormat: '1',
        timeFormat: '19',
        numberFormat: '22',
      },
    }),
  );
  console.log(user.id);
}

/** GET /hubs/helpdesk/users/{id}: Get a user */
export async function getHelpdeskUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const user = await unwrap(
    helpdesk.GET('/hubs/helpdesk/users/{id}', {
      params: { path: { id: '29683612' } },
    }),
  );
  console.log(user.id);
}

/** PATCH /hubs/helpdesk/users/{id}: Update a user */
export async function updateHelpdeskUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const user = await unwrap(
    helpdesk.PATCH('/hubs/helpdesk/users/{id}', {
      params: { path: { id: '29683612' } },
      body: {
        userName: 'boby',
        password: 'S3cret-pass',
        contactID: '29683590',
        securityLevel: '5',
        clientPortalActive: 'True',
        dateFormat: '1',
        timeFormat: '19',
        numberFormat: '22',
      },
    }),
  );
  console.log(user.id);
}

/** DELETE /hubs/helpdesk/users/{id}: Delete a user */
export async function deleteHelpdeskUser(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const helpdesk = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    helpdesk.DELETE('/hubs/helpdesk/users/{id}', {
      params: { path: { id: '29683612' } },
    }),
  );
}
