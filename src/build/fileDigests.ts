import { createHash } from 'node:crypto';
import { readFileSync, statSync, type BigIntStats } from 'node:fs';

/**
 * Content digests of files, remembered by their stat data (size, inode, modification and change
 * times in nanoseconds) as git's index does: a file whose stat data is unchanged is not read
 * again. A digest taken while the file's times are within RACY_NS of the clock is not
 * remembered, since a second write in the same tick could leave the stat data as it was (git's
 * "racily clean" entries); it is taken again next time.
 */
export class FileDigests {
  private readonly known = new Map<string, { stat: string; digest: string }>();
  /** Digests given since `look` was last called: one look at the folder stats each file once. */
  private readonly looked = new Map<string, string>();

  /** Starts a new look at the files: each is stat'ed again on its first digest after this. */
  look(): void {
    this.looked.clear();
  }

  /** The file's digest (hex), or "missing <code>" for a file that cannot be read. */
  digest(path: string): string {
    let digest = this.looked.get(path);
    if (digest === undefined) this.looked.set(path, (digest = this.current(path)));
    return digest;
  }

  private current(path: string): string {
    let stat: BigIntStats;
    try {
      stat = statSync(path, { bigint: true });
    } catch (error) {
      this.known.delete(path);
      return missing(error);
    }
    const signature = `${stat.size}:${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
    const remembered = this.known.get(path);
    if (remembered?.stat === signature) return remembered.digest;
    const digest = digestOf(path);
    if (!racy(stat)) this.known.set(path, { stat: signature, digest });
    else this.known.delete(path);
    return digest;
  }

  /** Forgets every file not in `paths` (files removed from the corpus). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.known.keys()) if (!paths.has(path)) this.known.delete(path);
  }
}

// Two seconds: coarser than any file system's timestamps that Node reports.
const RACY_NS = 2_000_000_000n;

function racy(stat: BigIntStats): boolean {
  const now = BigInt(Date.now()) * 1_000_000n;
  return now - stat.mtimeNs < RACY_NS || now - stat.ctimeNs < RACY_NS;
}

/** A file's digest read once, not remembered: for a caller with no FileDigests of its own. */
export function digestOf(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch (error) {
    return missing(error);
  }
}

function missing(error: unknown): string {
  return `missing ${(error as NodeJS.ErrnoException).code ?? ''}`;
}
