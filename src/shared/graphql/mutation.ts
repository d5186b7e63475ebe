import { Mutation, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { OptimisticLockError } from '@mikro-orm/core';
import type { RequestContext } from '../context.js';
import type { GraphQLResolveInfo } from 'graphql';
import { DomainError, UserErrorCode, renderProblems, problem, type Problem } from '../errors.js';
import { namesFieldOf, namesInputValue } from './user-error-paths.js';

// One path from a refused rule to the payload: services throw DomainError (input validation throws it
// too, before the resolver runs), and this middleware answers `{ userErrors }` in the caller's
// language. The service's transaction has rolled back by then, so nothing was written.

/**
 * Answers a refused rule with `{ userErrors }`. `draftInput`: see MutationWithPayload.
 */
function userErrorsMiddleware(draftInput: string | undefined): MiddlewareFn<RequestContext> {
  return async ({ context, info }, next) => {
    try {
      const payload = (await next()) as Record<string, unknown>;
      return { ...payload, userErrors: payload.userErrors ?? [] };
    } catch (error) {
      if (error instanceof DomainError) {
        checkFieldPaths(error.problems, context, info, draftInput);
        return { userErrors: renderProblems(error.problems, context.locale) };
      }
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
}

/**
 * A `field` that names no input value of the mutation is a bug of the code that built it: outside
 * production it fails the request, so the bad-input tests of every module hold the convention (see
 * user-error-paths.ts); in production the user still gets the message, and the log gets the path.
 */
function checkFieldPaths(
  problems: readonly Problem[],
  context: RequestContext,
  info: GraphQLResolveInfo,
  draftInput: string | undefined,
): void {
  const args = info.parentType.getFields()[info.fieldName]?.args ?? [];
  for (const { field } of problems) {
    if (!field || namesInputValue(args, field)) continue;
    if (draftInput && namesFieldOf(info.schema, draftInput, field)) continue;
    const message = `userError.field ${JSON.stringify(field)} names no input value of ${info.fieldName}`;
    if (process.env.NODE_ENV === 'production') context.deps.logger.error({ requestId: context.requestId }, message);
    else throw new Error(message);
  }
}

/**
 * A mutation whose payload carries `userErrors`. `draftInput`: the input type (by GraphQL name) whose
 * fields the mutation's errors may also name under "input", for a mutation that checks something an
 * earlier mutation saved (submitting a saved draft reports its problems where saving the draft takes them).
 */
export function MutationWithPayload(
  returnType: (type?: void) => object,
  options: { description: string; deprecationReason?: string; complexity?: number; draftInput?: string },
): MethodDecorator {
  const { draftInput, ...mutationOptions } = options;
  return (target, key, descriptor) => {
    Mutation(returnType, mutationOptions)(target, key, descriptor);
    UseMiddleware(userErrorsMiddleware(draftInput))(target, key, descriptor);
  };
}
