/** Key prefixes in the document bucket; keys are always built by the server, never from a file name. */
export const UPLOAD_PREFIX = 'uploads/';
export const CERTIFICATE_PREFIX = 'certificates/';
/** Verified documents of a submitted dossier are copied here; nothing here expires. */
export const DOSSIER_PREFIX = 'dossiers/';

/** The photos members chose for their public pages (issue 16), copied here once checked; served by the directory. */
export const MEMBER_PREFIX = 'members/';
/** A member's public photo, named by its id (a dossier document's, or an upload's). */
export const memberPhotoKey = (slug: string, photoId: string): string => `${MEMBER_PREFIX}${slug}/${photoId}`;
/** Where a member's new photo is posted before it is checked; abandoned ones expire with the uploads. */
export const memberUploadKey = (slug: string, photoId: string): string =>
  `${UPLOAD_PREFIX}${MEMBER_PREFIX}${slug}/${photoId}`;

/** Where a certificate's PDF lives: named by its verification id, never by anything a user typed. */
export const certificatePdfKey = (certificateId: string): string =>
  `${CERTIFICATE_PREFIX}${certificateId}.pdf`;
