import { EmulatorHttpError } from '../errors.js';
import type { EmulatorState } from './state.js';
import type { DocumentItem, DocumentsDrive } from './types.js';

const FILE_ID_PREFIX = '069';
const FOLDER_ID_PREFIX = '058';

/** Checks and normalizes an absolute path (`/a/b`, root `/`): 400 on relative paths, `..` or empty segments. */
export function normalizePath(raw: string | null | undefined, what = 'path'): string {
  if (raw === null || raw === undefined || raw === '') {
    throw new EmulatorHttpError(400, `The ${what} is required, e.g. ${what}=/folder/file.txt.`);
  }
  if (!raw.startsWith('/')) throw new EmulatorHttpError(400, `The ${what} '${raw}' must start with '/'.`);
  const segments = raw.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new EmulatorHttpError(400, `The ${what} '${raw}' has an empty, '.' or '..' segment.`);
  }
  return `/${segments.join('/')}`;
}

/** The folder path that holds `path` (`/` for top-level items). */
export function parentPath(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/** The last segment of a path (empty for the root). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The drive of an instance, with its root folder. */
export function driveOf(state: EmulatorState, instanceId: number): DocumentsDrive {
  return state.drive(instanceId, () => {
    const now = state.nowIso();
    const root: DocumentItem = {
      id: state.newRecordId(FOLDER_ID_PREFIX),
      path: '/',
      directory: true,
      createdDate: now,
      modifiedDate: now,
      tags: [],
    };
    return { byPath: new Map([['/', root]]), byId: new Map([[root.id, root]]) };
  });
}

/** Finds an item by path or id and kind, answering 404 when there is none. */
export function requireItem(
  drive: DocumentsDrive,
  by: { path?: string; id?: string },
  directory: boolean,
): DocumentItem {
  const item = by.id !== undefined ? drive.byId.get(by.id) : drive.byPath.get(by.path ?? '');
  const kind = directory ? 'folder' : 'file';
  if (!item || item.directory !== directory) {
    throw new EmulatorHttpError(
      404,
      `No ${kind} found with ${by.id !== undefined ? `ID ${by.id}` : `path ${by.path}`}`,
    );
  }
  return item;
}

/** Creates the missing folders of `path` (itself included), as most providers do on upload. */
export function ensureFolder(state: EmulatorState, drive: DocumentsDrive, path: string): DocumentItem {
  const existing = drive.byPath.get(path);
  if (existing) {
    if (!existing.directory)
      throw new EmulatorHttpError(409, `A file exists at ${path}; it cannot hold items.`);
    return existing;
  }
  ensureFolder(state, drive, parentPath(path));
  return addItem(state, drive, { path, directory: true, tags: [] });
}

/** Adds a new item (its folder must exist). */
export function addItem(
  state: EmulatorState,
  drive: DocumentsDrive,
  input: Pick<DocumentItem, 'path' | 'directory' | 'tags'> & Partial<DocumentItem>,
): DocumentItem {
  const now = state.nowIso();
  const item: DocumentItem = {
    createdDate: now,
    modifiedDate: now,
    ...input,
    id: state.newRecordId(input.directory ? FOLDER_ID_PREFIX : FILE_ID_PREFIX),
  };
  drive.byPath.set(item.path, item);
  drive.byId.set(item.id, item);
  return item;
}

/** The item at `path` and everything under it (for folders). */
export function subtree(drive: DocumentsDrive, path: string): DocumentItem[] {
  const prefix = path === '/' ? '/' : `${path}/`;
  return [...drive.byPath.values()].filter((item) => item.path === path || item.path.startsWith(prefix));
}

/** Removes an item and, for folders, everything under it. */
export function removeItem(drive: DocumentsDrive, item: DocumentItem): void {
  if (item.path === '/') throw new EmulatorHttpError(400, 'The root folder cannot be deleted.');
  for (const gone of subtree(drive, item.path)) {
    drive.byPath.delete(gone.path);
    drive.byId.delete(gone.id);
  }
}

/** What an upload onto an existing file answers, word for word (devportal _includes/error-codes.md). */
const UPLOAD_CONFLICT =
  "Failed to upload file. File with the same name already exists. Change the name of the file you're uploading " +
  'or set the overwrite query parameter to true.';

function conflict(path: string, upload = false): EmulatorHttpError {
  return new EmulatorHttpError(
    409,
    upload
      ? UPLOAD_CONFLICT
      : `An item already exists at ${path}. Choose another path or set the overwrite query parameter to true.`,
    { providerMessage: 'Item with the same name already exists' },
  );
}

/**
 * Frees `path` for a new item: 409 unless `overwrite`, in which case the old item goes. An `upload` conflict
 * answers the real API's own message for a file upload.
 */
export function clearTarget(drive: DocumentsDrive, path: string, overwrite: boolean, upload = false): void {
  const existing = drive.byPath.get(path);
  if (!existing) return;
  if (!overwrite || existing.path === '/') throw conflict(path, upload);
  removeItem(drive, existing);
}

/** Moves (renames) an item and everything under it to `target`. */
export function moveItem(
  state: EmulatorState,
  drive: DocumentsDrive,
  item: DocumentItem,
  target: string,
): void {
  if (item.path === '/') throw new EmulatorHttpError(400, 'The root folder cannot be moved.');
  if (target === item.path) return;
  if (target.startsWith(`${item.path}/`))
    throw new EmulatorHttpError(400, 'A folder cannot move into itself.');
  if (drive.byPath.has(target)) throw conflict(target);
  ensureFolder(state, drive, parentPath(target));
  const from = item.path;
  for (const moved of subtree(drive, from)) {
    drive.byPath.delete(moved.path);
    moved.path = target + moved.path.slice(from.length);
    drive.byPath.set(moved.path, moved);
  }
  item.modifiedDate = state.nowIso();
}

/** Copies an item (and everything under it) to `target`; answers the copy. */
export function copyItem(
  state: EmulatorState,
  drive: DocumentsDrive,
  item: DocumentItem,
  target: string,
  overwrite: boolean,
): DocumentItem {
  if (target === item.path || target.startsWith(`${item.path}/`)) {
    throw new EmulatorHttpError(400, `Cannot copy ${item.path} onto itself or into itself.`);
  }
  clearTarget(drive, target, overwrite);
  ensureFolder(state, drive, parentPath(target));
  let copy: DocumentItem | undefined;
  for (const source of subtree(drive, item.path).sort((a, b) => a.path.length - b.path.length)) {
    const { id: _id, createdDate: _c, modifiedDate: _m, ...rest } = source;
    const added = addItem(state, drive, {
      ...rest,
      path: target + source.path.slice(item.path.length),
      tags: [...source.tags],
    });
    copy ??= added;
  }
  return copy!;
}
