import {
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

// UserError.field is the path of the input value concerned, as the client wrote it: the argument's
// name first ("input" for every mutation), then input fields and list indexes, e.g.
// ["input", "declaration", "investors", "0", "idNumber"]. A client can then put the message at the
// form field it filled. This module checks a path against the operation's arguments, so a path that
// names nothing the client sent is caught where it is produced (see mutation.ts) rather than by a
// partner whose form shows the message nowhere.

/** Whether `path` names an input value reachable from these arguments (the value itself may be absent). */
export function namesInputValue(args: readonly GraphQLArgument[], path: readonly string[]): boolean {
  const [argumentName, ...rest] = path;
  const argument = args.find((a) => a.name === argumentName);
  return argument ? reachable(argument.type, rest) : false;
}

function reachable(start: GraphQLInputType, path: readonly string[]): boolean {
  let type = start;
  for (const segment of path) {
    const bare = getNullableType(type);
    if (isListType(bare)) {
      if (!/^\d+$/.test(segment)) return false;
      type = bare.ofType;
    } else if (isInputObjectType(bare)) {
      const field = bare.getFields()[segment];
      if (!field) return false;
      type = field.type;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Whether `path` names a field of the input type `typeName` under "input": for a mutation that reports
 * problems of something saved earlier where the saving mutation took it (submitting a saved draft).
 */
export function namesFieldOf(schema: GraphQLSchema, typeName: string, path: readonly string[]): boolean {
  const type = schema.getType(typeName);
  return path[0] === 'input' && isInputObjectType(type) && reachable(type, path.slice(1));
}
