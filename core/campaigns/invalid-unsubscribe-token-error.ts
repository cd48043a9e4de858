import { UnauthorizedError } from '../shared/errors';

/** A token that was forged, altered, signed with a retired key, malformed or too old. */
export class InvalidUnsubscribeTokenError extends UnauthorizedError {}
