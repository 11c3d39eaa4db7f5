/** Type declarations for the untyped password-hash libraries kubelab uses. */
declare module 'apache-md5' {
  /** Apache `$apr1$` (or `$1$` when the salt says so) MD5 crypt; the salt may be a whole previous hash. */
  export default function md5(password: string, salt?: string): string;
}
declare module 'unix-crypt-td-js' {
  /** Traditional DES crypt(3) with a two-character salt. */
  export default function crypt(password: string, salt: string): string;
}
