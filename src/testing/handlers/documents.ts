import { compareForOrderBy } from '../ceql/evaluate.js';
import { EmulatorHttpError } from '../errors.js';
import {
  addItem,
  baseName,
  clearTarget,
  copyItem,
  driveOf,
  ensureFolder,
  moveItem,
  normalizePath,
  parentPath,
  removeItem,
  requireItem,
} from '../model/documents.js';
import type { EmulatorState } from '../model/state.js';
import type { DocumentItem, DocumentsDrive, EmulatorInstance } from '../model/types.js';
import { callerInstance } from '../server/auth.js';
import { API_BASE, queryBoolean, readJsonObject } from '../server/http.js';
import { parseMultipart } from '../server/multipart.js';
import type { Reply, RequestContext } from '../server/types.js';
import { notifyDocumentChange } from './events.js';
import { hubPaging, pageReply } from './paging.js';
import type { Handlers, Schema } from './types.js';

type Kind = 'files' | 'folders';

/** An item as the API describes it (`DocumentsFile`). */
function itemJson(drive: DocumentsDrive, item: DocumentItem): Schema<'DocumentsFile'> {
  const parentFolderId = item.path === '/' ? undefined : drive.byPath.get(parentPath(item.path))?.id;
  return {
    id: item.id,
    name: item.path === '/' ? '/' : baseName(item.path),
    path: item.path,
    directory: item.directory,
    createdDate: item.createdDate,
    modifiedDate: item.modifiedDate,
    tags: item.tags,
    ...(item.directory ? {} : { size: item.content?.length ?? 0 }),
    ...(item.description === undefined ? {} : { description: item.description }),
    ...(parentFolderId === undefined ? {} : { parentFolderId }),
  };
}

