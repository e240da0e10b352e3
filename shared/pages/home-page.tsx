import { deadlineOf, type Round } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { Layout, renderPage } from './layout.tsx';

/** The home page: the current call and the application form. */
export function renderHomePage(props: { lang: Lang; round: Round; now: Date }) {
  const { lang, round } = props;
  return renderPage(
    <Layout lang={lang} title={round.name[lang]}>
      <h1>{round.name[lang]}</h1>
      <p>{round.intro[lang]}</p>
      <p class="deadline">
        {lang === 'vi' ? 'Hạn nộp hồ sơ: ' : 'Deadline: '}
        <time dateTime={deadlineOf(round).toISOString()}>{formatIct(deadlineOf(round))}</time>
        {lang === 'vi' ? ' (giờ Hà Nội, UTC+7)' : ' (Hanoi time, UTC+7)'}
      </p>
    </Layout>,
  );
}
