# syntax=docker/dockerfile:1

FROM rust:1-bookworm AS build
WORKDIR /app
# Dependencies first: a placeholder main.rs lets cargo compile every crate of Cargo.lock in a
# layer that only Cargo.toml and Cargo.lock invalidate.
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs && cargo build --release --locked
# Then the real sources: touch makes cargo rebuild the program, not the dependencies.
COPY src ./src
ENV CARGO_PROFILE_RELEASE_STRIP=true
RUN touch src/main.rs && cargo build --release --locked

# Same Debian release as the build image, so the same glibc.
FROM debian:bookworm-slim
COPY --from=build /app/target/release/status-api /usr/local/bin/status-api
USER nobody
EXPOSE 8080
CMD ["status-api"]
