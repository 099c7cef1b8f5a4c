/** Every route's path in one place, so links and the router cannot drift apart. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  authCallback: { path: '/auth/callback', getHref: () => '/auth/callback' },
  studio: { path: '/studio', getHref: () => '/studio' },
  compose: { path: '/studio/compose', getHref: () => '/studio/compose' },
  privacy: { path: '/privacy', getHref: () => '/privacy' },
  terms: { path: '/terms', getHref: () => '/terms' },
} as const;
