import { Mutation, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { OptimisticLockError } from '@mikro-orm/core';
import type { RequestContext } from '../context.js';
import { DomainError, UserErrorCode, renderProblems, problem } from '../errors.js';

// One path from a refused rule to the payload: services throw DomainError (input validation throws it
// too, before the resolver runs), and this middleware answers `{ userErrors }` in the caller's
// language. The service's transaction has rolled back by then, so nothing was written.

const userErrorsMiddleware: MiddlewareFn<RequestContext> = async ({ context }, next) => {
  try {
    const payload = (await next()) as Record<string, unknown>;
    return { ...payload, userErrors: payload.userErrors ?? [] };
  } catch (error) {
    if (error instanceof DomainError) return { userErrors: renderProblems(error.problems, context.locale) };
    if (error instanceof OptimisticLockError) {
      return {
        userErrors: renderProblems(
          [problem(UserErrorCode.CONCURRENT_UPDATE, 'error.concurrentUpdate')],
          context.locale,
        ),
      };
    }
    throw error;
  }
};

/** A mutation whose payload carries `userErrors`. */
export function MutationWithPayload(
  returnType: (type?: void) => object,
  options: { description: string; deprecationReason?: string; complexity?: number },
): MethodDecorator {
  return (target, key, descriptor) => {
    Mutation(returnType, options)(target, key, descriptor);
    UseMiddleware(userErrorsMiddleware)(target, key, descriptor);
  };
}
