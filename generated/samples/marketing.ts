// The TypeScript samples of the operations tagged "Marketing", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, paginate, unwrap } from '../../src/index.js';
import { openAsBlob } from 'node:fs';

/** GET /hubs/marketing/accounts: List accounts */
export async function listMarketingAccounts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const account of paginate(marketing, '/hubs/marketing/accounts', {
    pageSize: 100,
  })) {
    console.log(account.id);
  }
}

/** POST /hubs/marketing/accounts: Create an account */
export async function createMarketingAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    marketing.POST('/hubs/marketing/accounts', {
      body: {
        name: 'Robot Test',
        address1: '3001 Brighton Blvd',
        city: 'Denver',
        province: 'CO',
        postalCode: '80212',
        country: 'US',
        businessPhone: '303-123-4567',
      },
    }),
  );
  console.log(account.id);
}

/** GET /hubs/marketing/accounts/{id}: Get an account */
export async function getMarketingAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    marketing.GET('/hubs/marketing/accounts/{id}', {
      params: { path: { id: '7' } },
    }),
  );
  console.log(account.id);
}

/** PATCH /hubs/marketing/accounts/{id}: Update an account */
export async function updateMarketingAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const account = await unwrap(
    marketing.PATCH('/hubs/marketing/accounts/{id}', {
      params: { path: { id: '7' } },
      body: {
        name: 'Robot Test',
        address1: '3001 Brighton Blvd',
        city: 'Denver',
        province: 'CO',
        postalCode: '80212',
        country: 'US',
        businessPhone: '303-123-4567',
      },
    }),
  );
  console.log(account.id);
}

/** DELETE /hubs/marketing/accounts/{id}: Delete an account */
export async function deleteMarketingAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/accounts/{id}', {
      params: { path: { id: '7' } },
    }),
  );
}

/** GET /hubs/marketing/activities: List activities */
export async function listMarketingActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(marketing, '/hubs/marketing/activities', {
    params: {
      query: { where: ceql`createdDate>${'2018-01-15T00:00:00.000Z'}`.text },
    },
    pageSize: 100,
  })) {
    console.log(activity.id);
  }
}

/** PUT /hubs/marketing/activities: Replace an activity */
export async function replaceMarketingActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    marketing.PUT('/hubs/marketing/activities', {
      body: {
        key: 'ixn-created-via-the-api45',
        modifiedDate: '2017-11-02T10:18:43.12',
        name: 'Renamed journey',
        version: 1,
        description: 'Updated through the hub',
        workflowApiVersion: 1,
      },
    }),
  );
  console.log(activity.id);
}

/** POST /hubs/marketing/activities: Create an activity */
export async function createMarketingActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    marketing.POST('/hubs/marketing/activities', {
      body: {
        activityDate: '2016-03-22T06:56:35-05:00',
        activityTypeId: 100005,
        leadId: 426722,
        primaryAttributeValue: 'Visited Conference Booth',
        attributes: [{ name: 'email', value: 'cce@yahoo.com' }],
      },
    }),
  );
  console.log(activity.id);
}

/** GET /hubs/marketing/activities/{id}: Get an activity */
export async function getMarketingActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const activity = await unwrap(
    marketing.GET('/hubs/marketing/activities/{id}', {
      params: { path: { id: 'ixn-created-via-the-api45' } },
    }),
  );
  console.log(activity.id);
}

/** DELETE /hubs/marketing/activities/{id}: Delete an activity */
export async function deleteMarketingActivity(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/activities/{id}', {
      params: { path: { id: 'ixn-created-via-the-api45' } },
    }),
  );
}

/** GET /hubs/marketing/activities/{id}/events: List the events of an activity */
export async function listMarketingActivityEvents(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const event of paginate(
    marketing,
    '/hubs/marketing/activities/{id}/events',
    { params: { path: { id: 'ixn-created-via-the-api45' } }, pageSize: 100 },
  )) {
    console.log(event.id);
  }
}

