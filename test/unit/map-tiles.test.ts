import { describe, expect, it } from 'vitest';
import { isTileTemplate, tileImageSource } from '../../shared/domain/map-tiles.ts';
import { contentSecurityPolicy } from '../../shared/http/security-headers.ts';

describe('the directory map’s tile URL (DIRECTORY_TILE_URL)', () => {
  it('accepts an http(s) template with {z}, {x} and {y}, and nothing that could be something else', () => {
    expect(isTileTemplate('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true);
    expect(isTileTemplate('https://{s}.tile.example.org/{z}/{x}/{y}{r}.png')).toBe(true);
    expect(isTileTemplate('http://127.0.0.1:4567/{z}/{x}/{y}.png')).toBe(true);
    expect(isTileTemplate('https://tile.example.org/{z}/{x}.png')).toBe(false);
    expect(isTileTemplate('javascript:{z}{x}{y}')).toBe(false);
    expect(isTileTemplate('https://a/{z}/{x}/{y}.png?key={apikey}')).toBe(false);
    expect(isTileTemplate('https://user:pw@a/{z}/{x}/{y}.png')).toBe(false);
  });

  it('allows the tile host in img-src only, a {s} subdomain as its wildcard', () => {
    expect(tileImageSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://tile.openstreetmap.org',
    );
    expect(tileImageSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.example.org',
    );
    expect(tileImageSource('http://127.0.0.1:4567/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:4567');
    const csp = contentSecurityPolicy(undefined, ['https://tile.openstreetmap.org']);
    expect(csp).toContain("img-src 'self' blob: https://tile.openstreetmap.org;");
    expect(csp).toContain("connect-src 'self';");
    expect(contentSecurityPolicy()).toContain("img-src 'self' blob:;");
  });
});
