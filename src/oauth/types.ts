// Types shared by the OAuth modules; imports no module of its own folder.

/**
 * Your app as registered with the provider (Salesforce connected app, Concur app, …). Pass the same object to
 * {@link startOAuth} and {@link finishOAuth}: both take `apiKey`, `apiSecret` and `callbackUrl` from it, so the
 * three values are the same in the OAuth URL call and in `POST /instances`, as Cloud Elements requires.
 */
export type OAuthApp = {
  /** Client id of your provider app (`apiKey` of the OAuth URL, `oauth.api.key` of the instance). */
  readonly apiKey: string;
  /** Client secret of your provider app (`apiSecret`, `oauth.api.secret`). */
  readonly apiSecret: string;
  /** Redirect URL registered with the provider app, sent byte for byte (`callbackUrl`, `oauth.callback.url`). */
  readonly callbackUrl: string;
  /** Provider scopes to request, in the provider's syntax (e.g. `full refresh_token`); per-call `scope` wins. */
  readonly scope?: string | undefined;
};

/** Values sent to Cloud Elements as `providerData` when the instance is created. */
export type OAuthProviderData = Readonly<Record<string, string>>;

/** What the callback step produced: `readOAuthCallback`'s or `readOAuth1Callback`'s result, or `{ providerData: { code } }`. */
export type OAuthCallbackResult = {
  /** What `finishOAuth` sends as the instance's `providerData`: the authorization `code` and the like. */
  readonly providerData: OAuthProviderData;
};
