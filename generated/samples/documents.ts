// The TypeScript samples of the operations tagged "Documents", as the docs site shows them, one function
// each with the imports hoisted. Written by `npm run generate` (scripts/site/samples.mjs) from the spec;
// do not edit. `tsc -p .` type-checks them against the SDK and generated/schema.d.ts.
import { createClient, paginate, unwrap } from '../../src/index.js';

/** GET /hubs/documents/files: Download a file by path */
export async function downloadDocumentsFileByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const file = await unwrap(
    documents.GET('/hubs/documents/files', {
      params: { query: { path: '/churros/report.pdf' } },
      parseAs: 'blob',
    }),
  );
  console.log(file.size, file.type);
}

/** POST /hubs/documents/files: Upload a file */
export async function uploadDocumentsFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const form = new FormData();
  form.append('file', new Blob(['test file']), 'report.pdf');
  const file = await unwrap(
    documents.POST('/hubs/documents/files', {
      params: { query: { path: '/churros/report.pdf' } },
      body: form,
    }),
  );
  console.log(file.id);
}

/** DELETE /hubs/documents/files: Delete a file by path */
export async function deleteDocumentsFileByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    documents.DELETE('/hubs/documents/files', {
      params: { query: { path: '/churros/report.pdf' } },
    }),
  );
}

/** POST /hubs/documents/files/copy: Copy a file by path */
export async function copyDocumentsFileByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const copy = await unwrap(
    documents.POST('/hubs/documents/files/copy', {
      params: { query: { path: '/churros/report.pdf' } },
      body: { path: '/churrosCopy1' },
    }),
  );
  console.log(copy);
}

/** GET /hubs/documents/files/links: Get the links of a file by path */
export async function getDocumentsFileLinksByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const link = await unwrap(
    documents.GET('/hubs/documents/files/links', {
      params: { query: { path: '/churros/report.pdf' } },
    }),
  );
  console.log(link);
}

/** GET /hubs/documents/files/metadata: Get the metadata of a file by path */
export async function getDocumentsFileMetadataByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.GET('/hubs/documents/files/metadata', {
      params: { query: { path: '/churros/report.pdf' } },
    }),
  );
  console.log(metadata.id);
}

/** PATCH /hubs/documents/files/metadata: Update the metadata of a file by path */
export async function updateDocumentsFileMetadataByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.PATCH('/hubs/documents/files/metadata', {
      params: { query: { path: '/churros/report.pdf' } },
      body: { path: '/a-test' },
    }),
  );
  console.log(metadata.id);
}

/** GET /hubs/documents/files/{id}: Download a file */
export async function downloadDocumentsFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const file = await unwrap(
    documents.GET('/hubs/documents/files/{id}', {
      params: { path: { id: '%252Ftest' } },
      parseAs: 'blob',
    }),
  );
  console.log(file.size, file.type);
}

/** DELETE /hubs/documents/files/{id}: Delete a file */
export async function deleteDocumentsFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    documents.DELETE('/hubs/documents/files/{id}', {
      params: { path: { id: '%252Ftest' } },
    }),
  );
}

/** POST /hubs/documents/files/{id}/copy: Copy a file */
export async function copyDocumentsFile(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const copy = await unwrap(
    documents.POST('/hubs/documents/files/{id}/copy', {
      params: { path: { id: '%252Ftest' } },
      body: { path: '/churrosCopy1' },
    }),
  );
  console.log(copy);
}

/** GET /hubs/documents/files/{id}/links: Get the links of a file */
export async function getDocumentsFileLinks(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const link = await unwrap(
    documents.GET('/hubs/documents/files/{id}/links', {
      params: { path: { id: '%252Ftest' } },
    }),
  );
  console.log(link);
}

/** GET /hubs/documents/files/{id}/metadata: Get the metadata of a file */
export async function getDocumentsFileMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.GET('/hubs/documents/files/{id}/metadata', {
      params: { path: { id: '%252Ftest' } },
    }),
  );
  console.log(metadata.id);
}

/** PATCH /hubs/documents/files/{id}/metadata: Update the metadata of a file */
export async function updateDocumentsFileMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.PATCH('/hubs/documents/files/{id}/metadata', {
      params: { path: { id: '%252Ftest' } },
      body: { tags: ['sample'] },
    }),
  );
  console.log(metadata.id);
}