/** GET /hubs/marketing/activities/{id}/events/{eventId}: Get an event of an activity */
export async function getMarketingActivityEvent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const event = await unwrap(
    marketing.GET('/hubs/marketing/activities/{id}/events/{eventId}', {
      params: {
        path: {
          id: 'ixn-created-via-the-api45',
          eventId: 'bb8c2c9c-3b23-4b39-94c3-3a64bd4c27a7',
        },
      },
    }),
  );
  console.log(event.id);
}

/** GET /hubs/marketing/campaigns: List campaigns */
export async function listMarketingCampaigns(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const campaign of paginate(marketing, '/hubs/marketing/campaigns', {
    pageSize: 100,
  })) {
    console.log(campaign.id);
  }
}

/** POST /hubs/marketing/campaigns: Create a campaign */
export async function createMarketingCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const campaign = await unwrap(
    marketing.POST('/hubs/marketing/campaigns', {
      body: {
        name: 'Annual Sale 2029',
        description: 'Yearly sale',
        campaignCode: 'annual2012',
        color: '0000ff',
        favorite: false,
      },
    }),
  );
  console.log(campaign.id);
}

/** GET /hubs/marketing/campaigns/{id}: Get a campaign */
export async function getMarketingCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const campaign = await unwrap(
    marketing.GET('/hubs/marketing/campaigns/{id}', {
      params: { path: { id: '1001' } },
    }),
  );
  console.log(campaign.id);
}

/** PATCH /hubs/marketing/campaigns/{id}: Update a campaign */
export async function updateMarketingCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const campaign = await unwrap(
    marketing.PATCH('/hubs/marketing/campaigns/{id}', {
      params: { path: { id: '1001' } },
      body: {
        name: 'Annual Sale 2029',
        description: 'Yearly sale',
        campaignCode: 'annual2012',
        color: '0000ff',
        favorite: false,
      },
    }),
  );
  console.log(campaign.id);
}

/** DELETE /hubs/marketing/campaigns/{id}: Delete a campaign */
export async function deleteMarketingCampaign(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/campaigns/{id}', {
      params: { path: { id: '1001' } },
    }),
  );
}

/** GET /hubs/marketing/channels: List channels */
export async function listMarketingChannels(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const channel of paginate(marketing, '/hubs/marketing/channels', {
    pageSize: 100,
  })) {
    console.log(channel.id);
  }
}

/** GET /hubs/marketing/channels/{id}: Get a channel */
export async function getMarketingChannel(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const channel = await unwrap(
    marketing.GET('/hubs/marketing/channels/{id}', {
      params: { path: { id: '1' } },
    }),
  );
  console.log(channel.id);
}

/** GET /hubs/marketing/companies: List companies */
export async function listMarketingCompanies(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const company of paginate(marketing, '/hubs/marketing/companies', {
    pageSize: 100,
  })) {
    console.log(company.id);
  }
}

/** POST /hubs/marketing/companies: Create a company */
export async function createMarketingCompany(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const company = await unwrap(
    marketing.POST('/hubs/marketing/companies', {
      body: {
        company: 'Cloud Elements',
        externalCompanyId: 'acme-001',
        annualRevenue: 5000000,
        billingCity: 'Denver',
        billingState: 'CO',
        billingPostalCode: '80202',
        billingCountry: 'United States',
        industry: 'Software',
        mainPhone: '303-555-0100',
      },
    }),
  );
  console.log(company.id);
}

/** GET /hubs/marketing/companies/{id}: Get a company */
export async function getMarketingCompany(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const company = await unwrap(
    marketing.GET('/hubs/marketing/companies/{id}', {
      params: { path: { id: '42' } },
    }),
  );
  console.log(company.id);
}

/** PATCH /hubs/marketing/companies/{id}: Update a company */
export async function updateMarketingCompany(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const company = await unwrap(
    marketing.PATCH('/hubs/marketing/companies/{id}', {
      params: { path: { id: '42' } },
      body: {
        company: 'Cloud Elements',
        externalCompanyId: 'acme-001',
        annualRevenue: 5000000,
        billingCity: 'Denver',
        billingState: 'CO',
        billingPostalCode: '80202',
        billingCountry: 'United States',
        industry: 'Software',
        mainPhone: '303-555-0100',
      },
    }),
  );
  console.log(company.id);
}

