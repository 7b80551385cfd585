# syntax=docker/dockerfile:1
# docker buildx build --platform linux/amd64,linux/arm64 -t statuspage .
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
WORKDIR /src
COPY go.mod ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -ldflags="-s -w" -o /out/statuspage .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/statuspage /statuspage
EXPOSE 8080
ENTRYPOINT ["/statuspage"]
