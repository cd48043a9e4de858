import { ValidationError } from './errors';

/** Cursors over lists that are read whole (segment members): an opaque offset. */
export const encodeOffsetCursor = (offset: number): string =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

export const decodeOffsetCursor = (cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error below
  }
  throw new ValidationError('the cursor is not one this API returned', ['cursor']);
};
