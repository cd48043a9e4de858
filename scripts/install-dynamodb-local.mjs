// Fetches AWS's official DynamoDB Local jar, which ships inside the npm package
// amplify-dynamodb-simulator, and keeps only its `emulator` folder under .local/ (ignored by git).
// Runs from `npm install`/`npm ci` (prepare) so a clean machine needs nothing but Node and Java.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const target = resolve(import.meta.dirname, '..', '.local', 'dynamodb');

if (existsSync(join(target, 'DynamoDBLocal.jar'))) {
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'shoal-ddb-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
  mkdirSync(target, { recursive: true });
  execFileSync(
    'tar',
    ['-xzf', join(work, tarball), '-C', target, '--strip-components=2', 'package/emulator'],
    {
      stdio: 'inherit',
    },
  );
  console.log(`DynamoDB Local installed in ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
