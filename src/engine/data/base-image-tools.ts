/**
 * What common base images ship: curl, wget, a shell, and the user they run as when a Dockerfile
 * sets none. Each fact comes from the image's own Dockerfile or documentation, cited beside it
 * (repository, path, commit). `null` means "not established": rules say nothing then.
 *
 * Rows are matched in order against a normalized reference: `repository` is the image name
 * without `docker.io/library/` (`node`, `gcr.io/distroless/static-debian12`), `tag` the tag
 * (`latest` when none is written). The first matching row wins.
 */

export interface BaseImageTools {
  /** Short label for messages, e.g. "node:*-slim". */
  label: string;
  repository: RegExp;
  tag: RegExp;
  curl: boolean | null;
  wget: boolean | null;
  /** `/bin/sh` present. */
  shell: boolean | null;
  /** The user the image runs as when the Dockerfile sets no USER. */
  user: 'root' | 'non-root' | null;
  /** A non-root user the image already creates, worth suggesting. */
  nonRootUser?: string;
  /** The image's ENTRYPOINT, when it is a language runtime (distroless nodejs runs node). */
  entrypoint?: string[];
  /** The image's own CMD (exec form), which a Dockerfile inherits when it sets neither CMD nor ENTRYPOINT. */
  cmd?: string[];
  /** Environment the image sets that tells where tools keep their caches. */
  env?: Record<string, string>;
  sources: string[];
}

const NODE_FULL =
  'nodejs/docker-node 24/bookworm/Dockerfile @f27d936f7d7ccdeec25cd2de33584c1a841f561d and 22/bullseye/Dockerfile (same commit): FROM buildpack-deps:bookworm / bullseye; creates user node (uid 1000); no USER instruction';
const NODE_SLIM =
  'nodejs/docker-node 24/bookworm-slim/Dockerfile @f27d936f7d7ccdeec25cd2de33584c1a841f561d: FROM debian:bookworm-slim; installs curl and wget to fetch Node.js, then `apt-mark auto` + `apt-get purge --auto-remove` removes them; creates user node (uid 1000); no USER';
const NODE_ALPINE =
  'nodejs/docker-node 24/alpine3.24/Dockerfile @f27d936f7d7ccdeec25cd2de33584c1a841f561d: FROM alpine:3.24; curl only in the `.build-deps` virtual package, removed by `apk del .build-deps`; creates user node (uid 1000); no USER';
const BUILDPACK_CURL =
  'docker-library/buildpack-deps debian/bookworm/curl/Dockerfile @8330ca1d2319b779c8b7a8aa64bb40dbe568e1e2: installs curl and wget on top of debian:bookworm (buildpack-deps:*-scm and the full variant build on it)';
const BUILDPACK_UBUNTU_CURL =
  'docker-library/buildpack-deps ubuntu/noble/curl/Dockerfile @8330ca1d2319b779c8b7a8aa64bb40dbe568e1e2: installs curl and wget on top of ubuntu:noble';
const PYTHON_FULL = 'docker-library/python 3.14/bookworm/Dockerfile @4f07059567fa61c80397126e8063dbbde011b794: FROM buildpack-deps:bookworm; no USER';
const PYTHON_SLIM =
  'docker-library/python 3.14/slim-trixie/Dockerfile @4f07059567fa61c80397126e8063dbbde011b794: FROM debian:trixie-slim; installs wget as a build dependency, then `apt-mark auto` + `apt-get purge --auto-remove` removes it; no USER';
const PYTHON_ALPINE =
  'docker-library/python 3.14/alpine3.24/Dockerfile @4f07059567fa61c80397126e8063dbbde011b794: FROM alpine:3.24; calls wget although no package it adds provides it (BusyBox wget of the Alpine base); no USER';