/** DELETE /hubs/marketing/companies/{id}: Delete a company */
export async function deleteMarketingCompany(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/companies/{id}', {
      params: { path: { id: '42' } },
    }),
  );
}

/** GET /hubs/marketing/contacts: List contacts */
export async function listMarketingContacts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const contact of paginate(marketing, '/hubs/marketing/contacts', {
    params: { query: { where: ceql`lastName=${'Smith'}`.text } },
    pageSize: 100,
  })) {
    console.log(contact.id);
  }
}

/** POST /hubs/marketing/contacts: Create a contact */
export async function createMarketingContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    marketing.POST('/hubs/marketing/contacts', {
      body: {
        person: {
          firstName: 'Jane',
          lastName: 'Doe',
          email: 'jane.doe@example.com',
        },
      },
    }),
  );
  console.log(contact.id);
}

/** GET /hubs/marketing/contacts/{id}: Get a contact */
export async function getMarketingContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    marketing.GET('/hubs/marketing/contacts/{id}', {
      params: { path: { id: '318581' } },
    }),
  );
  console.log(contact.id);
}

/** PATCH /hubs/marketing/contacts/{id}: Update a contact */
export async function updateMarketingContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    marketing.PATCH('/hubs/marketing/contacts/{id}', {
      params: { path: { id: '318581' } },
      body: {
        person: {
          firstName: 'Jane',
          lastName: 'Doe',
          email: 'jane.doe@example.com',
        },
      },
    }),
  );
  console.log(contact.id);
}

/** DELETE /hubs/marketing/contacts/{id}: Delete a contact */
export async function deleteMarketingContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/contacts/{id}', {
      params: { path: { id: '318581' } },
    }),
  );
}

/** GET /hubs/marketing/contacts/{id}/activities: List the activities of a contact */
export async function listMarketingContactActivities(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const activity of paginate(
    marketing,
    '/hubs/marketing/contacts/{id}/activities',
    {
      params: {
        path: { id: '318581' },
        query: { where: ceql`createdDate>${'2018-01-15T00:00:00.000Z'}`.text },
      },
      pageSize: 100,
    },
  )) {
    console.log(activity.id);
  }
}

/** POST /hubs/marketing/contacts/{id}/interactions: Record an interaction of a contact */
export async function createMarketingContactInteraction(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const interaction = await unwrap(
    marketing.POST('/hubs/marketing/contacts/{id}/interactions', {
      params: { path: { id: '318581' } },
      body: { id: 4521, token: '88712' },
    }),
  );
  console.log(interaction);
}

/** POST /hubs/marketing/emails: Create an email asset */
export async function createMarketingEmail(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const email = await unwrap(
    marketing.POST('/hubs/marketing/emails', {
      body: {
        name: 'My Churros Test Email',
        subject: 'Test churros subject line',
        emailHeaderId: 1,
        emailFooterId: 1,
        emailGroupId: 1,
        encodingId: 1,
        htmlContent: {
          type: 'RawHtmlContent',
          html: '<html><head></head><body>This is the email.</body></html>',
        },
      },
    }),
  );
  console.log(email.id);
}

/** GET /hubs/marketing/files: List files */
export async function listMarketingFiles(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const file of paginate(marketing, '/hubs/marketing/files', {
    pageSize: 100,
  })) {
    console.log(file.id);
  }
}

/** POST /hubs/marketing/files: Upload a file */
export async function createMarketingFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append(
    'file',
    await openAsBlob('brady_original.jpg'),
    'brady_original.jpg',
  );
  const file = await unwrap(
    marketing.POST('/hubs/marketing/files', { body: form }),
  );
  console.log(file.id);
}

/** GET /hubs/marketing/files/{id}: Get a file */
export async function getMarketingFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const file = await unwrap(
    marketing.GET('/hubs/marketing/files/{id}', {
      params: { path: { id: '1203' } },
    }),
  );
  console.log(file.id);
}

/** PATCH /hubs/marketing/files/{id}/content: Replace the content of a file */
export async function replaceMarketingFileContent(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append(
    'file',
    await openAsBlob('brady_original.jpg'),
    'brady_original.jpg',
  );
  const content = await unwrap(
    marketing.PATCH('/hubs/marketing/files/{id}/content', {
      params: { path: { id: '1203' } },
      body: form,
    }),
  );
  console.log(content.id);
}

