// The TypeScript samples of the operations tagged "Finance", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { ceql, createClient, paginate, unwrap } from '../../src/index.js';

/** GET /hubs/finance/customers: List customers */
export async function listFinanceCustomers(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const customer of paginate(finance, '/hubs/finance/customers', {
    params: { query: { where: ceql`lastName=${'Smith'}`.text } },
    pageSize: 100,
  })) {
    console.log(customer.id);
  }
}

/** POST /hubs/finance/customers: Create a customer */
export async function createFinanceCustomer(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const customer = await unwrap(
    finance.POST('/hubs/finance/customers', {
      body: {
        companyName: 'Churros Company',
        firstName: 'Churros Test',
        lastName: 'El Chappo',
        isPerson: true,
        subsidiary: { internalId: '1', name: 'Honeycomb Mfg.' },
        entityStatus: { internalId: '13', name: 'CUSTOMER-Closed Won' },
      },
    }),
  );
  console.log(customer.id);
}

/** GET /hubs/finance/customers/{id}: Get a customer */
export async function getFinanceCustomer(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const customer = await unwrap(
    finance.GET('/hubs/finance/customers/{id}', {
      params: { path: { id: '1178' } },
    }),
  );
  console.log(customer.id);
}

/** PATCH /hubs/finance/customers/{id}: Update a customer */
export async function updateFinanceCustomer(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const customer = await unwrap(
    finance.PATCH('/hubs/finance/customers/{id}', {
      params: { path: { id: '1178' } },
      body: {
        companyName: 'Churros Company',
        firstName: 'Churros Test',
        lastName: 'El Chappo',
        isPerson: true,
        subsidiary: { internalId: '1', name: 'Honeycomb Mfg.' },
        entityStatus: { internalId: '13', name: 'CUSTOMER-Closed Won' },
      },
    }),
  );
  console.log(customer.id);
}

/** DELETE /hubs/finance/customers/{id}: Delete a customer */
export async function deleteFinanceCustomer(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/customers/{id}', {
      params: { path: { id: '1178' } },
    }),
  );
}

/** GET /hubs/finance/employees: List employees */
export async function listFinanceEmployees(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const employee of paginate(finance, '/hubs/finance/employees', {
    params: { query: { where: ceql`lastName=${'Smith'}`.text } },
    pageSize: 100,
  })) {
    console.log(employee.id);
  }
}

/** POST /hubs/finance/employees: Create an employee */
export async function createFinanceEmployee(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const employee = await unwrap(
    finance.POST('/hubs/finance/employees', {
      body: {
        firstName: 'Mark',
        lastName: 'Jones',
        title: 'ChurrosTitle',
        email: 'churros-employee@example.com',
        employeeStatus: { internalId: '3', name: 'Regular - Full Time' },
        subsidiary: { internalId: '1', name: 'Honeycomb Mfg.' },
        birthDate: -438278400000,
      },
    }),
  );
  console.log(employee.id);
}

/** GET /hubs/finance/employees/{id}: Get an employee */
export async function getFinanceEmployee(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const employee = await unwrap(
    finance.GET('/hubs/finance/employees/{id}', {
      params: { path: { id: '1302' } },
    }),
  );
  console.log(employee.id);
}

/** PATCH /hubs/finance/employees/{id}: Update an employee */
export async function updateFinanceEmployee(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const employee = await unwrap(
    finance.PATCH('/hubs/finance/employees/{id}', {
      params: { path: { id: '1302' } },
      body: {
        firstName: 'Mark',
        lastName: 'Jones',
        title: 'ChurrosTitle',
        email: 'churros-employee@example.com',
        employeeStatus: { internalId: '3', name: 'Regular - Full Time' },
        subsidiary: { internalId: '1', name: 'Honeycomb Mfg.' },
        birthDate: -438278400000,
      },
    }),
  );
  console.log(employee.id);
}

/** DELETE /hubs/finance/employees/{id}: Delete an employee */
export async function deleteFinanceEmployee(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/employees/{id}', {
      params: { path: { id: '1302' } },
    }),
  );
}

