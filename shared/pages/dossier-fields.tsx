import { DOSSIER_FIELDS, type Dossier } from '../domain/dossier.ts';
import {
  CREATIVE_FIELD_LABELS,
  FIELD_LABELS,
  OWNERSHIP_LABELS,
  SPACE_TYPE_LABELS,
} from '../domain/form-labels.ts';
import { wardByCode } from '../domain/wards.ts';
import type { Lang } from '../i18n/lang.ts';

/** A field's value as a person reads it: labels for codes, wards by name, lists joined. */
export function fieldText(d: Dossier, path: string, lang: Lang): string {
  const [group, key] = path.split('.') as ['space' | 'representative', string];
  const value = (d.form[group] as Record<string, unknown> | undefined)?.[key];
  if (value === undefined || value === null || value === '') return '—';
  if (path === 'space.ownership')
    return OWNERSHIP_LABELS[value as keyof typeof OWNERSHIP_LABELS]?.[lang] ?? String(value);
  if (path === 'space.spaceType')
    return SPACE_TYPE_LABELS[value as keyof typeof SPACE_TYPE_LABELS]?.[lang] ?? String(value);
  if (path === 'space.wardCode') return wardByCode(String(value))?.name ?? String(value);
  if (path === 'space.creativeFields')
    return (value as string[])
      .map((f) => CREATIVE_FIELD_LABELS[f as keyof typeof CREATIVE_FIELD_LABELS]?.[lang] ?? f)
      .join(', ');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Every form field of a dossier with its label, as reviewers and coordinators read it. */
export function DossierFieldList({ d, lang }: { d: Dossier; lang: Lang }) {
  return (
    <section class="card">
      <dl>
        {DOSSIER_FIELDS.map((path) => (
          <>
            <dt>{FIELD_LABELS[path]?.[lang] ?? path}</dt>
            <dd>{fieldText(d, path, lang)}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}
