# syntax=docker/dockerfile:1
FROM node:22-slim
ENV NODE_ENV=production
# Keep downloaded packages (in the cache mount) instead of deleting them after each install.
RUN rm -f /etc/apt/apt.conf.d/docker-clean \
 && echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache
# The lists and the .deb files live in BuildKit cache mounts: never in a layer, reused next build.
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
COPY src ./src
USER node
CMD ["node", "src/server.js"]
