# syntax=docker/dockerfile:1

FROM rust:1-bookworm AS build
WORKDIR /app
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release --locked
COPY src ./src
RUN touch src/main.rs && cargo build --release --locked && strip target/release/status-api

# glibc, libgcc and CA certificates, no shell, no package manager; runs as uid 65532.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /app/target/release/status-api /usr/local/bin/status-api
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/status-api"]
