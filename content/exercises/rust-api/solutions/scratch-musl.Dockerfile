# syntax=docker/dockerfile:1

FROM rust:1-bookworm AS build
# The musl target links the C library statically: the program needs nothing from the image.
RUN rustup target add x86_64-unknown-linux-musl
WORKDIR /app
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo 'fn main() {}' > src/main.rs \
    && cargo build --release --locked --target x86_64-unknown-linux-musl
COPY src ./src
ENV CARGO_PROFILE_RELEASE_STRIP=true
RUN touch src/main.rs && cargo build --release --locked --target x86_64-unknown-linux-musl

# An empty image: the program and nothing else.
FROM scratch
COPY --from=build /app/target/x86_64-unknown-linux-musl/release/status-api /status-api
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/status-api"]
