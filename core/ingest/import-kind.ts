import { z } from 'zod';

export const ImportKind = z.enum(['customers', 'orders', 'events']);
export type ImportKind = z.infer<typeof ImportKind>;
