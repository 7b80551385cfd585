/**
 * Debian bookworm packages as measured on top of debian:bookworm-slim: the closure apt installs
 * with and without recommends (package names and summed Installed-Size), and where recorded the
 * real layer size of `apt-get install` of that package. Source: the project's reference data
 * (deb-sizes.json), measured 2026-11-23 with buildah on a local reconstruction of bookworm-slim from the
 * Debian mirror; Installed-Size from apt-cache show (KiB).
 */
export interface DebianPackage {
  name: string;
  alreadyInSlim: boolean;
  noRecommends: { packages: string[]; installedKiB: number };
  withRecommends: { packages: string[]; installedKiB: number };
  /** Uncompressed tar bytes of a real `apt-get install --no-install-recommends` layer (lists removed), when measured. */
  measuredLayerBytes: number | null;
  measuredGzipBytes: number | null;
}

/** Bytes `apt-get update` leaves in /var/lib/apt/lists on bookworm (official images keep indexes gzipped): measured 19868756 bytes in 7 files. */
export const APT_LISTS_BYTES = 19868756;
export const APT_LISTS_FILES = 7;
/** Measured layer of `apt-get update` alone (uncompressed tar, gzip). */
export const APT_UPDATE_LAYER = { tarBytes: 19866624, gzipBytes: 16705405 };
/**
 * Fixed cost of any apt-get install layer on the slim base (dpkg status rewritten whole, logs,
 * debconf cache, tar headers): "~0.21-0.25 MB even for a 37 KB package" (measured dumb-init layer
 * 249,344 tar bytes).
 */
export const APT_INSTALL_OVERHEAD_BYTES = 230000;

