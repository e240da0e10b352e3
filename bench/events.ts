import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutItemCommand } from 'dynamodb-toolbox';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators.ts';
import { SEED_VENUES } from '../infra/local/seed.ts';
import { LOCAL_TABLE } from '../infra/local/system.ts';
import { Store } from '../shared/adapters/dynamodb/store.ts';
import { type Activity, addMonths } from '../shared/domain/activity.ts';
import { addDays, ictDay } from '../shared/domain/time.ts';
import { figure, pct, pool, recordFigures } from './lib.ts';
import { startBenchSystem } from './system.ts';

/** Activities seeded over the coming year (issue 16's benchmark). */
const ACTIVITIES = 5_000;
/** A year at the network's own pace: about one approved activity a day across the Centre's and the Museum's venues. */
const YEAR_AT_NETWORK_PACE = 365;
const PAGE_REQUESTS = 100;
const WARM_UP = 5;

/** An approved activity as the activities function stores it, on day `i % 365` from tomorrow. */
function activity(i: number, today: string, prefix: string): Activity {
  const venue = SEED_VENUES[i % SEED_VENUES.length]!;
  const day = addDays(today, 1 + (i % 365));
  const hour = String(8 + (i % 8)).padStart(2, '0');
  const at = new Date().toISOString();
  return {
    id: `act-${prefix}-${i}`,
    dossierId: `bench-member-${i % 1000}`,
    memberName: `Không gian Sáng tạo Thử tải số ${i % 1000}`,
    memberEmail: `member${i % 1000}@example.vn`,
    venueId: venue.id,
    venueName: venue.name,
    start: `${day}T${hour}:00`,
    end: `${day}T${hour}:30`,
    titleVi: `Hội thảo nghệ thuật đương đại số ${i}`,
    titleEn: `Contemporary art talk no. ${i}`,
    description:
      'Buổi nói chuyện về nghệ thuật đương đại Hà Nội, giao lưu với nghệ sĩ và khán giả; vào cửa tự do, đăng ký trước.',
    attendance: 30,
    contactName: 'Nguyễn Văn An',
    contactPhone: '0912345678',
    needsPermit: false,
    permitObtained: false,
    status: 'approved',
    sequence: 0,
    createdAt: at,
    updatedAt: at,
    history: [{ at, by: 'bench', action: 'approved' }],
  };
}

async function timed(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

export async function runEventsBench() {
  const { system, dataDir } = await startBenchSystem('events');
  try {
    const store = new Store(
      DynamoDBDocumentClient.from(
        new DynamoDBClient({
          region: LOCAL_REGION,
          credentials: LOCAL_CREDENTIALS,
          endpoint: system.urls.dynamo,
        }),
      ),
      LOCAL_TABLE,
    );
    const put = (a: Activity) => store.entities.activity.build(PutItemCommand).item(a).send();
    const today = ictDay(new Date());

    // 1. A year at the network's pace: the feed's size.
    await pool(YEAR_AT_NETWORK_PACE, 20, (i) => put(activity(i, today, 'pace')));
    const paced = await timed(`${system.urls.site}/su-kien.ics`);

    // 2. 5,000 activities over the year: the calendar page of its busiest month, and the feed at that load.
    const t0 = performance.now();
    await pool(ACTIVITIES - YEAR_AT_NETWORK_PACE, 20, (i) => put(activity(i, today, 'load')));
    const seedSeconds = (performance.now() - t0) / 1000;
    const month = addMonths(today.slice(0, 7), 1);
    const page = `${system.urls.site}/su-kien?thang=${month}`;
    for (let i = 0; i < WARM_UP; i++) await timed(page);
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < PAGE_REQUESTS; i++) {
      const r = await timed(page);
      if (r.status !== 200)
        throw new Error(`/su-kien answered ${r.status}: ${await (await fetch(page)).text()}`);
      samples.push(r.ms);
    }
    rows = ((await (await fetch(page)).text()).match(/data-activity=/g) ?? []).length;
    const loaded = await timed(`${system.urls.site}/su-kien.ics`);

    const p95 = pct(samples, 95);
    console.log(
      `events: seeded ${ACTIVITIES} approved activities over a year in ${seedSeconds.toFixed(1)} s; /su-kien?thang=${month} (${rows} activities) p50 ${pct(samples, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal ≤ 100 ms)`,
    );
    console.log(
      `events: /su-kien.ics for a year at the network's pace (${YEAR_AT_NETWORK_PACE} activities): ${(paced.bytes / 1024).toFixed(1)} KB (goal ≤ 200 KB), ${(paced.bytes / YEAR_AT_NETWORK_PACE).toFixed(0)} bytes an event; with all ${ACTIVITIES}: ${(loaded.bytes / 1024).toFixed(0)} KB in ${loaded.ms.toFixed(0)} ms`,
    );
    recordFigures('events', {
      calendarPageP95: figure(p95, 'ms', { max: 100 }),
      calendarPageRows: figure(rows, 'activities'),
      feedYearAtNetworkPace: figure(paced.bytes / 1024, 'KB', { max: 200 }),
      feedBytesPerEvent: figure(paced.bytes / YEAR_AT_NETWORK_PACE, 'bytes'),
      feedAt5000: figure(loaded.bytes / 1024, 'KB'),
    });
  } finally {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEventsBench();
