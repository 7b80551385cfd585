# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
ARG TARGETOS TARGETARCH
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -ldflags="-s -w" -o /out/statuspage .

FROM scratch
COPY --from=build /out/statuspage /statuspage
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/statuspage"]
