import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveApiTarget } from '../../cli/resolve-api-target';
import { STACK_OUTPUT_KEYS } from '../../cli/stack-outputs';

const withSecrets = mkdtempSync(join(tmpdir(), 'shoal-target-'));
writeFileSync(join(withSecrets, 'secrets.json'), JSON.stringify({ adminKey: 'saved-key' }));
const empty = mkdtempSync(join(tmpdir(), 'shoal-target-empty-'));

afterAll(() => {
  rmSync(withSecrets, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

const noOutputs = () => Promise.reject(new Error('CloudFormation must not be asked'));

describe('resolveApiTarget', () => {
  it('returns the local stack on port 4600 with the key shoal dev saved', async () => {
    const target = await resolveApiTarget({
      env: {},
      dataDir: withSecrets,
      readOutputs: noOutputs,
    });

    expect(target).toMatchObject({
      baseUrl: 'http://127.0.0.1:4600',
      token: 'saved-key',
      local: true,
    });
  });

  it('returns the port and key from SHOAL_API_PORT and SHOAL_ADMIN_KEY when set', async () => {
    const target = await resolveApiTarget({
      env: { SHOAL_API_PORT: '4711', SHOAL_ADMIN_KEY: 'env-key' },
      dataDir: empty,
    });

    expect(target).toMatchObject({ baseUrl: 'http://127.0.0.1:4711', token: 'env-key' });
  });

  it('says to start the local stack when it never ran', async () => {
    await expect(resolveApiTarget({ env: {}, dataDir: empty })).rejects.toThrow(
      'start it with `npx shoal dev`',
    );
  });

  it('reads a deployed stack’s API URL from its outputs and the token from SHOAL_ADMIN_TOKEN', async () => {
    const asked: string[] = [];

    const target = await resolveApiTarget({
      stackName: 'shoal-prod',
      env: { SHOAL_ADMIN_TOKEN: 'jwt' },
      dataDir: empty,
      readOutputs: async ({ stackName }) => {
        asked.push(stackName);
        return { [STACK_OUTPUT_KEYS.apiUrl]: 'https://api.example.com/' };
      },
    });

    expect(asked).toEqual(['shoal-prod']);
    expect(target).toMatchObject({
      baseUrl: 'https://api.example.com',
      token: 'jwt',
      local: false,
    });
  });

  it('names SHOAL_ADMIN_TOKEN when a deployed stack has no token', async () => {
    await expect(
      resolveApiTarget({ stackName: 'shoal-prod', env: {}, readOutputs: noOutputs }),
    ).rejects.toThrow('SHOAL_ADMIN_TOKEN');
  });

  it('names the missing output', async () => {
    await expect(
      resolveApiTarget({
        stackName: 'shoal-prod',
        env: { SHOAL_ADMIN_TOKEN: 'jwt' },
        readOutputs: async () => ({}),
      }),
    ).rejects.toThrow('stack shoal-prod has no output ApiUrl');
  });
});
