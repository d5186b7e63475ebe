/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment UserErrorFields on UserError {\n  code\n  field\n  message\n}": typeof types.UserErrorFieldsFragmentDoc,
    "fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  subject {\n    __typename\n    id\n  }\n}\n\nquery Notifications($first: Int!) {\n  notifications(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...NotificationFields\n      }\n    }\n  }\n  unread: notifications(unreadOnly: true, first: 1) {\n    totalCount\n  }\n}\n\nmutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n  markNotificationsRead(input: $input) {\n    notifications {\n      id\n      readAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nsubscription NotificationReceived {\n  notificationReceived {\n    ...NotificationFields\n  }\n}": typeof types.NotificationFieldsFragmentDoc,
    "query Viewer {\n  viewer {\n    role\n    user {\n      id\n      displayName\n      email\n      role\n      locale\n      department\n      foreignInvestor\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "fragment UserErrorFields on UserError {\n  code\n  field\n  message\n}": types.UserErrorFieldsFragmentDoc,
    "fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  subject {\n    __typename\n    id\n  }\n}\n\nquery Notifications($first: Int!) {\n  notifications(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...NotificationFields\n      }\n    }\n  }\n  unread: notifications(unreadOnly: true, first: 1) {\n    totalCount\n  }\n}\n\nmutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n  markNotificationsRead(input: $input) {\n    notifications {\n      id\n      readAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nsubscription NotificationReceived {\n  notificationReceived {\n    ...NotificationFields\n  }\n}": types.NotificationFieldsFragmentDoc,
    "query Viewer {\n  viewer {\n    role\n    user {\n      id\n      displayName\n      email\n      role\n      locale\n      department\n      foreignInvestor\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserErrorFields on UserError {\n  code\n  field\n  message\n}"): (typeof documents)["fragment UserErrorFields on UserError {\n  code\n  field\n  message\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  subject {\n    __typename\n    id\n  }\n}\n\nquery Notifications($first: Int!) {\n  notifications(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...NotificationFields\n      }\n    }\n  }\n  unread: notifications(unreadOnly: true, first: 1) {\n    totalCount\n  }\n}\n\nmutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n  markNotificationsRead(input: $input) {\n    notifications {\n      id\n      readAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nsubscription NotificationReceived {\n  notificationReceived {\n    ...NotificationFields\n  }\n}"): (typeof documents)["fragment NotificationFields on Notification {\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  subject {\n    __typename\n    id\n  }\n}\n\nquery Notifications($first: Int!) {\n  notifications(first: $first) {\n    totalCount\n    edges {\n      node {\n        ...NotificationFields\n      }\n    }\n  }\n  unread: notifications(unreadOnly: true, first: 1) {\n    totalCount\n  }\n}\n\nmutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n  markNotificationsRead(input: $input) {\n    notifications {\n      id\n      readAt\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nsubscription NotificationReceived {\n  notificationReceived {\n    ...NotificationFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    role\n    user {\n      id\n      displayName\n      email\n      role\n      locale\n      department\n      foreignInvestor\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    role\n    user {\n      id\n      displayName\n      email\n      role\n      locale\n      department\n      foreignInvestor\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    expiresAt\n    user {\n      id\n      displayName\n      role\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}\n\nmutation SignOut {\n  signOut {\n    signedOut\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;