/** GET /hubs/finance/invoices: List invoices */
export async function listFinanceInvoices(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const invoice of paginate(finance, '/hubs/finance/invoices', {
    pageSize: 100,
  })) {
    console.log(invoice.id);
  }
}

/** POST /hubs/finance/invoices: Create an invoice */
export async function createFinanceInvoice(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const invoice = await unwrap(
    finance.POST('/hubs/finance/invoices', {
      body: {
        entity: { internalId: '1251', name: 'Acera' },
        tranDate: 1428649200000,
        dueDate: 1431241200000,
        status: 'Open',
        currency: { internalId: '1', name: 'USA' },
        itemList: {
          item: [
            {
              line: 1,
              item: { internalId: '252', name: 'BLA00001' },
              amount: 29.99,
              quantity: 1,
              description: 'Bankers Lamp',
            },
          ],
          replaceAll: true,
        },
      },
    }),
  );
  console.log(invoice.id);
}

/** GET /hubs/finance/invoices/{id}: Get an invoice */
export async function getFinanceInvoice(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const invoice = await unwrap(
    finance.GET('/hubs/finance/invoices/{id}', {
      params: { path: { id: '10452' } },
    }),
  );
  console.log(invoice.id);
}

/** PATCH /hubs/finance/invoices/{id}: Update an invoice */
export async function updateFinanceInvoice(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const invoice = await unwrap(
    finance.PATCH('/hubs/finance/invoices/{id}', {
      params: { path: { id: '10452' } },
      body: {
        entity: { internalId: '1251', name: 'Acera' },
        tranDate: 1428649200000,
        dueDate: 1431241200000,
        status: 'Open',
        currency: { internalId: '1', name: 'USA' },
        itemList: {
          item: [
            {
              line: 1,
              item: { internalId: '252', name: 'BLA00001' },
              amount: 29.99,
              quantity: 1,
              description: 'Bankers Lamp',
            },
          ],
          replaceAll: true,
        },
      },
    }),
  );
  console.log(invoice.id);
}

/** DELETE /hubs/finance/invoices/{id}: Delete an invoice */
export async function deleteFinanceInvoice(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/invoices/{id}', {
      params: { path: { id: '10452' } },
    }),
  );
}

/** GET /hubs/finance/journal-entries: List journal entries */
export async function listFinanceJournalEntries(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const journalEntry of paginate(
    finance,
    '/hubs/finance/journal-entries',
    { pageSize: 100 },
  )) {
    console.log(journalEntry.id);
  }
}

/** POST /hubs/finance/journal-entries: Create a journal entry */
export async function createFinanceJournalEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const journalEntry = await unwrap(
    finance.POST('/hubs/finance/journal-entries', {
      body: {
        tranDate: 1428649200000,
        currency: { internalId: '1', name: 'USA' },
        subsidiary: { internalId: '1' },
        reversalDefer: false,
        lineList: {
          line: [
            {
              debit: 1,
              account: { internalId: '10', name: '1150 Employee Advances' },
            },
            {
              credit: 1,
              account: { internalId: '161', name: '1352 WIP : WIP COGS' },
            },
          ],
          replaceAll: true,
        },
        customForm: { internalId: '30', name: 'Standard Journal Entry' },
      },
    }),
  );
  console.log(journalEntry.id);
}

/** GET /hubs/finance/journal-entries/{id}: Get a journal entry */
export async function getFinanceJournalEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const journalEntry = await unwrap(
    finance.GET('/hubs/finance/journal-entries/{id}', {
      params: { path: { id: '20117' } },
    }),
  );
  console.log(journalEntry.id);
}

