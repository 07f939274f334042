/**
 * The URL of one of the program's own files, given relative to src/. Why here: `npm start` runs
 * the program bundled (scripts/build.mjs) into files that sit in dist/src/, so `import.meta.url`
 * in a module of a subfolder would name the wrong folder once bundled; this module is in src/
 * itself, where the bundle is too, and resolves the same way in the sources, in the file-by-file
 * tree and in the bundle.
 */
export function programFile(relativeToSrc: string): URL {
  return new URL(relativeToSrc, import.meta.url);
}
