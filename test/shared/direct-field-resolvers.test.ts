import 'reflect-metadata';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
  buildSchema,
} from 'type-graphql';
import { callFieldResolversDirectly } from '../../src/shared/graphql/direct-field-resolvers.js';

// The schema calls a field resolver method itself only where type-graphql's wrapper has nothing to do:
// a role, a middleware or an argument keeps the wrapper, so nothing it checks is ever skipped.

@ObjectType()
class Thing {
  @Field()
  name!: string;
}

let calls = 0;

@Resolver(() => Thing)
class ThingFieldsResolver {
  @FieldResolver(() => String)
  shout(@Root() thing: Thing, @Ctx() ctx: { suffix: string }): string {
    calls++;
    return `${thing.name.toUpperCase()}${ctx.suffix}`;
  }

  @Authorized('ADMIN')
  @FieldResolver(() => String)
  secret(@Root() thing: Thing): string {
    return `secret of ${thing.name}`;
  }

  @FieldResolver(() => String)
  repeat(@Root() thing: Thing, @Arg('times', () => Number) times: number): string {
    return thing.name.repeat(times);
  }
}

@Resolver()
class ThingResolver {
  @Query(() => Thing)
  thing(): Thing {
    return Object.assign(new Thing(), { name: 'a' });
  }
}

describe('direct field resolvers', () => {
  it('call the one decorated method, and leave roles and arguments to type-graphql', async () => {
    const schema = await buildSchema({
      resolvers: [ThingResolver, ThingFieldsResolver],
      authChecker: ({ context }, roles) => roles.every((role) => (context as { roles: string[] }).roles.includes(role)),
      validate: false,
    });
    expect(callFieldResolversDirectly(schema)).toBe(1);
    const run = (source: string) => graphql({ schema, source, contextValue: { suffix: '!', roles: [] } });
    expect((await run('{ thing { shout repeat(times: 2) } }')).data).toEqual({ thing: { shout: 'A!', repeat: 'aa' } });
    expect(calls).toBe(1);
    const denied = await run('{ thing { secret } }');
    expect(denied.errors?.[0]?.message).toMatch(/denied/i);
  });
});
