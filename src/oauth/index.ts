// Connecting a user's account: start (the provider's URL and `state`) → callback (checked) → finish (the instance).
export { defineOAuthApp } from './app.js';
export {
  OAuthCallbackError,
  OAuthProviderError,
  OAuthStateError,
  createOAuthState,
  readOAuth1Callback,
  readOAuthCallback,
} from './callback.js';
export type {
  OAuth1Callback,
  OAuthCallback,
  OAuthCallbackInput,
  OAuthCallbackProblem,
  ReadOAuth1CallbackOptions,
  ReadOAuthCallbackOptions,
} from './callback.js';
export { finishOAuth, reauthorizeInstance } from './finish.js';
export type { FinishOAuthOptions, ReauthorizeInstanceOptions } from './finish.js';
export { startOAuth, startOAuth1 } from './start.js';
export type { OAuth1Start, OAuthStart, StartOAuth1Options, StartOAuthOptions } from './start.js';
export type { OAuthApp, OAuthCallbackResult, OAuthProviderData } from './types.js';
