# syntax=docker/dockerfile:1
# Layerwise's own image: the static course site and the workshop server on one port.
#   docker build -t layerwise .
#   docker run -p 4321:4321 -v layerwise-data:/data layerwise
# The base tracks node:22-slim (bookworm) for its security updates; pin a digest in your
# deployment if you need byte-for-byte reproducible builds.
# layerwise-ignore-file=base-image-not-pinned

# Build the site and bundle the server (with its one runtime package, pg) with every development
# dependency; none of them ships.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts
# layerwise-ignore=secrets-in-context content/exercises/dockerignore/project/.env is teaching material with made-up values
COPY . .
RUN npx astro build && node scripts/build-server.mjs

FROM node:22-slim
# tini as PID 1 forwards signals and reaps zombies (bookworm's package, 731 KiB installed).
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini=0.19.0-1+b3 \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=4321 HOST=0.0.0.0 LAYERWISE_DATA=/data
WORKDIR /app
# The server bundle needs no node_modules; dist/ is the site it serves.
COPY --from=build /app/dist-server ./dist-server
COPY --from=build /app/dist ./dist
# The node user of the official image (uid 1000) owns only the data directory.
RUN mkdir /data && chown 1000:1000 /data
USER 1000:1000
VOLUME /data
EXPOSE 4321
# No curl in the slim image: node itself asks the server's health route.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4321/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--experimental-sqlite", "dist-server/main.mjs"]