/** PATCH /hubs/finance/journal-entries/{id}: Update a journal entry */
export async function updateFinanceJournalEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const journalEntry = await unwrap(
    finance.PATCH('/hubs/finance/journal-entries/{id}', {
      params: { path: { id: '20117' } },
      body: {
        tranDate: 1428649200000,
        currency: { internalId: '1', name: 'USA' },
        subsidiary: { internalId: '1' },
        reversalDefer: false,
        lineList: {
          line: [
            {
              debit: 1,
              account: { internalId: '10', name: '1150 Employee Advances' },
            },
            {
              credit: 1,
              account: { internalId: '161', name: '1352 WIP : WIP COGS' },
            },
          ],
          replaceAll: true,
        },
        customForm: { internalId: '30', name: 'Standard Journal Entry' },
      },
    }),
  );
  console.log(journalEntry.id);
}

/** DELETE /hubs/finance/journal-entries/{id}: Delete a journal entry */
export async function deleteFinanceJournalEntry(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/journal-entries/{id}', {
      params: { path: { id: '20117' } },
    }),
  );
}

/** GET /hubs/finance/ledger-accounts: List ledger accounts */
export async function listFinanceLedgerAccounts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const ledgerAccount of paginate(
    finance,
    '/hubs/finance/ledger-accounts',
    { pageSize: 100 },
  )) {
    console.log(ledgerAccount.id);
  }
}

/** POST /hubs/finance/ledger-accounts: Create a ledger account */
export async function createFinanceLedgerAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const ledgerAccount = await unwrap(
    finance.POST('/hubs/finance/ledger-accounts', {
      body: {
        acctName: 'Petty cash',
        acctNumber: '100102',
        acctType: { value: '_bank' },
        description: 'Sample New Account',
        currency: { internalId: '1' },
      },
    }),
  );
  console.log(ledgerAccount.id);
}

/** GET /hubs/finance/ledger-accounts/{id}: Get a ledger account */
export async function getFinanceLedgerAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const ledgerAccount = await unwrap(
    finance.GET('/hubs/finance/ledger-accounts/{id}', {
      params: { path: { id: '120' } },
    }),
  );
  console.log(ledgerAccount.id);
}

/** PATCH /hubs/finance/ledger-accounts/{id}: Update a ledger account */
export async function updateFinanceLedgerAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const ledgerAccount = await unwrap(
    finance.PATCH('/hubs/finance/ledger-accounts/{id}', {
      params: { path: { id: '120' } },
      body: {
        acctName: 'Petty cash',
        acctNumber: '100102',
        acctType: { value: '_bank' },
        description: 'Sample New Account',
        currency: { internalId: '1' },
      },
    }),
  );
  console.log(ledgerAccount.id);
}

/** DELETE /hubs/finance/ledger-accounts/{id}: Delete a ledger account */
export async function deleteFinanceLedgerAccount(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/ledger-accounts/{id}', {
      params: { path: { id: '120' } },
    }),
  );
}

/** GET /hubs/finance/payment-methods: List payment methods */
export async function listFinancePaymentMethods(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const paymentMethod of paginate(
    finance,
    '/hubs/finance/payment-methods',
    { pageSize: 100 },
  )) {
    console.log(paymentMethod.id);
  }
}

/** POST /hubs/finance/payment-methods: Create a payment method */
export async function createFinancePaymentMethod(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const paymentMethod = await unwrap(
    finance.POST('/hubs/finance/payment-methods', {
      body: { Name: 'Gift card', Type: 'NON_CREDIT_CARD', Active: true },
    }),
  );
  console.log(paymentMethod.id);
}

/** GET /hubs/finance/payment-methods/{id}: Get a payment method */
export async function getFinancePaymentMethod(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const paymentMethod = await unwrap(
    finance.GET('/hubs/finance/payment-methods/{id}', {
      params: { path: { id: '3' } },
    }),
  );
  console.log(paymentMethod.id);
}

/** GET /hubs/finance/payments: List payments */
export async function listFinancePayments(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const payment of paginate(finance, '/hubs/finance/payments', {
    pageSize: 100,
  })) {
    console.log(payment.id);
  }
}

/** POST /hubs/finance/payments: Create a payment */
export async function createFinancePayment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const payment = await unwrap(
    finance.POST('/hubs/finance/payments', {
      body: {
        customer: { internalId: '1178', name: 'Absolute Location Support' },
        payment: 1,
        tranDate: 1428994800000,
        account: { internalId: '1', name: '1000 Checking' },
        status: 'Deposited',
        autoApply: true,
      },
    }),
  );
  console.log(payment.id);
}

