import 'reflect-metadata';
import { OperationTypeNode, isInterfaceType, type GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker, type ClassType, type NonEmptyArray } from 'type-graphql';
import type { RequestContext } from '../shared/context.js';
import { forbidden, missingScope, unauthenticated } from '../shared/errors.js';
import { DateTimeScalar } from '../shared/graphql/scalars.js';
import { nodeTypeNameOf } from '../shared/graphql/node.js';
import { callFieldResolversDirectly } from '../shared/graphql/direct-resolvers.js';
import { validateInput } from '../shared/graphql/validation.js';
import type { EventBus } from '../shared/pubsub.js';
import { platformResolvers } from '../shared/resolvers.js';
import { INTROSPECTION_COST, MAX_ALIASES_PER_FIELD, MAX_DEPTH, MAX_TOKENS, describeDeclaredCosts } from './limits.js';
import { missingScopes, satisfies } from '../shared/viewer.js';
import { accountsResolvers } from '../modules/accounts/index.js';
import { financingResolvers } from '../modules/financing/index.js';
import { investorServicesResolvers } from '../modules/investor-services/index.js';
import { hostingResolvers } from '../modules/hosting/index.js';
import { namesResolvers } from '../modules/names/index.js';
import { registrationResolvers } from '../modules/registration/index.js';
import { supervisionResolvers } from '../modules/supervision/index.js';
import { webhooksResolvers } from '../modules/webhooks/index.js';

/** Every resolver class of every module. A module adds its list here and nowhere else. */
export const allResolvers = [
  ...platformResolvers,
  ...accountsResolvers,
  ...namesResolvers,
  ...registrationResolvers,
  ...financingResolvers,
  ...investorServicesResolvers,
  ...supervisionResolvers,
  ...hostingResolvers,
  ...webhooksResolvers,
] as unknown as NonEmptyArray<ClassType>;

/**
 * @Authorized() with no arguments: any authenticated caller. With arguments: any one of the
 * requirements ("OFFICIAL", "OFFICIAL:TAX", "SCOPE:FINANCING_READ"). Failures are the platform's own
 * UNAUTHENTICATED / FORBIDDEN errors, in the caller's language.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }, requirements) => {
  const { viewer, locale } = context;
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated(locale);
  if (requirements.length === 0 || requirements.some((r) => satisfies(viewer, r))) return true;
  // A partner key is told which scope to ask its organisation for.
  const lacking = missingScopes(viewer, requirements);
  throw lacking.length > 0 ? missingScope(locale, lacking) : forbidden(locale);
};

export const SCHEMA_DESCRIPTION = `Qingdao Enterprise Services API.
Authenticate with "Authorization: Bearer <session token or API key secret>".
Limits: \`first\` at most 100; a document of at most ${MAX_TOKENS} tokens; depth at most ${MAX_DEPTH} (introspection fields below \`__schema\` and \`__type\` not counted); at most ${MAX_ALIASES_PER_FIELD} aliases of one field; a cost per operation, reported in extensions.cost; a cost budget per minute per API key, user and anonymous IP (RATE_LIMITED with retryAfterSeconds when spent); request body at most 1 MB; no batched requests. A query over a limit is refused with QUERY_TOO_COMPLEX (HTTP 400) before anything runs.
Cost, with variables and their defaults as given: a connection costs 1 point a page, and what is selected inside it once per item the page may hold (\`first\`, at most 100, default 20), so nested connections multiply; \`nodes(ids:)\` 1 point per id, and what is selected inside once per id; a field whose description states a cost adds that cost (once per parent item); \`__schema\` ${INTROSPECTION_COST} points; every other field nothing; an operation at least 1 point.`;

const ROOT_DESCRIPTIONS: Record<OperationTypeNode, string> = {
  query: 'What can be read. Each field names the roles that may read it.',
  mutation: 'What can be changed. Each mutation names the roles that may call it and answers problems in userErrors.',
  subscription: 'Events pushed over WebSocket (graphql-ws) on the same /graphql path.',
};

export async function buildApiSchema(events: EventBus): Promise<GraphQLSchema> {
  const built = await buildSchema({
    resolvers: allResolvers,
    authChecker,
    authMode: 'error',
    validate: false,
    validateFn: validateInput,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: events,
  });
  callFieldResolversDirectly(built, allResolvers);
  // type-graphql wraps resolveType in an async function; a compiled query (app/compiled-execution.ts) needs the
  // type name at once, and nodeTypeNameOf gives it.
  const node = built.getType('Node');
  if (isInterfaceType(node)) node.resolveType = (value: object) => nodeTypeNameOf(value);
  // type-graphql describes neither the schema nor its root types. The limits belong in the schema
  // description, where introspecting clients read them.
  built.description = SCHEMA_DESCRIPTION;
  describeDeclaredCosts(built);
  for (const [operation, description] of Object.entries(ROOT_DESCRIPTIONS) as [OperationTypeNode, string][]) {
    const type = built.getRootType(operation);
    if (type) type.description = description;
  }
  return built;
}