/** Handlers of the documents hub (`/hubs/documents/files...`, `/folders...`, `/search`, `/storage`). */
export function documentsHandlers(state: EmulatorState): Handlers {
  interface Call {
    ctx: RequestContext;
    instance: EmulatorInstance;
    drive: DocumentsDrive;
  }
  // The server answers a documents operation for documents instances only (their own hub).
  const on =
    <R extends Reply>(handle: (call: Call) => R | Promise<R>) =>
    (ctx: RequestContext): R | Promise<R> => {
      const instance = callerInstance(ctx);
      return handle({ ctx, instance, drive: driveOf(state, instance.id) });
    };
  const notify = (call: Call, kind: Kind, item: DocumentItem): void => {
    notifyDocumentChange(state, call.instance, {
      objectType: kind,
      path: item.path,
      name: baseName(item.path),
    });
  };
  /** The item a call names: by `{id}` in the path, or by the `path` query parameter. */
  const target = (call: Call, kind: Kind): DocumentItem => {
    const id = call.ctx.params.id;
    const by = id !== undefined ? { id } : { path: normalizePath(call.ctx.query.get('path')) };
    return requireItem(call.drive, by, kind === 'folders');
  };
  const json = (call: Call, item: DocumentItem) => ({ json: itemJson(call.drive, item) });

  const download = (call: Call) => {
    const item = target(call, 'files');
    const name = baseName(item.path).replace(/["\\\r\n]/g, '_');
    return {
      bytes: item.content ?? Buffer.alloc(0),
      // Like the real API: the file's own type where it is known, else application/octet-stream.
      contentType: item.contentType ?? 'application/octet-stream',
      headers: { 'Content-Disposition': `attachment; filename="${name}"` },
    };
  };
  const remove = (kind: Kind) => (call: Call) => {
    const item = target(call, kind);
    removeItem(call.drive, item);
    notify(call, kind, item);
    return {};
  };
  const readMetadata = (kind: Kind) => (call: Call) => json(call, target(call, kind));
  const updateMetadata = (kind: Kind) => async (call: Call) => {
    const item = target(call, kind);
    const body = await readJsonObject(call.ctx);
    if (typeof body.path === 'string')
      moveItem(state, call.drive, item, normalizePath(body.path, 'body path'));
    else if (typeof body.name === 'string') {
      if (body.name === '' || body.name.includes('/'))
        throw new EmulatorHttpError(400, 'name must be a plain name.');
      moveItem(state, call.drive, item, `${parentPath(item.path).replace(/\/$/, '')}/${body.name}`);
    }
    if (Array.isArray(body.tags)) item.tags = body.tags.map(String);
    if (typeof body.description === 'string') item.description = body.description;
    item.modifiedDate = state.nowIso();
    notify(call, kind, item);
    return json(call, item);
  };
  const copy = (kind: Kind) => async (call: Call) => {
    const item = target(call, kind);
    const body = await readJsonObject(call.ctx);
    const to = normalizePath(typeof body.path === 'string' ? body.path : undefined, 'body path');
    const created = copyItem(state, call.drive, item, to, queryBoolean(call.ctx.query, 'overwrite') ?? false);
    notify(call, kind, created);
    return json(call, created);
  };
  const links = (call: Call) => {
    const item = target(call, 'files');
    const providerLink = `${call.ctx.origin}${API_BASE}/hubs/documents/files/${encodeURIComponent(item.id)}`;
    const out: Schema<'DocumentsFileLinks'> = {
      providerLink,
      providerViewLink: providerLink,
      cloudElementsLink: providerLink,
    };
    if (queryBoolean(call.ctx.query, 'raw')) out.raw = { id: item.id, path: item.path };
    return { json: out };
  };
  const contents = (call: Call) => {
    const folder = target(call, 'folders');
    const prefix = folder.path === '/' ? '/' : `${folder.path}/`;
    let items = [...call.drive.byPath.values()].filter(
      (item) =>
        item.path.startsWith(prefix) && item.path !== '/' && !item.path.slice(prefix.length).includes('/'),
    );
    const orderBy = call.ctx.query.get('orderBy');
    if (orderBy) {
      const compare = compareForOrderBy(orderBy);
      items = items.sort((a, b) => compare(itemJson(call.drive, a), itemJson(call.drive, b)));
    }
    return pageReply(items, call.ctx.query, (item) => itemJson(call.drive, item), hubPaging(call.instance));
  };

  return {
    downloadDocumentsFileByPath: on(download),
    downloadDocumentsFile: on(download),
    uploadDocumentsFile: on(async (call) => {
      const path = normalizePath(call.ctx.query.get('path'));
      if (path === '/')
        throw new EmulatorHttpError(400, 'The path must name a file, e.g. path=/folder/file.txt.');
      const parts = parseMultipart(await call.ctx.body(), call.ctx.headers['content-type']);
      const file = parts.find((part) => part.name === 'file');
      if (!file) throw new EmulatorHttpError(400, "The multipart body has no 'file' part with the content.");
      clearTarget(call.drive, path, queryBoolean(call.ctx.query, 'overwrite') ?? false, true);
      ensureFolder(state, call.drive, parentPath(path));
      // Repeated (`tags[]=a&tags[]=b`, as clients send an array), or comma-separated in one.
      const tags = call.ctx.query
        .getAll('tags[]')
        .flatMap((value) => value.split(','))
        .filter(Boolean);
      const description = call.ctx.query.get('description');
      const item = addItem(state, call.drive, {
        path,
        directory: false,
        tags,
        content: Buffer.from(file.data),
        ...(file.contentType ? { contentType: file.contentType } : {}),
        ...(description === null ? {} : { description }),
      });
      notify(call, 'files', item);
      return json(call, item);
    }),
    deleteDocumentsFileByPath: on(remove('files')),
    deleteDocumentsFile: on(remove('files')),
    getDocumentsFileMetadataByPath: on(readMetadata('files')),
    getDocumentsFileMetadata: on(readMetadata('files')),
    updateDocumentsFileMetadataByPath: on(updateMetadata('files')),
    updateDocumentsFileMetadata: on(updateMetadata('files')),
    copyDocumentsFileByPath: on(copy('files')),
    copyDocumentsFile: on(copy('files')),
    getDocumentsFileLinksByPath: on(links),
    getDocumentsFileLinks: on(links),
    createDocumentsFolder: on(async (call) => {
      const body = await readJsonObject(call.ctx);
      const raw = typeof body.path === 'string' ? body.path : call.ctx.query.get('path');
      const path = normalizePath(raw, 'folder path');
      clearTarget(call.drive, path, false);
      ensureFolder(state, call.drive, parentPath(path));
      const tags = Array.isArray(body.tags) ? body.tags.map(String) : [];
      const description = typeof body.description === 'string' ? { description: body.description } : {};
      const item = addItem(state, call.drive, { path, directory: true, tags, ...description });
      notify(call, 'folders', item);
      return json(call, item);
    }),
    deleteDocumentsFolderByPath: on(remove('folders')),
    deleteDocumentsFolder: on(remove('folders')),
    listDocumentsFolderContentsByPath: on(contents),
    listDocumentsFolderContents: on(contents),
    getDocumentsFolderMetadataByPath: on(readMetadata('folders')),
    getDocumentsFolderMetadata: on(readMetadata('folders')),
    updateDocumentsFolderMetadataByPath: on(updateMetadata('folders')),
    updateDocumentsFolderMetadata: on(updateMetadata('folders')),
    copyDocumentsFolderByPath: on(copy('folders')),
    copyDocumentsFolder: on(copy('folders')),
    searchDocuments: on((call) => {
      const text = (call.ctx.query.get('text') ?? '').toLowerCase();
      const under = normalizePath(call.ctx.query.get('path') ?? '/');
      const prefix = under === '/' ? '/' : `${under}/`;
      const found = [...call.drive.byPath.values()].filter(
        (item) =>
          item.path !== '/' &&
          item.path.startsWith(prefix) &&
          baseName(item.path).toLowerCase().includes(text),
      );
      return pageReply(found, call.ctx.query, (item) => itemJson(call.drive, item), hubPaging(call.instance));
    }),
    getDocumentsStorage: on((call) => {
      const used = [...call.drive.byPath.values()].reduce(
        (sum, item) => sum + (item.content?.length ?? 0),
        0,
      );
      return { json: { totalSpace: 10 * 1024 ** 3, usedSpace: used, availableSpace: 10 * 1024 ** 3 - used } };
    }),
  };
}
