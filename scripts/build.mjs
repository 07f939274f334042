// Compiles src/ and commands/ to plain JavaScript in dist/ for `npm start` and the container:
// Node then runs the bot without the TypeScript loader, which costs ~0.2 s at every start and
// about half again on every module it loads (discord.js: 0.48 s plain, 0.75 s under tsx).
// esbuild only strips types, file by file (no bundling): dist/ mirrors the source tree, and
// `npm run typecheck` stays the type check. Plain JavaScript, so it runs before anything is compiled.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');
// Written last: dist/ is complete when it exists.
const STAMP = join(OUT, '.built');
const INPUTS = ['src', 'commands'];

function sources(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, out);
    else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Compiles every source file into dist/, from nothing. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  const entries = INPUTS.flatMap((dir) => sources(join(ROOT, dir)));
  await esbuild({
    entryPoints: entries.filter((file) => file.endsWith('.ts')),
    outdir: OUT, outbase: ROOT, format: 'esm', platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning',
  });
  for (const file of entries.filter((file) => file.endsWith('.mjs'))) {
    const target = join(OUT, file.slice(ROOT.length));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  // Beside the compiled tree, so that src/config.ts's '../package.json' (the version) reads the same file.
  copyFileSync(join(ROOT, 'package.json'), join(OUT, 'package.json'));
  await bundleMain(esbuild);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/**
 * The started program (src/main.ts and all it imports, discord.js too) bundled over the file-by-file
 * dist/src/main.js: its dynamic import of run.ts becomes a chunk beside it, and modules both need
 * go into shared chunks, so nothing is loaded twice. Node then reads a handful of files instead of
 * some four hundred: loading the program took ~0.77 s file by file and ~0.26 s bundled, and a
 * restarted replica is ready that much sooner. Every chunk sits in dist/src/, src/'s own place,
 * which is why paths to the program's files go through src/programFiles.ts. Worker threads, the
 * bench and the scripts still load the file-by-file tree. CommonJS packages inside an ES module
 * bundle need `require`, given by the banner.
 */
async function bundleMain(esbuild) {
  await esbuild({
    entryPoints: [join(ROOT, 'src', 'main.ts')], outdir: join(OUT, 'src'), bundle: true, splitting: true,
    format: 'esm', platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning',
    chunkNames: 'chunk-[hash]', allowOverwrite: true,
    banner: { js: "import { createRequire as __verbatimRequire } from 'node:module'; const require = __verbatimRequire(import.meta.url);" },
  });
}

/**
 * Compiles when dist/ is missing or older than a source file (or package.json), else does
 * nothing: checking ~150 files' times costs a few milliseconds of a start.
 */
export async function buildIfStale() {
  if (existsSync(STAMP)) {
    const built = statSync(STAMP).mtimeMs;
    const inputs = [join(ROOT, 'package.json'), ...INPUTS.flatMap((dir) => sources(join(ROOT, dir)))];
    if (inputs.every((file) => statSync(file).mtimeMs <= built)) return false;
  }
  await build();
  return true;
}

// `node scripts/build.mjs` compiles; with --if-stale, only when a source changed since the last build.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale')) await buildIfStale();
  else await build();
}
