import { z } from 'zod';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/**
 * Where `/v1/unsubscribe` is served. HTTPS, because mailbox providers only make one-click POSTs
 * to https URLs; plain http only on loopback, where the local stack serves it.
 */
export const UnsubscribeBaseUrl = z
  .url({ protocol: /^https?$/ })
  .refine((url) => url.startsWith('https://') || LOOPBACK.test(url), {
    message: 'use https (http is only allowed on 127.0.0.1 or localhost)',
  });
