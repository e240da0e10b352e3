import { describe, expect, it } from 'vitest';
import { senderAddress } from '../../shared/adapters/ses/mailer.ts';
import { deriveLinkId, newLinkId, newSecret } from '../../shared/domain/secrets.ts';

/** Decodes RFC 2047 B-encoded words, as a mail client shows the sender. */
const decodeWords = (s: string) =>
  s.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

describe('sender address (offline)', () => {
  it('encodes a Vietnamese display name as RFC 2047 words that decode back, keeping the address as is', () => {
    const from = senderAddress('Mạng lưới Không gian Sáng tạo Hà Nội <no-reply@kgst.hanoi.gov.vn>');
    expect(from).toMatch(/^[\x20-\x7e]+$/); // ASCII only, as SES wants the header
    expect(from.endsWith(' <no-reply@kgst.hanoi.gov.vn>')).toBe(true);
    expect(decodeWords(from.replace(/ <[^>]+>$/, ''))).toBe('Mạng lưới Không gian Sáng tạo Hà Nội');
  });

  it('leaves an ASCII name and a bare address alone', () => {
    expect(senderAddress('KGST Hanoi <a@b.vn>')).toBe('KGST Hanoi <a@b.vn>');
    expect(senderAddress(' a@b.vn ')).toBe('a@b.vn');
  });
});

describe('bulk email link ids (offline)', () => {
  it('are the same for one recipient and email on every run, and differ across recipients, emails and salts', () => {
    const salt = newSecret();
    const id = deriveLinkId(salt, 'invitation', 'round-2025', 'dossier-1');
    expect(deriveLinkId(salt, 'invitation', 'round-2025', 'dossier-1')).toBe(id);
    expect(id).toMatch(/^[\w-]{12}$/);
    expect(id.length).toBe(newLinkId().length);
    const others = [
      deriveLinkId(salt, 'invitation', 'round-2025', 'dossier-2'),
      deriveLinkId(salt, 'deadline-reminder', 'round-2025', 'dossier-1'),
      deriveLinkId(salt, 'invitation', 'round-2026', 'dossier-1'),
      deriveLinkId(newSecret(), 'invitation', 'round-2025', 'dossier-1'),
      // Parts are separated, so shifting text between them gives another id.
      deriveLinkId(salt, 'invitation', 'round-2025d', 'ossier-1'),
    ];
    expect(new Set([id, ...others]).size).toBe(6);
  });
});
