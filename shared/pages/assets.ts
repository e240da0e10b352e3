import { SITE_CSS } from './site-css.ts';

/** Static files served by the site function (no build step: each is a string module). */
export const ASSETS: Record<string, { body: string; type: string }> = {
  'site.css': { body: SITE_CSS, type: 'text/css; charset=utf-8' },
};