/** GET /hubs/finance/payments/{id}: Get a payment */
export async function getFinancePayment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const payment = await unwrap(
    finance.GET('/hubs/finance/payments/{id}', {
      params: { path: { id: '20340' } },
    }),
  );
  console.log(payment.id);
}

/** PATCH /hubs/finance/payments/{id}: Update a payment */
export async function updateFinancePayment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const payment = await unwrap(
    finance.PATCH('/hubs/finance/payments/{id}', {
      params: { path: { id: '20340' } },
      body: {
        customer: { internalId: '1178', name: 'Absolute Location Support' },
        payment: 1,
        tranDate: 1428994800000,
        account: { internalId: '1', name: '1000 Checking' },
        status: 'Deposited',
        autoApply: true,
      },
    }),
  );
  console.log(payment.id);
}

/** DELETE /hubs/finance/payments/{id}: Delete a payment */
export async function deleteFinancePayment(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/payments/{id}', {
      params: { path: { id: '20340' } },
    }),
  );
}

/** GET /hubs/finance/products: List products */
export async function listFinanceProducts(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const product of paginate(finance, '/hubs/finance/products', {
    pageSize: 100,
  })) {
    console.log(product.id);
  }
}

/** POST /hubs/finance/products: Create a product */
export async function createFinanceProduct(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const product = await unwrap(
    finance.POST('/hubs/finance/products', {
      body: {
        itemId: 'ACC00007',
        displayName: 'Churros Product',
        cost: 1000,
        upcCode: '000MEEVIS',
        incomeAccount: { internalId: '55', name: '4000 Sales' },
        vendorName: 'Churros',
        purchaseDescription: 'Churros Desc',
      },
    }),
  );
  console.log(product.id);
}

/** GET /hubs/finance/products/{id}: Get a product */
export async function getFinanceProduct(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const product = await unwrap(
    finance.GET('/hubs/finance/products/{id}', {
      params: { path: { id: '507' } },
    }),
  );
  console.log(product.id);
}

/** PATCH /hubs/finance/products/{id}: Update a product */
export async function updateFinanceProduct(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const product = await unwrap(
    finance.PATCH('/hubs/finance/products/{id}', {
      params: { path: { id: '507' } },
      body: {
        itemId: 'ACC00007',
        displayName: 'Churros Product',
        cost: 1000,
        upcCode: '000MEEVIS',
        incomeAccount: { internalId: '55', name: '4000 Sales' },
        vendorName: 'Churros',
        purchaseDescription: 'Churros Desc',
      },
    }),
  );
  console.log(product.id);
}

/** DELETE /hubs/finance/products/{id}: Delete a product */
export async function deleteFinanceProduct(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/products/{id}', {
      params: { path: { id: '507' } },
    }),
  );
}

/** GET /hubs/finance/purchase-orders: List purchase orders */
export async function listFinancePurchaseOrders(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const purchaseOrder of paginate(
    finance,
    '/hubs/finance/purchase-orders',
    { pageSize: 100 },
  )) {
    console.log(purchaseOrder.id);
  }
}

/** POST /hubs/finance/purchase-orders: Create a purchase order */
export async function createFinancePurchaseOrder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const purchaseOrder = await unwrap(
    finance.POST('/hubs/finance/purchase-orders', {
      body: {
        entity: { internalId: '1552', name: 'Amazon' },
        status: 'Pending Receipt',
        currencyName: 'USA',
        location: { internalId: '2', name: '01: San Francisco' },
        itemList: {
          item: [
            {
              line: 1,
              item: { internalId: '507', name: 'ACC00007' },
              amount: 100,
              quantity: 1,
              rate: '100.00',
            },
          ],
          replaceAll: true,
        },
      },
    }),
  );
  console.log(purchaseOrder.id);
}

