/** Key prefixes in the document bucket; keys are always built by the server, never from a file name. */
export const UPLOAD_PREFIX = 'uploads/';
export const CERTIFICATE_PREFIX = 'certificates/';
/** Verified documents of a submitted dossier are copied here; nothing here expires. */
export const DOSSIER_PREFIX = 'dossiers/';

/** Where a certificate's PDF lives: named by its verification id, never by anything a user typed. */
export const certificatePdfKey = (certificateId: string): string =>
  `${CERTIFICATE_PREFIX}${certificateId}.pdf`;
