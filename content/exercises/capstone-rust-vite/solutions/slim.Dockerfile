# syntax=docker/dockerfile:1

# 1. The front end: Node and its dev dependencies build web/dist, and stay in this stage.
FROM node:22-alpine AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY web/ ./
RUN npm run build

# 2. The API: the crates compile in a layer that only Cargo.toml and Cargo.lock invalidate.
#    The strip setting comes first, so both builds use the same profile.
FROM rust:1-bookworm AS api
ENV CARGO_PROFILE_RELEASE_STRIP=true
WORKDIR /api
COPY api/Cargo.toml api/Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release --locked
COPY api/src ./src
RUN touch src/main.rs && cargo build --release --locked

# 3. Run: the program and the built files, on the same Debian release as the build image.
FROM debian:bookworm-slim
COPY --from=api /api/target/release/fieldboard /usr/local/bin/fieldboard
COPY --from=web /web/dist /srv/www
ENV STATIC_DIR=/srv/www
USER nobody
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["fieldboard", "healthcheck"]
CMD ["fieldboard"]