const GOLANG_FULL = 'docker-library/golang 1.27/bookworm/Dockerfile @7c8c182bfc19ee3169d0596ae63917d2c7166f94: final stage FROM buildpack-deps:bookworm-scm; ENV GOPATH /go; no USER';
const GOLANG_ALPINE =
  'docker-library/golang 1.27/alpine3.24/Dockerfile @7c8c182bfc19ee3169d0596ae63917d2c7166f94: final stage FROM alpine:3.24 adding only ca-certificates; ENV GOPATH /go; no USER';
const RUBY_FULL = 'docker-library/ruby 4.0/trixie/Dockerfile @d55e25ae709885250a4e9718c27a09f1e963ca79: FROM buildpack-deps:trixie; no USER';
const RUBY_SLIM =
  'docker-library/ruby 4.0/slim-trixie/Dockerfile @d55e25ae709885250a4e9718c27a09f1e963ca79: FROM debian:trixie-slim; wget only as a build dependency, purged with `apt-get purge --auto-remove`; no USER';
const RUBY_ALPINE =
  'docker-library/ruby 4.0/alpine3.23/Dockerfile @d55e25ae709885250a4e9718c27a09f1e963ca79: FROM alpine:3.23; calls wget without installing it (BusyBox wget); no USER';
const DEBIAN_SLIM =
  'docker-library/python 3.14/slim-trixie/Dockerfile @4f07059567fa61c80397126e8063dbbde011b794 must install wget on debian:trixie-slim, and ' + BUILDPACK_CURL;
const ALPINE =
  PYTHON_ALPINE + '; nodejs/docker-node 24/alpine3.24/Dockerfile @f27d936f7d7ccdeec25cd2de33584c1a841f561d has to add curl to alpine:3.24';
const NGINX_DEBIAN =
  'nginx/docker-nginx mainline/debian/Dockerfile @0d7f4380c735af5009aa364e27fafecd958fd4fa: installs curl with the nginx packages and keeps it; no USER (the master process runs as root)';
const NGINX_ALPINE = 'nginx/docker-nginx mainline/alpine/Dockerfile @0d7f4380c735af5009aa364e27fafecd958fd4fa: `apk add --no-cache curl ca-certificates`; no USER';
const NGINX_CMD =
  'nginx/docker-nginx mainline/alpine-slim/Dockerfile, mainline/alpine/Dockerfile (FROM nginx:alpine-slim) and mainline/debian/Dockerfile @0d7f4380c735af5009aa364e27fafecd958fd4fa: ENTRYPOINT ["/docker-entrypoint.sh"], which ends with `exec "$@"`, and CMD ["nginx", "-g", "daemon off;"]';
const NGINX_ALPINE_SLIM =
  'nginx/docker-nginx mainline/alpine-slim/Dockerfile @0d7f4380c735af5009aa364e27fafecd958fd4fa: FROM alpine:3.23; curl only in `.build-deps`, deleted; no USER';
const DISTROLESS =
  'GoogleContainerTools/distroless README.md @00121b687b7663d006341f499294294f4edf6ece: "do not contain package managers, shells or any other programs"; the :debug tags add a BusyBox shell';
const DISTROLESS_USER =
  'GoogleContainerTools/distroless base/base.bzl @057f0057e7cf1da576c12701cf0cd8bbe378ea48: the root variants run as uid 0, the nonroot variants as `user = NONROOT`; common/variables.bzl @2bbbfedeee0de1cc8a454196427c55283236cfc0: NONROOT = 65532';
const DISTROLESS_NODE = 'GoogleContainerTools/distroless nodejs/README.md @00b34e15e605abe08a72ea4ce9759d2338eaee34: "The entrypoint of this image is set to node"';
const CHAINGUARD =
  'chainguard-images/images BEST_PRACTICES.md @031ae34e77d7c641a27af2b789aa5f91332de3a1: "By default Images should run as a non-root user account" (uid 65532)';

const RUST_FULL =
  'rust-lang/docker-rust stable/bookworm/Dockerfile @55d711ee981b3bc6f4fa5fef577aa848c04832cc: FROM buildpack-deps:bookworm; ENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo; no USER';
