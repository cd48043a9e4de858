import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';

export interface DashboardAsset {
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

/** Only what a browser loads is served; the helper's own TypeScript never is. */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The dashboard's files change with every deploy and carry no hash: revalidate each time. */
const OWN_FILES_CACHE = 'no-cache';
/** Chart.js is pinned in package.json, so a day of caching cannot serve a stale mix for long. */
const LIBRARY_CACHE = 'public, max-age=86400';

const CHART_JS_PATH = '/assets/chart.umd.min.js';

const defaultChartJsFile = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

/** URL path (`/pages/overview-page.js`) → file, for every servable file under the root. */
const indexFiles = (root: string): Map<string, string> => {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !(extname(entry.name) in contentTypes)) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(`/${relative(root, file).split(sep).join('/')}`, file);
  }
  return files;
};

/**
 * Maps a request path to a dashboard file. Lookup goes through an index of the folder's files
 * built once, never through a path joined from the request, so `..`, encoded slashes or absolute
 * paths can only miss. `root` and `chartJsFile` are parameters because a bundled Lambda has
 * neither this folder nor node_modules where the sources do: the deploy copies them next to it.
 */
export const createDashboardAssets = ({
  root = import.meta.dirname,
  chartJsFile = defaultChartJsFile(),
}: { root?: string; chartJsFile?: string } = {}): ((
  path: string,
) => DashboardAsset | undefined) => {
  const files = indexFiles(root);
  files.set(CHART_JS_PATH, chartJsFile);
  return (path) => {
    const pathOnly = path.split(/[?#]/, 1)[0] ?? '';
    const wanted = pathOnly === '/' ? '/index.html' : pathOnly;
    const file = files.get(wanted);
    if (!file) return undefined;
    return {
      body: readFileSync(file),
      contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
      cacheControl: wanted === CHART_JS_PATH ? LIBRARY_CACHE : OWN_FILES_CACHE,
    };
  };
};
