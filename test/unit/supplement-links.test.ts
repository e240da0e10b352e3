import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/domain/dossier.ts';
import { checkLink, type Link, usedLink } from '../../shared/domain/links.ts';
import { hashSecret, newLinkId, newSecret } from '../../shared/domain/secrets.ts';
import { supplementLinkRefusal } from '../../shared/usecases/intake.ts';

const NOW = new Date('2025-10-01T03:00:00.000Z');
const secret = newSecret();
const REQUESTED_AT = '2025-09-30T02:00:00.000Z';

/** The supplement link emailed with the request, due in two days. */
const link = (over: Partial<Link> = {}): Link => ({
  linkId: newLinkId(),
  secretHash: hashSecret(secret),
  purpose: 'supplement',
  dossierId: 'dossier-1',
  person: 'dai.dien@example.vn',
  expiresAt: Math.floor(NOW.getTime() / 1000) + 2 * 86400,
  createdAt: '2025-09-30T02:00:01.000Z',
  ...over,
});

const dossier = (over: Partial<Dossier> = {}) =>
  ({
    id: 'dossier-1',
    status: 'supplement_requested',
    supplement: {
      items: ['documents.photos'],
      comment: 'Cần ảnh mặt tiền',
      requestedBy: 'thamdinh@kgst.test',
      requestedAt: REQUESTED_AT,
      dueAt: '2025-10-02T16:59:59.999Z',
    },
    ...over,
  }) as Dossier;

const found = (l: Link, now = NOW) => {
  const check = checkLink(l, 'supplement', secret, now);
  if (check.kind === 'refused') throw new Error('refused');
  return check;
};

describe('supplement links: which ones open the request (offline)', () => {
  it('opens the open request again and again: opening is not a use', () => {
    const l = link();
    expect(supplementLinkRefusal(found(l), dossier())).toBeUndefined();
    expect(supplementLinkRefusal(found(l), dossier())).toBeUndefined();
  });

  it('offers a new link for a used, an expired, or an earlier request’s link while the dossier waits', () => {
    const used = usedLink(link(), 'dai.dien@example.vn', 'opened', NOW);
    const expired = link({ expiresAt: Math.floor(NOW.getTime() / 1000) - 60 });
    const earlier = link({ createdAt: '2025-09-20T02:00:00.000Z' });
    const answers = [used, expired, earlier].map((l) => supplementLinkRefusal(found(l), dossier()));
    expect(answers.map((a) => a?.resend)).toEqual([true, true, true]);
    expect(answers[0]?.refused.vi).toContain('đã được dùng lúc 01/10/2025 10:00');
    expect(answers[1]?.refused.vi).toContain('đã hết hạn lúc 01/10/2025 09:59');
    expect(answers[2]?.refused.vi).toContain('yêu cầu bổ sung trước');
  });

  it('offers nothing once the request is answered or closed', () => {
    for (const d of [
      dossier({ status: 'submitted', supplement: undefined }),
      dossier({ status: 'incomplete' }),
    ])
      expect(supplementLinkRefusal(found(link()), d)).toEqual({
        refused: expect.objectContaining({ vi: expect.stringContaining('đã được trả lời') }),
        resend: false,
      });
  });
});