const DOTNET_CHISELED =
  'dotnet/dotnet-docker documentation/ubuntu-chiseled.md @1599d257b58ef9c3aa2fc89a0cc87801d0bb603b: Ubuntu Chiseled images have a "Non-root user by default", "No package manager", "No shell"';

/** nginx in the foreground, so it stays the container's main process. */
const NGINX_FOREGROUND = ['nginx', '-g', 'daemon off;'];

const FULL_DEBIAN_TAG = /^(?!.*(?:slim|alpine|windows|nanoserver|servercore)).*$/;

export const BASE_IMAGE_TOOLS: readonly BaseImageTools[] = [
  // Distroless: no shell or programs; :nonroot tags run as 65532.
  {
    label: 'gcr.io/distroless/*:debug-nonroot',
    repository: /^gcr\.io\/distroless\//,
    tag: /^debug-nonroot$|-debug-nonroot$/,
    curl: false,
    wget: null,
    shell: true,
    user: 'non-root',
    sources: [DISTROLESS, DISTROLESS_USER],
  },
  {
    label: 'gcr.io/distroless/*:debug',
    repository: /^gcr\.io\/distroless\//,
    tag: /(^|-)debug$/,
    curl: false,
    wget: null,
    shell: true,
    user: 'root',
    sources: [DISTROLESS, DISTROLESS_USER],
  },
  {
    label: 'gcr.io/distroless/nodejs*:nonroot',
    repository: /^gcr\.io\/distroless\/nodejs/,
    tag: /nonroot/,
    curl: false,
    wget: false,
    shell: false,
    user: 'non-root',
    entrypoint: ['node'],
    sources: [DISTROLESS, DISTROLESS_USER, DISTROLESS_NODE],
  },
  {
    label: 'gcr.io/distroless/nodejs*',
    repository: /^gcr\.io\/distroless\/nodejs/,
    tag: /.*/,
    curl: false,
    wget: false,
    shell: false,
    user: 'root',
    entrypoint: ['node'],
    sources: [DISTROLESS, DISTROLESS_USER, DISTROLESS_NODE],
  },
  {
    label: 'gcr.io/distroless/*:nonroot',
    repository: /^gcr\.io\/distroless\//,
    tag: /nonroot/,
    curl: false,
    wget: false,
    shell: false,
    user: 'non-root',
    sources: [DISTROLESS, DISTROLESS_USER],
  },
  {
    label: 'gcr.io/distroless/*',
    repository: /^gcr\.io\/distroless\//,
    tag: /.*/,
    curl: false,
    wget: false,
    shell: false,
    user: 'root',
    sources: [DISTROLESS, DISTROLESS_USER],
  },
  // Chainguard: non-root by default; what each image contains varies.
  {
    label: 'cgr.dev/chainguard/*',
    repository: /^cgr\.dev\/chainguard\//,
    tag: /.*/,
    curl: null,
    wget: null,
    shell: null,
    user: 'non-root',
    sources: [CHAINGUARD],
  },
  // .NET Ubuntu Chiseled: non-root, no shell.
  {
    label: 'mcr.microsoft.com/dotnet/*:*-chiseled',
    repository: /^mcr\.microsoft\.com\/dotnet\/(aspnet|runtime|runtime-deps)$/,
    tag: /chiseled/,
    curl: false,
    wget: false,
    shell: false,
    user: 'non-root',
    sources: [DOTNET_CHISELED],
  },
  // Node.js
  { label: 'node:*-alpine', repository: /^node$/, tag: /alpine/, curl: false, wget: true, shell: true, user: 'root', nonRootUser: 'node', sources: [NODE_ALPINE, PYTHON_ALPINE] },
  { label: 'node:*-slim', repository: /^node$/, tag: /slim/, curl: false, wget: false, shell: true, user: 'root', nonRootUser: 'node', sources: [NODE_SLIM] },
  { label: 'node:*', repository: /^node$/, tag: FULL_DEBIAN_TAG, curl: true, wget: true, shell: true, user: 'root', nonRootUser: 'node', sources: [NODE_FULL, BUILDPACK_CURL] },
  // Python
  { label: 'python:*-alpine', repository: /^python$/, tag: /alpine/, curl: false, wget: true, shell: true, user: 'root', sources: [PYTHON_ALPINE] },
  { label: 'python:*-slim', repository: /^python$/, tag: /slim/, curl: false, wget: false, shell: true, user: 'root', sources: [PYTHON_SLIM] },
  { label: 'python:*', repository: /^python$/, tag: FULL_DEBIAN_TAG, curl: true, wget: true, shell: true, user: 'root', sources: [PYTHON_FULL, BUILDPACK_CURL] },
  // Go
  { label: 'golang:*-alpine', repository: /^golang$/, tag: /alpine/, curl: false, wget: true, shell: true, user: 'root', env: { GOPATH: '/go' }, sources: [GOLANG_ALPINE, PYTHON_ALPINE] },
  { label: 'golang:*', repository: /^golang$/, tag: FULL_DEBIAN_TAG, curl: true, wget: true, shell: true, user: 'root', env: { GOPATH: '/go' }, sources: [GOLANG_FULL, BUILDPACK_CURL] },
  // Rust
  { label: 'rust:*', repository: /^rust$/, tag: FULL_DEBIAN_TAG, curl: true, wget: true, shell: true, user: 'root', env: { CARGO_HOME: '/usr/local/cargo', RUSTUP_HOME: '/usr/local/rustup' }, sources: [RUST_FULL, BUILDPACK_CURL] },
  // Ruby
  { label: 'ruby:*-alpine', repository: /^ruby$/, tag: /alpine/, curl: false, wget: true, shell: true, user: 'root', sources: [RUBY_ALPINE] },
  { label: 'ruby:*-slim', repository: /^ruby$/, tag: /slim/, curl: false, wget: false, shell: true, user: 'root', sources: [RUBY_SLIM] },
  { label: 'ruby:*', repository: /^ruby$/, tag: FULL_DEBIAN_TAG, curl: true, wget: true, shell: true, user: 'root', sources: [RUBY_FULL, BUILDPACK_CURL] },
  // Distributions
  { label: 'debian:*', repository: /^debian$/, tag: /.*/, curl: false, wget: false, shell: true, user: 'root', sources: [DEBIAN_SLIM] },
  { label: 'ubuntu:*', repository: /^ubuntu$/, tag: /.*/, curl: false, wget: false, shell: true, user: 'root', sources: [BUILDPACK_UBUNTU_CURL] },
  { label: 'alpine:*', repository: /^alpine$/, tag: /.*/, curl: false, wget: true, shell: true, user: 'root', sources: [ALPINE] },
  { label: 'buildpack-deps:*', repository: /^buildpack-deps$/, tag: /curl|scm|^[a-z]+$/, curl: true, wget: true, shell: true, user: 'root', sources: [BUILDPACK_CURL] },
  // nginx
  { label: 'nginx:*-alpine-slim', repository: /^nginx$/, tag: /alpine-slim/, curl: false, wget: true, shell: true, user: 'root', cmd: NGINX_FOREGROUND, sources: [NGINX_ALPINE_SLIM, ALPINE, NGINX_CMD] },
  { label: 'nginx:*-alpine', repository: /^nginx$/, tag: /alpine/, curl: true, wget: true, shell: true, user: 'root', cmd: NGINX_FOREGROUND, sources: [NGINX_ALPINE, ALPINE, NGINX_CMD] },
  { label: 'nginx:*', repository: /^nginx$/, tag: FULL_DEBIAN_TAG, curl: true, wget: null, shell: true, user: 'root', cmd: NGINX_FOREGROUND, sources: [NGINX_DEBIAN, NGINX_CMD] },
];

/** The row describing `repository:tag` (already normalized), or null for an image we know nothing about. */
export function findBaseImageTools(repository: string, tag: string): BaseImageTools | null {
  return BASE_IMAGE_TOOLS.find((row) => row.repository.test(repository) && row.tag.test(tag)) ?? null;
}