/** GET /hubs/marketing/folders: List folders */
export async function listMarketingFolders(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const folder of paginate(marketing, '/hubs/marketing/folders', {
    pageSize: 100,
  })) {
    console.log(folder.id);
  }
}

/** POST /hubs/marketing/folders: Create a folder */
export async function createMarketingFolder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const folder = await unwrap(
    marketing.POST('/hubs/marketing/folders', {
      body: {
        name: 'Test Folder',
        parent: { id: 19, type: 'Folder' },
        description: 'Something',
      },
    }),
  );
  console.log(folder.id);
}

/** GET /hubs/marketing/folders/{id}: Get a folder */
export async function getMarketingFolder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const folder = await unwrap(
    marketing.GET('/hubs/marketing/folders/{id}', {
      params: { path: { id: '1021' } },
    }),
  );
  console.log(folder.id);
}

/** PATCH /hubs/marketing/folders/{id}: Update a folder */
export async function updateMarketingFolder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const folder = await unwrap(
    marketing.PATCH('/hubs/marketing/folders/{id}', {
      params: { path: { id: '1021' } },
      body: {
        name: 'Test Folder',
        parent: { id: 19, type: 'Folder' },
        description: 'Something',
      },
    }),
  );
  console.log(folder.id);
}

/** POST /hubs/marketing/leads: Create a lead */
export async function createMarketingLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const lead = await unwrap(
    marketing.POST('/hubs/marketing/leads', {
      body: { OpportunityTitle: 'Churros Test', ContactID: 21 },
    }),
  );
  console.log(lead.id);
}

/** GET /hubs/marketing/leads/{id}: Get a lead */
export async function getMarketingLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const lead = await unwrap(
    marketing.GET('/hubs/marketing/leads/{id}', {
      params: { path: { id: '1234' } },
    }),
  );
  console.log(lead);
}

/** PATCH /hubs/marketing/leads/{id}: Update a lead */
export async function updateMarketingLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const lead = await unwrap(
    marketing.PATCH('/hubs/marketing/leads/{id}', {
      params: { path: { id: '1234' } },
      body: { OpportunityTitle: 'Churros Test', ContactID: 21 },
    }),
  );
  console.log(lead.id);
}

/** DELETE /hubs/marketing/leads/{id}: Delete a lead */
export async function deleteMarketingLead(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/leads/{id}', {
      params: { path: { id: '1234' } },
    }),
  );
}

/** GET /hubs/marketing/lists: List lists */
export async function listMarketingLists(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const list of paginate(marketing, '/hubs/marketing/lists', {
    pageSize: 100,
  })) {
    console.log(list.id);
  }
}

/** POST /hubs/marketing/lists: Create a list */
export async function createMarketingList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    marketing.POST('/hubs/marketing/lists', {
      body: { ListName: 'Churros test list', Description: 'churros test list' },
    }),
  );
  console.log(list.id);
}

/** GET /hubs/marketing/lists/{id}: Get a list */
export async function getMarketingList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    marketing.GET('/hubs/marketing/lists/{id}', {
      params: { path: { id: '1044' } },
    }),
  );
  console.log(list.id);
}

/** PATCH /hubs/marketing/lists/{id}: Update a list */
export async function updateMarketingList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    marketing.PATCH('/hubs/marketing/lists/{id}', {
      params: { path: { id: '1044' } },
      body: { ListName: 'Churros test list', Description: 'churros test list' },
    }),
  );
  console.log(list.id);
}

/** DELETE /hubs/marketing/lists/{id}: Delete a list */
export async function deleteMarketingList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/lists/{id}', {
      params: { path: { id: '1044' } },
    }),
  );
}

/** GET /hubs/marketing/lists/{id}/contacts: List the contacts of a list */
export async function listMarketingListContacts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const contact of paginate(
    marketing,
    '/hubs/marketing/lists/{id}/contacts',
    {
      params: {
        path: { id: '1044' },
        query: { where: ceql`lastName=${'Smith'}`.text },
      },
      pageSize: 100,
    },
  )) {
    console.log(contact.id);
  }
}

