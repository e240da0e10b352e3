import type * as PdfJs from 'pdfjs-dist';

/**
 * The first page of each PDF on the page, drawn as an image in its frame (`[data-pdf]`, hidden until drawn):
 * pdf.js and its worker (hashed assets, their URLs on `[data-pdfjs]`) are fetched only once a frame comes near
 * the screen, and never on a page without one. Without JavaScript, or if a PDF cannot be drawn, the frame
 * stays hidden and the document's link beside it is all there is.
 */
const host = document.querySelector<HTMLElement>('[data-pdfjs]');
const frames = Array.from(document.querySelectorAll<HTMLElement>('[data-pdf]'));

let library: Promise<typeof PdfJs> | undefined;
function pdfjs(): Promise<typeof PdfJs> {
  library ??= (import(host!.dataset.pdfjs!) as Promise<typeof PdfJs>).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = host!.dataset.pdfWorker!;
    return lib;
  });
  return library;
}

/** A crisp picture at the frame's width on this screen, never more than twice the page's own size. */
const scaleFor = (frameWidth: number, pageWidth: number) =>
  Math.min(2, (Math.max(frameWidth, 120) * (window.devicePixelRatio || 1)) / pageWidth);

async function draw(frame: HTMLElement): Promise<void> {
  const lib = await pdfjs();
  // No eval (the CSP has no 'unsafe-eval'); one plain GET of the presigned link.
  const doc = await lib.getDocument({
    url: frame.dataset.pdf!,
    isEvalSupported: false,
    disableAutoFetch: true,
  }).promise;
  try {
    const page = await doc.getPage(1);
    frame.hidden = false;
    const viewport = page.getViewport({
      scale: scaleFor(frame.clientWidth, page.getViewport({ scale: 1 }).width),
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('canvas gave no image');
    const img = document.createElement('img');
    img.alt = frame.dataset.alt ?? '';
    img.src = URL.createObjectURL(blob);
    frame.replaceChildren(img);
    frame.dataset.rendered = 'true';
  } finally {
    void doc.destroy();
  }
}

function start(frame: HTMLElement) {
  draw(frame).catch(() => {
    // Not a PDF pdf.js can read, or the link expired: the link beside it still downloads it.
    frame.hidden = true;
    frame.dataset.rendered = 'failed';
  });
}

if (host && frames.length) {
  if ('IntersectionObserver' in window) {
    // A hidden frame has no box to intersect: watch the document item that holds it.
    const byItem = new Map<Element, HTMLElement>(frames.map((f) => [f.parentElement ?? f, f]));
    const watch = new IntersectionObserver(
      (entries) => {
        for (const e of entries)
          if (e.isIntersecting) {
            watch.unobserve(e.target);
            start(byItem.get(e.target)!);
          }
      },
      { rootMargin: '300px 0px' },
    );
    for (const item of byItem.keys()) watch.observe(item);
  } else for (const frame of frames) start(frame);
}
