import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutItemCommand } from 'dynamodb-toolbox';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators.ts';
import { LOCAL_TABLE } from '../infra/local/system.ts';
import { Members } from '../shared/adapters/dynamodb/members.ts';
import { Store } from '../shared/adapters/dynamodb/store.ts';
import { CREATIVE_FIELDS, slugOf } from '../shared/domain/directory.ts';
import { WARDS } from '../shared/domain/wards.ts';
import { figure, pct, pool, recordFigures } from './lib.ts';
import { startBenchSystem } from './system.ts';

/** The figure: `/thanh-vien` with 1,000 members, p95 ≤ 100 ms locally. */
const MEMBERS = 1_000;
const GOAL_P95_MS = 100;
const WARMUP = 30;
const RUNS = 200;

const NAMES = [
  'Không gian Sáng tạo',
  'Xưởng Gốm',
  'Nhà hát Đàn Bầu',
  'Studio Thiết kế',
  'Phòng tranh Đương đại',
];

/**
 * `/thanh-vien` on the local system with 1,000 members seeded (each profile and its valid certificate, as
 * the approval writes them): the full list, a field filter and an accent-free search, each request timed
 * end to end over HTTP. A warm function reads the directory's version (one consistent GetItem) and keeps
 * the list while it stands; the last series moves the version before each request, so each reads every
 * profile and every certificate's status again (what the first request after a change pays).
 */
export async function runDirectoryBench() {
  const { system, dataDir } = await startBenchSystem('directory');
  try {
    const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: system.urls.dynamo }));
    const store = new Store(ddb, LOCAL_TABLE);
    const e = store.entities;
    const now = new Date().toISOString();
    const items = Array.from({ length: MEMBERS }, (_, i) => {
      const name = `${NAMES[i % NAMES.length]} ${i}`;
      const certificateId = `benchcert${String(i).padStart(13, '0')}`;
      const member = e.member
        .build(PutItemCommand)
        .item({
          slug: slugOf(name),
          dossierId: `bench-dir-${i}`,
          certificateId,
          email: `member${i}@example.vn`,
          name,
          fields: [CREATIVE_FIELDS[i % CREATIVE_FIELDS.length]!],
          wardCode: WARDS[i % WARDS.length]!.code,
          street: `${i} phố Hàng Bồ`,
          descriptionVi:
            'Không gian triển lãm, workshop và biểu diễn âm nhạc hằng tuần; lớp học thủ công cho gia đình và trẻ em.',
          website: `https://member${i}.example.vn`,
          socialLinks: [`https://facebook.com/member${i}`],
          sortName: slugOf(name).replace(/-/g, ' '),
          createdAt: now,
          updatedAt: now,
        })
        .params().Item!;
      const certificate = e.certificate
        .build(PutItemCommand)
        .item({
          id: certificateId,
          dossierId: `bench-dir-${i}`,
          number: `${String(i + 1).padStart(4, '0')}/2026/GCN-KGST`,
          holderName: name,
          holderAddress: `${i} phố Hàng Bồ`,
          roundId: 'bench',
          roundName: { vi: 'Đợt thử', en: 'Bench round' },
          issuedAt: now,
          pdfKey: `certificates/${certificateId}.pdf`,
          status: 'valid',
        })
        .params().Item!;
      return [member, certificate];
    }).flat();
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    await pool(batches.length, 8, (b) =>
      ddb.send(
        new BatchWriteCommand({
          RequestItems: { [LOCAL_TABLE]: batches[b]!.map((Item) => ({ PutRequest: { Item } })) },
        }),
      ),
    );

    const time = async (query: string) => {
      const t = performance.now();
      const res = await fetch(`${system.urls.site}/thanh-vien${query}`);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`/thanh-vien${query}: ${res.status}`);
      return { ms: performance.now() - t, bytes: Buffer.byteLength(body) };
    };
    const members = new Members(store);
    /** `reload`: the directory's version moves before each request (a change), so each reads everything again. */
    const series = async (query: string, reload = false, runs_ = RUNS) => {
      for (let i = 0; i < WARMUP; i++) await time(query);
      const runs: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < runs_; i++) {
        if (reload) await members.changed();
        runs.push(await time(query));
      }
      const ms = runs.map((r) => r.ms);
      return { p50: pct(ms, 50), p95: pct(ms, 95), bytes: runs[0]!.bytes };
    };
    const list = await series('');
    const field = await series('?field=music');
    const search = await series(`?q=${encodeURIComponent('xuong gom 12')}`);
    const afterChange = await series('', true, 50);
    console.log(
      `directory: ${MEMBERS} members · /thanh-vien p95 ${list.p95.toFixed(1)} ms (p50 ${list.p50.toFixed(1)}, ${Math.round(list.bytes / 1024)} KB page) · ?field= p95 ${field.p95.toFixed(1)} ms · ?q= (no diacritics) p95 ${search.p95.toFixed(1)} ms · goal p95 ≤ ${GOAL_P95_MS} ms · right after a change (all read again) p95 ${afterChange.p95.toFixed(1)} ms`,
    );
    recordFigures('directory', {
      listP95Ms: figure(list.p95, 'ms', { max: GOAL_P95_MS }),
      listP50Ms: figure(list.p50, 'ms'),
      fieldFilterP95Ms: figure(field.p95, 'ms', { max: GOAL_P95_MS }),
      searchP95Ms: figure(search.p95, 'ms', { max: GOAL_P95_MS }),
      pageKb: figure(list.bytes / 1024, 'KB'),
      afterChangeP95Ms: figure(afterChange.p95, 'ms'),
    });
    return { list, field, search };
  } finally {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runDirectoryBench().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
