import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgsType {
  @Field(() => Int, { nullable: true, description: 'How many items, at most 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (pageInfo.endCursor).' })
  after?: string | null;
}
