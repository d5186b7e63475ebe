import 'reflect-metadata';
import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import {
  Arg,
  Authorized,
  buildSchema,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/app/schema.js';
import { DomainError } from '../../src/shared/errors.js';
import { callFieldResolversDirectly, isCalledDirectly } from '../../src/shared/graphql/direct-resolvers.js';
import { validateInput } from '../../src/shared/graphql/validation.js';
import { createEventBus } from '../../src/shared/pubsub.js';

// The schema calls a @FieldResolver's method itself when type-graphql's wrapper would add nothing
// (shared/graphql/direct-resolvers.ts). These tests hold both halves: the busy fields of the real schema
// are called directly, and a field that needs the wrapper — roles, a middleware, an input object, a
// root to convert — keeps it, with the answers type-graphql gives.

describe('the API schema', () => {
  it("calls the busy row fields' methods directly", async () => {
    const schema = await buildApiSchema(createEventBus());
    const names = new Set(
      Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .flatMap((type) =>
          Object.values(type.getFields())
            .filter((field) => isCalledDirectly(field.resolve))
            .map((field) => `${type.name}.${field.name}`),
        ),
    );
    for (const field of [
      'FinancingDemand.id',
      'FinancingDemand.enterprise',
      'FinancingDemand.contact',
      'FinancingDemand.offers',
      'FinancingOffer.id',
      'FinancingOffer.bank',
      'FinancingOffer.demand',
      'FinancingOffer.product',
      'Enterprise.id',
      'Enterprise.name',
      'Enterprise.industry',
      'Bank.products',
    ])
      expect(names, field).toContain(field);
    // @Args() classes are converted and validated by type-graphql.
    expect(names).not.toContain('Enterprise.changes');
  });
});

// A schema of its own, so that each case is one declaration.
const calls: string[] = [];

@ObjectType('ProbeItem')
class ProbeItem {
  @Field(() => Int)
  n!: number;
}

@InputType('ProbeFilter')
class ProbeFilter {
  @Field(() => Int)
  min!: number;
}

@Resolver(() => ProbeItem)
class ProbeItemResolver {
  @FieldResolver(() => String)
  plain(@Root() item: ProbeItem, @Ctx() ctx: { locale: string }): string {
    calls.push(`plain:${item instanceof ProbeItem}`);
    return `${item.n}:${ctx.locale}`;
  }

  @FieldResolver(() => String)
  withArgs(
    @Root() item: ProbeItem,
    @Arg('times', () => Int, { nullable: true }) times?: number | null,
    @Arg('text', () => String, { nullable: true }) text?: string | null,
  ): string {
    return `${item.n}x${times ?? 1}${text ?? ''}`;
  }

  @Authorized('ADMIN')
  @FieldResolver(() => String)
  guarded(@Root() item: ProbeItem): string {
    return `guarded ${item.n}`;
  }

  @UseMiddleware(async (_data, next) => `[${String(await next())}]`)
  @FieldResolver(() => String)
  wrapped(@Root() item: ProbeItem): string {
    return `wrapped ${item.n}`;
  }

  @FieldResolver(() => Boolean)
  filtered(@Root() item: ProbeItem, @Arg('filter', () => ProbeFilter) filter: ProbeFilter): boolean {
    return filter instanceof ProbeFilter && item.n >= filter.min;
  }
}

@Resolver()
class ProbeQueryResolver {
  @Query(() => ProbeItem)
  instance(): ProbeItem {
    return Object.assign(new ProbeItem(), { n: 1 });
  }

  @Query(() => ProbeItem)
  plainObject(): ProbeItem {
    // Not an instance of the declared root class: type-graphql copies it into one, and so must the schema still.
    return { n: 2 };
  }
}

describe('a field resolver', () => {
  let schema: GraphQLSchema;
  let direct: string[];
  const run = (source: string, viewer = 'APPLICANT') =>
    graphql({ schema, source, contextValue: { locale: 'en', role: viewer } });

  beforeAll(async () => {
    const resolvers = [ProbeItemResolver, ProbeQueryResolver] as const;
    schema = await buildSchema({
      resolvers,
      validate: false,
      validateFn: validateInput,
      authChecker: ({ context }, roles) => roles.includes((context as { role: string }).role),
    });
    direct = callFieldResolversDirectly(schema, resolvers);
  });

  it('with only root, context and scalar arguments is called directly', () => {
    expect(direct.sort()).toEqual(['ProbeItem.plain', 'ProbeItem.withArgs']);
  });

  it('answers as type-graphql would, arguments included', async () => {
    const result = await run('{ instance { plain withArgs(times: 3, text: "!") } }');
    expect(result).toEqual({ data: { instance: { plain: '1:en', withArgs: '1x3!' } } });
  });

  it('refuses a text argument with a refused character, as every input is', async () => {
    const result = await run('{ instance { withArgs(text: "a\\u200Bb") } }');
    expect(result.errors?.[0]?.originalError).toBeInstanceOf(DomainError);
    expect((result.errors?.[0]?.originalError as DomainError).problems[0]).toMatchObject({
      code: 'INVALID_CHARACTERS',
      field: ['text'],
    });
  });

  it('hands the method an instance of its root class, converting a plain object as type-graphql does', async () => {
    calls.length = 0;
    const result = await run('{ instance { plain } plainObject { plain } }');
    expect(result.data).toEqual({ instance: { plain: '1:en' }, plainObject: { plain: '2:en' } });
    expect(calls).toEqual(['plain:true', 'plain:true']);
  });

  it('with roles, a middleware or an input object keeps the wrapper', async () => {
    const denied = await run('{ instance { guarded } }');
    expect(denied.errors?.[0]?.message).toMatch(/Access denied/);
    const allowed = await run('{ instance { guarded wrapped filtered(filter: { min: 1 }) } }', 'ADMIN');
    expect(allowed).toEqual({ data: { instance: { guarded: 'guarded 1', wrapped: '[wrapped 1]', filtered: true } } });
  });
});
