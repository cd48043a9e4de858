/** Hands out time-limited URLs a browser or script can PUT one object to, without credentials. */
export interface UploadUrlSigner {
  signUpload(request: {
    key: string;
    contentType?: string;
    expiresInSeconds: number;
  }): Promise<string>;
}