/** GET /hubs/finance/purchase-orders/{id}: Get a purchase order */
export async function getFinancePurchaseOrder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const purchaseOrder = await unwrap(
    finance.GET('/hubs/finance/purchase-orders/{id}', {
      params: { path: { id: '30881' } },
    }),
  );
  console.log(purchaseOrder.id);
}

/** PATCH /hubs/finance/purchase-orders/{id}: Update a purchase order */
export async function updateFinancePurchaseOrder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const purchaseOrder = await unwrap(
    finance.PATCH('/hubs/finance/purchase-orders/{id}', {
      params: { path: { id: '30881' } },
      body: {
        entity: { internalId: '1552', name: 'Amazon' },
        status: 'Pending Receipt',
        currencyName: 'USA',
        location: { internalId: '2', name: '01: San Francisco' },
        itemList: {
          item: [
            {
              line: 1,
              item: { internalId: '507', name: 'ACC00007' },
              amount: 100,
              quantity: 1,
              rate: '100.00',
            },
          ],
          replaceAll: true,
        },
      },
    }),
  );
  console.log(purchaseOrder.id);
}

/** DELETE /hubs/finance/purchase-orders/{id}: Delete a purchase order */
export async function deleteFinancePurchaseOrder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/purchase-orders/{id}', {
      params: { path: { id: '30881' } },
    }),
  );
}

/** GET /hubs/finance/tax-rates: List tax rates */
export async function listFinanceTaxRates(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const taxRate of paginate(finance, '/hubs/finance/tax-rates', {
    pageSize: 100,
  })) {
    console.log(taxRate.id);
  }
}

/** POST /hubs/finance/tax-rates: Create a tax rate */
export async function createFinanceTaxRate(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const taxRate = await unwrap(
    finance.POST('/hubs/finance/tax-rates', { body: { Name: 'Test', Rate: 20 } }),
  );
  console.log(taxRate.id);
}

/** GET /hubs/finance/tax-rates/{id}: Get a tax rate */
export async function getFinanceTaxRate(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const taxRate = await unwrap(
    finance.GET('/hubs/finance/tax-rates/{id}', {
      params: { path: { id: '-7' } },
    }),
  );
  console.log(taxRate.id);
}

/** GET /hubs/finance/vendors: List vendors */
export async function listFinanceVendors(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const vendor of paginate(finance, '/hubs/finance/vendors', {
    pageSize: 100,
  })) {
    console.log(vendor.id);
  }
}

/** POST /hubs/finance/vendors: Create a vendor */
export async function createFinanceVendor(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const vendor = await unwrap(
    finance.POST('/hubs/finance/vendors', {
      body: {
        companyName: 'Amazon',
        isPerson: false,
        is1099Eligible: false,
        terms: { internalId: '1', name: 'Net 15' },
        currency: { internalId: '1', name: 'USA' },
        subsidiary: { internalId: '1', name: 'Honeycomb Mfg.' },
      },
    }),
  );
  console.log(vendor.id);
}

/** GET /hubs/finance/vendors/{id}: Get a vendor */
export async function getFinanceVendor(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const vendor = await unwrap(
    finance.GET('/hubs/finance/vendors/{id}', {
      params: { path: { id: '1552' } },
    }),
  );
  console.log(vendor.id);
}

/** PATCH /hubs/finance/vendors/{id}: Update a vendor */
export async function updateFinanceVendor(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const vendor = await unwrap(
    finance.PATCH('/hubs/finance/vendors/{id}', {
      params: { path: { id: '1552' } },
      body: {
        companyName: 'Amazon',
        isPerson: false,
        is1099Eligible: false,
        terms: { internalId: '1', name: 'Net 15' },
        currency: { internalId: '1', name: 'USA' },
        subsidiary: { internalId: '1', name: 'Honeycomb Mfg.' },
      },
    }),
  );
  console.log(vendor.id);
}

/** DELETE /hubs/finance/vendors/{id}: Delete a vendor */
export async function deleteFinanceVendor(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const finance = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    finance.DELETE('/hubs/finance/vendors/{id}', {
      params: { path: { id: '1552' } },
    }),
  );
}
