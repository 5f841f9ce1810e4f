// The TypeScript samples of the operations tagged "Expense", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /hubs/expense/expense-group-configurations: List group configurations */
export async function listExpenseGroupConfigurations(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const expenseGroupConfiguration of paginate(
    expense,
    '/hubs/expense/expense-group-configurations',
    { pageSize: 100 },
  )) {
    console.log(expenseGroupConfiguration);
  }
}

/** GET /hubs/expense/expense-group-configurations/{id}: Get a group configuration */
export async function getExpenseGroupConfiguration(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const expenseGroupConfiguration = await unwrap(
    expense.GET('/hubs/expense/expense-group-configurations/{id}', {
      params: { path: { id: 'gWv9T$p8DWUzsMbj0WSNmAVyyTpNt' } },
    }),
  );
  console.log(expenseGroupConfiguration);
}

/** GET /hubs/expense/expenses: List expenses */
export async function listExpenseEntries(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const expenseResult of paginate(expense, '/hubs/expense/expenses', {
    pageSize: 100,
  })) {
    console.log(expenseResult);
  }
}

/** POST /hubs/expense/expenses: Create an expense */
export async function createExpenseEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const expenseResult = await unwrap(
    expense.POST('/hubs/expense/expenses', {
      body: {
        ReportID: 'A1D03617E3664840A092',
        ReportOwnerID: 'developer@example.com',
        ExpenseTypeCode: 'AIRFR',
        ExpenseTypeName: 'Airfare',
        PaymentTypeID: 'gWlZUt7MEzOUtrgVUdaexsh2zEcjY',
        PaymentTypeName: 'Cash',
        TransactionDate: '2016-01-11T00:00:00',
        TransactionCurrencyCode: 'USD',
        TransactionAmount: 100,
        ExchangeRate: 1,
        PostedAmount: 100,
        ApprovedAmount: 100,
        VendorDescription: 'Frontier Airlines',
        LocationCountry: null,
        Description: null,
        IsBillable: false,
      },
    }),
  );
  console.log(expenseResult);
}

/** GET /hubs/expense/expenses/{id}: Get an expense */
export async function getExpenseEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const expenseResult = await unwrap(
    expense.GET('/hubs/expense/expenses/{id}', {
      params: { path: { id: 'gWsUH2B3oRG$sPUgf7gNpkV7QA6xGpu$pdbQ' } },
    }),
  );
  console.log(expenseResult);
}

/** PATCH /hubs/expense/expenses/{id}: Update an expense */
export async function updateExpenseEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const expenseResult = await unwrap(
    expense.PATCH('/hubs/expense/expenses/{id}', {
      params: { path: { id: 'gWsUH2B3oRG$sPUgf7gNpkV7QA6xGpu$pdbQ' } },
      body: {
        ReportID: 'A1D03617E3664840A092',
        ReportOwnerID: 'developer@example.com',
        ExpenseTypeCode: 'AIRFR',
        ExpenseTypeName: 'Airfare',
        PaymentTypeID: 'gWlZUt7MEzOUtrgVUdaexsh2zEcjY',
        PaymentTypeName: 'Cash',
        TransactionDate: '2016-01-11T00:00:00',
        TransactionCurrencyCode: 'USD',
        TransactionAmount: 100,
        ExchangeRate: 1,
        PostedAmount: 100,
        ApprovedAmount: 100,
        VendorDescription: 'Frontier Airlines',
        LocationCountry: null,
        Description: null,
        IsBillable: false,
      },
    }),
  );
  console.log(expenseResult);
}

/** DELETE /hubs/expense/expenses/{id}: Delete an expense */
export async function deleteExpenseEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    expense.DELETE('/hubs/expense/expenses/{id}', {
      params: { path: { id: 'gWsUH2B3oRG$sPUgf7gNpkV7QA6xGpu$pdbQ' } },
    }),
  );
}

/** GET /hubs/expense/items: List list items */
export async function listExpenseListItems(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const item of paginate(expense, '/hubs/expense/items', {
    pageSize: 100,
  })) {
    console.log(item);
  }
}

