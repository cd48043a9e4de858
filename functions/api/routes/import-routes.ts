import { z } from 'zod';
import { readImportReport } from '../../../core/ingest/read-import-report';
import { ImportKind } from '../../../core/ingest/import-kind';
import { mappingKeyFor } from '../../../core/ingest/import-keys';
import { ImportRecord } from '../../../core/ingest/import-record';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope, PageQuery } from '../api-schemas';
import { defineRoute } from '../http-route';

const UPLOAD_URL_SECONDS = 15 * 60;

const ReportedRow = z.object({
  file: z.string(),
  line: z.number().int(),
  reason: z.string(),
  column: z.string().optional(),
  value: z.string().optional(),
});

const admin = { function: 'admin', auth: 'admin', tag: 'imports' } as const;

export const importRoutes = [
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/imports',
    summary: 'Imports, newest first, with their counts',
    query: PageQuery,
    responses: {
      200: {
        description: 'One page',
        schema: z.object({
          items: z.array(ImportRecord.meta({ id: 'Import' })),
          cursor: z.string().optional(),
        }),
      },
    },
    handle: async ({ query }, deps: AdminDeps) => {
      const page = await deps.imports.listImports(query);
      return {
        body: { items: page.imports, ...(page.cursor !== undefined && { cursor: page.cursor }) },
      };
    },
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/imports/{importId}',
    summary: 'One import with its rejected rows and warnings, each with line, column and reason',
    params: z.object({ importId: z.string().min(1).max(200) }),
    responses: {
      200: {
        description: 'The import and its report',
        schema: z.object({
          import: ImportRecord,
          rejected: z.array(ReportedRow),
          warnings: z.array(ReportedRow),
        }),
      },
      404: { description: 'No such import', schema: ErrorEnvelope },
    },
    handle: async ({ params }, deps: AdminDeps) => ({
      body: await readImportReport({
        importId: params.importId,
        imports: deps.imports,
        objects: deps.objects,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/imports/upload-url',
    summary:
      'A presigned PUT URL under imports/<kind>/ (and one for its mapping); uploading the file starts the import',
    body: z.object({
      fileName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\]+$/, 'a file name, without folders'),
      kind: ImportKind.default('customers'),
      contentType: z.string().max(100).optional(),
      /** Also sign `<key>.mapping.json`, to be uploaded first: the mapping must sit beside the file. */
      withMapping: z.boolean().default(false),
    }),
    responses: {
      200: {
        description: 'Where to PUT the file',
        schema: z.object({
          url: z.string(),
          key: z.string(),
          mappingUrl: z.string().optional(),
          expiresAt: z.string(),
        }),
      },
    },
    handle: async ({ body }, deps: AdminDeps) => {
      const now = deps.clock();
      // The timestamp keeps a re-upload of the same file name from replacing an import's source.
      const key = `imports/${body.kind}/${now.toISOString().replace(/[:.]/g, '-')}-${body.fileName}`;
      const url = await deps.uploads.signUpload({
        key,
        ...(body.contentType !== undefined && { contentType: body.contentType }),
        expiresInSeconds: UPLOAD_URL_SECONDS,
      });
      const mappingUrl = body.withMapping
        ? await deps.uploads.signUpload({
            key: mappingKeyFor(key),
            contentType: 'application/json',
            expiresInSeconds: UPLOAD_URL_SECONDS,
          })
        : undefined;
      return {
        body: {
          url,
          key,
          ...(mappingUrl !== undefined && { mappingUrl }),
          expiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
        },
      };
    },
  }),
];
