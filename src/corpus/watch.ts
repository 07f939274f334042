import { watch, statSync, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Watching a folder and its sub-folders: every change under it is reported with its path relative to the folder. */
export interface TreeWatcher {
  close(): void;
  /** Resolves when every folder that was there at the start is watched. */
  ready: Promise<void>;
}

/**
 * Watches `root` and every folder below it. On Linux each folder gets its own watcher (one inotify
 * watch a folder, which reports its files' creation, change and removal), and folders created later
 * are added: Node 20's own recursive watch on Linux tracks every file and, measured with 50,000
 * articles in one folder, blocked the thread ~0.8 s when it started and reported changes about a
 * second late (this watcher: 76 ms to start, events within milliseconds). Elsewhere Node's recursive watch
 * is the system's own (FSEvents, ReadDirectoryChangesW) and is used as it is.
 *
 * The root is watched before this returns; sub-folders are found by listing folders off the
 * thread (at 50,000 articles in a folder, listing it held the thread ~45 ms of a restart). A folder
 * is watched before it is listed, so one made meanwhile is reported by its parent.
 */
export function watchTree(root: string, onChange: (name: string) => void, onError: (error: Error) => void): TreeWatcher {
  if (process.platform !== 'linux') {
    const watcher = watch(root, { recursive: true }, (_event, name) => onChange(name ? name.toString() : ''));
    watcher.on('error', onError);
    return { close: () => watcher.close(), ready: Promise.resolve() };
  }
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const add = (folder: string) => {
    if (closed || watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => {
        const path = name ? join(folder, name.toString()) : folder;
        // A new sub-folder is watched from now on (and reported: files may already be in it).
        if (name && isFolder(path)) void addTree(path);
        onChange(relative(root, path));
      });
    } catch (error) {
      if (folder === root) throw error;
      // A folder that went away before it could be watched: nothing in it to follow.
      return;
    }
    watcher.on('error', (error) => {
      watcher.close();
      watchers.delete(folder);
      // A removed sub-folder ends its own watch; only the root's failure is an error.
      if (folder === root) onError(error);
    });
    watchers.set(folder, watcher);
  };
  const addTree = async (folder: string): Promise<void> => {
    add(folder);
    if (closed || !watchers.has(folder)) return;
    await Promise.all((await subfolders(folder)).map(addTree));
  };
  // The root's own watch is made now, so that its failure (no such folder) is thrown here.
  add(root);
  const ready = addTree(root);
  return {
    ready,
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function subfolders(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => join(folder, entry.name));
  } catch {
    return [];
  }
}

// Changes kept by name before the hand-over.
const MAX_EARLY_NAMES = 1000;

/**
 * A watch of the corpus begun at start-up, before the corpus is opened, and handed later to what
 * follows it (the reloader): a change made while the corpus opens (between its files being looked
 * at and a watcher listening) would otherwise be missed until the next one. What comes before the
 * hand-over is kept (the names, up to a bound) and passed on with it.
 */
export class EarlyWatch {
  private listener: { onChange: (name: string) => void; onError: (error: Error) => void } | null = null;
  private readonly early: string[] = [];
  private earlyError: Error | null = null;
  private readonly tree: TreeWatcher;

  /** Null when the folder cannot be watched now (it is missing, say): opening the corpus says why. */
  static start(root: string): EarlyWatch | null {
    try {
      return new EarlyWatch(root);
    } catch {
      return null;
    }
  }

  private constructor(root: string) {
    this.tree = watchTree(root, (name) => {
      if (this.listener) this.listener.onChange(name);
      // Past the bound, one unnamed change stands for the rest: a reload looks at every file anyway.
      else if (this.early.length < MAX_EARLY_NAMES) this.early.push(name);
      else this.early[MAX_EARLY_NAMES - 1] = '';
    }, (error) => {
      if (this.listener) this.listener.onError(error);
      else this.earlyError ??= error;
    });
  }

  /** From now on changes go to `onChange`, after those that came before; the watch is then theirs to close. */
  handTo(onChange: (name: string) => void, onError: (error: Error) => void): TreeWatcher {
    this.listener = { onChange, onError };
    for (const name of this.early.splice(0)) onChange(name);
    if (this.earlyError) onError(this.earlyError);
    return this.tree;
  }

  close(): void {
    this.tree.close();
  }
}
