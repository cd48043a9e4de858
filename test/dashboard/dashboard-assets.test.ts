import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardAssets } from '../../dashboard/dashboard-assets';

describe('createDashboardAssets', () => {
  let parent: string;
  let lookup: ReturnType<typeof createDashboardAssets>;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'shoal-dashboard-'));
    const root = join(parent, 'dashboard');
    mkdirSync(join(root, 'pages'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'styles.css'), 'body{}');
    writeFileSync(join(root, 'pages', 'overview-page.js'), 'export {}');
    writeFileSync(join(root, 'dashboard-assets.ts'), 'server code');
    writeFileSync(join(parent, 'secret.html'), 'outside the root');
    writeFileSync(join(parent, 'chart.umd.min.js'), '/* chart */');
    lookup = createDashboardAssets({ root, chartJsFile: join(parent, 'chart.umd.min.js') });
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('serves index.html for / and for /index.html, revalidated on every load', () => {
    for (const path of ['/', '/index.html', '/?key=abc']) {
      const asset = lookup(path);
      expect(asset?.body.toString()).toBe('<!doctype html>');
      expect(asset?.contentType).toBe('text/html; charset=utf-8');
      expect(asset?.cacheControl).toBe('no-cache');
    }
  });

  it('serves modules in sub-folders as JavaScript and styles as CSS', () => {
    expect(lookup('/pages/overview-page.js')?.contentType).toBe('text/javascript; charset=utf-8');
    expect(lookup('/styles.css')?.contentType).toBe('text/css; charset=utf-8');
  });

  it('serves Chart.js from its package under /assets with a day of caching', () => {
    const asset = lookup('/assets/chart.umd.min.js');
    expect(asset?.body.toString()).toBe('/* chart */');
    expect(asset?.cacheControl).toBe('public, max-age=86400');
  });

  it('returns undefined for its own TypeScript and for unknown paths', () => {
    expect(lookup('/dashboard-assets.ts')).toBeUndefined();
    expect(lookup('/missing.js')).toBeUndefined();
    expect(lookup('/pages')).toBeUndefined();
  });

  it('returns undefined for every way of climbing out of the folder', () => {
    for (const path of [
      '/../secret.html',
      '/pages/../../secret.html',
      '/%2e%2e/secret.html',
      '/..%2fsecret.html',
      '//secret.html',
      join(parent, 'secret.html'),
      '/pages/..\\..\\secret.html',
      '/index.html\0.js',
    ]) {
      expect(lookup(path)).toBeUndefined();
    }
  });

  it('finds the real dashboard and the installed Chart.js by default', () => {
    const real = createDashboardAssets();
    expect(real('/')?.body.toString()).toContain('<html lang="en">');
    expect(real('/assets/chart.umd.min.js')?.body.length).toBeGreaterThan(100_000);
  });
});
