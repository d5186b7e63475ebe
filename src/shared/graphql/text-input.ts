import {
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { UserErrorCode, type Problem } from '../errors.js';
import { defineMessages } from '../messages.js';

// Characters no text input may carry, checked for every string a client sends, whatever its field:
// - control characters: a NUL byte cannot even be stored by PostgreSQL, and the others corrupt logs,
//   exports and the printed licence; a line break or a tab only where the field is a multi-line text;
// - invisible format characters (zero-width space and joiners, bidirectional overrides and isolates,
//   the byte-order mark, the soft hyphen...): they make two names that read the same compare different,
//   or make a text read in another order than it is stored (the "Trojan Source" trick);
// - line and paragraph separators (U+2028/9), which break single-line displays like control characters;
// - lone UTF-16 surrogates, which are not text and cannot be encoded as UTF-8.
// A field opts in to line breaks with @MultiLineText(); every other string is single-line, so a field
// that forgets to say so is held to the stricter rule.

defineMessages({
  'validation.invalidCharacters': {
    zh: '含有不允许的字符（控制字符、不可见字符或换行）。',
    en: 'Contains characters that are not allowed (control, invisible or line-break characters).',
  },
});

const MULTI_LINE = 'multiLineText';

/** Marks an input field whose text may span several lines (tabs and line breaks allowed). */
export function MultiLineText(): PropertyDecorator & MethodDecorator & ClassDecorator {
  return Extensions({ [MULTI_LINE]: true });
}

const CONTROL = /\p{Cc}/u;
const TAB_OR_LINE_BREAK = /[\t\n\r]/g;
const INVISIBLE_OR_BROKEN = /[\p{Cf}\u2028\u2029\uD800-\uDFFF]/u;

/** Whether a text holds a character its field does not allow (see above). */
export function hasRefusedCharacter(text: string, multiLine: boolean): boolean {
  return INVISIBLE_OR_BROKEN.test(text) || CONTROL.test(multiLine ? text.replace(TAB_OR_LINE_BREAK, '') : text);
}

function refusedStrings(value: unknown, type: GraphQLInputType, multiLine: boolean, path: string[]): string[][] {
  if (value === null || value === undefined) return [];
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    // A single value given for a list is coerced to a one-item list by graphql-js; both shapes are checked.
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item, index) => refusedStrings(item, nullable.ofType, multiLine, [...path, String(index)]));
  }
  if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    return Object.entries(value as Record<string, unknown>).flatMap(([name, fieldValue]) => {
      const field = fields[name];
      if (!field) return [];
      return refusedStrings(fieldValue, field.type, field.extensions[MULTI_LINE] === true, [...path, name]);
    });
  }
  return typeof value === 'string' && hasRefusedCharacter(value, multiLine) ? [path] : [];
}

/**
 * The problems of every string in a field's arguments, walking the arguments by their GraphQL types:
 * plain String and ID arguments, and every string at any depth of an input object or list.
 */
export function textInputProblems(args: Record<string, unknown>, info: GraphQLResolveInfo): Problem[] {
  const definitions: readonly GraphQLArgument[] = info.parentType.getFields()[info.fieldName]?.args ?? [];
  return definitions.flatMap((argument) =>
    refusedStrings(args[argument.name], argument.type, argument.extensions[MULTI_LINE] === true, [argument.name]).map(
      (field) => ({
        code: UserErrorCode.INVALID_CHARACTERS,
        field,
        messageKey: 'validation.invalidCharacters',
      }),
    ),
  );
}