/** POST /hubs/expense/items: Create a list item */
export async function createExpenseListItem(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const item = await unwrap(
    expense.POST('/hubs/expense/items', {
      body: {
        ListID: 'gWrB3eM9eOjLlGAQF9vnAp0epX4xskX9b$sg',
        Name: 'American Express Travel1',
        ParentID: null,
        Level1Code: 'AMEX1',
      },
    }),
  );
  console.log(item);
}

/** GET /hubs/expense/items/{id}: Get a list item */
export async function getExpenseListItem(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const item = await unwrap(
    expense.GET('/hubs/expense/items/{id}', {
      params: { path: { id: 'gWqnR7mLiHokIm09EWFmUvLJfKflwnrR9Sw' } },
    }),
  );
  console.log(item);
}

/** PATCH /hubs/expense/items/{id}: Update a list item */
export async function updateExpenseListItem(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const item = await unwrap(
    expense.PATCH('/hubs/expense/items/{id}', {
      params: { path: { id: 'gWqnR7mLiHokIm09EWFmUvLJfKflwnrR9Sw' } },
      body: {
        ListID: 'gWrB3eM9eOjLlGAQF9vnAp0epX4xskX9b$sg',
        Name: 'American Express Travel1',
        ParentID: null,
        Level1Code: 'AMEX1',
      },
    }),
  );
  console.log(item);
}

/** DELETE /hubs/expense/items/{id}: Delete a list item */
export async function deleteExpenseListItem(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    expense.DELETE('/hubs/expense/items/{id}', {
      params: { path: { id: 'gWqnR7mLiHokIm09EWFmUvLJfKflwnrR9Sw' } },
    }),
  );
}

/** GET /hubs/expense/lists: List lists */
export async function listExpenseLists(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const list of paginate(expense, '/hubs/expense/lists', {
    pageSize: 100,
  })) {
    console.log(list);
  }
}

/** POST /hubs/expense/lists: Create a list */
export async function createExpenseList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    expense.POST('/hubs/expense/lists', {
      body: {
        DisplayCodeFirst: true,
        IsVendorList: true,
        SearchCriteriaCode: 'TEXT',
        Name: 'Vendors - Travel Agents',
      },
    }),
  );
  console.log(list);
}

/** GET /hubs/expense/lists/{id}: Get a list */
export async function getExpenseList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    expense.GET('/hubs/expense/lists/{id}', {
      params: { path: { id: 'gWrB3eM9eOjLlGAQF9vnAp0epX4xskX9b$sg' } },
    }),
  );
  console.log(list);
}

/** PATCH /hubs/expense/lists/{id}: Update a list */
export async function updateExpenseList(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const list = await unwrap(
    expense.PATCH('/hubs/expense/lists/{id}', {
      params: { path: { id: 'gWrB3eM9eOjLlGAQF9vnAp0epX4xskX9b$sg' } },
      body: {
        DisplayCodeFirst: true,
        IsVendorList: true,
        SearchCriteriaCode: 'TEXT',
        Name: 'Vendors - Travel Agents',
      },
    }),
  );
  console.log(list);
}

/** POST /hubs/expense/payments: Create a payment request */
export async function createExpensePayment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const payment = await unwrap(
    expense.POST('/hubs/expense/payments', {
      body: {
        AmountWithoutVat: '100',
        CountryCode: 'IN',
        CurrencyCode: 'INR',
        ExternalPolicyId: 'DFLT',
        LedgerCode: 'DEFAULT',
        Name: 'sample2',
        InvoiceDate: '2017-04-01 00:00:00.0',
        InvoiceNumber: '1234',
        InvoiceAmount: '100.00000000',
        VendorRemitToIdentifier: {
          VendorCode: '8C6FBE02421049F1B03CA0E85CD170B2',
          Address1: 'pune india',
          City: 'pune',
          Name: 'hanumant',
        },
      },
    }),
  );
  console.log(payment);
}

/** GET /hubs/expense/payments/{id}: Get a payment request */
export async function getExpensePayment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const payment = await unwrap(
    expense.GET('/hubs/expense/payments/{id}', {
      params: { path: { id: 'F1CE7B4A1BEC4D43BC7E' } },
    }),
  );
  console.log(payment);
}

