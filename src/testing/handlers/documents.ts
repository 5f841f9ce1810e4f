import { compareForOrderBy } from '../ceql/evaluate.js';
import { EmulatorHttpError } from '../errors.js';
import { findElement } from '../model/catalog.js';
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
import type { Reply, RequestContext, Route } from '../server/types.js';
import { notifyRecordChange, type EventType } from './events.js';
import { pageReply } from './paging.js';

type Kind = 'files' | 'folders';

/** An item as the API describes it (`DocumentsFile`). */
function itemJson(drive: DocumentsDrive, item: DocumentItem): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: item.id,
    name: item.path === '/' ? '/' : baseName(item.path),
    path: item.path,
    directory: item.directory,
    createdDate: item.createdDate,
    modifiedDate: item.modifiedDate,
    tags: item.tags,
  };
  if (!item.directory) json.size = item.content?.length ?? 0;
  if (item.description !== undefined) json.description = item.description;
  if (item.path !== '/') json.parentFolderId = drive.byPath.get(parentPath(item.path))?.id;
  return json;
}

/** Routes of the documents hub (`/hubs/documents/files...`, `/folders...`, `/search`, `/storage`). */
export function documentsRoutes(state: EmulatorState): Route[] {
  interface Call {
    ctx: RequestContext;
    instance: EmulatorInstance;
    drive: DocumentsDrive;
  }
  const route = (method: string, path: string, handle: (call: Call) => Reply | Promise<Reply>): Route => ({
    method,
    path: `/hubs/{hub}${path}`,
    auth: 'instance',
    handle: async (ctx) => {
      const instance = callerInstance(ctx);
      if (findElement(instance.elementKey)?.hub !== 'documents') {
        throw new EmulatorHttpError(
          404,
          `No resource ${path.split('/')[1]} found for element ${instance.elementKey}.`,
        );
      }
      const reply = await handle({ ctx, instance, drive: driveOf(state, instance.id) });
      return { ...reply, headers: { ...reply.headers, 'Elements-Element-Instance-Id': String(instance.id) } };
    },
  });
  const notify = (call: Call, kind: Kind, eventType: EventType, item: DocumentItem): void => {
    const record = itemJson(call.drive, item);
    notifyRecordChange(state, call.instance, { objectType: kind, eventType, objectId: item.id, record });
  };
  /** The item a call names: by `{id}` in the path, or by the `path` query parameter. */
  const target = (call: Call, kind: Kind): DocumentItem => {
    const id = call.ctx.params.id;
    const by = id !== undefined ? { id } : { path: normalizePath(call.ctx.query.get('path')) };
    return requireItem(call.drive, by, kind === 'folders');
  };
  const json = (call: Call, item: DocumentItem): Reply => ({ json: itemJson(call.drive, item) });

  const download = (call: Call): Reply => {
    const item = target(call, 'files');
    const name = baseName(item.path).replace(/["\\\r\n]/g, '_');
    return {
      bytes: item.content ?? Buffer.alloc(0),
      // Like the real API: the file's own type where it is known, else application/octet-stream.
      contentType: item.contentType ?? 'application/octet-stream',
      headers: { 'Content-Disposition': `attachment; filename="${name}"` },
    };
  };
  const remove =
    (kind: Kind) =>
    (call: Call): Reply => {
      const item = target(call, kind);
      removeItem(call.drive, item);
      notify(call, kind, 'DELETED', item);
      return {};
    };
  const readMetadata =
    (kind: Kind) =>
    (call: Call): Reply =>
      json(call, target(call, kind));
  const updateMetadata =
    (kind: Kind) =>
    async (call: Call): Promise<Reply> => {
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
      notify(call, kind, 'UPDATED', item);
      return json(call, item);
    };
  const copy =
    (kind: Kind) =>
    async (call: Call): Promise<Reply> => {
      const item = target(call, kind);
      const body = await readJsonObject(call.ctx);
      const to = normalizePath(typeof body.path === 'string' ? body.path : undefined, 'body path');
      const created = copyItem(
        state,
        call.drive,
        item,
        to,
        queryBoolean(call.ctx.query, 'overwrite') ?? false,
      );
      notify(call, kind, 'CREATED', created);
      return json(call, created);
    };
  const links = (call: Call): Reply => {
    const item = target(call, 'files');
    const providerLink = `${call.ctx.origin}${API_BASE}/hubs/documents/files/${encodeURIComponent(item.id)}`;
    const out: Record<string, unknown> = {
      providerLink,
      providerViewLink: providerLink,
      cloudElementsLink: providerLink,
    };
    if (queryBoolean(call.ctx.query, 'raw')) out.raw = { id: item.id, path: item.path };
    return { json: out };
  };
  const contents = (call: Call): Reply => {
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
    return pageReply(items, call.ctx.query, (item) => itemJson(call.drive, item));
  };

  return [
    route('GET', '/files', download),
    route('GET', '/files/{id}', download),
    route('POST', '/files', async (call) => {
      const path = normalizePath(call.ctx.query.get('path'));
      if (path === '/')
        throw new EmulatorHttpError(400, 'The path must name a file, e.g. path=/folder/file.txt.');
      const parts = parseMultipart(await call.ctx.body(), call.ctx.headers['content-type']);
      const file = parts.find((part) => part.name === 'file');
      if (!file) throw new EmulatorHttpError(400, "The multipart body has no 'file' part with the content.");
      clearTarget(call.drive, path, queryBoolean(call.ctx.query, 'overwrite') ?? false);
      ensureFolder(state, call.drive, parentPath(path));
      const tags = call.ctx.query.get('tags[]')?.split(',').filter(Boolean) ?? [];
      const description = call.ctx.query.get('description');
      const item = addItem(state, call.drive, {
        path,
        directory: false,
        tags,
        content: Buffer.from(file.data),
        ...(file.contentType ? { contentType: file.contentType } : {}),
        ...(description === null ? {} : { description }),
      });
      notify(call, 'files', 'CREATED', item);
      return json(call, item);
    }),
    route('DELETE', '/files', remove('files')),
    route('DELETE', '/files/{id}', remove('files')),
    route('GET', '/files/metadata', readMetadata('files')),
    route('GET', '/files/{id}/metadata', readMetadata('files')),
    route('PATCH', '/files/metadata', updateMetadata('files')),
    route('PATCH', '/files/{id}/metadata', updateMetadata('files')),
    route('POST', '/files/copy', copy('files')),
    route('POST', '/files/{id}/copy', copy('files')),
    route('GET', '/files/links', links),
    route('GET', '/files/{id}/links', links),
    route('POST', '/folders', async (call) => {
      const body = await readJsonObject(call.ctx);
      const raw = typeof body.path === 'string' ? body.path : call.ctx.query.get('path');
      const path = normalizePath(raw, 'folder path');
      clearTarget(call.drive, path, false);
      ensureFolder(state, call.drive, parentPath(path));
      const tags = Array.isArray(body.tags) ? body.tags.map(String) : [];
      const description = typeof body.description === 'string' ? { description: body.description } : {};
      const item = addItem(state, call.drive, { path, directory: true, tags, ...description });
      notify(call, 'folders', 'CREATED', item);
      return json(call, item);
    }),
    route('DELETE', '/folders', remove('folders')),
    route('DELETE', '/folders/{id}', remove('folders')),
    route('GET', '/folders/contents', contents),
    route('GET', '/folders/{id}/contents', contents),
    route('GET', '/folders/metadata', readMetadata('folders')),
    route('GET', '/folders/{id}/metadata', readMetadata('folders')),
    route('PATCH', '/folders/metadata', updateMetadata('folders')),
    route('PATCH', '/folders/{id}/metadata', updateMetadata('folders')),
    route('POST', '/folders/copy', copy('folders')),
    route('POST', '/folders/{id}/copy', copy('folders')),
    route('GET', '/search', (call) => {
      const text = (call.ctx.query.get('text') ?? '').toLowerCase();
      const under = normalizePath(call.ctx.query.get('path') ?? '/');
      const prefix = under === '/' ? '/' : `${under}/`;
      const found = [...call.drive.byPath.values()].filter(
        (item) =>
          item.path !== '/' &&
          item.path.startsWith(prefix) &&
          baseName(item.path).toLowerCase().includes(text),
      );
      return pageReply(found, call.ctx.query, (item) => itemJson(call.drive, item));
    }),
    route('GET', '/storage', (call) => {
      const used = [...call.drive.byPath.values()].reduce(
        (sum, item) => sum + (item.content?.length ?? 0),
        0,
      );
      return { json: { totalSpace: 10 * 1024 ** 3, usedSpace: used, availableSpace: 10 * 1024 ** 3 - used } };
    }),
  ];
}
