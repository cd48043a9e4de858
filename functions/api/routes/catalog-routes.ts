import { z } from 'zod';
import {
  DATE_FIELD_CATALOG,
  EVENT_TYPE_CATALOG,
  RULE_FIELD_CATALOG,
} from '../../../core/segments/rule-field-catalog';
import type { AdminDeps } from '../admin-deps';
import { defineRoute } from '../http-route';

const FieldFormat = z.enum(['integer', 'decimal', 'money', 'share', 'text']);

/** What the rule builder offers, served so the dashboard keeps no copy of core's catalogue. */
export const catalogRoutes = [
  defineRoute({
    function: 'admin',
    auth: 'admin',
    tag: 'segments',
    method: 'GET',
    path: '/v1/rule-catalog',
    summary: 'The fields, date fields and event types a segment rule can name, in words',
    responses: {
      200: {
        description: 'The catalogue',
        schema: z.object({
          fields: z.array(
            z.object({
              path: z.string(),
              label: z.string(),
              type: z.enum(['number', 'text']),
              group: z.enum(['RFM', 'Purchases', 'Profile']),
              format: FieldFormat,
            }),
          ),
          dateFields: z.array(z.object({ path: z.string(), label: z.string() })),
          eventTypes: z.array(z.string()),
        }),
      },
    },
    handle: (_request, _deps: AdminDeps) => ({
      body: {
        fields: RULE_FIELD_CATALOG,
        dateFields: DATE_FIELD_CATALOG,
        eventTypes: EVENT_TYPE_CATALOG,
      },
      headers: { 'cache-control': 'private, max-age=300' },
    }),
  }),
];