/** POST /hubs/marketing/lists/{id}/contacts: Add contacts to a list */
export async function addMarketingListContacts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    marketing.POST('/hubs/marketing/lists/{id}/contacts', {
      params: { path: { id: '1044' } },
      body: [{ person: { id: 318581 } }],
    }),
  );
  console.log(contact);
}

/** GET /hubs/marketing/lists/{id}/contacts/{contactId}: Get a contact of a list */
export async function getMarketingListContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    marketing.GET('/hubs/marketing/lists/{id}/contacts/{contactId}', {
      params: { path: { id: '1044', contactId: '318581' } },
    }),
  );
  console.log(contact.id);
}

/** PATCH /hubs/marketing/lists/{id}/contacts/{contactId}: Update a contact of a list */
export async function updateMarketingListContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const contact = await unwrap(
    marketing.PATCH('/hubs/marketing/lists/{id}/contacts/{contactId}', {
      params: { path: { id: '1044', contactId: '318581' } },
      body: { Status: 'Unsubscribed' },
    }),
  );
  console.log(contact.id);
}

/** DELETE /hubs/marketing/lists/{id}/contacts/{contactId}: Remove a contact from a list */
export async function removeMarketingListContact(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/lists/{id}/contacts/{contactId}', {
      params: { path: { id: '1044', contactId: '318581' } },
    }),
  );
}

/** GET /hubs/marketing/partitions: List lead partitions */
export async function listMarketingPartitions(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const partition of paginate(
    marketing,
    '/hubs/marketing/partitions',
    { pageSize: 100 },
  )) {
    console.log(partition.id);
  }
}

/** GET /hubs/marketing/programs: List programs */
export async function listMarketingPrograms(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const program of paginate(marketing, '/hubs/marketing/programs', {
    pageSize: 100,
  })) {
    console.log(program.id);
  }
}

/** POST /hubs/marketing/programs: Create a program */
export async function createMarketingProgram(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const program = await unwrap(
    marketing.POST('/hubs/marketing/programs', {
      body: {
        name: 'Texas Test Program 29',
        channel: 'Email Send',
        type: 'Email',
        folder: { id: 33, type: 'Folder' },
      },
    }),
  );
  console.log(program);
}

/** GET /hubs/marketing/programs/{id}: Get a program */
export async function getMarketingProgram(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const program = await unwrap(
    marketing.GET('/hubs/marketing/programs/{id}', {
      params: { path: { id: '1107' } },
    }),
  );
  console.log(program.id);
}

/** PATCH /hubs/marketing/programs/{id}: Update a program */
export async function updateMarketingProgram(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const program = await unwrap(
    marketing.PATCH('/hubs/marketing/programs/{id}', {
      params: { path: { id: '1107' } },
      body: {
        name: 'Texas Test Program 29',
        channel: 'Email Send',
        type: 'Email',
        folder: { id: 33, type: 'Folder' },
      },
    }),
  );
  console.log(program.id);
}

/** DELETE /hubs/marketing/programs/{id}: Delete a program */
export async function deleteMarketingProgram(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    marketing.DELETE('/hubs/marketing/programs/{id}', {
      params: { path: { id: '1107' } },
    }),
  );
}

/** GET /hubs/marketing/programs/{id}/leads: List the leads of a program */
export async function listMarketingProgramLeads(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const lead of paginate(
    marketing,
    '/hubs/marketing/programs/{id}/leads',
    {
      params: {
        path: { id: '1107' },
        query: { where: ceql`lastName=${'Smith'}`.text },
      },
      pageSize: 100,
    },
  )) {
    console.log(lead.id);
  }
}

/** GET /hubs/marketing/tagTypes: List tag types */
export async function listMarketingTagTypes(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const tagType of paginate(marketing, '/hubs/marketing/tagTypes', {
    pageSize: 100,
  })) {
    console.log(tagType);
  }
}

/** GET /hubs/marketing/tagTypes/{id}: Get a tag type */
export async function getMarketingTagType(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const marketing = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const tagType = await unwrap(
    marketing.GET('/hubs/marketing/tagTypes/{id}', {
      params: { path: { id: 'Region' } },
    }),
  );
  console.log(tagType);
}
