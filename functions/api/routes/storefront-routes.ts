import { z } from 'zod';
import { unsubscribeRecipient } from '../../../core/campaigns/unsubscribe-recipient';
import { findStorefrontSegments } from '../../../core/storefront/find-storefront-segments';
import type { StorefrontSegments } from '../../../core/storefront/storefront-segments';
import { MAX_TRACKED_EVENTS } from '../../../core/storefront/tracked-event';
import { trackCustomerEvents } from '../../../core/storefront/track-customer-events';
import { ErrorEnvelope, StorefrontSegmentsSchema } from '../api-schemas';
import { etagOf, matchesEtag } from '../etag';
import { defineRoute, type HttpResponse } from '../http-route';
import type { StorefrontDeps } from '../storefront-deps';
import { unsubscribeConfirmationPage, unsubscribedPage } from '../unsubscribe-pages';

// Segments change once a night; a short shared cache spares DynamoDB without serving a stale day.
const SEGMENTS_CACHE_CONTROL = 'private, max-age=300, stale-while-revalidate=3600';

const cacheable = (segments: StorefrontSegments, ifNoneMatch: string | undefined): HttpResponse => {
  const body = JSON.stringify(segments);
  const etag = etagOf(body);
  const headers = { etag, 'cache-control': SEGMENTS_CACHE_CONTROL };
  if (matchesEtag(ifNoneMatch, etag)) return { status: 304, headers };
  return { text: body, contentType: 'application/json', headers };
};

const segmentResponses = {
  200: {
    description: 'The customer’s segments in the current run',
    schema: StorefrontSegmentsSchema,
  },
  304: { description: 'Unchanged since the given ETag' },
  401: { description: 'Missing or unknown storefront key', schema: ErrorEnvelope },
  404: { description: 'No such customer', schema: ErrorEnvelope },
};

const TokenQuery = z.object({ token: z.string().min(1).max(2048) });

export const storefrontRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/customers/{customerId}/segments',
    function: 'storefront',
    auth: 'storefront',
    tag: 'storefront',
    summary: 'A customer’s segments, RFM scores and lifecycle stage, by the shop’s customer id',
    params: z.object({ customerId: z.string().min(1).max(256) }),
    responses: segmentResponses,
    handle: async ({ params, headers }, deps: StorefrontDeps) =>
      cacheable(
        await findStorefrontSegments({ lookup: { customerId: params.customerId }, ...deps }),
        headers['if-none-match'],
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/customers/by-email/{email}/segments',
    function: 'storefront',
    auth: 'storefront',
    tag: 'storefront',
    summary: 'The same, found by e-mail address (case and surrounding spaces ignored)',
    params: z.object({ email: z.string().min(3).max(320) }),
    responses: segmentResponses,
    handle: async ({ params, headers }, deps: StorefrontDeps) =>
      cacheable(
        await findStorefrontSegments({ lookup: { email: params.email }, ...deps }),
        headers['if-none-match'],
      ),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/events',
    function: 'storefront',
    auth: 'storefront',
    tag: 'storefront',
    summary: `Track up to ${MAX_TRACKED_EVENTS} events (viewed, added to cart, purchased…); each is validated on its own`,
    body: z.object({ events: z.array(z.unknown()).min(1).max(MAX_TRACKED_EVENTS) }),
    responses: {
      202: {
        description: 'Accepted count and the index, field and reason of every event refused',
        schema: z.object({
          accepted: z.number().int(),
          errors: z.array(
            z.object({ index: z.number().int(), path: z.string(), message: z.string() }),
          ),
        }),
      },
      400: { description: 'Not a batch of 1–100 events', schema: ErrorEnvelope },
    },
    handle: async ({ body }, deps: StorefrontDeps) => ({
      status: 202,
      body: await trackCustomerEvents({ events: body.events, ...deps }),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/unsubscribe',
    function: 'storefront',
    auth: 'token',
    tag: 'storefront',
    summary:
      'RFC 8058 one-click unsubscribe: idempotent, no redirect, authorised by the token alone',
    query: TokenQuery,
    responses: {
      200: { description: 'Unsubscribed (also when already unsubscribed)' },
      401: { description: 'The token is forged, altered or expired', schema: ErrorEnvelope },
    },
    handle: async ({ query, headers }, deps: StorefrontDeps) => {
      await unsubscribeRecipient({
        token: query.token,
        keys: await deps.unsubscribeKeys(),
        store: deps.campaigns,
        clock: deps.clock,
      });
      return (headers.accept ?? '').includes('text/html')
        ? { text: unsubscribedPage(), contentType: 'text/html; charset=utf-8' }
        : { body: { unsubscribed: true } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/unsubscribe',
    function: 'storefront',
    auth: 'token',
    tag: 'storefront',
    summary: 'A confirmation page with a button; opening the link never unsubscribes by itself',
    query: TokenQuery,
    responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
    handle: ({ query }) => ({
      text: unsubscribeConfirmationPage(query.token),
      contentType: 'text/html; charset=utf-8',
      headers: { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    }),
  }),
];
