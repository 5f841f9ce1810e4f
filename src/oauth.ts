/**
 * The `./oauth` entry: connecting a user's account to an element with OAuth 2 or OAuth 1 (start → callback →
 * finish), which creates the instance whose token hub calls send.
 * @module cloud-elements-sdk/oauth
 */
export {
  OAuthCallbackError,
  OAuthProviderError,
  OAuthStateError,
  createOAuthState,
  defineOAuthApp,
  finishOAuth,
  readOAuth1Callback,
  readOAuthCallback,
  reauthorizeInstance,
  startOAuth,
  startOAuth1,
} from './oauth/index.js';
export type {
  FinishOAuthOptions,
  OAuth1Callback,
  OAuth1Start,
  OAuthApp,
  OAuthCallback,
  OAuthCallbackInput,
  OAuthCallbackProblem,
  OAuthCallbackResult,
  OAuthProviderData,
  OAuthStart,
  ReadOAuth1CallbackOptions,
  ReadOAuthCallbackOptions,
  ReauthorizeInstanceOptions,
  StartOAuth1Options,
  StartOAuthOptions,
} from './oauth/index.js';