/** POST /hubs/documents/folders: Create a folder */
export async function createDocumentsFolder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const folder = await unwrap(
    documents.POST('/hubs/documents/folders', {
      body: { directory: true, name: 'churros', path: '/churros' },
    }),
  );
  console.log(folder.id);
}

/** DELETE /hubs/documents/folders: Delete a folder by path */
export async function deleteDocumentsFolderByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    documents.DELETE('/hubs/documents/folders', {
      params: { query: { path: '/churros' } },
    }),
  );
}

/** GET /hubs/documents/folders/contents: List the contents of a folder by path */
export async function listDocumentsFolderContentsByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const content of paginate(
    documents,
    '/hubs/documents/folders/contents',
    { params: { query: { path: '/churros' } }, pageSize: 100 },
  )) {
    console.log(content.id);
  }
}

/** POST /hubs/documents/folders/copy: Copy a folder by path */
export async function copyDocumentsFolderByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const copy = await unwrap(
    documents.POST('/hubs/documents/folders/copy', {
      params: { query: { path: '/churros' } },
      body: {
        path: '/testfoldercopy',
        tags: ['TestFolderCopy'],
        name: 'TestFolderCopy',
      },
    }),
  );
  console.log(copy);
}

/** GET /hubs/documents/folders/metadata: Get the metadata of a folder by path */
export async function getDocumentsFolderMetadataByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.GET('/hubs/documents/folders/metadata', {
      params: { query: { path: '/churros' } },
    }),
  );
  console.log(metadata.id);
}

/** PATCH /hubs/documents/folders/metadata: Update the metadata of a folder by path */
export async function updateDocumentsFolderMetadataByPath(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.PATCH('/hubs/documents/folders/metadata', {
      params: { query: { path: '/churros' } },
      body: { path: '/a-churros' },
    }),
  );
  console.log(metadata.id);
}

/** DELETE /hubs/documents/folders/{id}: Delete a folder */
export async function deleteDocumentsFolder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  await unwrap(
    documents.DELETE('/hubs/documents/folders/{id}', {
      params: { path: { id: '%252Fchurros' } },
    }),
  );
}

/** GET /hubs/documents/folders/{id}/contents: List the contents of a folder */
export async function listDocumentsFolderContents(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const content of paginate(
    documents,
    '/hubs/documents/folders/{id}/contents',
    { params: { path: { id: '%252Fchurros' } }, pageSize: 100 },
  )) {
    console.log(content.id);
  }
}

/** POST /hubs/documents/folders/{id}/copy: Copy a folder */
export async function copyDocumentsFolder(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const copy = await unwrap(
    documents.POST('/hubs/documents/folders/{id}/copy', {
      params: { path: { id: '%252Fchurros' } },
      body: { path: '/churrosCopy2' },
    }),
  );
  console.log(copy);
}

/** GET /hubs/documents/folders/{id}/metadata: Get the metadata of a folder */
export async function getDocumentsFolderMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.GET('/hubs/documents/folders/{id}/metadata', {
      params: { path: { id: '%252Fchurros' } },
    }),
  );
  console.log(metadata.id);
}

/** PATCH /hubs/documents/folders/{id}/metadata: Update the metadata of a folder */
export async function updateDocumentsFolderMetadata(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const metadata = await unwrap(
    documents.PATCH('/hubs/documents/folders/{id}/metadata', {
      params: { path: { id: '%252Fchurros' } },
      body: { tags: ['archive'] },
    }),
  );
  console.log(metadata.id);
}

/** GET /hubs/documents/search: Search files and folders */
export async function searchDocuments(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  // Every page, one record at a time (follows Elements-Next-Page-Token).
  for await (const search of paginate(documents, '/hubs/documents/search', {
    pageSize: 100,
  })) {
    console.log(search.id);
  }
}

/** GET /hubs/documents/storage: Get the storage quota */
export async function getDocumentsStorage(): Promise<void> {
  const ce = createClient({
    userSecret: process.env.CE_USER_SECRET!,
    organizationSecret: process.env.CE_ORGANIZATION_SECRET!,
  });
  // Calls as one instance: adds 'Element <token>' to the Authorization header.
  const documents = ce.forInstance(process.env.CE_ELEMENT_TOKEN!);

  const storage = await unwrap(documents.GET('/hubs/documents/storage'));
  console.log(storage);
}
