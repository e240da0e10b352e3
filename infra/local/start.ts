import * as path from 'node:path';
import { assertPortFree, LocalSetupError } from './ports.ts';
import { startLocalSystem } from './system.ts';

/** `npm start`: the whole system on this machine, data kept under .data/ across restarts. */
async function main() {
  const started = Date.now();
  const base = Number(process.env.PORT_BASE ?? 3000);
  const ports = { api: base, ses: base + 5, s3: base + 6, dynamo: base + 7, sfn: base + 8 };
  for (const [what, port] of Object.entries(ports)) await assertPortFree(port, what);
  const system = await startLocalSystem({
    dataDir: path.resolve(import.meta.dirname, '..', '..', '.data'),
    persistDynamo: true,
    ports,
    scheduler: true,
    ...(process.env.DIRECTORY_TILE_URL
      ? {
          directoryTiles: {
            url: process.env.DIRECTORY_TILE_URL,
            attribution: process.env.DIRECTORY_TILE_ATTRIBUTION,
          },
        }
      : {}),
    log: (line) => console.log(`  · ${line}`),
  });
  const { urls } = system;
  console.log(`
Mạng lưới Không gian Sáng tạo Hà Nội — chạy cục bộ / running locally (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Trang đăng ký · Applicant site     ${urls.site}
  Hộp thư cục bộ · Local mailbox     ${urls.mailbox}
  Điều phối · Coordinator dashboard  ${urls.admin}
  Công việc định kỳ · Local jobs     ${urls.jobs}

Dữ liệu lưu ở .data/ · Data is kept in .data/ — Ctrl+C để dừng / to stop.
`);
  const shutdown = async () => {
    console.log('\nĐang dừng… · Stopping…');
    await system.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  if (err instanceof LocalSetupError) console.error(`\n✗ ${err.message}\n`);
  else console.error(err);
  process.exit(1);
});
