import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../shared/messages.js';

/**
 * What is known of a request before its GraphQL context exists (request id, locale), carried through
 * the async calls of that request so error masking and logging can name the request.
 */
export interface RequestScope {
  requestId: string;
  locale: Locale;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
