import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { PageArgsType } from '../../shared/graphql/page-args.js';
import { MutationWithPayload } from '../../shared/graphql/mutation.js';
import { ORG_ADMIN, scopesAllowedFor, type ApiScope as ApiScopeValue } from '../../shared/viewer.js';
import { ApiScope } from '../../shared/graphql/common.types.js';
import { ApiKey, Organisation } from './accounts.entity.js';
import { CreateApiKeyInput, RevokeApiKeyInput, RotateApiKeyInput, UpdateApiKeyInput } from './accounts.inputs.js';
import { dailyUseByApiKeyId, organisationById } from './accounts.loaders.js';
import * as apiKeys from './api-keys.service.js';
import {
  ApiKeyConnection,
  ApiKeyDailyUseType,
  ApiKeyType,
  CreateApiKeyPayload,
  OrganisationType,
  RevokeApiKeyPayload,
  RotateApiKeyPayload,
  UpdateApiKeyPayload,
} from './accounts.types.js';

// Thin by design: check the role, call the service (api-keys.service.ts), shape the payload.

const MANAGERS = ['ADMIN', ORG_ADMIN];
const WHO = "Role: ADMIN (every key), or an organisation's administrator (ORG_ADMIN: its organisation's keys only).";

@Resolver()
export class ApiKeysResolver {
  @Authorized(...MANAGERS)
  @Query(() => ApiKeyConnection, { description: `Partner API keys the caller manages, newest first. ${WHO}` })
  apiKeys(@Ctx() ctx: RequestContext, @Args() page: PageArgsType) {
    return apiKeys.listApiKeys(ctx, page);
  }

  @Authorized(...MANAGERS)
  @MutationWithPayload(() => CreateApiKeyPayload, {
    description: `Creates an API key for a partner system, named, with scopes (an organisation's key: only the scopes its kind allows) and an optional expiry. The secret is in this payload only; the platform keeps only its hash. ${WHO}`,
  })
  createApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateApiKeyInput, { description: 'The key to create.' }) input: CreateApiKeyInput,
  ) {
    return apiKeys.createApiKey(ctx, { ...input, expiresAt: input.expiresAt ?? null });
  }

  @Authorized(...MANAGERS)
  @MutationWithPayload(() => RotateApiKeyPayload, {
    description: `Replaces a key's secret with a new one, returned this once; the previous secret keeps working for the overlap asked for (default 24 hours, at most 168), then only the new one does. ${WHO}`,
  })
  rotateApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RotateApiKeyInput, { description: 'The key and the overlap.' }) input: RotateApiKeyInput,
  ) {
    return apiKeys.rotateApiKey(ctx, input.id, input.overlapHours);
  }

  @Authorized(...MANAGERS)
  @MutationWithPayload(() => UpdateApiKeyPayload, {
    description: `Renames a key and/or changes its expiry (in the future, or null for never); its scopes and secret stay. A revoked key cannot be changed. Audited. ${WHO}`,
  })
  async updateApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateApiKeyInput, { description: 'The key and what to change.' }) input: UpdateApiKeyInput,
  ) {
    return {
      apiKey: await apiKeys.updateApiKey(ctx, input.id, { name: input.name, expiresAt: input.expiresAt }),
    };
  }

  @Authorized(...MANAGERS)
  @MutationWithPayload(() => RevokeApiKeyPayload, {
    description: `Revokes an API key at once (both secrets, and the open sockets using it). ${WHO}`,
  })
  async revokeApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RevokeApiKeyInput, { description: 'The key to revoke.' }) input: RevokeApiKeyInput,
  ) {
    return { apiKey: await apiKeys.revokeApiKey(ctx, input.id) };
  }
}

@Resolver(() => ApiKeyType)
export class ApiKeyFieldsResolver {
  @FieldResolver(() => OrganisationType, {
    nullable: true,
    description: "The organisation whose key it is; null for the platform administrator's own keys.",
  })
  organisation(@Root() apiKey: ApiKey, @Ctx() ctx: RequestContext) {
    return apiKey.organisation ? ctx.loaders.get(organisationById).load(apiKey.organisation.id) : null;
  }

  @FieldResolver(() => [ApiKeyDailyUseType], {
    description: 'Requests per day over the last 30 days (Asia/Shanghai), oldest first; days without use left out.',
  })
  dailyUse(@Root() apiKey: ApiKey, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(dailyUseByApiKeyId).load(apiKey.id);
  }
}

@Resolver(() => OrganisationType)
export class OrganisationScopesResolver {
  @FieldResolver(() => [ApiScope], {
    description: "The scopes this organisation's API keys may carry (by its kind).",
  })
  apiScopes(@Root() organisation: Organisation): ApiScopeValue[] {
    return scopesAllowedFor(organisation.kind);
  }
}