export const DEBIAN_PACKAGES: readonly DebianPackage[] = [
  {
    name: "ca-certificates",
    alreadyInSlim: false,
    noRecommends: { packages: ["libssl3", "openssl", "ca-certificates"], installedKiB: 8745 },
    withRecommends: { packages: ["libssl3", "openssl", "ca-certificates"], installedKiB: 8745 },
    measuredLayerBytes: 9611264,
    measuredGzipBytes: 3644413,
  },
  {
    name: "curl",
    alreadyInSlim: false,
    noRecommends: { packages: ["libbrotli1", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libssl3", "libkrb5-3", "libgssapi-krb5-2", "libsasl2-modules-db", "libsasl2-2", "libldap-2.5-0", "libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1", "libcurl4", "curl"], installedKiB: 11703 },
    withRecommends: { packages: ["libssl3", "openssl", "ca-certificates", "krb5-locales", "libbrotli1", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libkrb5-3", "libgssapi-krb5-2", "libsasl2-modules-db", "libsasl2-2", "libldap-2.5-0", "libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1", "libcurl4", "curl", "libldap-common", "libsasl2-modules", "publicsuffix"], installedKiB: 15394 },
    measuredLayerBytes: 11454976,
    measuredGzipBytes: 4837423,
  },
  {
    name: "wget",
    alreadyInSlim: false,
    noRecommends: { packages: ["libpsl5", "wget"], installedKiB: 3617 },
    withRecommends: { packages: ["libssl3", "openssl", "ca-certificates", "libpsl5", "wget", "publicsuffix"], installedKiB: 12701 },
    measuredLayerBytes: 824320,
    measuredGzipBytes: 367203,
  },
  {
    name: "git",
    alreadyInSlim: false,
    noRecommends: { packages: ["perl-base", "perl-modules-5.36", "libgdbm6", "libgdbm-compat4", "libperl5.36", "perl", "libbrotli1", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libssl3", "libkrb5-3", "libgssapi-krb5-2", "libsasl2-modules-db", "libsasl2-2", "libldap-2.5-0", "libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1", "libcurl3-gnutls", "libexpat1", "liberror-perl", "git-man", "git"], installedKiB: 113894 },
    withRecommends: { packages: ["perl-base", "perl-modules-5.36", "libgdbm6", "libgdbm-compat4", "libperl5.36", "perl", "less", "netbase", "libssl3", "openssl", "ca-certificates", "krb5-locales", "libbsd0", "libedit2", "libcbor0.8", "libfido2-1", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libkrb5-3", "libgssapi-krb5-2", "openssh-client", "libbrotli1", "libsasl2-modules-db", "libsasl2-2", "libldap-2.5-0", "libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1", "libcurl3-gnutls", "libexpat1", "liberror-perl", "git-man", "git", "libldap-common", "libsasl2-modules", "libxau6", "libxdmcp6", "libxcb1", "libx11-data", "libx11-6", "libxext6", "libxmuu1", "patch", "publicsuffix", "xauth"], installedKiB: 128579 },
    measuredLayerBytes: 100895744,
    measuredGzipBytes: 36092700,
  },
  {
    name: "python3",
    alreadyInSlim: false,
    noRecommends: { packages: ["libssl3", "libpython3.11-minimal", "libexpat1", "python3.11-minimal", "python3-minimal", "media-types", "libncursesw6", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libkrb5-3", "libgssapi-krb5-2", "libtirpc-common", "libtirpc3", "libnsl2", "readline-common", "libreadline8", "libsqlite3-0", "libpython3.11-stdlib", "python3.11", "libpython3-stdlib", "python3"], installedKiB: 32710 },
    withRecommends: { packages: ["libssl3", "libpython3.11-minimal", "libexpat1", "python3.11-minimal", "python3-minimal", "media-types", "libncursesw6", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libkrb5-3", "libgssapi-krb5-2", "libtirpc-common", "libtirpc3", "libnsl2", "readline-common", "libreadline8", "libsqlite3-0", "libpython3.11-stdlib", "python3.11", "libpython3-stdlib", "python3", "openssl", "ca-certificates", "krb5-locales", "libgpm2"], installedKiB: 35731 },
    measuredLayerBytes: 44641280,
    measuredGzipBytes: 15957413,
  },
  {
    name: "build-essential",
    alreadyInSlim: false,
    noRecommends: { packages: ["perl-base", "perl-modules-5.36", "libgdbm6", "libgdbm-compat4", "libperl5.36", "perl", "liblzma5", "bzip2", "xz-utils", "binutils-common", "libbinutils", "libctf-nobfd0", "libctf0", "libgprofng0", "libjansson4", "binutils-x86-64-linux-gnu", "binutils", "libc-dev-bin", "linux-libc-dev", "libcrypt-dev", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libssl3", "libkrb5-3", "libgssapi-krb5-2", "libtirpc-common", "libtirpc3", "libnsl2", "libtirpc-dev", "libnsl-dev", "rpcsvc-proto", "libc6-dev", "libisl23", "libmpfr6", "libmpc3", "cpp-12", "cpp", "libcc1-0", "libgomp1", "libitm1", "libatomic1", "libasan8", "liblsan0", "libtsan2", "libubsan1", "libquadmath0", "libgcc-12-dev", "gcc-12", "gcc", "libstdc++-12-dev", "g++-12", "g++", "make", "libdpkg-perl", "patch", "dpkg-dev", "build-essential"], installedKiB: 323378 },
    withRecommends: { packages: ["perl-base", "perl-modules-5.36", "libgdbm6", "libgdbm-compat4", "libperl5.36", "perl", "liblocale-gettext-perl", "liblzma5", "netbase", "readline-common", "bzip2", "krb5-locales", "manpages", "xz-utils", "binutils-common", "libbinutils", "libctf-nobfd0", "libctf0", "libgprofng0", "libjansson4", "binutils-x86-64-linux-gnu", "binutils", "libc-dev-bin", "linux-libc-dev", "libcrypt-dev", "libkrb5support0", "libk5crypto3", "libkeyutils1", "libssl3", "libkrb5-3", "libgssapi-krb5-2", "libtirpc-common", "libtirpc3", "libnsl2", "libtirpc-dev", "libnsl-dev", "rpcsvc-proto", "libc6-dev", "libisl23", "libmpfr6", "libmpc3", "cpp-12", "cpp", "libcc1-0", "libgomp1", "libitm1", "libatomic1", "libasan8", "liblsan0", "libtsan2", "libubsan1", "libquadmath0", "libgcc-12-dev", "gcc-12", "gcc", "libstdc++-12-dev", "g++-12", "g++", "make", "libdpkg-perl", "patch", "dpkg-dev", "build-essential", "libassuan0", "libreadline8", "gpgconf", "libksba8", "libsasl2-modules-db", "libsasl2-2", "libldap-2.5-0", "libnpth0", "dirmngr", "libfakeroot", "fakeroot", "fonts-dejavu-core", "fontconfig-config", "gnupg-l10n", "gnupg-utils", "libsqlite3-0", "gpg", "libncursesw6", "pinentry-curses", "gpg-agent", "gpg-wks-client", "gpg-wks-server", "gpgsm", "gnupg", "libabsl20220623", "libalgorithm-diff-perl", "libalgorithm-diff-xs-perl", "libalgorithm-merge-perl", "libaom3", "libdav1d6", "libgav1-1", "librav1e0", "libsvtav1enc1", "libjpeg62-turbo", "libyuv0", "libavif15", "libbrotli1", "libbsd0", "libexpat1", "libpng16-16", "libfreetype6", "libfontconfig1", "libde265-0", "libnuma1", "libx265-199", "libheif1", "libdeflate0", "libjbig0", "liblerc4", "libwebp7", "libtiff6", "libxau6", "libxdmcp6", "libxcb1", "libx11-data", "libx11-6", "libxpm4", "libgd3", "libc-devtools", "libfile-fcntllock-perl", "libgpm2", "libldap-common", "libsasl2-modules", "manpages-dev"], installedKiB: 400634 },
    measuredLayerBytes: 308218880,
    measuredGzipBytes: 105533479,
  },
  {
    name: "tini",
    alreadyInSlim: false,
    noRecommends: { packages: ["tini"], installedKiB: 731 },
    withRecommends: { packages: ["tini"], installedKiB: 731 },
    measuredLayerBytes: 966144,
    measuredGzipBytes: 401633,
  },
  {
    name: "dumb-init",
    alreadyInSlim: false,
    noRecommends: { packages: ["dumb-init"], installedKiB: 37 },
    withRecommends: { packages: ["dumb-init"], installedKiB: 37 },
    measuredLayerBytes: 249344,
    measuredGzipBytes: 65040,
  },
  {
    name: "nodejs",
    alreadyInSlim: false,
    noRecommends: { packages: ["libbrotli1", "libc-ares2", "libicu72", "libnghttp2-14", "libssl3", "libuv1", "node-xtend", "nodejs", "node-acorn", "node-cjs-module-lexer", "node-busboy", "node-undici", "libnode108"], installedKiB: 96707 },
    withRecommends: { packages: ["libssl3", "openssl", "ca-certificates", "libbrotli1", "libc-ares2", "libicu72", "libnghttp2-14", "libuv1", "node-xtend", "nodejs", "node-acorn", "node-cjs-module-lexer", "node-busboy", "node-undici", "libnode108", "nodejs-doc"], installedKiB: 114587 },
    measuredLayerBytes: 98632192,
    measuredGzipBytes: 36051492,
  },
  {
    name: "openssl",
    alreadyInSlim: false,
    noRecommends: { packages: ["libssl3", "openssl"], installedKiB: 8357 },
    withRecommends: { packages: ["libssl3", "openssl"], installedKiB: 8357 },
    measuredLayerBytes: 7221760,
    measuredGzipBytes: 2930090,
  },
  {
    name: "libssl3",
    alreadyInSlim: false,
    noRecommends: { packages: ["libssl3"], installedKiB: 6042 },
    withRecommends: { packages: ["libssl3"], installedKiB: 6042 },
    measuredLayerBytes: 6156800,
    measuredGzipBytes: 2499258,
  },
  {
    name: "gnupg",
    alreadyInSlim: false,
    noRecommends: { packages: ["readline-common", "libassuan0", "libreadline8", "gpgconf", "libksba8", "libsasl2-modules-db", "libsasl2-2", "libldap-2.5-0", "libnpth0", "dirmngr", "gnupg-l10n", "gnupg-utils", "libsqlite3-0", "gpg", "libncursesw6", "pinentry-curses", "gpg-agent", "gpg-wks-client", "gpg-wks-server", "gpgsm", "gnupg"], installedKiB: 19074 },
    withRecommends: { packages: ["readline-common", "libassuan0", "libreadline8", "gpgconf", "libksba8", "libsasl2-modules-db", "libsasl2-2", "libldap-2.5-0", "libnpth0", "dirmngr", "gnupg-l10n", "gnupg-utils", "libsqlite3-0", "gpg", "libncursesw6", "pinentry-curses", "gpg-agent", "gpg-wks-client", "gpg-wks-server", "gpgsm", "gnupg", "libgpm2", "libldap-common", "libsasl2-modules"], installedKiB: 19495 },
    measuredLayerBytes: 9926144,
    measuredGzipBytes: 4551158,
  },
  {
    name: "netbase",
    alreadyInSlim: false,
    noRecommends: { packages: ["netbase"], installedKiB: 36 },
    withRecommends: { packages: ["netbase"], installedKiB: 36 },
    measuredLayerBytes: 256000,
    measuredGzipBytes: 66949,
  },
];
