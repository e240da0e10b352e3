import { asset } from './assets.ts';

/** The scripts a page with PDF frames adds: pdf-preview.js, which loads pdf.js itself when a frame is near. */
export const PDF_PREVIEW_SCRIPT = 'pdf-preview' as const;

/** Where pdf-preview.js finds pdf.js and its worker (hashed assets, fetched only when a PDF is near). */
export const pdfLibrary = () => ({ 'data-pdfjs': asset('pdfjs'), 'data-pdf-worker': asset('pdfjs-worker') });

/**
 * A frame where pdf-preview.js draws the first page of the PDF at `url` (a presigned GET) as an image with
 * `alt`; hidden until drawn, so without JavaScript, or for a PDF it cannot read, the link beside it is all.
 */
export function PdfFrame({ url, alt, class: extra }: { url: string; alt: string; class?: string }) {
  return (
    <div class={`doc-preview pdf-preview${extra ? ` ${extra}` : ''}`} data-pdf={url} data-alt={alt} hidden />
  );
}
