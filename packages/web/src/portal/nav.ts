/** The portal's sections, in the order of a provincial government service site. */
export const portalSections = [
  { key: 'home', path: '/' },
  { key: 'services', path: '/services' },
  { key: 'openGov', path: '/open-government' },
  { key: 'interaction', path: '/interaction' },
  { key: 'tracking', path: '/tracking' },
  { key: 'verify', path: '/verify' },
] as const;

export type PortalSection = Exclude<(typeof portalSections)[number]['key'], 'home'>;
