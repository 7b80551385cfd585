# syntax=docker/dockerfile:1
FROM node:22-alpine AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY web/ ./
RUN npm run build

FROM rust:1-bookworm AS api
ENV CARGO_PROFILE_RELEASE_STRIP=true
WORKDIR /api
COPY api/Cargo.toml api/Cargo.lock ./
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release --locked
COPY api/src ./src
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    touch src/main.rs && cargo build --release --locked

# glibc, libgcc and CA certificates; no shell, no package manager; uid 65532. The program is its
# own health check, so the image needs nothing else.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=api /api/target/release/fieldboard /usr/local/bin/fieldboard
COPY --from=web /web/dist /srv/www
ENV STATIC_DIR=/srv/www
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/fieldboard", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/fieldboard"]