/** PATCH /hubs/expense/payments/{id}: Update a payment request */
export async function updateExpensePayment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const payment = await unwrap(
    expense.PATCH('/hubs/expense/payments/{id}', {
      params: { path: { id: 'F1CE7B4A1BEC4D43BC7E' } },
      body: {
        AmountWithoutVat: '100',
        CountryCode: 'IN',
        CurrencyCode: 'INR',
        ExternalPolicyId: 'DFLT',
        LedgerCode: 'DEFAULT',
        Name: 'sample2',
        InvoiceDate: '2017-04-01 00:00:00.0',
        InvoiceNumber: '1234',
        InvoiceAmount: '100.00000000',
        VendorRemitToIdentifier: {
          VendorCode: '8C6FBE02421049F1B03CA0E85CD170B2',
          Address1: 'pune india',
          City: 'pune',
          Name: 'hanumant',
        },
      },
    }),
  );
  console.log(payment);
}

/** GET /hubs/expense/payments-digests: List payment request digests */
export async function listExpensePaymentDigests(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const paymentsDigest of paginate(
    expense,
    '/hubs/expense/payments-digests',
    { pageSize: 100 },
  )) {
    console.log(paymentsDigest);
  }
}

/** GET /hubs/expense/payments-digests/{id}: Get a payment request digest */
export async function getExpensePaymentDigest(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const paymentsDigest = await unwrap(
    expense.GET('/hubs/expense/payments-digests/{id}', {
      params: { path: { id: 'F1CE7B4A1BEC4D43BC7E' } },
    }),
  );
  console.log(paymentsDigest);
}

/** GET /hubs/expense/reports: List reports */
export async function listExpenseReports(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const report of paginate(expense, '/hubs/expense/reports', {
    pageSize: 100,
  })) {
    console.log(report);
  }
}

/** POST /hubs/expense/reports: Create a report */
export async function createExpenseReport(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const report = await unwrap(
    expense.POST('/hubs/expense/reports', {
      body: { Name: 'Test1', Total: 100, CurrencyCode: 'USD' },
    }),
  );
  console.log(report);
}

/** GET /hubs/expense/reports/{id}: Get a report */
export async function getExpenseReport(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const report = await unwrap(
    expense.GET('/hubs/expense/reports/{id}', {
      params: { path: { id: 'A1D03617E3664840A092' } },
    }),
  );
  console.log(report);
}

/** PATCH /hubs/expense/reports/{id}: Update a report */
export async function updateExpenseReport(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const report = await unwrap(
    expense.PATCH('/hubs/expense/reports/{id}', {
      params: { path: { id: 'A1D03617E3664840A092' } },
      body: { Name: 'Test1', Total: 100, CurrencyCode: 'USD' },
    }),
  );
  console.log(report);
}

/** GET /hubs/expense/users: List users */
export async function listExpenseUsers(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const user of paginate(expense, '/hubs/expense/users', {
    pageSize: 100,
  })) {
    console.log(user);
  }
}

/** PATCH /hubs/expense/vendor-banks: Update vendor bank details */
export async function updateExpenseVendorBank(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const vendorBank = await unwrap(
    expense.PATCH('/hubs/expense/vendor-banks', {
      body: {
        AddressCode: '',
        BankCode: 'NDMS',
        BankName: 'maharastra bank',
        BranchCode: '429292',
        BranchLocation: 'pune',
        CountryCode: '91',
      },
    }),
  );
  console.log(vendorBank);
}

/** PATCH /hubs/expense/vendor-groups: Assign a vendor group */
export async function updateExpenseVendorGroup(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const vendorGroup = await unwrap(
    expense.PATCH('/hubs/expense/vendor-groups', {
      body: { ID: 'sampleVendorgroup', Name: 'name' },
    }),
  );
  console.log(vendorGroup);
}

/** DELETE /hubs/expense/vendor-groups: Remove a vendor group */
export async function deleteExpenseVendorGroup(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const expense = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(expense.DELETE('/hubs/expense/vendor-groups'));
}
