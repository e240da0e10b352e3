/** Search key: lower case, diacritics folded, đ→d, spaces collapsed ("Văn Miếu" → "van mieu"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** NFC, trimmed, inner whitespace collapsed: how every name is stored. */
export const cleanText = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();
