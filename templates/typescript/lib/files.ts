/**
 * Files from disk for uploads: `fileFromPath(path)` gives a `File` backed by the file itself
 * (node's `fs.openAsBlob`), so a multipart part or binary body streams it as it is sent and
 * the SDK never holds it whole; the file's size is fixed when it is opened, and a file that
 * changes before it is sent fails the send. A missing or unreadable file fails right away.
 */

/** What `fileFromPath` uses of `node:fs` (node 19.8 and later, deno and bun provide it). */
type FileSystem = {
  openAsBlob?(path: string, options?: { type?: string }): Promise<Blob>;
  promises: { stat(path: string): Promise<{ isFile(): boolean }> };
};

// A specifier typed `string`: bundlers and type checkers for browsers leave it alone.
const FS: string = "node:fs";

/** Options of `fileFromPath`: the part's file name (the path's last segment by default) and media type. */
export interface FileFromPathOptions {
  name?: string;
  type?: string;
}

/** A `File` read from `path` only while it is sent (for file fields and binary bodies). */
export async function fileFromPath(path: string, options: FileFromPathOptions = {}): Promise<File> {
  const fs = (await import(FS)) as FileSystem;
  if (typeof fs.openAsBlob !== "function") {
    throw new Error("fileFromPath needs node:fs openAsBlob (node 19.8 or later, deno, bun)");
  }
  // stat first: a missing file is node's own ENOENT error (openAsBlob only says "invalid argument").
  if (!(await fs.promises.stat(path)).isFile()) {
    throw new Error(`fileFromPath: ${path} is not a file`);
  }
  const blob = await fs.openAsBlob(path, { type: options.type ?? "" });
  // A File over the opened Blob keeps referring to the file: nothing is read here.
  return new File([blob], options.name ?? baseName(path), { type: blob.type });
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== "");
  return parts[parts.length - 1] ?? path;
}
